"""Pronoun and antecedent resolution of conflict_attribution (conflictnlp.attribution.resolve):
the indexed look-backs give what the item-by-item scans give, and a table of resolutions."""

from __future__ import annotations

from itertools import islice

import pytest
import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)
from conflictnlp.attribution import resolve as resolve_module
from conflictnlp.lexicons import bundled_jsonl
from conflictnlp.sources import SourceTyper

_REFERENCE = {}


@pytest.fixture(scope="module")
def typer():
    return SourceTyper(bundled_jsonl("attribution", "source_types.jsonl"), bundled_jsonl("attribution", "outlets.jsonl"))


# -- typing sources from their antecedents: the indexed look-back gives the item-by-item answer --

def _type_from_antecedents_scan(text: str, items, typer) -> None:
    """Type a pronoun, a bare surname or "the statement" from the source it points back to:
    "Kremlin spokesman Dmitry Peskov said ... Peskov added" -> official; "An army spokesman said ...
    He added" -> official, anonymous."""
    for index, item in enumerate(items):
        src = item["source"]
        if src is None:
            continue
        key = src["text"].lower()
        if key in ("he", "she"):
            resolved = item.get("resolved")
            ante = next((e for e in _earlier_scan(items, index) if resolved and e["source"]["text"] == resolved), None)
            if ante is None:
                ante = next((e for e in islice(_earlier_scan(items, index), 3) if e["source_type"] in resolve_module.PERSONAL), None)
            if ante is not None and ante["source_type"] in resolve_module.PERSONAL:
                item["source_type"] = ante["source_type"]
                item["anonymous"] = ante["anonymous"]
            elif resolved:
                info = typer.classify(resolved)
                if info.source_type == "official":
                    item["source_type"] = "official"
            continue
        if key in resolve_module.ANAPHORS:
            if item["source_type"] not in ("unknown", "organization") and key not in ("the group", "the coalition"):
                continue
            want_personal = key in ("the source", "the commander", "the spokesman", "the spokeswoman",
                                    "the spokesperson", "the official", "the minister")
            ante = next((e for e in islice(_earlier_scan(items, index), 3) if e["source_type"] != "unknown"
                         and (e["source_type"] in resolve_module.PERSONAL) == want_personal and e["source_type"] != "media"), None)
            if ante is not None and (key not in ("the group", "the coalition") or ante["source_type"] in ("military", "organization")):
                item["source_type"] = ante["source_type"]
                if want_personal:
                    item["anonymous"] = ante["anonymous"]
            continue
        bare = src["text"][3:] if src["text"].startswith(("Mr ", "Ms ")) else src["text"]
        names = resolve_module._CONJOINED.sub(" and ", bare[5:] if bare.startswith("Both ") else bare).split(" and ")
        if item["source_type"] in ("unknown", "person", "organization") and all(resolve_module._NAME.fullmatch(n) for n in names):
            found = {_name_type_scan(text, items, typer, name, index, src, len(names) == 1) for name in names}
            if len(found) == 1 and None not in found:
                item["source_type"] = found.pop()
                item["anonymous"] = False


def _name_type_scan(text, items, typer, name, index, src, alone):
    import re
    # A surname alone: the type of the earlier source that carries it; its own appositive; or an
    # earlier mention with a title, found by scanning back.
    ante = next((e for e in _earlier_scan(items, index) if name.isalpha() and name in re.findall(r"\w+", e["source"]["text"])
                 and e["source_type"] in resolve_module.PERSONAL), None)
    if ante is not None:
        return ante["source_type"]
    helper = resolve_module.Antecedents(text, items, typer)
    own = helper.mention_type(src["start"], src["end"], title=False) if alone else None
    if own:
        return own
    at = text.rfind(" " + name, 0, src["start"])
    while at > 0:
        found = helper.mention_type(at, at + 1 + len(name))
        if found:
            return found
        at = text.rfind(" " + name, 0, at)
    return None




def _earlier_scan(items, index):
    return [e for e in reversed(items[:index]) if e["source"] and e["source"]["text"].lower() not in resolve_module.ANAPHORS]


_SOURCE_TEXTS = ["Peskov", "Mr Peskov", "Dmitry Peskov", "He", "she", "the statement", "the group", "Zelensky",
                 "officials", "the spokesman", "Reuters", "Kremlin spokesman Dmitry Peskov", "Budanov"]
_FILLER = ["said", "Kremlin spokesman", "military intelligence chief Kyrylo", "President", "the", "x"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(
    st.sampled_from(_FILLER), st.one_of(st.none(), st.sampled_from(_SOURCE_TEXTS)),
    st.sampled_from(["person", "official", "unknown", "organization", "media", "military"]), st.booleans(),
    st.one_of(st.none(), st.sampled_from(["Dmitry Peskov", "Zelensky", "Budanov"])),
), max_size=12))
def test_type_from_antecedents_matches_the_item_by_item_look_back(typer, specs):
    import copy

    text, items = "", []
    for filler, source, source_type, anonymous, resolved in specs:
        text += " " + filler + " "
        item = {"source": None, "source_type": source_type, "anonymous": anonymous, "resolved": resolved}
        if source is not None:
            item["source"] = {"start": len(text), "end": len(text) + len(source), "text": source}
            text += source
        items.append(item)
    expected = copy.deepcopy(items)
    _type_from_antecedents_scan(text, expected, typer)
    resolve_module.type_from_antecedents(text, items, typer)
    assert items == expected


_NAME_WORDS = ["Zelensky", "Joe", "Biden", "He", "The", "the", "said", ",", "US", "Kyiv", "troops", "A", "x2", "É",
               "In", "Monday", "May", "“"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=20), st.lists(st.booleans(), min_size=20, max_size=20),
       st.data())
def test_last_name_run_is_the_last_run_a_forward_scan_finds(words, starts, data):
    """_NameWords.last_run gives what scanning the tokens forward for runs of two or more
    capitalized, alphabetic words (a determiner or pronoun opening a sentence breaks them)."""
    if "clip_vocab" not in _REFERENCE:
        _REFERENCE["clip_vocab"] = spacy.blank("en").vocab
    doc = Doc(_REFERENCE["clip_vocab"], words=words, sent_starts=[True] + starts[1:len(words)])
    names = resolve_module.NameWords(doc)
    names.SCAN = data.draw(st.sampled_from([0, 3, 64]))  # windows above it use the run index
    for _ in range(data.draw(st.integers(0, 2))):  # earlier reads of other ranges
        a = data.draw(st.integers(0, len(words)))
        names.read(a, data.draw(st.integers(a, len(words))))
    lo = data.draw(st.integers(0, len(words)))
    hi = data.draw(st.integers(lo, len(words)))
    names.read(lo, hi)
    run, best = [], None
    for i in range(lo, hi):
        t = doc[i]
        opens = t.is_sent_start or i == 0 or not any(c.isalnum() for c in doc[i - 1].text)
        if t.text[:1].isupper() and t.is_alpha and t.lower_ not in resolve_module.NOT_NAMES and not (
            opens and t.lower_ in resolve_module.NAME_OPENERS
        ):
            run.append(i)
        else:
            if len(run) >= 2:
                best = (run[0], run[-1] + 1)
            run = []
    if len(run) >= 2:
        best = (run[0], run[-1] + 1)
    assert names.last_run(lo, hi) == best
    assert names.capitalized[lo:hi] == [t.text[:1].isupper() and t.is_alpha for t in doc[lo:hi]]
    assert names.lower[lo:hi] == [t.lower_ for t in doc[lo:hi]]


@pytest.mark.parametrize("text, expected", [
    ("Zelensky said 5 soldiers died. He said more would come.", [("Zelensky", None), ("He", "Zelensky")]),
    # The third sentence looks back one sentence only, where the source is a pronoun: no name.
    ("Zelensky said 5 soldiers died. He said more would come. He added that 3 were hurt.",
     [("Zelensky", None), ("He", "Zelensky"), ("He", None)]),
    ("He said 40 tanks were lost. Peskov told CNN that he doubted it, and she said it was false.",
     [("He", None), ("Peskov", None), ("she", "Peskov")]),
    ("Kremlin spokesman Dmitry Peskov said talks stalled. They said 12 drones were downed. He said so too.",
     [("Kremlin spokesman Dmitry Peskov", None), ("They", "Kremlin spokesman Dmitry Peskov"), ("He", None)]),
])
def test_pronoun_sources_resolve_to_the_nearest_named_source_in_the_window(nlp, text, expected):
    found = [(a["source"]["text"] if a["source"] else None, a["resolved"]) for a in nlp(text)._.conflict_attributions]
    assert found == expected
