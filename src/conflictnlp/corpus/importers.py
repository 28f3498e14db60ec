"""Importing annotation-tool exports into the corpus format, and exporting to them.

Supported tools (``FORMATS``):

``prodigy``
    JSONL tasks. A *spans* task (``spans.manual``/``rel.manual``: ``"spans"`` and optional
    ``"relations"``) carries the span layers; a *textcat* task (``textcat.manual`` with
    ``"accept": ["probable"]``, or binary ``"label": "PROBABLE"`` with
    ``"answer": "accept"``) carries one sentence's certainty. Tasks answered ``reject``
    or ``ignore`` are skipped.
``doccano``
    JSONL: ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
    "relations": [{"from_id", "to_id", "type"}]}`` (the relation-extraction export), the
    older ``"label": [[start, end, "LABEL"], ...]``, or a text-classification line
    ``"label": ["probable"]`` (a one-sentence document).
``labelstudio``
    Label Studio's JSON export (or JSON-MIN): regions, relations and per-region fields; see
    :mod:`conflictnlp.corpus.labelstudio`, which reads them into the same drafts.

Span labels (case-insensitive): a count *kind* (``KILLED``, ``TROOPS`` ...), an
attribution part (``CUE``, ``SOURCE``, ``CONTENT``, ``MEDIUM``, ``TIME``, ``VIA``) or a
hedge *cue type* (``EPISTEMIC``, ``EVIDENTIAL`` ...). An attribution is a ``CUE`` span
with relations labelled ``SOURCE``/``CONTENT``/... from the cue to its parts; parts
without a relation join the nearest cue. Several ``CONTENT`` parts of one cue are a split
quote: the first is ``content``, all of them ``content_parts``; ``cue_type`` travels in
the side data (``speech`` when absent). A sentence's certainty is its textcat label,
or else the strongest level its cues imply (:func:`conflictnlp.corpus.validate.implied_level`).

What the tools cannot carry (count normalization, source typing, sentence boundaries,
document id) travels in a ``"conflictnlp"`` key of each task, which both tools keep;
so ``ours -> tool -> ours`` gives back the same record. Fresh annotations have no such
key: their counts come in with ``qualifier``/``value`` null, which
``conflictnlp corpus validate`` then lists for the annotator to fill, and sentences
are found by ``conflict_sentences``.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .. import jsontext
from ..schema import CERTAINTY_LEVELS, COUNT_FIELDS, CUE_TYPES, KINDS
from .validate import implied_level

PathLike = Union[str, Path]

FORMATS = ("prodigy", "doccano", "labelstudio")
PART_LABELS = ("SOURCE", "CONTENT", "MEDIUM", "TIME", "VIA")
ATTRIBUTION_FIELDS = ("cue_type", "source_type", "anonymous", "state_media", "resolved")
SIDECAR = "conflictnlp"


class ImportFormatError(ValueError):
    """An export could not be imported. The message names file and line."""


# ----------------------------------------------------------------------------- our records -> labelled spans

def record_spans(record: Dict[str, Any]) -> Tuple[List[Dict[str, Any]], List[Tuple[int, int, str]]]:
    """The labelled spans of a record and the relations between them.

    Spans are ``{"start", "end", "label"}``; relations are ``(head index, child index,
    label)`` from an attribution's cue to its parts.
    """
    spans: List[Dict[str, Any]] = []
    index: Dict[Tuple[int, int, str], int] = {}

    def add(span: Dict[str, Any], label: str) -> int:
        key = (span["start"], span["end"], label)
        if key not in index:
            index[key] = len(spans)
            spans.append({"start": span["start"], "end": span["end"], "label": label})
        return index[key]

    relations: List[Tuple[int, int, str]] = []
    for count in record.get("counts") or []:
        add(count, count["kind"].upper())
    for attribution in record.get("attributions") or []:
        cue = add(attribution["cue"], "CUE")
        for part in ("source", "content", "medium", "time"):
            if attribution.get(part):
                relations.append((cue, add(attribution[part], part.upper()), part.upper()))
        for part in (attribution.get("content_parts") or [])[1:]:  # a split quote: one CONTENT per part
            relations.append((cue, add(part, "CONTENT"), "CONTENT"))
        for via in attribution.get("via") or []:
            relations.append((cue, add(via, "VIA"), "VIA"))
    for sent in record.get("sentences") or []:
        for cue in sent.get("cues") or []:
            add(cue, cue["type"].upper())
    return spans, relations


def sidecar(record: Dict[str, Any]) -> Dict[str, Any]:
    """What the tools cannot carry, keyed by span offsets."""
    return {
        "id": record.get("id"),
        **{k: record[k] for k in ("conflict", "style", "outlet") if k in record},
        "sentences": [[s["start"], s["end"], s.get("certainty", "certain")] for s in record.get("sentences") or []],
        "counts": {f"{c['start']}:{c['end']}": {f: c.get(f) for f in COUNT_FIELDS} for c in record.get("counts") or []},
        "attributions": {
            f"{a['cue']['start']}:{a['cue']['end']}": {f: a[f] for f in ATTRIBUTION_FIELDS if f in a}
            for a in record.get("attributions") or []
        },
    }


def _tokenizer():
    import spacy

    return spacy.blank("en")


def to_prodigy(record: Dict[str, Any], nlp=None) -> List[Dict[str, Any]]:
    """Prodigy tasks for a record: one spans task, then one textcat task per sentence."""
    nlp = nlp or _tokenizer()
    text = record["text"]
    doc = nlp.make_doc(text)
    tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i, "ws": bool(t.whitespace_)} for t in doc]
    spans, relations = record_spans(record)
    for span in spans:
        aligned = doc.char_span(span["start"], span["end"], alignment_mode="expand")
        span["text"] = text[span["start"]:span["end"]]
        if aligned is not None:
            span["token_start"], span["token_end"] = aligned.start, aligned.end - 1
    prodigy_relations = [
        {
            "head": spans[h].get("token_end", 0), "child": spans[c].get("token_end", 0),
            "head_span": dict(spans[h]), "child_span": dict(spans[c]), "label": label,
        }
        for h, c, label in relations
    ]
    meta = {"id": record.get("id")}
    tasks = [{"text": text, "meta": meta, "tokens": tokens, "spans": spans, "relations": prodigy_relations,
              "answer": "accept", SIDECAR: sidecar(record)}]
    options = [{"id": level, "text": level} for level in CERTAINTY_LEVELS]
    for sent in record.get("sentences") or []:
        tasks.append({
            "text": text[sent["start"]:sent["end"]],
            "meta": {"id": record.get("id"), "start": sent["start"], "end": sent["end"]},
            "options": options, "accept": [sent.get("certainty", "certain")], "answer": "accept",
        })
    return tasks


def to_doccano(record: Dict[str, Any]) -> Dict[str, Any]:
    """A doccano relation-extraction line for a record."""
    spans, relations = record_spans(record)
    return {
        "text": record["text"],
        "entities": [{"id": i, "label": s["label"], "start_offset": s["start"], "end_offset": s["end"]} for i, s in enumerate(spans)],
        "relations": [{"id": i, "from_id": h, "to_id": c, "type": label} for i, (h, c, label) in enumerate(relations)],
        SIDECAR: sidecar(record),
    }


# ----------------------------------------------------------------------------- labelled spans -> our records

_SPAN_LABELS = frozenset({k.upper() for k in KINDS} | {t.upper() for t in CUE_TYPES} | {"CUE", *PART_LABELS})


class _Draft:
    """One document being assembled from tool tasks."""

    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.spans: List[Dict[str, Any]] = []
        # (start, end) -> the indices of the spans there: a task of thousands of spans is read in
        # linear time (a scan of every span for each new one was quadratic)
        self._at: Dict[Tuple[int, int], List[int]] = {}
        self.relations: List[Tuple[int, int, str]] = []
        self.certainty: Dict[Tuple[int, int], str] = {}
        self.side: Dict[str, Any] = {}

    def add_span(self, start: Any, end: Any, label: Any, where: str) -> Optional[int]:
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)) or not isinstance(label, str):
            raise ImportFormatError(f"{where}: a span needs integer start/end and a string label")
        if not 0 <= start < end <= len(self.text):
            raise ImportFormatError(f"{where}: span {start}:{end} out of range (text has {len(self.text)} characters)")
        label = label.strip().upper()
        if label not in _SPAN_LABELS:
            raise ImportFormatError(f"{where}: unknown span label {label!r} (expected a count kind, an attribution part or a cue type)")
        found = self.find(start, end, label)
        if found is not None:
            return found
        self.spans.append({"start": start, "end": end, "label": label})
        self._at.setdefault((start, end), []).append(len(self.spans) - 1)
        return len(self.spans) - 1

    def find(self, start: int, end: int, label: Optional[str] = None) -> Optional[int]:
        """The first span at ``start:end`` (with ``label``, when given), or None."""
        for i in self._at.get((start, end), ()):
            if label is None or self.spans[i]["label"] == label:
                return i
        return None


def _span(text: str, start: int, end: int) -> Dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


@lru_cache(maxsize=1)
def _sentence_pipeline() -> Any:
    """One blank pipeline with news sentences for every imported document (one per document cost
    more than the import itself: 2,000 tasks took three minutes)."""
    import spacy

    from .. import sentences  # noqa: F401  (registers conflict_sentences)

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    return nlp


def _sentence_bounds(text: str) -> List[Tuple[int, int]]:
    nlp = _sentence_pipeline()
    bounds = []
    for sent in nlp(text).sents:
        stripped = sent.text.rstrip()
        if stripped.strip():
            bounds.append((sent.start_char, sent.start_char + len(stripped)))
    return bounds


def _doc_id(draft: _Draft, meta_id: Any) -> str:
    if isinstance(draft.side.get("id"), str) and draft.side["id"]:
        return draft.side["id"]
    if isinstance(meta_id, str) and meta_id:
        return meta_id
    return "imported-" + hashlib.sha1(draft.text.encode("utf8")).hexdigest()[:10]


def build_from_draft(draft: _Draft, meta_id: Any = None) -> Dict[str, Any]:
    """A corpus record from the spans, relations and labels gathered for one document."""
    side = draft.side
    record: Dict[str, Any] = {"id": _doc_id(draft, meta_id)}
    record.update({k: side[k] for k in ("conflict", "style", "outlet") if k in side})
    record["text"] = draft.text
    record["counts"] = _draft_counts(draft)
    record["attributions"] = _draft_attributions(draft, _link_parts(draft))
    record["sentences"] = _draft_sentences(draft)
    return record


def _draft_counts(draft: _Draft) -> List[Dict[str, Any]]:
    """The counts (spans labelled with a kind), with the normalized fields the side data gives."""
    kinds = {k.upper(): k for k in KINDS}
    norm = draft.side.get("counts") or {}
    counts = []
    for span in draft.spans:
        if span["label"] in kinds:
            count = _span(draft.text, span["start"], span["end"])
            fields = norm.get(f"{span['start']}:{span['end']}")
            if fields is None:
                fields = {f: None for f in COUNT_FIELDS}
                fields["inferred"] = False
            count.update({f: fields.get(f) for f in COUNT_FIELDS})
            count["kind"] = kinds[span["label"]]
            counts.append(count)
    return sorted(counts, key=lambda c: (c["start"], c["end"]))


def _link_parts(draft: _Draft) -> Dict[int, List[Tuple[int, str]]]:
    """For each cue span (by index), its parts (span index, relation label): the parts related to
    it, in either direction, and each unrelated part to the nearest cue."""
    cues = [i for i, s in enumerate(draft.spans) if s["label"] == "CUE"]
    linked: Dict[int, List[Tuple[int, str]]] = {i: [] for i in cues}
    attached = set()
    for head, child, label in draft.relations:
        if head in linked:
            linked[head].append((child, label.upper()))
            attached.add(child)
        elif child in linked:  # drawn from part to cue
            linked[child].append((head, label.upper()))
            attached.add(head)
    for i, span in enumerate(draft.spans):
        if span["label"] in PART_LABELS and i not in attached and cues:
            nearest = min(cues, key=lambda c: _distance(draft.spans[c], span))
            linked[nearest].append((i, span["label"]))
    return linked


def _draft_attributions(draft: _Draft, linked: Dict[int, List[Tuple[int, str]]]) -> List[Dict[str, Any]]:
    """One attribution per cue span with its linked parts and the side data's fields, by position."""
    text = draft.text
    extra = draft.side.get("attributions") or {}
    attributions = []
    for cue, parts_linked in linked.items():
        c = draft.spans[cue]
        item: Dict[str, Any] = {"id": 0, "cue": _span(text, c["start"], c["end"])}
        parts = {label: draft.spans[i] for i, label in parts_linked if label != "VIA"}
        contents = sorted((draft.spans[i] for i, label in parts_linked if label == "CONTENT"), key=lambda s: s["start"])
        parts["CONTENT"] = contents[0] if contents else None  # several CONTENT spans: a split quote
        for part in ("source", "content", "medium", "time"):
            s = parts.get(part.upper())
            item[part] = _span(text, s["start"], s["end"]) if s else None
        item["content_parts"] = [_span(text, s["start"], s["end"]) for s in contents]
        fields = extra.get(f"{c['start']}:{c['end']}", {})
        item["cue_type"] = fields.get("cue_type", "speech")
        item["source_type"] = fields.get("source_type", "unknown")
        item["anonymous"] = bool(fields.get("anonymous", False))
        item["state_media"] = bool(fields.get("state_media", False))
        vias = sorted((draft.spans[i] for i, label in parts_linked if label == "VIA"), key=lambda s: s["start"])
        item["via"] = [_span(text, s["start"], s["end"]) for s in vias]
        if fields.get("resolved"):
            item["resolved"] = fields["resolved"]
        attributions.append(item)
    attributions.sort(key=lambda a: (a["cue"]["start"], a["cue"]["end"]))
    for i, item in enumerate(attributions):
        item["id"] = i
    return attributions


def _draft_sentences(draft: _Draft) -> List[Dict[str, Any]]:
    """The sentences (from the side data, else found by conflict_sentences around the labelled
    ones) with their hedge cues and certainty (labelled, else implied by the cues)."""
    text, side = draft.text, draft.side
    if side.get("sentences"):
        bounds = [(s[0], s[1]) for s in side["sentences"]]
        levels = {(s[0], s[1]): s[2] for s in side["sentences"] if len(s) > 2}
    else:
        labelled = set(draft.certainty)
        found = [b for b in _sentence_bounds(text) if not any(b[0] < e and s < b[1] for s, e in labelled)]
        bounds = sorted(set(found) | labelled)
        levels = {}
    levels.update(draft.certainty)
    cue_types = {t.upper(): t for t in CUE_TYPES}
    hedge_cues = [s for s in draft.spans if s["label"] in cue_types]
    sentences = []
    for start, end in bounds:
        cues_here = [
            dict(_span(text, s["start"], s["end"]), type=cue_types[s["label"]])
            for s in sorted(hedge_cues, key=lambda s: (s["start"], s["end"]))
            if start <= s["start"] and s["end"] <= end
        ]
        certainty = levels.get((start, end))
        if certainty is None:
            certainty = implied_level(cues_here)
        sentences.append({"start": start, "end": end, "certainty": certainty, "cues": cues_here})
    return sentences


def _distance(a: Dict[str, Any], b: Dict[str, Any]) -> int:
    return max(0, b["start"] - a["end"], a["start"] - b["end"])


def _certainty_label(value: Any, where: str) -> str:
    label = str(value).strip().lower()
    if label not in CERTAINTY_LEVELS:
        raise ImportFormatError(f"{where}: unknown certainty label {value!r} (expected one of {', '.join(CERTAINTY_LEVELS)})")
    return label


# ----------------------------------------------------------------------------- readers

def _read_lines(path: Path) -> Iterable[Tuple[str, Any]]:
    """``(where, task)`` for each task of an export file; ``task`` is an :class:`ImportFormatError`
    for a line (or a file) that cannot be read, so that the other lines are still read."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        yield str(path), ImportFormatError(f"{path}: no such file")
        return
    except (OSError, UnicodeDecodeError) as err:
        yield str(path), ImportFormatError(f"{path}: cannot read ({err})")
        return
    stripped = content.lstrip()
    if stripped.startswith("["):  # a JSON array export
        try:
            items = jsontext.loads(content)
        except json.JSONDecodeError as err:
            yield str(path), ImportFormatError(f"{path}: invalid JSON ({err.msg} at line {err.lineno})")
            return
        for n, item in enumerate(items, start=1):
            yield f"{path}, item {n}", item
        return
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {lineno}"
        try:
            task = jsontext.loads(line)
        except json.JSONDecodeError as err:
            task = ImportFormatError(f"{where}: invalid JSON ({err.msg} at column {err.colno})")
        yield where, task


def _tasks(paths: Sequence[PathLike], errors: List[str]) -> Iterable[Tuple[str, Any]]:
    """The readable tasks of ``paths``; a line that cannot be read goes to ``errors``."""
    for path in paths:
        for where, task in _read_lines(Path(path)):
            if isinstance(task, ImportFormatError):
                errors.append(str(task))
            else:
                yield where, task


def _raise_all(errors: List[str]) -> None:
    """One :class:`ImportFormatError` with one line per problem, when there are any."""
    if errors:
        raise ImportFormatError("\n".join(errors))


class _Collector:
    """Documents keyed by id (or text), in first-seen order."""

    def __init__(self) -> None:
        self.drafts: Dict[Any, _Draft] = {}
        self.meta_ids: Dict[Any, Any] = {}

    def get(self, text: str, doc_id: Any, where: str, whole: bool = True) -> _Draft:
        key = doc_id if isinstance(doc_id, str) and doc_id else ("text", text)
        draft = self.drafts.get(key)
        if draft is None:
            draft = _Draft(text, where)
            self.drafts[key] = draft
            self.meta_ids[key] = doc_id
        elif whole and draft.text != text:
            if draft.spans or not text.startswith(draft.text):
                raise ImportFormatError(f"{where}: document {doc_id!r} has a different text than at {draft.where}")
            draft.text = text
        return draft

    def records(self) -> List[Dict[str, Any]]:
        return [build_from_draft(d, self.meta_ids[k]) for k, d in self.drafts.items()]


def _objects(task: Dict[str, Any], key: str, where: str) -> List[Dict[str, Any]]:
    """``task[key]`` (absent or null: none), checked to be a list of objects."""
    items = task.get(key)
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ImportFormatError(f'{where}: "{key}" must be a list of objects')
    return items


_SIDECAR_SHAPES = {"counts": dict, "attributions": dict, "sentences": list, "id": str}


def _sidecar(task: Dict[str, Any], where: str) -> Dict[str, Any]:
    """The task's ``"conflictnlp"`` side data, its fields checked (an object of ours, or none)."""
    side = task.get(SIDECAR)
    if not isinstance(side, dict):
        return {}
    for key, shape in _SIDECAR_SHAPES.items():
        if side.get(key) is not None and not isinstance(side[key], shape):
            raise ImportFormatError(f'{where}: "{SIDECAR}.{key}" must be a{"n" if shape is dict else ""} '
                                    f'{ {dict: "object", list: "list", str: "string"}[shape]}')
    for key in ("counts", "attributions"):
        if not all(isinstance(v, dict) for v in (side.get(key) or {}).values()):
            raise ImportFormatError(f'{where}: "{SIDECAR}.{key}" must map "start:end" to objects')
    for n, sent in enumerate(side.get("sentences") or []):
        if not (isinstance(sent, list) and len(sent) >= 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in sent[:2])):
            raise ImportFormatError(f'{where}: "{SIDECAR}.sentences[{n}]" must be [start, end, certainty]')
    return side


def _task_text(task: Any, where: str) -> str:
    if not isinstance(task, dict) or not isinstance(task.get("text"), str) or not task["text"]:
        raise ImportFormatError(f'{where}: expected an object with a non-empty "text" string')
    return task["text"]


def read_prodigy(paths: Sequence[PathLike]) -> List[Dict[str, Any]]:
    """Corpus records from Prodigy spans and textcat JSONL exports (see the module docstring)."""
    collector = _Collector()
    pending: List[Tuple[str, Dict[str, Any]]] = []
    errors: List[str] = []
    for where, task in _tasks(paths, errors):
        try:
            text = _task_text(task, where)
            if task.get("answer", "accept") != "accept":
                continue
            if "spans" in task:
                _prodigy_spans(collector, task, text, where)
            elif "accept" in task or "label" in task:
                pending.append((where, task))
            else:
                raise ImportFormatError(f'{where}: neither a spans task ("spans") nor a textcat task ("accept" or "label")')
        except ImportFormatError as err:
            errors.append(str(err))
    for where, task in pending:  # textcat after spans, so sentences land in their documents
        try:
            _prodigy_textcat(collector, task, where)
        except ImportFormatError as err:
            errors.append(str(err))
    _raise_all(errors)
    return collector.records()


def _meta(task: Dict[str, Any]) -> Dict[str, Any]:
    return task.get("meta") if isinstance(task.get("meta"), dict) else {}


def _prodigy_spans(collector: _Collector, task: Dict[str, Any], text: str, where: str) -> None:
    side = _sidecar(task, where)
    draft = collector.get(text, side.get("id") or _meta(task).get("id"), where)
    draft.side = side or draft.side
    if not isinstance(task["spans"], list):
        raise ImportFormatError(f"{where}: \"spans\" must be a list")
    for n, span in enumerate(task["spans"]):
        if not isinstance(span, dict):
            raise ImportFormatError(f"{where}: spans[{n}] must be an object")
        draft.add_span(span.get("start"), span.get("end"), span.get("label"), f"{where}: spans[{n}]")
    for n, rel in enumerate(_objects(task, "relations", where)):
        head, child = rel.get("head_span"), rel.get("child_span")
        if not isinstance(head, dict) or not isinstance(child, dict):
            raise ImportFormatError(f"{where}: relations[{n}] needs head_span and child_span")
        h = draft.add_span(head.get("start"), head.get("end"), head.get("label"), f"{where}: relations[{n}].head_span")
        c = draft.add_span(child.get("start"), child.get("end"), child.get("label"), f"{where}: relations[{n}].child_span")
        draft.relations.append((h, c, str(rel.get("label", child.get("label")))))


def _prodigy_textcat(collector: _Collector, task: Dict[str, Any], where: str) -> None:
    text = task["text"]
    if "accept" in task:
        accepted = task["accept"] or []
        if len(accepted) != 1:
            raise ImportFormatError(f"{where}: a sentence needs exactly one certainty label, got {accepted!r}")
        level = _certainty_label(accepted[0], where)
    else:
        level = _certainty_label(task["label"], where)
    meta = _meta(task)
    start, end = meta.get("start"), meta.get("end")
    if isinstance(meta.get("id"), str) and isinstance(start, int) and isinstance(end, int):
        draft = collector.get(text, meta["id"], where, whole=False)
        if draft.text[start:end] != text:
            raise ImportFormatError(f"{where}: sentence {start}:{end} of document {meta['id']!r} does not match its text")
    else:
        draft = collector.get(text, meta.get("id"), where)
        start, end = 0, len(text.rstrip())
    draft.certainty[(start, end)] = level


def read_doccano(paths: Sequence[PathLike]) -> List[Dict[str, Any]]:
    """Corpus records from doccano JSONL exports (see the module docstring)."""
    collector = _Collector()
    errors: List[str] = []
    for where, line in _tasks(paths, errors):
        try:
            _doccano_line(collector, line, where)
        except ImportFormatError as err:
            errors.append(str(err))
    _raise_all(errors)
    return collector.records()


def _doccano_line(collector: _Collector, line: Any, where: str) -> None:
    text = _task_text(line, where)
    side = _sidecar(line, where)
    draft = collector.get(text, side.get("id"), where)
    draft.side = side or draft.side
    by_id: Dict[Any, int] = {}
    for n, entity in enumerate(_objects(line, "entities", where)):
        i = draft.add_span(entity.get("start_offset"), entity.get("end_offset"), entity.get("label"), f"{where}: entities[{n}]")
        if not isinstance(entity.get("id", n), (int, str)):
            raise ImportFormatError(f"{where}: entities[{n}].id must be a number or a string")
        by_id[entity.get("id", n)] = i
    labels = line.get("label", line.get("labels"))
    if isinstance(labels, list) and labels and all(isinstance(l, list) for l in labels):
        for n, triple in enumerate(labels):
            if len(triple) != 3:
                raise ImportFormatError(f"{where}: label[{n}] must be [start, end, label]")
            draft.add_span(triple[0], triple[1], triple[2], f"{where}: label[{n}]")
    elif isinstance(labels, list) and labels:
        if len(labels) != 1:
            raise ImportFormatError(f"{where}: a sentence needs exactly one certainty label, got {labels!r}")
        draft.certainty[(0, len(text.rstrip()))] = _certainty_label(labels[0], where)
    for n, rel in enumerate(_objects(line, "relations", where)):
        if not isinstance(rel.get("from_id"), (int, str)) or not isinstance(rel.get("to_id"), (int, str)):
            raise ImportFormatError(f"{where}: relations[{n}] needs from_id and to_id")
        if rel.get("from_id") not in by_id or rel.get("to_id") not in by_id:
            raise ImportFormatError(f"{where}: relations[{n}] refers to an unknown entity id")
        draft.relations.append((by_id[rel["from_id"]], by_id[rel["to_id"]], str(rel.get("type", ""))))


READERS = {"prodigy": read_prodigy, "doccano": read_doccano}


def import_files(tool: str, paths: Sequence[PathLike]) -> List[Dict[str, Any]]:
    """Corpus records from ``tool``'s export files."""
    if tool == "labelstudio":
        from .labelstudio import read_labelstudio

        return read_labelstudio(paths)
    if tool not in READERS:
        raise ImportFormatError(f"--from {tool}: unknown tool (choose from {', '.join(FORMATS)})")
    return READERS[tool](paths)


def export_records(tool: str, records: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """``tool``'s tasks for corpus records (the inverse of :func:`import_files`)."""
    if tool == "prodigy":
        nlp = _tokenizer()
        return [task for record in records for task in to_prodigy(record, nlp)]
    if tool == "doccano":
        return [to_doccano(record) for record in records]
    if tool == "labelstudio":
        from .labelstudio import to_labelstudio

        return [to_labelstudio(record, n) for n, record in enumerate(records, start=1)]
    raise ImportFormatError(f"--to {tool}: unknown tool (choose from {', '.join(FORMATS)})")
