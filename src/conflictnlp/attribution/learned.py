"""What the trained layer (:mod:`conflictnlp.tagging`) gives the attribution rules.

The layer confirms reports the rules could not read. A trained ``CUE`` becomes a record when no
record of the rules has it (its cue, or inside its content) and the layer confirms the report
itself: its own ``SOURCE`` next to the cue and its own ``CONTENT`` right after it, outside any
quotation (:func:`confirmed_records`). The cue is a verb of speech of the lexicon whose sentence
the rules' reading failed ("Ruiz claims the convoy was looted", untagged); with the
component's ``new_cues`` setting, also a verb the lexicon lacks ("The envoy harrumphed that
..."), which is off by default: on real news the layer trained on our corpus confirmed only
verbs that report nothing there ("found", "know", "has"). A form the lexicon lists as belief or
evidence ("think", "shows") stays the rules' to read. The cue takes its whole verb group ("has
called", "didn't harrumph"), the source takes the capitalized words of a name the layer cut
short, and the content runs as the rules read a reported clause after the cue (after a source
that follows it). The rules' own records are never changed.

Measured on real reporting (docs/training.md, section 7), this is what raises recall. Two
earlier uses of the layer lowered the figures and were removed: a trained cue handed to the
rules as a weak reporting verb (it added verbs of knowing and meaning), and trained spans
filling a record's empty source or content (it gave sources to records whose gold has none).
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from spacy.tokens import Doc

from ..schema import ATTRIBUTION_SPAN_FIELDS
from ..tagging import Tagged
from .content import content_after, trim
from .extent import extend_cues
from .lexicons import Lexicons
from .grammar import QUOTES
from .view import APOSTROPHE_FORMS, Record, View, is_cap

# The label set of the layer: the contract's first three attribution parts (cue, source,
# content), as span labels.
CUE, SOURCE, CONTENT = ROLES = tuple(field.upper() for field in ATTRIBUTION_SPAN_FIELDS[:3])
# How far a trained content may start after its cue (or after a source that follows the cue):
# "said | that ...", "said: | “...", "harrumphed | that ...".
CONTENT_GAP = 2
# A reported content does not open with a preposition ("adding | to hundreds of killings", "called
# | to service" use the verb in another sense), and a speaker does not either.
NOT_CONTENT_OPENERS = frozenset(("to", "of", "for", "with", "from", "in", "into", "on", "onto", "at", "by", "up", "about"))


def cue_form(doc: Doc, t: Tagged) -> str:
    """The lowercase form of a trained span, as the lexicon spells its cues. The rules read a
    typographic apostrophe as the straight one ("hasn’t" → "n't"): so does the form."""
    return " ".join(APOSTROPHE_FORMS.get(token.lower_, token.lower_) for token in doc[t.start : t.end])


def confirmed_records(lex: Lexicons, doc: Doc, records: Sequence[Record], tagged: Sequence[Tagged],
                      new_cues: bool = False, view: Optional[View] = None) -> List[Record]:
    """The records the layer confirms where the rules made none (see the module's note): a
    trained cue whose form (or last word: "has called") is a verb of speech of the lexicon (or,
    with ``new_cues``, no cue of it), that no record's cue overlaps and no record's content
    holds, outside a quotation, with a trained source that ends right before its verb group (a
    comma between; the capitalized words of a name the layer cut short count as the source's) or
    starts right after it, and a trained content that starts within
    :data:`CONTENT_GAP` tokens of the cue (of the source, when the source follows the cue); neither
    the word after the cue (or source) nor the first word of the content or of the source is a
    preposition. ``view`` is the rules' view of the Doc, where they built one."""
    taken = [r.cue for r in records] + [p for r in records for p in [r.content, *r.parts] if p is not None]
    cues = [t for t in tagged if t.label == CUE and _reporting(lex, cue_form(doc, t), new_cues)
            and not any(t.start < e and s < t.end for s, e in taken)]
    if not cues:
        return []
    if view is None:
        view = View(doc, lex.cue_forms, lex.ambiguous)
    quoted = sorted(view.open_at.items())
    found: List[Record] = []
    for cue in cues:
        if any(o < cue.start < c for o, c in quoted):
            continue  # a report inside a quotation is the quoted speaker's
        si = view.sent_of(cue.start)
        lo, hi = view.sent_starts[si], view.sent_ends[si]
        form = cue_form(doc, cue)
        rec = Record((cue.start, cue.end), "verb", _entry(lex, form).get("lemma", form))
        extend_cues(view, [rec], lex.verb_forms, lo, hi)  # "didn't | harrumph", "has | called"
        s, e = rec.cue
        inside = [t for t in tagged if lo <= t.start and t.end <= hi and (t.end <= s or t.start >= e)]
        source = next((t for t in inside if t.label == SOURCE and _next_to(view, t, s, e)), None)
        if source is None:
            continue
        after = source.end if source.start >= e else e
        content = next((t for t in inside if t.label == CONTENT and after <= t.start <= after + CONTENT_GAP), None)
        if content is None or view.lower[after] in NOT_CONTENT_OPENERS or view.lower[content.start] in NOT_CONTENT_OPENERS:
            continue
        rec.source = trim(view, source.start, _name_end(view, source.end, s) if source.end <= s else source.end)
        if rec.source is None or view.lower[rec.source[0]] in NOT_CONTENT_OPENERS:
            continue  # "Asked | to describe ...": not a speaker
        rec.content = content_after(view, after, hi) or trim(view, content.start, content.end)
        if rec.content is not None:
            found.append(rec)
    return found


def _next_to(view: View, source: Tagged, s: int, e: int) -> bool:
    """Does a trained source end right before the verb group ``s:e`` (a comma between; with the
    capitalized words of its name) or start right after it?"""
    if e <= source.start <= e + 1:
        return True
    end = _name_end(view, source.end, s)
    return end == s or (end == s - 1 and view.words[end] == ",")


def _name_end(view: View, end: int, limit: int) -> int:
    """Where a trained source that ends at ``end`` ends with the capitalized words that go on
    its name, before ``limit`` (the layer tagged "the Lake Region" | "Watch")."""
    while end < limit and is_cap(view.words[end]) and view.words[end] not in QUOTES:
        end += 1
    return end


def _entry(lex: Lexicons, form: str) -> dict:
    return lex.verb_forms.get(form) or lex.verb_forms.get(form.rsplit(" ", 1)[-1]) or {}


def _known(lex: Lexicons, form: str) -> Optional[str]:
    """The lexicon's cue type of ``form`` or its last word; None where the lexicon lacks both."""
    return lex.cue_types.get(form) or lex.cue_types.get(form.rsplit(" ", 1)[-1])


def _reporting(lex: Lexicons, form: str, new_cues: bool) -> bool:
    known = _known(lex, form)
    return known == "speech" or (new_cues and known is None and any(ch.isalpha() for ch in form))
