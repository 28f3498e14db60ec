"""``conflict_claims``: link every count to who gives it and how certainly.

A *claim* joins the three layers written by the other components:

- ``count``: the index of the count in conflict_counts' span group (``doc.spans["conflict_counts"]``
  by default; = ``counts`` in the export);
- ``attribution``: the index in ``doc._.conflict_attributions`` of the act of reporting that carries
  the count, or ``None`` when the text states it without a source;
- ``sentence``: the index of the count's sentence in ``doc.sents``;
- ``certainty``: the sentence's certainty, or the certainty of the reported content when
  the content is narrower than the sentence (see :func:`claim_certainty`);
- ``hypothetical``: the figure sits in a hypothetical or condition (:func:`is_hypothetical`).

The linking itself is plain functions over the export's dicts (:func:`link_claims`),
so it runs the same on a Doc and on a saved JSONL export. This module imports only
spaCy, the standard library and conflictnlp modules (it is an entry point).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence as SequenceABC
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .about import require_conflictnlp
from .claims_scorer import score_claims
from . import extensions  # noqa: F401  (registers Doc._.conflict_claims)
from .doctools import CharOffsets, sentence_bounds
# The one cue-type -> certainty table (re-exported: tests and users import these names from here).
from .schema import CERTAINTY_RANK, CUE_TYPE_CERTAINTY, PROBABLE_EPISTEMIC, cue_certainty, strongest  # noqa: F401
from .schema import COUNTS_KEY, spans_key  # noqa: F401  (COUNTS_KEY: the default key, re-exported)

SENTENCE_FALLBACKS = ("any", "without_content", "off")
CONDITION_CUE = "condition"  # the hedge cue type (schema.CUE_TYPES) that makes a figure hypothetical


# ----------------------------------------------------------------------------- pure logic

def _inside(start: int, end: int, span: Optional[Mapping[str, Any]]) -> bool:
    return span is not None and span["start"] <= start and end <= span["end"]


def _extent(attribution: Mapping[str, Any]) -> Optional[tuple]:
    """Character range covered by all parts of an attribution (cue, source, content, ...)."""
    parts = [attribution.get(k) for k in ("cue", "source", "content", "medium", "time")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return min(p["start"] for p in parts), max(p["end"] for p in parts)


def sentence_index(sentences: Sequence[Mapping[str, Any]], start: int) -> Optional[int]:
    """Index of the sentence that holds character ``start`` (None if none does)."""
    for i, sent in enumerate(sentences):
        if sent["start"] <= start < sent["end"]:
            return i
    return None


def _cue_distance(cue: Optional[Mapping[str, Any]], start: int, end: int) -> int:
    """Characters between a cue and the span ``start:end`` (0 when they touch or overlap)."""
    if not cue:
        return 1 << 62
    distance = cue["start"] - end if cue["start"] >= end else start - cue["end"]
    return max(0, distance)


class AttributionIndex:
    """Which attributions can carry a character range: those whose content starts at most
    the longest content's length before it, and those whose cue is nearest to it.
    Lets :func:`link_claims` look at a few attributions per count instead of all of them
    (a long document holds thousands of each)."""

    def __init__(self, attributions: Sequence[Mapping[str, Any]]) -> None:
        contents = sorted(
            (a["content"]["start"], i) for i, a in enumerate(attributions) if a.get("content") is not None
        )
        self._content_starts = [start for start, _ in contents]
        self._content_ids = [i for _, i in contents]
        self._longest = max(
            (a["content"]["end"] - a["content"]["start"] for a in attributions if a.get("content") is not None),
            default=0,
        )
        self._cues = NearestCue(attributions)

    def contents_around(self, start: int) -> List[int]:
        """Indices of the attributions whose content can hold character ``start``, in order."""
        lo = bisect_left(self._content_starts, start - self._longest)
        hi = bisect_right(self._content_starts, start)
        return sorted(self._content_ids[lo:hi])

    def nearest_cue(self, start: int, end: int, sentence: Mapping[str, Any], with_content: bool) -> Optional[int]:
        """The attribution (without a content, else with one when ``with_content``) whose cue
        in ``sentence`` is nearest to the count ``start:end`` (the first on ties), skipping
        those whose source holds the count: the answer of the scan in :func:`find_attribution`."""
        return self._cues.nearest(start, end, sentence, with_content)


class NearestCue:
    """The cues of the attributions by start, apart for those without and with a content (the
    sentence fallback of :func:`find_attribution` prefers the former), read outwards from a
    count, nearest first."""

    def __init__(self, attributions: Sequence[Mapping[str, Any]]) -> None:
        cues = sorted((a["cue"]["start"], i) for i, a in enumerate(attributions) if a.get("cue"))
        self._attributions = attributions
        self._bare = [(start, i) for start, i in cues if not attributions[i].get("content")]
        self._contented = [(start, i) for start, i in cues if attributions[i].get("content")]
        self._longest_cue = max((a["cue"]["end"] - a["cue"]["start"] for a in attributions if a.get("cue")), default=0)

    def nearest(self, start: int, end: int, sentence: Mapping[str, Any], with_content: bool) -> Optional[int]:
        """See :meth:`AttributionIndex.nearest_cue`."""
        for cues in (self._bare, self._contented) if with_content else (self._bare,):
            best = self._nearest_in(cues, start, end, sentence["start"], sentence["end"])
            if best is not None:
                return best[1]
        return None

    def _nearest_in(self, cues: List[tuple], start: int, end: int, lo: int, hi: int) -> Optional[tuple]:
        """(distance, index) of the nearest cue of ``cues`` that starts in ``lo:hi``: to the right
        of ``start`` the distance grows with the cue's start, to the left it is at least the gap
        less the longest cue, so each side stops once no further cue can be as near."""
        best = None
        for k in range(bisect_left(cues, (max(start, lo), -1)), len(cues)):
            cue_start, i = cues[k]
            if cue_start >= hi or best is not None and max(0, cue_start - end) > best[0]:
                break
            best = self._better(best, i, start, end)
        for k in range(bisect_left(cues, (min(start, hi), -1)) - 1, -1, -1):
            cue_start, i = cues[k]
            if cue_start < lo or best is not None and start - cue_start - self._longest_cue > best[0]:
                break
            best = self._better(best, i, start, end)
        return best

    def _better(self, best: Optional[tuple], i: int, start: int, end: int) -> Optional[tuple]:
        attribution = self._attributions[i]
        source = attribution.get("source")
        if source and source["start"] < end and start < source["end"]:
            return best  # "two officials said": the count is the source
        found = (_cue_distance(attribution["cue"], start, end), i)
        return found if best is None or found < best else best


def find_attribution(
    count: Mapping[str, Any],
    attributions: Sequence[Mapping[str, Any]],
    sentence: Optional[Mapping[str, Any]],
    sentence_fallback: str = "any",
    index: Optional[AttributionIndex] = None,
) -> Optional[int]:
    """The index of the attribution that carries ``count``, or None.

    1. An attribution whose ``content`` contains the count; the narrowest wins, so an
       inner report ("X said that Y reported 5,000 ...") beats the outer one; between equal
       contents (an outer content cut short to the inner one's), the cue nearest the count.
    2. Otherwise, an attribution whose ``cue`` lies in the count's sentence
       (``sentence_fallback``): ``"any"`` (the default) considers all of them, preferring
       those with no detected content; ``"without_content"`` only those with no detected
       content (trusting that a source whose content was found elsewhere did not say this
       count); ``"off"`` never falls back. The count must not lie in that attribution's
       ``source`` ("two officials said"); the cue nearest to the count wins.

    ``index``: an :class:`AttributionIndex` of ``attributions``, to look only at those that
    can qualify (the same answer).
    """
    start, end = count["start"], count["end"]
    around = range(len(attributions)) if index is None else index.contents_around(start)
    carriers = [
        (a["content"]["end"] - a["content"]["start"], _cue_distance(a.get("cue"), start, end), i)
        for i, a in ((i, attributions[i]) for i in around)
        if _inside(start, end, a.get("content"))
    ]
    if carriers:
        return min(carriers)[2]
    if sentence is None or sentence_fallback == "off":
        return None
    if index is not None:
        return index.nearest_cue(start, end, sentence, sentence_fallback != "without_content")
    candidates = []
    for i in range(len(attributions)):
        a = attributions[i]
        cue = a.get("cue")
        if not cue or not (sentence["start"] <= cue["start"] < sentence["end"]):
            continue
        if sentence_fallback == "without_content" and a.get("content"):
            continue
        source = a.get("source")
        if source and source["start"] < end and start < source["end"]:
            continue
        candidates.append((bool(a.get("content")), _cue_distance(cue, start, end), i))
    return min(candidates)[2] if candidates else None


class SentenceCues:
    """The hedge cues of one sentence, read once for all its counts (a text without sentence
    ends is one sentence with thousands of each): whether it is hypothetical, and the cues
    inside a range by bisection over their starts."""

    def __init__(self, sentence: Optional[Mapping[str, Any]]) -> None:
        self.cues = (sentence or {}).get("cues") or []
        self.hypothetical = is_hypothetical(sentence)
        self._order: Optional[List[int]] = None
        self._starts: List[int] = []

    def within(self, start: int, end: int) -> List[Mapping[str, Any]]:
        """The cues inside ``start:end``, in the sentence's order."""
        cues = self.cues
        if self._order is None:
            self._order = sorted(range(len(cues)), key=lambda k: cues[k]["start"])
            self._starts = [cues[k]["start"] for k in self._order]
        inside = self._order[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [cues[k] for k in sorted(inside) if cues[k]["end"] <= end]


def claim_certainty(
    sentence: Optional[Mapping[str, Any]], attribution: Optional[Mapping[str, Any]], count: Mapping[str, Any],
    sentence_cues: Optional[SentenceCues] = None,
) -> Optional[str]:
    """The certainty of one claim.

    The sentence's certainty, except when the count sits in the attribution's content
    and that attribution covers less than the whole sentence: then only the hedge cues
    inside the attribution (its content, cue, source, medium and time, e.g. "claimed",
    "reportedly said") count, so "Officials said 11,000 troops are in Kursk, but it is
    unclear whether they will fight" gives the figure ``certain``. The result is never
    more hedged than the sentence. None when hedging did not run. ``sentence_cues``: a
    :class:`SentenceCues` of ``sentence``, to read only the cues inside the attribution (the
    same answer).
    """
    if sentence is None:
        return None
    certainty = sentence.get("certainty")
    if certainty is None:
        return None
    if attribution is None or not _inside(count["start"], count["end"], attribution.get("content")):
        return certainty
    extent = _extent(attribution)
    cues = sentence.get("cues") or []
    if sentence_cues is not None:
        scoped = sentence_cues.within(*extent)
    else:
        scoped = [c for c in cues if extent[0] <= c["start"] and c["end"] <= extent[1]]
    if len(scoped) == len(cues):
        return certainty
    if not scoped:
        return "certain"
    graded = strongest([cue_certainty(c) for c in scoped])
    return min(graded, certainty, key=lambda c: CERTAINTY_RANK.get(c, 0))


def is_hypothetical(sentence: Optional[Mapping[str, Any]]) -> bool:
    """Does a figure of this sentence sit in a hypothetical or condition ("Suppose the enemy
    pulls 5,000 soldiers off the line", "if Russia sends 10,000 more", "would need 50,000
    troops")? True when the sentence reports a hedge cue of type ``condition``; the scope is
    the sentence, as for certainty. Comparisons and summaries leave such figures out."""
    cues = (sentence or {}).get("cues") or []
    return any(isinstance(c, Mapping) and c.get("type") == CONDITION_CUE for c in cues)


def link_claims(
    counts: Sequence[Mapping[str, Any]],
    attributions: Sequence[Mapping[str, Any]],
    sentences: Sequence[Mapping[str, Any]],
    sentence_fallback: str = "any",
) -> List[Dict[str, Any]]:
    """One Claim dict per count, in count order (export-shaped inputs: char offsets)."""
    if sentence_fallback not in SENTENCE_FALLBACKS:
        raise ValueError(
            f"conflict_claims: sentence_fallback {sentence_fallback!r} is not one of {', '.join(SENTENCE_FALLBACKS)}"
        )
    claims = []
    # Sentences are in text order and do not overlap: find each count's by bisection
    # (a linear scan per count made long documents quadratic).
    starts = getattr(sentences, "starts", None)
    if starts is None:
        starts = [sent["start"] for sent in sentences]
    index = AttributionIndex(attributions)
    read: Dict[Optional[int], SentenceCues] = {}  # the hedge cues of each sentence with a count
    for number, count in enumerate(counts):
        sent_i = bisect_right(starts, count["start"]) - 1
        if sent_i < 0 or not count["start"] < sentences[sent_i]["end"]:
            sent_i = sentence_index(sentences, count["start"])
        sentence = sentences[sent_i] if sent_i is not None else None
        attr_i = find_attribution(count, attributions, sentence, sentence_fallback, index)
        attribution = attributions[attr_i] if attr_i is not None else None
        if sent_i not in read:
            read[sent_i] = SentenceCues(sentence)
        claims.append(
            {
                "count": number,
                "attribution": attr_i,
                "sentence": sent_i,
                "certainty": claim_certainty(sentence, attribution, count, read[sent_i]),
                "hypothetical": read[sent_i].hypothetical,
            }
        )
    return claims


def export_claims(export: Mapping[str, Any], sentence_fallback: str = "any") -> List[Dict[str, Any]]:
    """The claims of an export dict: its own if it has them, else linked now."""
    if export.get("claims") or not export.get("counts"):
        return [dict(c) for c in export.get("claims") or []]
    return link_claims(export["counts"], export.get("attributions") or [], export.get("sentences") or [], sentence_fallback)


# ----------------------------------------------------------------------------- component

class DocSentences(SequenceABC):
    """A Doc's sentences with the fields linking reads (``start``, ``end``, ``certainty``,
    ``cues``, as in the export's Sentence objects), each built when first read: linking
    reads only the sentences that hold a count. ``starts`` gives every sentence's start."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._bounds = sentence_bounds(doc)
        self._chars = CharOffsets(doc)
        self.starts = [self._chars.start(start) for start, _ in self._bounds]
        self._built: Dict[int, Dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self._bounds)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self._bounds))[index]  # negative indices; IndexError past the end
        if index not in self._built:
            start, end = self._bounds[index]
            ext = self._doc[start:end]._
            self._built[index] = {
                "start": self.starts[index],
                "end": self._chars.text_end(start, end),  # trailing line breaks belong to no sentence
                "certainty": ext.conflict_certainty,
                "cues": ext.conflict_hedge_cues or [],
            }
        return self._built[index]


def doc_claims(doc: Doc, sentence_fallback: str = "any") -> List[Dict[str, Any]]:
    """The claims of a Doc's counts, attributions and sentences (what ``conflict_claims`` writes)."""
    # Linking reads only where each count is (its span's characters).
    key = spans_key(doc, "counts")  # where conflict_counts keeps its spans (in count order)
    spans = doc.spans[key] if key in doc.spans else ()
    counts = [{"start": span.start_char, "end": span.end_char} for span in spans]
    return link_claims(counts, doc._.conflict_attributions or [], DocSentences(doc), sentence_fallback)


class ClaimLinker:
    """Writes ``doc._.conflict_claims``: one plain dict per count. See the module docstring."""

    def __init__(
        self, name: str = "conflict_claims", *, sentence_fallback: str = "any", scorer: Optional[Callable] = None
    ) -> None:
        if sentence_fallback not in SENTENCE_FALLBACKS:
            raise ValueError(
                f"{name}: sentence_fallback {sentence_fallback!r} is not one of {', '.join(SENTENCE_FALLBACKS)}"
            )
        self.name = name
        self.sentence_fallback = sentence_fallback
        self.scorer = scorer
        extensions.install_aliases("conflict_claims")  # the deprecated short name "claims"

    def __call__(self, doc: Doc) -> Doc:
        doc._.conflict_claims = doc_claims(doc, self.sentence_fallback)
        return doc

    def score(self, examples: Iterable[Any], **kwargs: Any) -> Dict[str, Any]:
        """P/R/F of (count, source) pairs against the reference's claims (see :mod:`conflictnlp.claims_scorer`)."""
        return (self.scorer or score_claims)(examples, **kwargs)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "conflict_claims",
    assigns=["doc._.conflict_claims"],
    requires=["doc.spans", "span._.conflict_count", "doc._.conflict_attributions", "token.is_sent_start"],
    default_config={"sentence_fallback": "any", "scorer": {"@scorers": "conflictnlp.claims_scorer.v1"}},
    default_score_weights={"claims_f": 1.0, "claims_p": 0.0, "claims_r": 0.0, "claims_sourced_f": 0.0,
                           "claims_sourced_p": None, "claims_sourced_r": None, "claims_certainty_acc": 0.0},
)
def make_conflict_claims(
    nlp: Language, name: str, sentence_fallback: str, scorer: Optional[Callable] = None
) -> ClaimLinker:
    require_conflictnlp(nlp)
    return ClaimLinker(name, sentence_fallback=sentence_fallback, scorer=scorer)
