"""What was said: the reported clause after a cue (from "that" on) or before ", X said", a
quotation (without its marks), trimming, and the clipping of one content at another
attribution's frame."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import List, Optional

from .chunker import skip_lead
from .grammar import (
    CLAUSE_LINKS, CONTINUATIONS, FRAME_ONLY_START, LEAD_FRAME, QUOTES, RELATIVE_VERB_WORDS, SHORT_OF_VERBS, TAIL_LINKS, TRIM,
    TRIM_END,
)
from .participles import comma_before
from .view import Range, Record, View, is_cap, is_punct, starts_line
from .words import CLAIM_NOUNS, DISCOURSE_ADVERBIALS, SUMMARY_NOUNS, TAIL_GERUNDS, TAIL_NOUNS, WITHHOLDING_VERBS


def rest_is_punct(view: View, i: int, hi: int) -> bool:
    return all(is_punct(view.words[j]) for j in range(i, hi))


def rest_is_frame(view: View, i: int, hi: int) -> bool:
    """After an inverted source: only punctuation, a time, a channel or a comma clause."""
    while i < hi:
        w = view.words[i]
        if i in view.stop_at or w == ",":
            return True
        if not is_punct(w):
            return False
        i += 1
    return True


def gap_is_light(view: View, a: int, b: int) -> bool:
    """Only commas (and nothing) between token ``a`` and ``b``."""
    if a > b or b - a > 2:
        return False
    return all(view.words[j] == "," for j in range(a, b))


def trim(view: View, s: int, e: int) -> Optional[Range]:
    """Strip punctuation, a leading "that" and unbalanced quotes from ``s:e``."""
    words = view.words
    changed = True
    while changed and s < e:
        changed = False
        while s < e and (words[s] in TRIM or view.words[s].isspace()):
            s += 1
            changed = True
        while s < e and (words[e - 1] in TRIM_END or view.words[e - 1].isspace()):
            e -= 1
            changed = True
        if s < e and words[s] == "that" and e - s > 1:
            s += 1
            changed = True
        if s < e and words[s] in QUOTES and (s in view.close_at or view.open_at.get(s, view.n) >= e):
            s += 1  # a closing quote, or an opening one whose quote ends outside
            changed = True
        if s < e and words[e - 1] in QUOTES and ((e - 1) in view.open_at or view.close_at.get(e - 1, -1) < s):
            e -= 1
            changed = True
    return (s, e) if s < e else None


def quote_or_trim(view: View, s: int, e: int) -> Optional[Range]:
    """Content ``s:e``; when it is one whole quotation, the inside of the quotation."""
    rng = trim(view, s, e)
    if rng is None:
        return None
    s, e = rng
    words = view.words
    if words[s] in QUOTES and s in view.open_at:
        close = view.open_at[s]
        if close >= e - 1 or all(is_punct(words[j]) for j in range(close, e)):
            inner = trim(view, s + 1, close)
            return inner
    return rng


def content_after(view: View, i: int, hi: int, keep_first: bool = False) -> Optional[Range]:
    """The reported clause from token ``i`` (after "that") to the end of the sentence, or a quote."""
    words = view.words
    while i < hi and (words[i] in (":", ",") or view.words[i].isspace()):
        i += 1
    if i >= hi:
        # A quote that opens at the end of the sentence: "He said: “..."
        return None
    if not keep_first:
        i = skip_to_that(view, skip_adverbial(view, i, hi), hi)
    if not keep_first and view.lower[i] == "that" and i + 1 < hi:
        i += 1
    if words[i] in QUOTES and i in view.open_at:
        close = view.open_at[i]
        end_of_sent = close >= hi - 1 or all(is_punct(words[j]) for j in range(close + 1, hi))
        if end_of_sent or close >= hi:
            return trim(view, i + 1, min(close, view.n))
    if not keep_first and is_frame_only(view, i, hi):
        return None
    rng = trim(view, i, clause_end(view, i, hi))
    rng = without_comparison(view, rng) if rng else None
    return cut_trailing_frames(view, rng) if rng else None


# Auxiliaries of a comparison that ends a clause: ", as did the UN", ", as have other monitors".
COMPARISON_AUXILIARIES = frozenset(("did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "would", "will"))


def without_comparison(view: View, rng: Range) -> Optional[Range]:
    """What was said without the writer's comparison that ends it: "the rebels had withdrawn | , as
    did the UN", "..., as have other monitors"; the clause unchanged when none ends it."""
    s, e = rng
    for k in range(e - 2, max(s, e - 12), -1):
        if view.words[k] == "," and view.lower[k + 1] == "as" and k + 2 < e and view.lower[k + 2] in COMPARISON_AUXILIARIES:
            return trim(view, s, k)
    return rng


def adverbial_end(view: View, i: int, hi: int) -> Optional[int]:
    """The end of a linking adverbial at ``i`` (``discourse_adverbials``: "however", "on the other
    hand", "for example") when a comma, "that" or a quotation mark follows it, else None."""
    lower, words = view.lower, view.words
    for n in (4, 3, 2, 1):
        k = i + n
        if k < hi and " ".join(lower[i:k]) in DISCOURSE_ADVERBIALS and (words[k] == "," or lower[k] == "that" or words[k] in QUOTES):
            return k
    return None


def skip_adverbial(view: View, i: int, hi: int) -> int:
    """Past a linking adverbial and its comma after a cue: "said, however, | that ...", "said on the
    other hand, | “...”"."""
    k = adverbial_end(view, i, hi)
    if k is None:
        return i
    while k < hi and (view.words[k] == "," or view.words[k].isspace()):
        k += 1
    return k if k < hi else i


def skip_to_that(view: View, i: int, hi: int) -> int:
    """Skip a channel, time or addressee between a cue and its "that" ("said in a briefing that")."""
    lower = view.lower
    if i >= hi:
        return i
    if lower[i] in CLAIM_NOUNS or (lower[i] in ("the", "these", "such", "those", "some") and i + 1 < hi and lower[i + 1] in CLAIM_NOUNS):
        j = i + 1 if lower[i] in CLAIM_NOUNS else i + 2
        if j + 1 < hi and view.words[j] == "," and adverbial_end(view, j + 1, hi) is not None:
            j = skip_adverbial(view, j + 1, hi)  # "dismissed reports, however, | that ..."
        for k in range(j, min(hi, j + 5)):
            if lower[k] == "that":
                return i if k + 1 < hi and lower[k + 1] in RELATIVE_VERB_WORDS else k  # "reports that | were denied"
            if is_punct(view.words[k]):
                break
        return i
    if lower[i] not in LEAD_FRAME and i not in view.stop_at:
        return i
    for k in range(i + 1, min(hi, i + 11)):
        if lower[k] == "that":
            return k
        w = view.words[k]
        if is_punct(w) and w not in ("-", "'", "’") or lower[k] in view.cue_forms:
            break  # "urges her son to leave and says that ...", "said at a news conference | announcing that ...": another verb's "that"
    return i


def is_frame_only(view: View, i: int, hi: int) -> bool:
    """Only a short channel or manner phrase follows: "said by phone.", "told us.", "said in September."."""
    end = hi
    while end > i and is_punct(view.words[end - 1]):
        end -= 1
    if end - i > 5 or end <= i:
        return False
    if view.lower[i] == "at" and i + 1 < end and view.lower[i + 1] in ("least", "most"):
        return False  # "said at least 12 guards died": a quantity, not a place or time
    if view.lower[i] in FRAME_ONLY_START:
        return not any(view.words[k] in QUOTES for k in range(i, end)) and not any(
            view.lower[k] in ("that", "is", "are", "was", "were", "had", "has", "will") for k in range(i, end))
    return any(s == i and e >= end for s, e, _ in view.frame_spans)


# A negation of the speaker's next act: "did not give", "declined to elaborate", "gave no details".
WITHHOLDING_LEADS = (("did", "not"), ("did", "n't"), ("declined", "to"), ("refused", "to"), ("would", "not"),
                     ("would", "n't"))


def withholds(view: View, k: int, hi: int) -> bool:
    """At ``k`` a speaker's refusal to give details: "did not give details", "declined to elaborate"."""
    lower = view.lower
    if k + 2 < hi and (lower[k], lower[k + 1]) in WITHHOLDING_LEADS:
        return lower[k + 2] in WITHHOLDING_VERBS or lower[k + 2] in view.cue_forms
    return k + 1 < hi and lower[k] in ("gave", "offered", "provided") and lower[k + 1] == "no"


def clause_end(view: View, i: int, hi: int) -> int:
    """Where an unquoted reported clause from ``i`` ends: before "; ...", ", but ...", ", which the army denied",
    ", a figure that ...", ", adding ...", or " and said ..." (the next reporting verb)."""
    lower, words = view.lower, view.words
    depth = 0
    for k in range(i, hi):
        w = words[k]
        if w in QUOTES:
            depth ^= 1
            continue
        if depth:
            continue
        if w == ";" and k > i:
            return k
        if lower[k] in ("and", "but") and k > i + 1 and k + 1 < hi and (
                (lower[k + 1] in view.cue_forms and not noun_before_noun(view, k + 1, hi)) or short_of(lower, k + 1, hi)
                or next_cue_after_adverb(view, k + 1, hi)
        ) and view.lower[k - 1] != ",":
            return k
        if lower[k] in ("and", "but") and k > i + 1 and withholds(view, k + 1, hi):
            return k - (words[k - 1] == ",")  # "... were destroyed but did not give details"
        if w != "," or k + 1 >= hi or k == i:
            continue
        nxt = lower[k + 1]
        if nxt in TAIL_LINKS or nxt in TAIL_GERUNDS or (nxt == "which" and judges_the_claim(view, k + 2, hi)):
            return k
        if nxt in ("and", "but") and k + 2 < hi and (lower[k + 2] in view.cue_forms or short_of(lower, k + 2, hi)):
            return k  # ", but said ...", ", but stopped short of calling ..."
        if nxt in ("a", "an", "the", "its", "their", "his", "her"):
            for m in range(k + 2, min(hi, k + 5)):
                if lower[m] in TAIL_NOUNS or (lower[m].endswith("est") and len(lower[m]) > 4) or lower[m] in (
                        "first", "second", "third", "largest", "worst", "biggest", "highest", "deadliest"):
                    return k
                if is_punct(words[m]):
                    break
        if nxt in SUMMARY_NOUNS and nxt.endswith("s") and k + 2 < hi and (lower[k + 2] in ("the", "that") or is_cap(words[k + 2])):
            return k  # "..., allegations the government denies"
        if nxt == "no" and k + 2 < hi and lower[k + 2] == "doubt":
            return k
    return hi


# What a reporter's ", which ..." says of a claim, not of a thing in it: "..., which could not be
# independently verified", "..., which the army denied". Any other relative clause is part of what
# was said ("said the candidate was headed to the venue, which she was ...").
CLAIM_JUDGEMENTS = frozenset(("verified", "confirmed", "denied", "disputed", "rejected", "dismissed", "refuted",
                              "contradicted", "verify", "confirm", "deny", "denies", "disputes", "rejects"))


def judges_the_claim(view: View, k: int, hi: int) -> bool:
    """Does the relative clause from ``k`` (after ", which") judge the claim before it, or report
    another's word on it: a word of ``CLAIM_JUDGEMENTS``, or a reporting verb that ends the clause
    or takes "as", within its first six words (", which the spokesman described as propaganda";
    not ", which aid groups had asked to reopen")?"""
    lower = view.lower
    return any(lower[m] in CLAIM_JUDGEMENTS or (lower[m] in view.cue_forms and (
        m + 1 >= hi or lower[m + 1] == "as" or is_punct(view.words[m + 1]))) for m in range(k, min(hi, k + 6)))


def noun_before_noun(view: View, k: int, hi: int) -> bool:
    """Is the cue form at ``k``, one that is also a noun ("state", "protest"), a modifier of the word
    after it ("federal and | state law", "and | protest groups"), not a verb that reports?"""
    if k + 1 >= hi or view.lower[k] not in view.nominal:
        return False
    nxt = view.words[k + 1]
    return nxt.isalpha() and nxt.islower() and nxt not in NOT_A_NOUN_AFTER


# Words after a noun-or-verb cue form that show the verb: "and state that", "and claims to", "and warns it".
NOT_A_NOUN_AFTER = frozenset(("that", "to", "it", "they", "he", "she", "we", "i", "you", "on", "about", "of", "the", "a",
                              "an", "his", "her", "their", "its", "this", "these", "those", "there"))


def next_cue_after_adverb(view: View, k: int, hi: int) -> bool:
    """ "... and repeatedly says", "... and later told": an adverb of the verb group, then a cue form."""
    return k + 1 < hi and view.lower[k + 1] in view.cue_forms and (
        view.lower[k] in ("also", "later", "then", "again", "repeatedly", "publicly") or (
            view.lower[k].endswith("ly") and len(view.lower[k]) > 4 and view.lower[k + 1].endswith(("ed", "s", "aid", "old"))))


def short_of(lower: List[str], k: int, hi: int) -> bool:
    """ "stopped short of" (``grammar.SHORT_OF_VERBS``) at ``k``, before a verb of saying."""
    return k + 2 < hi and lower[k] in SHORT_OF_VERBS and lower[k + 1] == "short" and lower[k + 2] == "of"


def clause_around(view: View, s: int, e: int, lo: int, hi: int) -> Optional[Range]:
    """The clause a sentence adverb or raising cue stands in, cue included: "The rebels have
    reportedly taken the town", "Several of the wounded are said to be in critical condition"."""
    lower, words = view.lower, view.words
    start = s
    while start > lo:
        w = words[start - 1]
        if w == "," and lower[start] in ("and", "but", "or") and start < s:
            start += 1
            break
        if w in (",", ";", ":", "(", "—", "–") or w in QUOTES or lower[start - 1] in ("that", "but", "while", "whereas") or w.isspace():
            break
        start -= 1
    if start == s and s > lo:
        # "Reportedly, ..." (the clause follows) or "..., reportedly." (it comes before)
        return content_after(view, e, hi) or trim(view, skip_lead(view, lo, s), s)
    start = skip_lead(view, start, s)
    if start >= s:
        return content_after(view, e, hi)
    rng = trim(view, start, clause_end(view, e, hi))
    rng = cut_trailing_frames(view, rng) if rng else None
    if rng and rng[1] <= e:
        # the cue ends the clause: "The town has fallen, reportedly."
        return trim(view, rng[0], s)
    return rng


def cut_trailing_frames(view: View, rng: Range) -> Optional[Range]:
    """Drop a time or channel phrase that ends the clause: "denied it in a statement on Sunday"."""
    s, e = rng
    frames = view.frames_from(s + 1, e)
    channel_ends = {fe for _, fe, kind in frames if kind != "time"}
    for fs, fe, kind in reversed(frames):  # only a phrase inside the clause is cut
        # A channel never belongs to what was said; a time only after a short object
        # ("denied the report on Sunday", but "troops began arriving on Wednesday") or right
        # after a channel ("confirmed the deaths in a statement | on Sunday").
        if kind == "time" and fs - s > 3 and fs not in channel_ends:
            continue
        if s < fs and fe <= e and all(is_punct(view.words[j]) for j in range(fe, e)):
            e = fs
            while e > s and view.words[e - 1] == ",":
                e -= 1
    return trim(view, s, e) if (s, e) != rng else rng


def content_before(view: View, end: int, lo: int) -> Optional[Range]:
    """The clause or quote before ", X said" (``end`` is the first token of the frame)."""
    words = view.words
    j = end - 1
    while j >= lo and words[j] in (",", "—", "–", "-") or (j >= lo and view.words[j].isspace()):
        j -= 1
    if j >= 0 and words[j] in QUOTES and j in view.close_at:
        open_i = view.close_at[j]
        return trim(view, open_i + 1, j)
    if j >= lo and j + 1 < view.n and words[j + 1] in QUOTES and (j + 1) in view.close_at:
        open_i = view.close_at[j + 1]
        return trim(view, open_i + 1, j + 1)
    return trim(view, skip_lead(view, lo, j + 1), j + 1)


def parenthetical_before(view: View, src_start: int, after: Range, lo: int) -> Optional[Range]:
    """The first half of what was said around a source and cue set off by commas in mid-sentence
    ("The shelling, | the mayor said, | went on all night", "Back in Kherson, he said, the
    guns were quiet"), when ``after`` (the second half) follows a comma; else None. A quotation
    before the frame is :func:`continue_quotes`' case."""
    words = view.words
    if src_start - 1 <= lo or words[src_start - 1] != "," or after[0] - 1 < 0 or words[after[0] - 1] != ",":
        return None
    if words[src_start - 2] in QUOTES or any(words[k] in QUOTES for k in range(after[0] - 1, after[1])):
        return None
    if view.lower[after[0]].endswith("ing") or view.lower[after[0]] in CONTINUATIONS:
        return None  # "..., the governor said, pointing to the river": the writer's
    before = content_before(view, src_start, lo)
    if before is None or any(k in view.close_at or k in view.open_at for k in range(before[0], before[1])):
        return None
    return before


def nested_report(view: View, rec: Record, f1: int, e: int) -> bool:
    """A verb report that opens another's content and runs on in it without a comma is part of
    what is said: "the envoy said | the militia suggests that the town is theirs"."""
    return rec.kind == "verb" and f1 < e and view.words[f1] not in (",", ":", ";") and not is_punct(view.words[f1 - 1])


def clip_contents(view: View, records: List[Record], lo: int) -> None:
    """A content stops where another attribution's frame starts after a comma, and starts after
    a frame at its very beginning ("According to sources, ..., the Times writes")."""
    if len(records) < 2:
        return  # a content is clipped only by another record's frame
    # The frames that can clip, sorted by start, so that each content looks only at the frames
    # inside it (a sentence may hold hundreds of attributions); they are taken in record order. A
    # nominal cue ("allegations of torture were dismissed") is a noun inside the clause, no frame.
    # A content only shrinks, so a frame outside it at the start stays outside.
    frames = sorted((rec.frame(), k) for k, rec in enumerate(records) if rec.kind not in ("sourceless", "raising", "nominal"))
    frame_starts = [frame[0] for frame, _ in frames]
    for rec in records:
        if rec.content is None:
            continue
        s, e = rec.content
        inside = sorted(
            (k, frame) for frame, k in frames[bisect_left(frame_starts, s) : bisect_right(frame_starts, e)]
            if frame[1] <= e
        )
        for k, (f0, f1) in inside:
            if records[k] is rec or not (s <= f0 and f1 <= e):
                continue
            if f0 == s or all(is_punct(view.words[j]) for j in range(s, f0)):
                if not nested_report(view, records[k], f1, e):
                    s = f1
            elif f0 - 1 >= s and view.words[f0 - 1] == ",":
                e = f0
            elif records[k].inherit and comma_before(view, f0, s) is not None:
                e = comma_before(view, f0, s)  # '"...," adding that', ", even suggesting"
            elif records[k].inherit and f0 - 1 > s and view.lower[f0 - 1] == "by":
                e = f0 - 1  # "responded to a widow | by saying ..."
            elif f0 - 2 >= s and view.words[f0 - 2] == "," and view.lower[f0 - 1] in CLAUSE_LINKS:
                e = f0 - 1
        if (s, e) != rec.content:
            rng = trim(view, s, e)
            rec.content = cut_trailing_frames(view, rng) if rng else None


# Conjunctions that open a clause set before the main clause of a sentence: "While officials said the
# offensive is over, | the general is preparing another push", "Although the army denied it, | ...".
FRONTED_CONJUNCTIONS = frozenset(("while", "although", "though", "whereas", "because", "since", "if", "when", "once",
                                  "unless", "after", "before"))
# Words after a comma that go on inside the fronted clause: "the offensive, | which began in May, is over".
RELATIVE_OPENERS = frozenset(("which", "who", "whose", "whom", "where"))
INSIDE_FRONTED = RELATIVE_OPENERS | {"including", "and", "or", "but", "not"}


def fronted_contents(view: View, records: List[Record], lo: int) -> None:
    """A report inside a clause that opens the sentence with a conjunction ends where that clause
    does, at its first comma outside a quotation: what follows is the main clause, said by the
    writer ("While his advisers have suggested the offensive is over, | the general ...")."""
    start = None
    for rec in records:
        if rec.content is None or rec.source is None or rec.content[0] < rec.cue[1]:
            continue
        if start is None:
            start = skip_lead(view, lo, rec.source[0])
            while start < rec.source[0] and view.words[start] in QUOTES:
                start += 1
            if start >= rec.source[0] or view.lower[start] not in FRONTED_CONJUNCTIONS:
                start = -1
        if start < 0 or rec.source[0] != start + 1 + (view.lower[start + 1] in ("even", "only")):
            continue
        rec.content = fronted_clause(view, *rec.content)


def fronted_clause(view: View, s: int, e: int) -> Optional[Range]:
    """``s:e`` up to the comma that ends a fronted clause: the first one outside a quotation that
    no relative or conjunction follows (:data:`INSIDE_FRONTED`)."""
    inside = 0
    relative = False
    for k in range(s, e):
        if k in view.open_at:
            inside = view.open_at[k]
        if k < inside or view.words[k] != "," or k + 1 >= e:
            continue
        if relative:
            relative = False  # the comma that closes "which began in May,"
        elif view.lower[k + 1] in RELATIVE_OPENERS:
            relative = True
        elif view.lower[k + 1] not in INSIDE_FRONTED:
            return trim(view, s, k)
    return s, e


def quote_closes_before(view: View, rec: Record) -> Optional[int]:
    """The closing quote of a content quoted before its cue ("“A,” X said"), else None."""
    if rec.content is None or rec.content[1] > rec.cue[0]:
        return None
    j = rec.content[1]
    while j < rec.cue[0] and j not in view.close_at and is_punct(view.words[j]) and not view.words[j].isspace():
        j += 1
    return j if j in view.close_at and j < rec.frame()[0] else None


def next_quote_part(view: View, rec: Record, cues: List[int]) -> Optional[Range]:
    """The quote that goes on after the sentence of ``rec`` ("“A,” X said on Monday at the rally.
    “B.”"), or right after its frame ("“A,” X said, “B.”"): the rest of the sentence holds no
    quotation, no other cue (``cues``: the starts of all, sorted) and no paragraph break."""
    if quote_closes_before(view, rec) is None:
        return None
    start = rec.frame()[1]
    end = view.sent_ends[view.sent_of(rec.cue[0])]
    k = start
    while k < view.n and not (k in view.open_at and view.words[k] in QUOTES):
        if k >= end + 1 or "\n" in view.words[k] or view.words[k] in QUOTES:
            return None
        k += 1
    if k >= view.n or bisect_left(cues, start) < bisect_left(cues, k):  # a cue in between
        return None
    if k < end and not all(is_punct(view.words[j]) or (j == k - 1 and view.lower[j] in ("but", "and"))  # ", but “B.”"
                           or (rec.time and rec.time[0] <= j < rec.time[1])
                           or (rec.medium and rec.medium[0] <= j < rec.medium[1]) for j in range(start, k)):
        return None  # inside the sentence only punctuation, the time or the channel may stand between
    return trim(view, k + 1, view.open_at[k])


def continue_quotes(view: View, records: List[Record]) -> None:
    """A quote split by its cue ("“A,” X said. “B.”") gives the record a second content part,
    unless another attribution already reports that quote ("“B,” Y added.")."""
    taken = sorted(r.content for r in records if r.content)
    taken_starts = [c[0] for c in taken]
    reach = list(accumulate((c[1] for c in taken), max))  # the furthest end of the contents so far
    cues = sorted(r.cue[0] for r in records)
    for rec in records:
        part = next_quote_part(view, rec, cues)
        if part is None:
            continue
        k = bisect_left(taken_starts, part[1])  # the contents that start before the part ends
        if k and reach[k - 1] > part[0]:
            continue  # one of them overlaps it
        if bisect_left(cues, part[0]) < bisect_left(cues, part[1]):
            continue  # a cue inside the quote: it is someone's words, told another way
        rec.parts.append(part)


def outside_quotes(view: View, records: List[Record]) -> List[Record]:
    """The records whose cue stands outside every quotation: a report inside a quote is the
    quoted speaker's words, nested in the attribution of the quote (annotation guidelines)."""
    if not view.open_at:
        return records
    pairs = sorted(view.open_at.items())
    opens = [o for o, _ in pairs]
    kept = []
    for rec in records:
        k = bisect_right(opens, rec.cue[0]) - 1
        if k >= 0 and opens[k] < rec.cue[0] and rec.cue[1] <= pairs[k][1] and pairs[k][1] - opens[k] > 3:
            if not (rec.kind == "turn" and rec.source and rec.source[0] == opens[k] + 1):
                continue  # (a transcript turn that opens a quoted paragraph, '"MARSH: ...', is kept)
        kept.append(rec)
    return kept



# A transcript document: its first speaker label opens its first line or one under at most two title
# lines (a title, a date), and its turns run over paragraphs to the next label.
TRANSCRIPT_HEAD_LINES = 3
_LABEL_WORDS = 5  # words of a speaker label ("SENIOR DEFENSE OFFICIAL:", "MR. KIRBY:", "Q:")


def label_colon(view: View, k: int) -> Optional[int]:
    """The colon of a speaker label in capitals that starts at ``k`` ("SENIOR DEFENSE OFFICIAL:",
    "GEN. ADEYEMI:", "Q:"), else None; ``k`` must start a line."""
    if not starts_line(view, k):
        return None
    for j in range(k, min(view.n, k + _LABEL_WORDS + 1)):
        word = view.words[j]
        if word == ":":
            return j if j > k else None
        if not (word.isupper() and any(c.isalpha() for c in word)):
            return None
    return None


def transcript_head(view: View, above: List[int]) -> bool:
    """Are the lines starting at ``above`` (those over the first label) a transcript's head: at most
    two title lines (a title, a date), none ending as a sentence does?"""
    if len(above) >= TRANSCRIPT_HEAD_LINES:
        return False
    # "The exchange on the radio was short.": a story above the label
    return not any(ends_as_sentence(view, k) for k in above)


def ends_as_sentence(view: View, k: int) -> bool:
    """Does the line that starts at token ``k`` end as a sentence does (a full stop, "!", "?", "…"
    or a colon, before any closing quotes)?"""
    end = line_end(view, k)
    while end > k and (view.words[end - 1].isspace() or view.words[end - 1] in QUOTES):
        end -= 1
    return end > k and view.words[end - 1] in (".", "!", "?", "…", ":")


def headline_list(view: View, starts: List[int]) -> bool:
    """Is the document a list of headlines: three lines or more, most of them not ending as a
    sentence does? Its "IDF: ..." and "UNHCR: ..." lines are headlines, not a transcript's turns."""
    return len(starts) >= 3 and 2 * sum(not ends_as_sentence(view, k) for k in starts) > len(starts)


def transcript_turns(view: View, records: List[Record]) -> None:
    """In a transcript document, a speaker's turn ("SENIOR DEFENSE OFFICIAL: ..." at the head of
    the document, "MARSH: ...") runs over the paragraphs under its label up to the next label or
    the end: its content is all of them; elsewhere a turn is its whole paragraph, every sentence. A report inside it keeps its own record (the speaker
    tells what another said: "the governor said the ferries stopped"), as our corpus annotates it
    (``docs/annotation.md``, transcript turns); a one-word label's turn (:func:`.cues.colon_cue`)
    runs over the same paragraphs and keeps none, as before."""
    labelled = [rec for rec in records if rec.source and not rec.parts and view.words[rec.cue[0]] == ":"
                and rec.cue[0] == rec.source[1] and label_colon(view, rec.source[0]) == rec.cue[0]]
    if not labelled:
        return
    starts = [k for k in range(view.n) if starts_line(view, k) and not view.words[k].isspace()]
    labels = [k for k in starts if label_colon(view, k) is not None]
    transcript = bool(labels) and transcript_head(view, starts[: starts.index(labels[0])]) and not headline_list(view, starts)
    for rec in labelled:
        if transcript:
            nxt = bisect_right(labels, rec.source[0])
            end = labels[nxt] if nxt < len(labels) else view.n
        else:
            end = line_end(view, rec.cue[1])  # a turn quoted in a story: its own paragraph
        content = trim(view, rec.cue[1], end)
        if content is not None and (rec.content is None or content[1] > rec.content[1]):
            rec.content = content


def outside_turns(records: List[Record]) -> List[Record]:
    """The records whose cue stands outside every transcript turn ("MARSH: ... they told us ..."):
    a report inside a turn is the speaker's words, as one inside a quotation."""
    turns = [part for rec in records if rec.kind == "turn" and rec.content for part in [rec.content] + rec.parts]
    if not turns:
        return records
    return [rec for rec in records if rec.kind == "turn" or not any(s <= rec.cue[0] < e for s, e in turns)]


def line_end(view: View, k: int) -> int:
    """The end of the line that token ``k`` is on: before the next line break (or the Doc's end)."""
    j = bisect_left(view.breaks, k)
    return view.breaks[j] if j < len(view.breaks) else max(k, view.n)


def paragraph_after_colon(view: View, records: List[Record]) -> None:
    """A cue whose colon ends its line reports the whole paragraph after it ("The governor added:
    | It will hold. We have shells. ..."), not only its first sentence."""
    for rec in records:
        if not rec.content:
            continue
        k = rec.content[0] - 1
        while k >= 0 and (view.words[k] in QUOTES or view.words[k].isspace()):
            k -= 1
        if k < rec.cue[0] or view.words[k] != ":" or line_end(view, k) != k + 1:
            continue
        end = line_end(view, rec.content[0])
        if end > rec.content[1]:
            rec.content = trim(view, rec.content[0], end) or rec.content
