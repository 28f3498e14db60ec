"""The namespaced extension names (conflict_*) and the deprecated short names of earlier versions:
an alias reads and writes the new name and warns once; another library that owns a short name
keeps it, whether it registers before or after conflictnlp is imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest
import spacy
from spacy.tokens import Doc, Span

import conflictnlp
from conflictnlp import extensions

TEXT = "Some 300 troops were killed, officials said. More may have died."

# short name, its object, the new name
ALIAS_CASES = [
    ("count", "span", "conflict_count"),
    ("certainty", "sent", "conflict_certainty"),
    ("hedged", "sent", "conflict_hedged"),
    ("hedge_score", "sent", "conflict_hedge_score"),
    ("hedge_cues", "sent", "conflict_hedge_cues"),
    ("attributions", "doc", "conflict_attributions"),
    ("claims", "doc", "conflict_claims"),
]


@pytest.fixture(scope="module")
def doc():
    return conflictnlp.load()(TEXT)


def _target(doc, kind):
    return {"span": doc.spans["conflict_counts"][0], "sent": list(doc.sents)[1], "doc": doc}[kind]


def test_every_short_name_has_an_alias_and_every_new_name_is_registered():
    assert sorted(old for old, _, _ in ALIAS_CASES) == sorted(extensions.ALIASES)
    for old, (cls, new) in extensions.ALIASES.items():
        assert new.startswith("conflict_") and cls.has_extension(new)
        assert set(extensions.DOC_EXTENSIONS) | set(extensions.SPAN_EXTENSIONS) >= {new}


@pytest.mark.parametrize("old,kind,new", ALIAS_CASES)
def test_a_short_name_reads_the_new_one_and_warns_once(doc, old, kind, new):
    obj = _target(doc, kind)
    assert obj._.get(new) is not None
    extensions._warn_deprecated.cache_clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first, second = getattr(obj._, old), getattr(obj._, old)
    assert first == second == obj._.get(new)
    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == 1, [str(w.message) for w in caught]
    assert f"._.{new}" in str(deprecations[0].message) and f"._.{old} is deprecated" in str(deprecations[0].message)


def test_setting_a_short_name_sets_the_new_one():
    doc = spacy.blank("en")("Ten soldiers died.")
    conflictnlp.extensions.install_aliases()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        doc._.claims = [{"count": 0}]
        doc[0:2]._.count = {"value": 10}
    assert doc._.conflict_claims == [{"count": 0}] and doc[0:2]._.conflict_count == {"value": 10}


def test_internal_code_reads_no_short_name(doc):
    extensions._warn_deprecated.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        export = conflictnlp.to_dict(conflictnlp.load()(TEXT))
    assert export["counts"][0]["value"] == 300 and export["claims"]


_OTHER_LIBRARY = textwrap.dedent(
    """
    import warnings
    warnings.simplefilter("always")
    import spacy
    from spacy.tokens import Doc, Span
    def other_library():  # another library's own attributes, registered without force
        Span.set_extension("count", default="theirs")
        Doc.set_extension("claims", getter=lambda doc: "their claims")
    if {before}:
        other_library()
    import conflictnlp
    if not {before}:
        other_library()
    with warnings.catch_warnings(record=True) as caught:
        nlp = spacy.blank("en")
        nlp.add_pipe("conflict_sentences")
        nlp.add_pipe("conflict_counts")
        nlp.add_pipe("conflict_claims")
        doc = nlp("Some 300 troops were killed.")
    span = doc.spans["conflict_counts"][0]
    assert span._.count == "theirs" and doc._.claims == "their claims"
    assert span._.conflict_count["value"] == 300 and len(doc._.conflict_claims) == 1
    taken = sorted(str(w.message) for w in caught if "another library" in str(w.message))
    assert len(taken) == 2, taken
    assert "Doc._.conflict_claims" in taken[0] and "Span._.conflict_count" in taken[1], taken
    print("ok")
    """
)


@pytest.mark.parametrize("before", [True, False], ids=["before-import", "after-import"])
def test_another_library_owning_a_short_name_keeps_it(before):
    result = subprocess.run([sys.executable, "-c", _OTHER_LIBRARY.format(before=before)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_remove_aliases_gives_the_short_names_back_and_spares_other_libraries():
    extensions.install_aliases()
    try:
        extensions.remove_aliases()
        assert not Span.has_extension("count") and not Doc.has_extension("claims")
        Span.set_extension("count", default="theirs")  # another library, after a pipeline was built
        extensions.remove_aliases()
        assert Span.get_extension("count")[0] == "theirs"
    finally:
        if Span.has_extension("count"):
            Span.remove_extension("count")
        extensions.install_aliases()
    assert extensions._is_alias(Span, "count")
