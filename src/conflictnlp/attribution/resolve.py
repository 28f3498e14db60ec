"""Pronoun and antecedent resolution: the name a pronoun source points to (:func:`resolve`),
and the type of a pronoun, a bare surname or "the statement" from the source it points back to
(:func:`type_from_antecedents`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from typing import Any, Dict, Iterator, List, Optional, Tuple

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from ..doctools import SentenceOf, decode
from .grammar import DETERMINERS, INNER_PREPS, NP_STOP, PRONOUNS
from .sources import SourceTyper
from .view import Record, is_punct
from .words import ANAPHORS, DAYS, MONTHS, PERSONAL_ANAPHORS

PERSONAL = ("person", "official")


def type_from_antecedents(text: str, items: List[Dict[str, Any]], typer: SourceTyper) -> None:
    """Type a pronoun, a bare surname or "the statement" from the source it points back to:
    "Kremlin spokesman Dmitry Peskov said ... Peskov added" -> official; "An army spokesman said ...
    He added" -> official, anonymous."""
    antecedents = Antecedents(text, items, typer)
    for index, item in enumerate(items):
        src = item["source"]
        if src is None:
            continue
        key = src["text"].lower()
        if key in ("he", "she"):
            resolved = item.get("resolved")
            ante = next(antecedents.named(resolved, index), None) if resolved else None
            if ante is None:
                ante = next((e for e in islice(antecedents.earlier(index), 3) if e["source_type"] in PERSONAL), None)
            if ante is not None and ante["source_type"] in PERSONAL:
                item["source_type"] = ante["source_type"]
                item["anonymous"] = ante["anonymous"]
            elif resolved:
                info = typer.classify(resolved)
                if info.source_type == "official":
                    item["source_type"] = "official"
            continue
        if key in ANAPHORS:
            if item["source_type"] not in ("unknown", "organization") and key not in ("the group", "the coalition"):
                continue
            want_personal = key in PERSONAL_ANAPHORS
            ante = next((e for e in islice(antecedents.earlier(index), 3) if e["source_type"] != "unknown"
                         and (e["source_type"] in PERSONAL) == want_personal and e["source_type"] != "media"), None)
            if ante is not None and (key not in ("the group", "the coalition") or ante["source_type"] in ("military", "organization")):
                item["source_type"] = ante["source_type"]
                if want_personal:
                    item["anonymous"] = ante["anonymous"]
            continue
        # (a small NER model often labels a surname alone ORG: an earlier person carrying it wins)
        bare = src["text"][3:] if src["text"].startswith(("Mr ", "Ms ")) else src["text"]
        names = _CONJOINED.sub(" and ", bare[5:] if bare.startswith("Both ") else bare).split(" and ")
        if item["source_type"] in ("unknown", "person", "organization") and all(_NAME.fullmatch(n) for n in names):
            # Surnames alone ("Novak", "both Novak and Berg"): the type their earlier sources or
            # mentions carry, the same for all of them.
            found = {_name_type(antecedents, name, index, src, len(names) == 1) for name in names}
            if len(found) == 1 and None not in found:
                item["source_type"] = found.pop()
                item["anonymous"] = False


def _name_type(antecedents: "Antecedents", name: str, index: int, src: Dict[str, Any], alone: bool) -> Optional[str]:
    """The type of a name from the earlier source that carries it (a surname), its own appositive
    ("Jan Novak, a police officer, said") or an earlier mention with a title ("... Kremlin
    spokesman Dmitry Peskov ...")."""
    ante = antecedents.personal_carrying(name, index) if name.isalpha() else None
    if ante is not None:
        return ante["source_type"]
    own = antecedents.mention_type(src["start"], src["end"], title=False) if alone else None
    return own or antecedents.titled_mention(name, src["start"])


class Antecedents:
    """The earlier sources and mentions that :func:`type_from_antecedents` looks back to,
    indexed once per Doc (looking back through every earlier item for each source made a
    document with thousands of attributions quadratic)."""

    def __init__(self, text: str, items: List[Dict[str, Any]], typer: SourceTyper) -> None:
        self.text, self.items, self.typer = text, items, typer
        self._by_text: Dict[str, List[int]] = {}
        self._plain: List[int] = []  # the items whose source is not an anaphor
        for k, item in enumerate(items):
            source = item["source"]
            if source and source["text"].lower() not in ANAPHORS:
                for key in {source["text"], short_name(source["text"])}:  # what a pronoun resolves to
                    self._by_text.setdefault(key, []).append(k)
                self._plain.append(k)
        # Items typed person or official, by the words of their source, up to `_settled`.
        self._personal_by_word: Dict[str, List[int]] = {}
        self._settled = 0
        self._mentions: Dict[str, Tuple[List[int], List[str]]] = {}

    def _before(self, ks: List[int], index: int) -> Iterator[Dict[str, Any]]:
        for j in range(bisect_left(ks, index) - 1, -1, -1):
            yield self.items[ks[j]]

    def earlier(self, index: int) -> Iterator[Dict[str, Any]]:
        """The items before ``index`` whose source is not an anaphor, nearest first."""
        return self._before(self._plain, index)

    def named(self, name: str, index: int) -> Iterator[Dict[str, Any]]:
        """The items before ``index`` whose source is ``name`` (not an anaphor), nearest first."""
        return self._before(self._by_text.get(name, []), index)

    def personal_carrying(self, word: str, index: int) -> Optional[Dict[str, Any]]:
        """The nearest item before ``index`` typed person or official whose source (not an
        anaphor) has the word ``word``. Items are typed in order and not retyped later, so
        the items before ``index`` are indexed once, with their final types, as ``index``
        grows (asking for a smaller ``index`` later is not supported)."""
        while self._settled < index:
            item = self.items[self._settled]
            source = item["source"]
            if source and source["text"].lower() not in ANAPHORS and item["source_type"] in PERSONAL:
                for part in set(_WORDS.findall(source["text"])):
                    self._personal_by_word.setdefault(part, []).append(self._settled)
            self._settled += 1
        found = self._personal_by_word.get(word)
        return self.items[found[-1]] if found else None

    def titled_mention(self, bare: str, before: int) -> Optional[str]:
        """The personal type of the last mention " <bare>" that ends by character ``before``
        (not at the text's start) whose seven words up to it (after a comma) name a person or an
        official ("... Kremlin spokesman Dmitry Peskov", "the army's spokesman, Col. Jan Novak"),
        or whose appositive does ("Petra Lind, a police officer,"), or None."""
        if bare not in self._mentions:
            text, pattern = self.text, " " + bare
            ends: List[int] = []
            types: List[str] = []
            at = text.find(pattern)
            while at != -1:
                if at > 0:
                    mention_type = self.mention_type(at, at + len(pattern))
                    if mention_type is not None:
                        ends.append(at + len(pattern))
                        types.append(mention_type)
                at = text.find(pattern, at + 1)
            self._mentions[bare] = (ends, types)
        ends, types = self._mentions[bare]
        k = bisect_right(ends, before)
        return types[k - 1] if k else None


    def mention_type(self, start: int, end: int, title: bool = True) -> Optional[str]:
        """The personal type a mention ending at ``end`` gets from its title before it (in its
        clause: after a comma, line break or full stop) or its appositive after it (a role phrase
        up to the next comma or full stop), or None."""
        window = _CLAUSE_BREAK.split(self.text[max(0, start - 60):end])[-1]
        info = self.typer.classify(" ".join(window.split()[-7:])) if title else None
        if info and (info.source_type == "official" or (info.source_type == "person" and not _IS_NAME.fullmatch(window.strip()))):
            return info.source_type
        after = _APPOSITIVE.match(self.text, end)
        if after:
            info = self.typer.classify(after.group(1))
            if info.source_type in PERSONAL and after.group(1)[:1].islower():
                return info.source_type
        return None


_WORDS = re.compile(r"\w+")
_CONJOINED = re.compile(r",? and |, ")
_CLAUSE_BREAK = re.compile(r",|\n|(?<=[a-z]{4}[.!?])\s")  # "Col.", "Capt.", "Brig." do not end a clause
_NAME = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")  # a name of one to four capitalized words
_IS_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s*)+")  # capitalized words only: no title in the window
_APPOSITIVE = re.compile(r",\s+((?:a|an|the)\s+[^,.;:\n]{3,60}|[a-z][^,.;:\n]{3,60})[,.]")


class NameWords:
    """Per-Doc word tests for :func:`resolve`: is each token capitalized and alphabetic
    (``t.text[:1].isupper() and t.is_alpha``), and can it be part of a name (not a
    determiner or pronoun that opens a sentence). Read from arrays for the token ranges
    asked for, each token once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._rows: Any = None
        self._lo = self._hi = 0  # the tokens read so far: one range
        self.capitalized: List[bool] = []
        self.in_name: List[bool] = []
        self.lower: List[str] = []
        self._run_index: Optional[Tuple[List[int], List[Optional[Tuple[int, int]]]]] = None

    def read(self, lo: int, hi: int) -> "NameWords":
        """Make the tests of tokens ``lo:hi`` available; returns self."""
        if self._rows is None:
            n = len(self._doc)
            self._rows = self._doc.to_array([ORTH, SENT_START])
            self.capitalized, self.in_name, self.lower = [False] * n, [False] * n, [""] * n
            self._lo = self._hi = lo
        new_lo, new_hi = min(lo, self._lo), max(hi, self._hi)
        self._fill(new_lo, self._lo)
        self._fill(self._hi, new_hi)
        self._lo, self._hi = new_lo, new_hi
        return self

    def _fill(self, lo: int, hi: int) -> None:
        if lo >= hi:
            return
        rows = self._rows
        first = max(0, lo - 1)  # the word before ``lo``: does a word open a phrase after punctuation
        words = decode(self._doc.vocab.strings, rows[first:hi, 0].tolist())
        previous = words[0] if first < lo else ""
        for k, word, start in zip(range(lo, hi), words[lo - first:], rows[lo:hi, 1].tolist()):
            lower = word.lower()
            capitalized = word[:1].isupper() and word.isalpha()
            self.lower[k] = lower
            self.capitalized[k] = capitalized
            self.in_name[k] = capitalized and name_word(lower, start == 1 or k == 0 or is_punct(previous))
            previous = word

    # Windows longer than this are answered from an index of the Doc's runs (one pass), so
    # that a pronoun in a sentence thousands of words long does not scan it.
    SCAN = 64

    def last_run(self, lo: int, hi: int) -> Optional[Tuple[int, int]]:
        """The last run of two or more name words in ``lo:hi`` (runs cut at ``lo`` and ``hi``)."""
        if hi - lo <= self.SCAN:
            return last_run_scan(self.in_name, lo, hi)
        run_start, last_long = self._runs()
        p = hi
        if hi - 1 >= lo and self.in_name[hi - 1]:
            a = max(run_start[hi - 1], lo)  # the run that ends the window, cut at both ends
            if hi - a >= 2:
                return a, hi
            p = a
        found = last_long[p]  # the last whole run of two or more ending by p: cut at lo only
        if found is None:
            return None
        a, b = max(found[0], lo), found[1]
        return (a, b) if b - a >= 2 else None

    def _runs(self) -> Tuple[List[int], List[Optional[Tuple[int, int]]]]:
        if self._run_index is None:
            self.read(0, len(self._doc))
            self._run_index = name_runs(self.in_name)
        return self._run_index


# Capitalized words that open a sentence or a phrase after punctuation without being names:
# "In Kharkiv, he said", "After the talks, she said", "“But ...".
NAME_OPENERS = frozenset(DETERMINERS | PRONOUNS | NP_STOP | INNER_PREPS) | {
    "following", "despite", "from", "with", "for", "of", "meanwhile", "separately", "earlier", "later",
}
NOT_NAMES = frozenset(DAYS) | (frozenset(MONTHS) - {"may"})  # "On Monday, she said": no name


def name_word(lower: str, opens: bool) -> bool:
    """A capitalized word can be part of a name: not a weekday or month, and not a function word
    that opens a sentence or a phrase after punctuation (``opens``)."""
    return lower not in NOT_NAMES and not (opens and lower in NAME_OPENERS)


def last_run_scan(in_name: List[bool], lo: int, hi: int) -> Optional[Tuple[int, int]]:
    """The last run of two or more name words in ``lo:hi``, scanning back from ``hi``."""
    i = hi - 1
    while i >= lo:
        while i >= lo and not in_name[i]:
            i -= 1
        j = i
        while j >= lo and in_name[j]:
            j -= 1
        if i - j >= 2:
            return j + 1, i + 1
        i = j
    return None


def name_runs(in_name: List[bool]) -> Tuple[List[int], List[Optional[Tuple[int, int]]]]:
    """For each token, where its run of name words starts; for each position ``p``, the last run
    of two or more that ends by ``p``."""
    n = len(in_name)
    run_start = [0] * n
    last_long: List[Optional[Tuple[int, int]]] = [None] * (n + 1)
    for i in range(n):
        if in_name[i]:
            run_start[i] = run_start[i - 1] if i and in_name[i - 1] else i
        ends = in_name[i] and (i + 1 == n or not in_name[i + 1])
        long_run = ends and i + 1 - run_start[i] >= 2
        last_long[i + 1] = (run_start[i], i + 1) if long_run else last_long[i]
    return run_start, last_long


PERSON_ENTS = ("PERSON",)
PLACE_OR_BODY_ENTS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "LAW"})


def resolve_pronoun(doc: Doc, records: List[Record], items: List[dict], named: List[int], rec: Record, ents,
                    sentence_of: Optional[SentenceOf], names: "NameWords", typer: SourceTyper) -> Optional[str]:
    """The name a pronoun source points to, from this sentence or the one before: the source
    of the nearest earlier item in ``named`` (the items so far whose source is not a pronoun)
    that fits, or a name in the text; None rather than a wrong one ("he" is never a country, a
    body or a sentence's first word: "In Kharkiv, he said")."""
    pronoun = doc[rec.source[0]].lower_
    sent_start = sentence_of(rec.cue[0])[0] if sentence_of is not None else 0
    window_start = sent_start
    if sent_start > 0 and sentence_of is not None:
        window_start = sentence_of(sent_start - 1)[0]
    personal = pronoun in ("he", "she")
    for k in reversed(named):
        prev, item = records[k], items[k]
        if prev.source[0] < window_start:
            continue
        if personal and not (item["source_type"] in PERSONAL or (
                item["source_type"] == "unknown" and fits_person(doc, prev.source, ents, typer))):
            continue
        return short_name(item["source"]["text"])
    if not personal:
        return None
    for ent in reversed(ents):
        if ent.label_ in PERSON_ENTS and window_start <= ent.start < rec.source[0]:
            return ent.text
    # Two or more name words in a row ("Gen. Oleksandr Syrskyi visited ...").
    names = names.read(window_start, rec.source[0])
    best = names.last_run(window_start, rec.source[0])
    if best and fits_person(doc, best, ents, typer):
        return doc[best[0]:best[1]].text
    # The name that opens the sentence or the one before ("Zelensky met ...").
    for start in (sent_start, window_start):
        end = start
        while end < rec.source[0] and names.in_name[end]:
            end += 1
        if start < end < rec.source[0] and fits_person(doc, (start, end), ents, typer):
            return doc[start:end].text
    return None


def fits_person(doc: Doc, rng: Tuple[int, int], ents, typer: SourceTyper) -> bool:
    """The tokens ``rng`` can be the person "he" or "she" points to: the typer does not make them
    a state, body, armed force or outlet ("Ukraine", "the United States", "NATO"), and no entity
    of the parse that is a place, group or date overlaps them."""
    if typer.classify(doc[rng[0]:rng[1]].text).source_type not in PERSONAL + ("unknown",):
        return False
    return not any(e.label_ in PLACE_OR_BODY_ENTS and e.start < rng[1] and rng[0] < e.end for e in ents)


_INSERT = re.compile(r",\s+(?:a|an|the|one of|who|whose|which|now|\d+\b)")


def short_name(source: str) -> str:
    """A source as the name a pronoun resolves to: without the inserts after its name ("Jan
    Novak, a lawyer for the families" -> "Jan Novak"; "The army's spokesman, Jan Novak" stays)."""
    cut = _INSERT.search(source)
    return source[:cut.start()] if cut and any(w[:1].isupper() for w in source[:cut.start()].split()) else source
