"""The attributions of a Doc, one sentence at a time: the sentence's frames (times, channels,
"it was reported"), one record per cue (:mod:`.cues`), then the passes that join them:
gerunds inherit their clause's source, "citing"/"cited by" attach to the attribution they
belong to, contents are clipped at other attributions' frames, and times and channels go to
the nearest cue."""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from ..doctools import near
from .content import clip_contents, fronted_contents, content_after, continue_quotes, outside_quotes, outside_turns, paragraph_after_colon, transcript_turns, content_before, gap_is_light, trim
from .cues import according_cue, citing_cue, colon_cue, impersonal_cue, sourceless_cue, verb_cue
from .extent import extend_cues
from .frames import assign_frames, channels, medium_spans
from .grammar import BE, POSSESSIVE
from .lexicons import CUE_LABELS, Lexicons
from .patterns import longest_first
from .view import Range, Record, View, is_punct

Match = Tuple[str, int, int]  # (label, start, end) of a cue-matcher match


def find_records(lex: Lexicons, doc: Doc, matches, use_parser: bool) -> Tuple[List[Record], View]:
    """The records of every sentence with a cue, sorted by cue, and the Doc's view (its text,
    words and sentences; the trained layer's confirmation reads it too)."""
    view = View(doc, lex.cue_forms, lex.ambiguous)
    by_sent: Dict[int, List[Match]] = {}
    for match_id, start, end in matches:
        by_sent.setdefault(view.sent_of(start), []).append((lex.strings[match_id], start, end))
    parsed = use_parser and doc.has_annotation("DEP")
    tagged = doc.has_annotation("POS") or doc.has_annotation("TAG")
    frame_starts: Optional[List[int]] = None  # where a time or "it is reported" frame can start
    out: List[Record] = []
    for si, cues in sorted(by_sent.items()):
        if not any(label in CUE_LABELS for label, _, _ in cues):
            continue
        if frame_starts is None:
            frame_starts = lex.frame_patterns.starts(view.lower)
        lo, hi = quote_led_start(view, si, min(s for label, s, _ in cues if label in CUE_LABELS)), view.sent_ends[si]
        out.extend(sentence_records(lex, view, lo, hi, cues, parsed, tagged, frame_starts))
    out = outside_quotes(view, sorted(out, key=lambda r: r.cue))
    transcript_turns(view, out)
    out = outside_turns(out)
    paragraph_after_colon(view, out)
    continue_quotes(view, out)
    return out, view


def quote_led_start(view: View, si: int, first_cue: int) -> int:
    """Where sentence ``si`` starts for its cues: at the quotation before it when a splitter cut
    after its question or exclamation mark and the sentence opens with its speaker and cue
    (“Where is the convoy?” | Marsh asked.)."""
    lo = view.sent_starts[si]
    if si == 0 or lo < 2 or lo - 1 not in view.close_at or view.words[lo - 2] not in ("?", "!"):
        return lo
    if first_cue - lo > 6 or any(is_punct(w) and w != "." for w in view.words[lo:first_cue]):
        return lo  # “Run!” | The soldiers fled ..., the mayor said.
    return view.close_at[lo - 1]


def sentence_records(lex: Lexicons, doc_view: View, lo: int, hi: int, cues: List[Match], parsed: bool,
                     tagged: bool, frame_starts: List[int]) -> List[Record]:
    """The records of the sentence ``lo:hi`` with its matches ``cues``."""
    times: List[Range] = []
    impersonal: List[Range] = []
    for label, s, e in longest_first(lex.frame_patterns(doc_view.words, doc_view.lower, lo, hi, frame_starts)):
        if label == "time" and e < hi and doc_view.lower[e] in POSSESSIVE:
            continue  # "Sunday's attack" names an event, not when it was said
        (times if label == "time" else impersonal).append((s, e))
    mediums, platforms = channels(doc_view, cues, lo)
    view = doc_view.in_sentence(
        frozenset(r[0] for r in times + mediums + platforms),
        sorted([(s, e, "time") for s, e in times] + [(s, e, "medium") for s, e in mediums + platforms]),
    )
    records = []
    for s, e in impersonal:
        around, _, near_hi = cue_window(view, lo, hi, s, e)
        records.append(impersonal_cue(around, s, e, near_hi))
    covered = {k for s, e in impersonal for k in range(s, e)}
    # "was reported by X" is a passive (cue "reported"); "estimates reported by X" is a "cited by" phrase.
    cues = [c for c in cues if not (c[0] == "cited_by" and c[1] > lo and view.lower[c[1] - 1] in BE | {"been", "being"})]
    covered.update(k for label, s, e in cues if label in CUE_LABELS and label not in ("verb", "colon") for k in range(s, e))
    cue_records, citing = records_of_cues(lex, view, lo, hi, cues, covered, parsed, tagged)
    records.extend(cue_records)
    inherit_gerund_sources(records)
    records = attach_citing(view, records, citing, lo, hi)
    clip_contents(view, records, lo)
    fronted_contents(view, records, lo)
    settle_contents(view, records)
    assign_frames(records, times, "time", view.words)
    assign_frames(records, medium_spans(view, mediums, platforms), "medium", view.words)
    if any(label == "anonymity" for label, _, _ in cues):
        for rec in records:
            if rec.source:
                rec.anonymous = True
    extend_cues(view, records, lex.verb_forms, lo, hi)
    return records


def records_of_cues(lex: Lexicons, view: View, lo: int, hi: int, cues: List[Match], covered: set, parsed: bool,
                    tagged: bool) -> Tuple[List[Record], List[Record]]:
    """One record per cue, in text order, and the "citing"/"cited by" records apart."""
    records: List[Record] = []
    citing: List[Record] = []
    for label, s, e in sorted(cues, key=lambda c: c[1]):
        if label not in CUE_LABELS or (label in ("verb", "colon") and s in covered):
            continue
        around, near_lo, near_hi = cue_window(view, lo, hi, s, e)
        if label in ("citing", "cited_by"):
            cite = citing_cue(around, label, s, e, near_hi)
            if cite is not None:
                citing.append(cite)
            continue
        if label == "verb":
            rec = verb_cue(lex, around, s, e, near_lo, near_hi, parsed, tagged)
        elif label == "according":
            rec = according_cue(lex, around, s, e, near_lo, near_hi)
        elif label == "sourceless":
            rec = sourceless_cue(around, s, e, near_lo, near_hi)
        else:  # colon
            rec = colon_cue(lex, around, s, near_lo, near_hi)
        if rec is not None:
            records.append(rec)
    return inside_longer_dropped(records), citing


def inside_longer_dropped(records: List[Record]) -> List[Record]:
    """A verb cue inside a longer one that reports ("called" in "called on the rebels to ...")
    is the same report: the longer one stands (a parse may accept both)."""
    ends: Dict[int, int] = {}
    for rec in records:
        if rec.kind == "verb":
            ends[rec.cue[0]] = max(ends.get(rec.cue[0], 0), rec.cue[1])
    return [rec for rec in records if rec.kind != "verb" or not any(
        ends.get(k, 0) >= rec.cue[1] and (k, ends[k]) != rec.cue for k in range(rec.cue[0] - 4, rec.cue[0] + 1))]


def cue_window(view: View, lo: int, hi: int, s: int, e: int) -> Tuple[View, int, int]:
    """What a cue at ``s:e`` of the sentence ``lo:hi`` reads: the view and the bounds of its
    sentence, or of at most ``RULE_WINDOW`` tokens on either side of the cue (:func:`.doctools.near`)."""
    near_lo, near_hi = near(lo, hi, s, e)
    if near_lo == lo and near_hi == hi:
        return view, lo, hi
    return view.window(near_lo, near_hi), near_lo, near_hi


def settle_contents(view: View, records: List[Record]) -> None:
    """A "cited by" record says what its attribution says; a sourceless or raising cue stands
    inside what is reported, never at its edge; any other cue never inside its content."""
    for rec in records:
        if rec.link is not None:
            rec.content = rec.link.content
    for rec in records:
        if rec.kind in ("sourceless", "raising"):
            if rec.content and rec.content[0] >= rec.cue[0]:
                rec.content = trim(view, max(rec.content[0], rec.cue[1]), rec.content[1])
            if rec.content and rec.content[1] <= rec.cue[1]:
                rec.content = trim(view, rec.content[0], min(rec.content[1], rec.cue[0]))
            continue
        if rec.content and rec.cue[0] >= rec.content[0] and rec.cue[1] <= rec.content[1]:
            rec.content = None


def inherit_gerund_sources(records: List[Record]) -> None:
    """ "..., adding that": a gerund's source is the one of the last record with a source, not of
    one inside what that record reports ("X told the audience that she believes ..., saying that":
    X says)."""
    last = None
    for rec in records:
        if rec.inherit:
            if last is not None:
                rec.source = last.source
        elif rec.source is not None and not (
                last is not None and last.content is not None and last.content[0] <= rec.cue[0] < last.content[1]):
            last = rec


def attach_citing(view: View, records: List[Record], citing: Sequence[Record], lo: int, hi: int) -> List[Record]:
    """ "X reported, citing Y" puts Y in X's via; "cited by Z" makes Z X's medium (and is a record
    of its own, linked to X's); a "citing" or "cited by" next to no attribution is one itself.
    Returns the records, sorted by cue."""
    records = list(records)
    frames = FrameStarts(records)
    for cite in citing:
        k = attribution_near(view, records, cite, frames)
        if k is None:
            if cite.kind == "citing" or as_framed(view, cite.cue[0], lo):
                # "As first reported by the Kyiv Independent, the rebels ...": the frame says what was reported
                cite.content = citing_content(*cue_window(view, lo, hi, *cite.cue), cite)
            frames.add(len(records), cite)
            records.append(cite)  # "troops, estimated by the UN at several thousand"
        elif cite.kind == "citing":
            if cite.source not in records[k].via:
                frames.remove(k, records[k])
                records[k].via.append(cite.source)
                frames.add(k, records[k])
        else:
            if records[k].medium is None:
                records[k].medium = cite.source
            cite.link = records[k]  # "cited by X" is X's own attribution of the same content (guidelines)
            frames.add(len(records), cite)
            records.append(cite)
    records.sort(key=lambda r: r.cue)
    return records


class FrameStarts:
    """Where the frames of a sentence's records start (with their place in the record list), so
    that a "citing" phrase reads only the records whose frame can touch it."""

    __slots__ = ("starts", "longest")

    def __init__(self, records: Sequence[Record]) -> None:
        self.starts: List[Tuple[int, int]] = []  # (frame start, place), sorted
        self.longest = 0
        for k, rec in enumerate(records):
            self.add(k, rec)

    def add(self, k: int, rec: Record) -> None:
        if rec.kind not in ("sourceless", "impersonal"):
            f0, f1 = rec.frame()
            insort(self.starts, (f0, k))
            self.longest = max(self.longest, f1 - f0)

    def remove(self, k: int, rec: Record) -> None:
        if rec.kind not in ("sourceless", "impersonal"):
            del self.starts[bisect_left(self.starts, (rec.frame()[0], k))]

    def between(self, a: int, b: int) -> List[int]:
        """The places of the records whose frame starts in ``a..b``, in list order."""
        return sorted(k for _, k in self.starts[bisect_left(self.starts, (a, -1)) : bisect_left(self.starts, (b + 1, -1))])


def attribution_near(view: View, records: Sequence[Record], cite: Record, frames: FrameStarts) -> Optional[int]:
    """The place of the first record whose frame the "citing"/"cited by" phrase touches or stands in."""
    # A frame that touches the phrase or holds its cue starts at most its length before the cue.
    for k in frames.between(cite.cue[0] - frames.longest - 2, max(cite.cue[0], cite.source[1] + 2)):
        f0, f1 = records[k].frame()
        if gap_is_light(view, f1, cite.cue[0]) or gap_is_light(view, cite.source[1], f0) or f0 <= cite.cue[0] < f1:
            return k
    return None


# Adverbs between "as" and a "reported by" phrase: "as first reported by", "as previously reported by".
AS_FRAME_ADVERBS = frozenset(("first", "originally", "previously", "earlier", "widely", "also", "initially"))


def as_framed(view: View, s: int, lo: int) -> bool:
    """Does "as" (and at most one adverb of :data:`AS_FRAME_ADVERBS`) stand right before ``s``?"""
    k = s - 1
    if k > lo and view.lower[k] in AS_FRAME_ADVERBS:
        k -= 1
    return k >= lo and view.lower[k] == "as"


def citing_content(view: View, lo: int, hi: int, cite: Record) -> Optional[Range]:
    """What a lone "citing X" reports: the clause after X, else the one before the cue."""
    after = cite.source[1]
    while after < hi and view.words[after] == ",":
        after += 1
    content = content_after(view, after, hi) if after < hi else None
    if content is None and cite.cue[0] > lo:
        end = cite.cue[0]
        while end > lo and as_framed(view, end, lo):
            end -= 1  # "..., | as (first) | reported by Reuters."
        content = content_before(view, end, lo) if end > lo else None
    return content
