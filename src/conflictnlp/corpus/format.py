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
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from .. import extensions  # noqa: F401
from ..schema import COUNT_FIELDS, DOC_CATS, spans_key

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
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(f"{file}, line {lineno}: invalid JSON ({err.msg})") from None
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise CorpusError(f'{file}, line {lineno}: expected an object with a "text" string')
                yield record


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
    attributions = [dict(a) for a in record.get("attributions") or []]
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
    return doc


def reference_doc(nlp: Language, record: Dict[str, Any]) -> Doc:
    """A gold Doc for ``record``, tokenized with ``nlp``'s tokenizer."""
    return annotate_reference(nlp.make_doc(record["text"]), record)


def read_examples(nlp: Language, path: PathLike, limit: int = 0) -> Iterator[Example]:
    for n, record in enumerate(read_records(path)):
        if limit and n >= limit:
            break
        yield Example(nlp.make_doc(record["text"]), reference_doc(nlp, record))


class ConflictCorpus:
    """Callable reader: ``reader(nlp)`` yields one Example per corpus document."""

    def __init__(self, path: PathLike, *, limit: int = 0, shuffle: bool = False, seed: int = 0) -> None:
        self.path = Path(path)
        self.limit = limit
        self.shuffle = shuffle
        self.seed = seed
        corpus_files(self.path)  # fail early, naming the path

    def __call__(self, nlp: Language) -> Iterator[Example]:
        examples: Iterable[Example] = read_examples(nlp, self.path, self.limit)
        if self.shuffle:
            examples = list(examples)
            random.Random(self.seed).shuffle(examples)
        yield from examples


@registry.readers("conflictnlp.Corpus.v1")
def create_conflict_corpus(
    path: str, limit: int = 0, shuffle: bool = False, seed: int = 0
) -> Callable[[Language], Iterable[Example]]:
    """The reader for ``[corpora]`` blocks: ``@readers = "conflictnlp.Corpus.v1"``."""
    return ConflictCorpus(path, limit=limit, shuffle=shuffle, seed=seed)
