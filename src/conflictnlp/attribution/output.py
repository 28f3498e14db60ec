"""The contract's Attribution dicts from the records of a Doc, typed and resolved, and their
storage on the Doc (``doc._.conflict_attributions`` and the cue span group)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span

from ..schema import ATTRIBUTION_KEY
from ..doctools import CharOffsets, SentenceOf
from .dates import document_date, time_date
from .grammar import PRONOUNS
from .resolve import NameWords, resolve_pronoun, type_from_antecedents
from .sources import SourceTyper
from .view import Range, Record


def span_dict(offsets: CharOffsets, rng: Optional[Range], text: str) -> Optional[Dict[str, Any]]:
    if rng is None:
        return None
    start = offsets.start(rng[0])
    end = offsets.end(rng[1])
    return {"start": start, "end": end, "text": text[start:end]}


def records_to_dicts(doc: Doc, records: List[Record], typer: SourceTyper, resolve: bool = True,
                     text: Optional[str] = None, cue_types: Optional[Dict[str, str]] = None) -> List[Dict[str, Any]]:
    """The contract's Attribution dicts for ``records`` (sorted by cue); ``cue_types`` gives the
    cue_type of a cue word or phrase (lowercase), speech when not listed."""
    out: List[Dict[str, Any]] = []
    if not records:
        return out
    ents = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
    ent_ending: Dict[int, Tuple[int, str]] = {e.end: (e.start, e.label_) for e in ents}  # entities do not overlap
    sentence_of = SentenceOf(doc) if doc.has_annotation("SENT_START") else None  # doc[i].sent
    text = doc.text if text is None else text
    offsets = CharOffsets(doc)
    names = NameWords(doc)  # reads the Doc when a pronoun is first resolved from its words
    named: List[int] = []  # indices of the items so far whose source is not a pronoun
    anchor = document_date(doc.user_data.get("date"))  # the Doc's own date, if its maker set one
    for index, rec in enumerate(records):
        source_text = text[offsets.start(rec.source[0]):offsets.end(rec.source[1])] if rec.source else None
        label = None
        if rec.source and ents:
            # the entity that ends the source's name, where its head is ("Army Col. Joe Buccino": PERSON),
            # before any insert ("Ann Lind, | UNICEF representative in South Sudan": not the GPE)
            head_end = next((k for k in range(rec.source[0] + 1, rec.source[1]) if doc[k].text == ","), rec.source[1])
            ent_start, label = ent_ending.get(head_end, (-1, None))
            if ent_start < rec.source[0]:
                label = None
        if source_text is not None:
            info = typer.classify(source_text, label)
            source_type, anonymous, state_media = info.source_type, info.anonymous or rec.anonymous, info.state_media
        else:
            source_type, anonymous, state_media = "unknown", False, False
        item = {
            "id": index,
            "cue": span_dict(offsets, rec.cue, text),
            "source": span_dict(offsets, rec.source, text),
            "content": span_dict(offsets, rec.content, text),
            "content_parts": [],  # filled below: every part of a split quote, the first is content
            "cue_type": cue_type_of(text, offsets, rec, cue_types),
            "source_type": source_type,
            "anonymous": bool(anonymous),
            "state_media": bool(state_media),
            "medium": span_dict(offsets, rec.medium, text),
            "time": span_dict(offsets, rec.time, text),
            "via": [span_dict(offsets, v, text) for v in rec.via],
            "resolved": None,
        }
        item["date"] = time_date(item["time"], anchor)
        content = item["content"]
        if content:
            item["content_parts"] = [dict(content)] + [span_dict(offsets, r, text) for r in rec.parts]
        if resolve and source_text and source_text.lower() in PRONOUNS:
            item["resolved"] = resolve_pronoun(doc, records, out, named, rec, ents, sentence_of, names, typer)
            if item["resolved"] and source_text.lower() in ("he", "she"):
                item["anonymous"] = False
        if source_text is not None and source_text.lower() not in PRONOUNS:
            named.append(index)
        out.append(item)
    type_from_antecedents(text, out, typer)
    return out


def cue_type_of(text: str, offsets: CharOffsets, rec: Record, cue_types: Optional[Dict[str, str]]) -> str:
    """speech, belief or evidence, from the lexicon entry of the cue's words."""
    if not cue_types:
        return "speech"
    cue = " ".join(text[offsets.start(rec.cue[0]):offsets.end(rec.cue[1])].lower().split())
    if cue in cue_types:
        return cue_types[cue]
    # the cue's verb in its verb group ("has long believed", "spoke of", "said:"): its last listed word
    return next((cue_types[w] for w in reversed(cue.rstrip(":").split(" ")) if w in cue_types), "speech")


def set_attributions(
    doc: Doc, items: List[Dict[str, Any]], key: str = ATTRIBUTION_KEY, cues: Optional[Sequence[Range]] = None
) -> None:
    """Store ``items`` on ``doc._.conflict_attributions`` and their cues in ``doc.spans[key]``
    (``cues``: the cues' token ranges, when known, in the order of ``items``)."""
    spans = []
    if cues is not None:
        spans = [Span(doc, start, end, label="cue") for start, end in cues]
    else:
        for item in items:
            span = doc.char_span(item["cue"]["start"], item["cue"]["end"], label="cue")
            if span is not None:
                spans.append(span)
    doc.spans[key] = spans
    doc._.conflict_attributions = items
