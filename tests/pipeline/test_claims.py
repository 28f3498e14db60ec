"""conflict_claims: linking counts to attributions, sentences and certainty.

Docs are built by hand in the shapes of the contract (tests/docbuild.py), so these
tests do not depend on the counts/attribution/hedging components.
"""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from conflictnlp import claims as claims_module
from conflictnlp.claims import claim_certainty, cue_certainty, link_claims
from conflictnlp.export import to_dict

from docbuild import build

SAID = {"cue": "said", "source": "officials", "source_type": "official", "anonymous": True}

# (id, text, counts, attributions, hedges, expected [(attribution, sentence, certainty) per count])
CASES = [
    (
        "content carries the count",
        "Russia has 50,000 troops in Kursk, officials said.",
        ["50,000 troops"],
        [dict(SAID, content="Russia has 50,000 troops in Kursk")],
        [],
        [(0, 0, "certain")],
    ),
    (
        "no source: attribution null",
        "Russia has 50,000 troops in Kursk.",
        ["50,000 troops"],
        [],
        [],
        [(None, 0, "certain")],
    ),
    (
        "cue in the sentence, content not detected",
        "Russia has 50,000 troops in Kursk, officials said.",
        ["50,000 troops"],
        [dict(SAID)],
        [],
        [(0, 0, "certain")],
    ),
    (
        "cue in the sentence, content detected elsewhere (e.g. a trailing participle)",
        "Russia has 45,000 troops there, officials told reporters, speaking on condition of anonymity.",
        ["45,000 troops"],
        [dict(SAID, cue="told", content="speaking on condition of anonymity")],
        [],
        [(0, 0, "certain")],
    ),
    (
        "the sentence fallback prefers an attribution without content",
        "Kyiv said, and Moscow confirmed it was true, that 300 troops crossed.",
        ["300 troops"],
        [{"cue": "said", "source": "Kyiv"}, {"cue": "confirmed", "source": "Moscow", "content": "it was true"}],
        [],
        [(0, 0, "certain")],
    ),
    (
        "a cue in another sentence does not carry the count",
        "Officials said the attack failed. Russia has 50,000 troops in Kursk.",
        ["50,000 troops"],
        [dict(SAID, source="Officials")],
        [],
        [(None, 1, "certain")],
    ),
    (
        "the narrowest content wins (nested report)",
        "The ministry said Russian media reported 600 soldiers were captured.",
        ["600 soldiers"],
        [
            {"cue": "said", "source": "The ministry", "content": "Russian media reported 600 soldiers were captured"},
            {"cue": "reported", "source": "Russian media", "content": "600 soldiers were captured"},
        ],
        [],
        [(1, 0, "certain")],
    ),
    (
        "equal contents (the outer one cut short): the cue nearest the count wins",
        "The ministry said Russian media reported 600 soldiers were captured.",
        ["600 soldiers"],
        [
            {"cue": "said", "source": "The ministry", "content": "600 soldiers were captured"},
            {"cue": "reported", "source": "Russian media", "content": "600 soldiers were captured"},
        ],
        [],
        [(1, 0, "certain")],
    ),
    (
        "a count inside the source is not that source's claim",
        "Two brigades of marines said nothing about the assault.",
        ["Two brigades"],
        [{"cue": "said", "source": "Two brigades of marines"}],
        [],
        [(None, 0, "certain")],
    ),
    (
        "the nearest cue wins in the sentence fallback",
        "Kyiv said, and Moscow later confirmed, that 300 troops crossed.",
        ["300 troops"],
        [{"cue": "said", "source": "Kyiv"}, {"cue": "confirmed", "source": "Moscow"}],
        [],
        [(1, 0, "certain")],
    ),
    (
        "sentence certainty when the claim covers the sentence",
        "Officials said Russia may send 20,000 more troops.",
        ["20,000 more troops"],
        [dict(SAID, source="Officials", content="Russia may send 20,000 more troops")],
        [("may", "epistemic", "possible")],
        [(0, 0, "possible")],
    ),
    (
        "a hedge outside the narrower content does not apply",
        "Officials said 11,000 troops are in Kursk, but it is unclear whether they will fight.",
        ["11,000 troops"],
        [dict(SAID, source="Officials", content="11,000 troops are in Kursk")],
        [("unclear", "unclear", "possible"), ("whether", "unclear", "possible")],
        [(0, 0, "certain")],
    ),
    (
        "the reporting verb's own hedge applies to its content",
        "Moscow claimed 500 soldiers were killed, and shelling continued for a while overnight.",
        ["500 soldiers"],
        [{"cue": "claimed", "source": "Moscow", "content": "500 soldiers were killed"}],
        [("claimed", "evidential", "unverified"), ("for a while", "epistemic", "possible")],
        [(0, 0, "unverified")],
    ),
    (
        "narrow content grades its own cue, capped by the sentence",
        "Officials said 3,000 troops are likely there, though this could not be independently verified.",
        ["3,000 troops"],
        [dict(SAID, source="Officials", content="3,000 troops are likely there")],
        [("likely", "epistemic", "probable"), ("could not be independently verified", "unverifiable", "unverified")],
        [(0, 0, "probable")],
    ),
    (
        "unattributed count takes the sentence certainty",
        "Russia reportedly moved 8,000 troops north.",
        ["8,000 troops"],
        [],
        [("reportedly", "evidential", "unverified")],
        [(None, 0, "unverified")],
    ),
    (
        "several counts, several sentences, order kept",
        "The ministry said 40 drones were downed. Russia lost 12 tanks. Kyiv estimates 900 casualties.",
        ["40 drones", "12 tanks", "900 casualties"],
        [
            {"cue": "said", "source": "The ministry", "content": "40 drones were downed"},
            {"cue": "estimates", "source": "Kyiv", "content": "900 casualties"},
        ],
        [("estimates", "estimate", "probable")],
        [(0, 0, "certain"), (None, 1, "certain"), (1, 2, "probable")],
    ),
]


def _run(text, counts, attributions, hedges, **config):
    doc = build(text, counts, attributions, hedges)
    return claims_module.ClaimLinker(**config)(doc)


@pytest.mark.parametrize("name,text,counts,attributions,hedges,expected", CASES, ids=[c[0] for c in CASES])
def test_claim_links(name, text, counts, attributions, hedges, expected):
    doc = _run(text, counts, attributions, hedges)
    got = [(c["attribution"], c["sentence"], c["certainty"]) for c in doc._.conflict_claims]
    assert got == expected
    assert [c["count"] for c in doc._.conflict_claims] == list(range(len(counts)))


# (sentence_fallback, expected attribution for "Russia lost 1,000 soldiers, while Kyiv said it repelled ...")
FALLBACKS = [
    ("any", 0),
    ("without_content", None),
    ("off", None),
]


@pytest.mark.parametrize("fallback,expected", FALLBACKS)
def test_sentence_fallback_option(fallback, expected):
    doc = _run(
        "Russia lost 1,000 soldiers, while Kyiv said it repelled the attack.",
        ["1,000 soldiers"],
        [{"cue": "said", "source": "Kyiv", "content": "it repelled the attack"}],
        [],
        sentence_fallback=fallback,
    )
    assert doc._.conflict_claims[0]["attribution"] == expected


def test_off_still_links_by_content():
    doc = _run(
        "Russia has 50,000 troops in Kursk, officials said.",
        ["50,000 troops"],
        [dict(SAID, content="Russia has 50,000 troops in Kursk")],
        [],
        sentence_fallback="off",
    )
    assert doc._.conflict_claims[0]["attribution"] == 0


def test_bad_fallback_is_a_clear_error():
    with pytest.raises(ValueError, match="sentence_fallback 'sometimes'"):
        claims_module.ClaimLinker(sentence_fallback="sometimes")
    with pytest.raises(ValueError, match="sentence_fallback"):
        link_claims([], [], [], "sometimes")


def test_no_hedging_layer_gives_null_certainty():
    doc = build("Russia has 50,000 troops.", ["50,000 troops"], [], [], hedging=False)
    claims_module.ClaimLinker()(doc)
    assert doc._.conflict_claims == [{"count": 0, "attribution": None, "sentence": 0, "certainty": None, "hypothetical": False}]


def test_empty_and_countless_docs():
    linker = claims_module.ClaimLinker()
    nlp = spacy.blank("en")
    assert linker(nlp(""))._.conflict_claims == []
    assert linker(nlp("Nothing to count here."))._.conflict_claims == []


# (cue, certainty it signals alone)
CUES = [
    ({"type": "evidential", "text": "reportedly"}, "unverified"),
    ({"type": "denial", "text": "denied"}, "unverified"),
    ({"type": "unverifiable", "text": "unconfirmed"}, "unverified"),
    ({"type": "epistemic", "text": "may"}, "possible"),
    ({"type": "epistemic", "text": "Likely"}, "probable"),
    ({"type": "expectation", "text": "expected"}, "probable"),
    ({"type": "estimate", "text": "estimated"}, "probable"),
    ({"type": "condition", "text": "if"}, "possible"),
    ({"type": "epistemic", "text": "seems  to"}, "probable"),
    ({"type": "epistemic", "text": "may", "certainty": "probable"}, "probable"),
    ({"type": "epistemic", "text": "may", "level": "probable"}, "probable"),
]


@pytest.mark.parametrize("cue,expected", CUES)
def test_cue_certainty(cue, expected):
    assert cue_certainty(cue) == expected


def test_claim_certainty_none_without_sentence():
    assert claim_certainty(None, None, {"start": 0, "end": 1}) is None


def test_pipeline_factory_and_export():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    linker = nlp.add_pipe("conflict_claims", config={"sentence_fallback": "any"})
    assert linker.sentence_fallback == "any"
    doc = build(
        "Russia has 50,000 troops in Kursk, officials said.",
        ["50,000 troops"],
        [dict(SAID, content="Russia has 50,000 troops in Kursk")],
    )
    doc = nlp.get_pipe("conflict_claims")(doc)
    export = to_dict(doc)
    assert export["claims"] == [{"count": 0, "attribution": 0, "sentence": 0, "certainty": "certain", "hypothetical": False}]


def test_claims_survive_serialization():
    doc = build(
        "Moscow claimed 500 soldiers were killed.",
        ["500 soldiers"],
        [{"cue": "claimed", "source": "Moscow", "content": "500 soldiers were killed"}],
        [("claimed", "evidential", "unverified")],
    )
    claims_module.ClaimLinker()(doc)
    expected = doc._.conflict_claims
    assert pickle.loads(pickle.dumps(doc))._.conflict_claims == expected
    bin_ = DocBin(store_user_data=True, docs=[doc])
    restored = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(doc.vocab))[0]
    # DocBin's msgpack gives lists back as tuples; the dicts are the same
    assert [dict(c) for c in restored._.conflict_claims] == expected


WORDS = st.sampled_from(["Russia", "said", "troops", "may", "50,000", "officials", ".", ",", "Kyiv", "reportedly"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30), st.data())
def test_property_every_count_gets_one_claim_with_valid_indices(words, data):
    text = " ".join(words)
    n_counts = text.count("50,000")
    counts = [f"50,000#{i + 1}" for i in range(n_counts)]
    attributions = []
    if "said" in words:
        attributions.append({"cue": "said", "content": data.draw(st.sampled_from([None, "50,000", text]))})
    if attributions and attributions[0]["content"] == "50,000" and not n_counts:
        attributions[0]["content"] = None
    doc = build(text, counts, attributions, [("may", "epistemic", "possible")] if "may" in words else [])
    claims_module.ClaimLinker()(doc)
    sentences = list(doc.sents)
    assert len(doc._.conflict_claims) == n_counts
    for claim in doc._.conflict_claims:
        assert 0 <= claim["sentence"] < len(sentences)
        assert claim["attribution"] in (None, *range(len(attributions)))
        sent = sentences[claim["sentence"]]
        # a claim is never more hedged than its sentence
        from conflictnlp.claims import CERTAINTY_RANK

        assert CERTAINTY_RANK[claim["certainty"]] <= CERTAINTY_RANK[sent._.conflict_certainty]


def test_docs_example_with_the_real_pipeline():
    """The first example of docs/claims.md, end to end (once the other components are merged)."""
    import importlib.util

    missing = [m for m in ("counts", "attribution", "hedging") if importlib.util.find_spec(f"conflictnlp.{m}") is None]
    if missing:
        pytest.skip(f"needs the conflictnlp.{missing[0]} component, not in this checkout yet")
    import conflictnlp

    nlp = conflictnlp.load()
    doc = nlp("Russia has amassed some 50,000 troops near Kursk, a US official told CNN.")
    assert doc._.conflict_claims == [{"count": 0, "attribution": 0, "sentence": 0, "certainty": "certain", "hypothetical": False}]
    assert doc._.conflict_attributions[0]["source"]["text"] == "a US official"


def _span_strategy(limit=120):
    return st.tuples(st.integers(0, limit), st.integers(0, 40)).map(lambda p: {"start": p[0], "end": p[0] + p[1]})


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(_span_strategy(), max_size=12),
    st.lists(st.fixed_dictionaries({
        "cue": st.one_of(st.none(), _span_strategy()),
        "source": st.one_of(st.none(), _span_strategy()),
        "content": st.one_of(st.none(), _span_strategy(), _span_strategy(400)),
    }), max_size=15),
    st.sampled_from(claims_module.SENTENCE_FALLBACKS),
)
def test_attribution_index_gives_the_answer_of_a_scan_of_every_attribution(counts, attributions, fallback):
    """link_claims looks only at the attributions its index offers; finding the carrier
    by scanning all of them gives the same attribution for every count and sentence."""
    sentences = [{"start": s, "end": s + 30} for s in range(0, 600, 30)]
    index = claims_module.AttributionIndex(attributions)
    for count in counts:
        for sentence in (None, *sentences[:6]):
            assert claims_module.find_attribution(count, attributions, sentence, fallback, index) == (
                claims_module.find_attribution(count, attributions, sentence, fallback)
            )
