"""The annotated corpus format and its spaCy reader.

A corpus file is JSONL, one document per line, with the contract's field names::

    {"id": str, "conflict": str, "style": str, "outlet": str, "text": str,
     "counts": [Count], "attributions": [Attribution],
     "sentences": [{"start", "end", "certainty", "cues": [{"start", "end", "text", "type"}]}]}

``reference_doc`` turns a record into a gold Doc carrying the same annotations the
components write (so scorers compare like with like); the registered reader
``conflictnlp.Corpus.v1`` (entry point ``spacy_readers``) yields Examples from such
files for ``spacy train`` and ``spacy evaluate``. Standard library + spaCy only.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry

from .. import jsontext
from .. import extensions  # noqa: F401
from ..schema import ATTRIBUTION_CUE_TYPES, COUNT_FIELDS, DOC_CATS, spans_key

PathLike = Union[str, Path]


class CorpusError(ValueError):
    """A corpus file or record is malformed. The message names file and line."""


def corpus_files(path: PathLike) -> List[Path]:
    """The JSONL files at ``path`` (a file, or every ``*.jsonl`` in a directory, sorted)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise CorpusError(f"{path}: directory contains no .jsonl files")
        return files
    if not path.exists():
        raise CorpusError(f"{path}: no such file or directory")
    return [path]


def read_records(path: PathLike) -> Iterator[Dict[str, Any]]:
    """Parsed records of a corpus file or directory; raises :class:`CorpusError` naming file and line."""
    for file in corpus_files(path):
        with file.open(encoding="utf8") as stream:
            for lineno, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    record = jsontext.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(f"{file}, line {lineno}: invalid JSON ({err.msg})") from None
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise CorpusError(f'{file}, line {lineno}: expected an object with a "text" string')
                yield record


DEFAULT_CUE_TYPE = ATTRIBUTION_CUE_TYPES[0]  # "speech": a record written before cue_type existed


def with_contract_defaults(attribution: Dict[str, Any]) -> Dict[str, Any]:
    """A copy of a corpus attribution with the fields older records lack: ``cue_type``
    (``"speech"``) and ``content_parts`` (``[content]``, or ``[]`` when content is null)."""
    item = dict(attribution)
    item.setdefault("cue_type", DEFAULT_CUE_TYPE)
    if not item.get("content_parts"):
        item["content_parts"] = [dict(item["content"])] if item.get("content") else []
    return item


def _char_span(doc: Doc, start: int, end: int, label: str = "") -> Optional[Span]:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def annotate_reference(doc: Doc, record: Dict[str, Any]) -> Doc:
    """Write a record's gold annotations onto ``doc`` (tokenized from ``record["text"]``); the span
    groups go under the keys :func:`conflictnlp.schema.spans_key` gives (the defaults on a new Doc)."""
    sentences = record.get("sentences") or []
    if sentences and len(doc):
        starts = {s["start"] for s in sentences}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
    counts = []
    for count in record.get("counts") or []:
        span = _char_span(doc, count["start"], count["end"], count.get("kind") or "")
        if span is None:
            continue
        span._.conflict_count = {field: count.get(field) for field in COUNT_FIELDS}
        counts.append(span)
    doc.spans[spans_key(doc, "counts")] = sorted(counts, key=lambda s: (s.start, s.end))
    attributions = [with_contract_defaults(a) for a in record.get("attributions") or []]
    doc._.conflict_attributions = attributions
    cue_spans = [_char_span(doc, a["cue"]["start"], a["cue"]["end"], a.get("source_type") or "") for a in attributions]
    doc.spans[spans_key(doc, "attribution")] = [s for s in cue_spans if s is not None]
    hedge_spans = []
    levels = {level: 0 for level in DOC_CATS}
    by_start = {sent.start_char: sent for sent in doc.sents} if sentences and len(doc) else {}
    for gold in sentences:
        span = by_start.get(gold["start"])
        certainty = gold.get("certainty", "certain")
        levels[certainty] = levels.get(certainty, 0) + 1
        levels["hedged"] += certainty != "certain"
        cues = [dict(c) for c in gold.get("cues") or []]
        for cue in cues:
            cue_span = _char_span(doc, cue["start"], cue["end"], cue["type"])
            if cue_span is not None:
                hedge_spans.append(cue_span)
        if span is None:
            continue
        span._.conflict_certainty = certainty
        span._.conflict_hedged = certainty != "certain"
        span._.conflict_hedge_score = 1.0 if certainty != "certain" else 0.0
        span._.conflict_hedge_cues = cues
    doc.spans[spans_key(doc, "hedging")] = sorted(hedge_spans, key=lambda s: (s.start, s.end))
    total = max(1, len(sentences))
    doc.cats = {label: levels.get(label, 0) / total for label in DOC_CATS}
    doc._.conflict_claims = _gold_claims(doc, record)
    return doc


def _gold_claims(doc: Doc, record: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The record's ``claims`` when it has them, else its gold counts, attributions and
    sentences linked by conflict_claims' rules (the reference its scorer compares with)."""
    if isinstance(record.get("claims"), list):
        return [dict(c) for c in record["claims"]]
    from ..claims import doc_claims

    return doc_claims(doc)


def reference_doc(nlp: Language, record: Dict[str, Any]) -> Doc:
    """A gold Doc for ``record``, tokenized with ``nlp``'s tokenizer."""
    return annotate_reference(nlp.make_doc(record["text"]), record)


def to_docbin(nlp: Language, records: Iterable[Dict[str, Any]]) -> DocBin:
    """The gold Docs of ``records`` (tokenized with ``nlp``) in a DocBin: sentence boundaries,
    span groups, extension values and cats, for ``spacy evaluate`` and ``spacy train`` with
    spaCy's own ``spacy.Corpus.v1`` reader (``conflictnlp corpus export --to spacy``)."""
    docbin = DocBin(attrs=["ORTH", "SENT_START"], store_user_data=True)
    for record in records:
        docbin.add(reference_doc(nlp, record))
    return docbin


UNITS = ("document", "paragraph", "sentence")


def _spans(value: Any) -> Iterator[Dict[str, Any]]:
    """Every span object (a dict with int ``start`` and ``end``) in ``value``, nested ones too."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield value
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


def _unit_bounds(record: Dict[str, Any], unit: str) -> List[tuple]:
    text = record["text"]
    if unit == "sentence" and record.get("sentences"):
        return [(s["start"], s["end"]) for s in record["sentences"]]
    if unit == "document" or unit == "sentence":
        return [(0, len(text))]
    bounds, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _part(record: Dict[str, Any], start: int, end: int, n: int) -> Dict[str, Any]:
    """The piece ``text[start:end]`` of ``record`` with the annotations inside it, offsets shifted."""
    from ..longdoc import shift_offsets

    def inside(item: Any) -> bool:
        return all(start <= s["start"] and s["end"] <= end for s in _spans(item))

    part = {k: v for k, v in record.items() if k not in ("text", "counts", "attributions", "sentences")}
    part["id"] = f"{record.get('id', '')}#{n}"
    part["text"] = record["text"][start:end]
    part["counts"] = shift_offsets([c for c in record.get("counts") or [] if inside(c)], -start)
    part["attributions"] = shift_offsets([a for a in record.get("attributions") or [] if inside(a)], -start)
    part["sentences"] = [
        {**shift_offsets(s, -start), "start": s["start"] - start, "end": s["end"] - start}
        for s in record.get("sentences") or [] if inside(s)
    ]
    return part


def split_record(record: Dict[str, Any], unit: str = "document") -> List[Dict[str, Any]]:
    """``record`` as one record per ``unit``: ``"document"`` (itself), ``"paragraph"`` (text
    between blank lines) or ``"sentence"`` (its gold sentences). A piece keeps the annotations
    that lie wholly inside it (an attribution whose content crosses a paragraph is left out)."""
    if unit not in UNITS:
        raise CorpusError(f"unknown unit {unit!r} (expected one of {', '.join(UNITS)})")
    bounds = _unit_bounds(record, unit)
    if bounds == [(0, len(record["text"]))]:
        return [record]
    return [_part(record, start, end, n) for n, (start, end) in enumerate(bounds)]


def read_examples(nlp: Language, path: PathLike, limit: int = 0, unit: str = "document") -> Iterator[Example]:
    """One Example per ``unit`` (see :func:`split_record`) of the records in ``path``; ``limit``
    counts Examples."""
    n = 0
    for record in read_records(path):
        for part in split_record(record, unit):
            if limit and n >= limit:
                return
            n += 1
            yield Example(nlp.make_doc(part["text"]), reference_doc(nlp, part))


class ConflictCorpus:
    """Callable reader: ``reader(nlp)`` yields one Example per corpus document (or per
    paragraph or sentence of one, with ``unit``)."""

    def __init__(
        self, path: PathLike, *, limit: int = 0, shuffle: bool = False, seed: int = 0, unit: str = "document"
    ) -> None:
        self.path = Path(path)
        self.limit = limit
        self.shuffle = shuffle
        self.seed = seed
        if unit not in UNITS:
            raise CorpusError(f"unknown unit {unit!r} (expected one of {', '.join(UNITS)})")
        self.unit = unit
        corpus_files(self.path)  # fail early, naming the path

    def __call__(self, nlp: Language) -> Iterator[Example]:
        examples: Iterable[Example] = read_examples(nlp, self.path, self.limit, self.unit)
        if self.shuffle:
            examples = list(examples)
            random.Random(self.seed).shuffle(examples)
        yield from examples


@registry.readers("conflictnlp.Corpus.v1")
def create_conflict_corpus(
    path: str, limit: int = 0, shuffle: bool = False, seed: int = 0, unit: str = "document"
) -> Callable[[Language], Iterable[Example]]:
    """The reader for ``[corpora]`` blocks: ``@readers = "conflictnlp.Corpus.v1"``; ``unit``
    (``"document"``, ``"paragraph"`` or ``"sentence"``) is what one Example holds."""
    return ConflictCorpus(path, limit=limit, shuffle=shuffle, seed=seed, unit=unit)
