"""Contents of conflict_attribution (conflictnlp.attribution.content): clipping at other
attributions' frames."""

from __future__ import annotations

import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from conflictnlp.attribution import content as content_module, grammar
from conflictnlp.attribution.view import Record, View, is_punct

_REFERENCE = {}


# -- clipping contents at other attributions' frames: the indexed pass gives the pairwise answer --

def _clip_contents_pairwise(ctx, records, lo):
    """The definition: every record's content against every other record's frame, in order."""
    for rec in records:
        if rec.content is None:
            continue
        s, e = rec.content
        for other in records:
            if other is rec:
                continue
            f0, f1 = other.frame()
            if other.kind in ("sourceless", "raising") or not (s <= f0 and f1 <= e):
                continue
            if f0 == s or all(is_punct(ctx.words[j]) for j in range(s, f0)):
                if not content_module.nested_report(ctx, other, f1, e):  # "said | the militia suggests that"
                    s = f1
            elif f0 - 1 >= s and ctx.words[f0 - 1] == ",":
                e = f0
            elif f0 - 2 >= s and ctx.words[f0 - 2] == "," and ctx.lower[f0 - 1] in grammar.CLAUSE_LINKS:
                e = f0 - 1
        if (s, e) != rec.content:
            rng = content_module.trim(ctx, s, e)
            rec.content = content_module.cut_trailing_frames(ctx, rng) if rng else None


_CLIP_WORDS = ["officials", "said", ",", "and", "but", "the", "Times", "troops", "500", ".", "\u201c", "\u201d", "he", "wrote"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.data())
def test_clip_contents_matches_the_pairwise_definition(data):
    words = data.draw(st.lists(st.sampled_from(_CLIP_WORDS), min_size=2, max_size=30))
    n = len(words)
    if "clip_vocab" not in _REFERENCE:
        _REFERENCE["clip_vocab"] = spacy.blank("en").vocab
    ctx = View(Doc(_REFERENCE["clip_vocab"], words=words))
    rng = st.tuples(st.integers(0, n - 1), st.integers(1, n)).map(lambda p: (min(p), max(p[0] + 1, p[1])))

    def draw_records():
        records = []
        for spec in data.draw(st.lists(st.tuples(
            rng, st.sampled_from(["verb", "according", "sourceless", "raising", "colon"]),
            st.one_of(st.none(), rng), st.one_of(st.none(), rng), st.lists(rng, max_size=2), st.booleans(),
        ), max_size=8)):
            cue, kind, source, content, via, inherit = spec
            rec = Record(cue, kind)
            rec.source, rec.content, rec.via, rec.inherit = source, content, list(via), inherit
            records.append(rec)
        return records

    records = draw_records()
    copies = []
    for rec in records:
        twin = Record(rec.cue, rec.kind)
        twin.source, twin.content, twin.via, twin.inherit = rec.source, rec.content, list(rec.via), rec.inherit
        copies.append(twin)
    content_module.clip_contents(ctx, records, 0)
    _clip_contents_pairwise(ctx, copies, 0)
    assert [r.content for r in records] == [r.content for r in copies]
