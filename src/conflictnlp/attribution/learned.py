"""What the trained layer (:mod:`conflictnlp.tagging`) gives the attribution rules.

- A trained ``CUE`` that no lexicon match overlaps becomes a reporting-verb match of the cue
  matcher, with a lexicon entry of its own (:func:`with_tagged_cues`): the rules' cue cases
  (:mod:`.cues`, :mod:`.sentence`) read it as they read a lexicon cue, and make a record only
  where they find a report. Its entry is ``weak``: it needs a reported clause ("that", a
  quotation, a colon, or a clause the parse shows), as the lexicon's weak verbs do.
- A trained ``SOURCE`` or ``CONTENT`` fills the empty source or content of a record of its
  sentence (:func:`fill_parts`): the nearest span to the cue that no part of the record
  overlaps. The rules' own parts are never replaced.
"""

from __future__ import annotations

import copy
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from ..doctools import SentenceOf
from ..schema import ATTRIBUTION_SPAN_FIELDS
from ..tagging import Tagged
from .lexicons import CUE_LABELS, Lexicons
from .view import APOSTROPHE_FORMS, Range, Record

# The label set of the layer: the contract's first three attribution parts (cue, source,
# content), as span labels.
CUE, SOURCE, CONTENT = ROLES = tuple(field.upper() for field in ATTRIBUTION_SPAN_FIELDS[:3])
# The records whose cue says that they have no source.
SOURCELESS = ("sourceless", "impersonal")


def with_tagged_cues(lex: Lexicons, doc: Doc, matches: Sequence[Tuple[int, int, int]],
                     tagged: Sequence[Tagged]) -> Tuple[Lexicons, List[Tuple[int, int, int]]]:
    """``lex`` and the cue matcher's ``matches`` with each trained cue of ``tagged`` that no
    lexicon cue overlaps added as a reporting verb (a copy of ``lex`` knows its form)."""
    strings = doc.vocab.strings
    cues = [(s, e) for match_id, s, e in matches if strings[match_id] in CUE_LABELS]
    fresh = [t for t in tagged if t.label == CUE and not any(t.start < e and s < t.end for s, e in cues)]
    if not fresh:
        return lex, list(matches)
    forms: Dict[str, dict] = {}
    for t in fresh:
        # the rules read a typographic apostrophe as the straight one ("hasn’t" → "n't"): so does the form
        form = " ".join(APOSTROPHE_FORMS.get(token.lower_, token.lower_) for token in doc[t.start : t.end])
        forms[form] = lex.verb_forms.get(form) or {"lemma": form, "forms": [form], "strength": "weak"}
    known = copy.copy(lex)
    known.verb_forms = {**lex.verb_forms, **forms}
    known.cue_forms = lex.cue_forms | frozenset(f for f in forms if " " not in f)
    verb = strings.add("verb")
    return known, sorted(list(matches) + [(verb, t.start, t.end) for t in fresh], key=lambda m: (m[1], m[2]))


def fill_parts(doc: Doc, records: Sequence[Record], tagged: Sequence[Tagged]) -> None:
    """Fill each record's empty source and content from the trained spans of its sentence."""
    if not records or not any(t.label != CUE for t in tagged):
        return
    sentence_of = SentenceOf(doc)
    for rec in records:
        lo, hi = sentence_of(rec.cue[0])
        for label, field in ((SOURCE, "source"), (CONTENT, "content")):
            if field == "source" and (rec.kind in SOURCELESS or rec.inherit):
                continue  # "reportedly", "it is reported": no source to find
            if getattr(rec, field) is None:
                setattr(rec, field, _nearest(rec, [t for t in tagged if t.label == label and lo <= t.start and t.end <= hi]))


def _nearest(rec: Record, spans: Sequence[Tagged]) -> Optional[Range]:
    """The span nearest to the record's cue that overlaps none of its parts."""
    parts = [p for p in (rec.cue, rec.source, rec.content) if p is not None]
    free = [t for t in spans if not any(t.start < e and s < t.end for s, e in parts)]
    if not free:
        return None
    best = min(free, key=lambda t: min(abs(t.start - rec.cue[1]), abs(rec.cue[0] - t.end)))
    return (best.start, best.end)
