"""Fast token reads (conflictnlp.doctools): the same answers as spaCy's own objects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
import spacy

from conflictnlp.doctools import WordFlags


def _texts():
    return [
        "", "One. Two!\n\nThree", "U.S. troops left at 3 p.m. on Aug. 5.", "“Who?” he asked… Nobody knew.",
        "x" * 150 + ".", "Пять. 五. ٣٤٥٦!",
    ]


def test_word_flags_give_the_test_of_every_token():
    nlp = spacy.blank("en")
    flags = WordFlags(lambda text: "." in text or text.isupper())
    for _ in range(2):  # second pass: every word is in the table
        for text in _texts():
            doc = nlp(text)
            assert flags(doc).tolist() == ["." in t.text or t.text.isupper() for t in doc]


def test_word_flags_start_afresh_at_their_limit():
    nlp = spacy.blank("en")
    flags = WordFlags(lambda text: text.endswith("s"), limit=5)
    for text in ["troops tanks guns", "ships planes drones", "a b c d e f g h", "troops a"]:
        doc = nlp(text)
        assert flags(doc).tolist() == [t.text.endswith("s") for t in doc]
        assert len(flags._table[0]) <= max(5, len(set(t.text for t in doc)))


def test_word_flags_serve_several_vocabularies():
    first, second = spacy.blank("en"), spacy.blank("en")
    flags = WordFlags(lambda text: text[:1].isupper())
    assert flags(first("Kyiv said")).tolist() == [True, False]
    assert flags(second("said Kyiv Moscow")).tolist() == [False, True, True]


def test_text_end_is_the_end_of_the_stripped_text():
    from conflictnlp.doctools import CharOffsets

    nlp = spacy.blank("en")
    for text in ["One.  \n\n", "   ", "a\u00a0 \n b", "Troops left.\n\nMore came", "x"]:
        doc = nlp(text)
        chars = CharOffsets(doc)
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                span = doc[start:end]
                assert chars.text_end(start, end) == span.start_char + len(span.text.rstrip()), (text, start, end)


# -- sentence ranges and character offsets from arrays ------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "One. Two!\n\nThree ", "Troops  massed  near Kharkiv. ", "“Quoted,” he said.  Then\nmore.\n"],
)
def test_sentence_bounds_and_char_offsets_match_spacy_spans(text):
    from conflictnlp import load
    from conflictnlp.doctools import CharOffsets, sentence_bounds

    doc = load(components=[])(text)
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents] if len(doc) else sentence_bounds(doc) == []
    chars = CharOffsets(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert (chars.start(start), chars.end(end)) == (span.start_char, span.end_char)


def test_sentence_bounds_without_boundaries_and_with_a_user_hook():
    import spacy

    from conflictnlp.doctools import sentence_bounds

    nlp = spacy.blank("en")
    doc = nlp("No boundaries here. None at all.")
    assert sentence_bounds(doc) == [(0, len(doc))]
    doc = nlp("a b c d")
    doc[2].is_sent_start = True
    assert sentence_bounds(doc) == [(0, 2), (2, 4)]
    doc.user_hooks["sents"] = lambda d: iter([d[0:1], d[1:4]])
    assert sentence_bounds(doc) == [(0, 1), (1, 4)]


def test_token_words_match_the_tokens():
    from conflictnlp import load
    from conflictnlp.doctools import doc_text, token_words

    nlp = load(components=[])
    for text in ["", "a", "Hello  World.\n\nNEW  ", "x y x Ünïcode ΣΊΣΥΦΟΣ İstanbul"]:
        doc = nlp(text)
        words, lower, spaces = token_words(doc)
        assert words == [t.text for t in doc]
        assert lower == [t.text.lower() for t in doc]
        assert doc_text(words, spaces) == doc.text


def test_decode_gives_the_string_store_answers_for_each_store(monkeypatch):
    from conflictnlp import doctools

    monkeypatch.setattr(doctools, "_DECODED_WORDS", 3)  # tables start afresh often
    first, second = spacy.blank("en"), spacy.blank("en")
    for nlp in (first, second, first):
        for text in _texts():
            doc = nlp(text)
            hashes = [t.orth for t in doc]
            assert doctools.decode(doc.vocab.strings, hashes) == [t.text for t in doc]
            assert doctools.decode(doc.vocab.strings, hashes, lower=True) == [t.text.lower() for t in doc]
            assert doctools.token_words(doc) == (
                [t.text for t in doc], [t.text.lower() for t in doc], [len(t.whitespace_) for t in doc]
            )
    # A word only the second store knows is decoded from that store.
    only = second.vocab.strings.add("onlyinsecond")
    assert doctools.decode(second.vocab.strings, [only]) == ["onlyinsecond"]
    with pytest.raises(KeyError):
        doctools.decode(first.vocab.strings, [only])


def test_member_is_numpy_isin_for_sorted_ids():
    import numpy

    from conflictnlp.doctools import member

    rng = numpy.random.default_rng(7)
    for size in (1, 2, 5, 40):
        ids = numpy.unique(rng.integers(0, 2**64 - 1, size=size, dtype="uint64", endpoint=True))
        values = numpy.concatenate([ids, rng.integers(0, 2**64 - 1, size=50, dtype="uint64", endpoint=True),
                                    numpy.array([0, 2**64 - 1], dtype="uint64")])
        rng.shuffle(values)
        assert member(values, ids).tolist() == numpy.isin(values, ids).tolist()
        assert member(values[:0], ids).tolist() == []


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.booleans(), min_size=1, max_size=25))
def test_sentence_of_is_token_sent(starts):
    from spacy.tokens import Doc

    from conflictnlp.doctools import SentenceOf

    if "vocab" not in _VOCAB:
        _VOCAB["vocab"] = spacy.blank("en").vocab
    vocab = _VOCAB["vocab"]
    doc = Doc(vocab, words=[f"w{i}" for i in range(len(starts))], sent_starts=[True] + starts[1:])
    sentence_of = SentenceOf(doc)
    assert [sentence_of(i) for i in range(len(doc))] == [(t.sent.start, t.sent.end) for t in doc]


def test_sentence_of_follows_a_user_hook():
    from conflictnlp.doctools import SentenceOf

    doc = spacy.blank("en")("One two. Three four five.")
    doc[3].is_sent_start = True
    doc.user_token_hooks["sent"] = lambda token: token.doc[0:2]
    assert SentenceOf(doc)(4) == (0, 2)
    del doc.user_token_hooks["sent"]
    assert SentenceOf(doc)(4) == (3, len(doc))


_VOCAB = {}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["troops", "Kyiv", "a", "said", "300", "U.S.", "drones", "x"]) | st.text("abcXY.", min_size=1, max_size=4), max_size=12), max_size=30),
    st.sampled_from([3, 10, 2000]),
)
def test_word_flags_match_the_test_across_docs_and_merges(texts, limit):
    """Through merges of the recent words into the sorted table and fresh starts at the limit."""
    nlp = spacy.blank("en")
    flags = WordFlags(lambda text: "." in text or text[:1].isupper(), limit=limit)
    for words in texts + texts:
        doc = spacy.tokens.Doc(nlp.vocab, words=words) if words else nlp("")
        assert flags(doc).tolist() == ["." in t.text or t.text[:1].isupper() for t in doc]
        assert len(flags._recent) <= max(limit, len(set(words)))


def test_word_flags_cost_stays_flat_as_the_vocabulary_grows(monkeypatch):
    """Each Doc brings new words: the sorted table is rebuilt only when the recent words reach an
    eighth of it, not for every Doc, so the words sorted in all grow linearly (counted, not timed)."""
    import numpy

    nlp = spacy.blank("en")
    flags = WordFlags(lambda text: text.endswith("s"))
    sorted_words = 0
    argsort = numpy.argsort

    def counting(values, *args, **kwargs):
        nonlocal sorted_words
        sorted_words += len(values)
        return argsort(values, *args, **kwargs)

    monkeypatch.setattr(numpy, "argsort", counting)
    for n in range(3000):
        doc = nlp(f"Unit{n} and unit{n}s lost {n} tanks near Town{n}.")
        assert flags(doc).tolist() == [t.text.endswith("s") for t in doc]
    # 12,000 new words: re-sorting the table for every Doc would sort about 18 million
    assert sorted_words < 150_000, sorted_words
