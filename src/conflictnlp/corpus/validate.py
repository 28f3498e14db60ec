"""Checking corpus files: every defect reported with file, line and field.

``validate_files(paths)`` reads corpus JSONL files (the format of
:mod:`conflictnlp.corpus.format`) and returns a :class:`Report`: the problems found, each
one line naming ``FILE, line N`` and the field (``counts[2].end``), and the
totals of the records that were read. It never stops at the first problem, so one
run lists everything to fix. ``conflictnlp corpus validate FILE...`` prints the
problems, or a one-line summary when there are none.

Standard library only (labels come from :mod:`conflictnlp.schema`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from .. import jsontext
from ..attribution.dates import date_problem
from ..schema import ATTRIBUTION_CUE_TYPES, CERTAINTY_LEVELS, CUE_TYPES, ECHELONS, KINDS, QUALIFIER, QUALIFIERS, SOURCE_TYPES, cue_certainty, strongest

PathLike = Union[str, Path]


def implied_level(cues: Sequence[Dict[str, Any]]) -> str:
    """A sentence's level from its cues: the strongest ("certain" without cues; a cue of unknown
    type gives none). Each cue's level is :func:`conflictnlp.schema.cue_certainty`'s."""
    return strongest([level for level in (cue_certainty(c, default=None) for c in cues) if level])


@dataclass
class Report:
    """What ``validate_files`` found: problems and the totals of the records read."""

    problems: List[str] = field(default_factory=list)
    documents: int = 0
    sentences: int = 0
    counts: int = 0
    attributions: int = 0
    levels: Dict[str, int] = field(default_factory=lambda: {level: 0 for level in CERTAINTY_LEVELS})

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        levels = ", ".join(f"{level} {n}" for level, n in self.levels.items())
        return (
            f"{self.documents} documents, {self.sentences} sentences, {self.counts} counts, "
            f"{self.attributions} attributions; sentences by certainty: {levels}"
        )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Checker:
    """Collects the problems of one record (``where`` is ``FILE, line N``) and checks its fields;
    the layers are checked by the functions below, in this order."""

    def __init__(self, record: Dict[str, Any], where: str) -> None:
        self.where = where
        self.text: str = record["text"]
        self.problems: List[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{self.where}: {path}: {message}" if path else f"{self.where}: {message}")

    # -- fields

    def label(self, obj: Dict[str, Any], key: str, allowed: Sequence[str], path: str, nullable: bool = False) -> None:
        value = obj.get(key)
        if value is None and nullable:
            return
        if value not in allowed:
            what = "missing" if key not in obj else f"unknown label {value!r}"
            self.problem(f"{path}.{key}", f"{what} (expected one of {', '.join(allowed)})")

    def optional_int(self, obj: Dict[str, Any], key: str, path: str) -> Optional[int]:
        value = obj.get(key)
        if value is None:
            return None
        if not _is_int(value):
            self.problem(f"{path}.{key}", f"must be an integer or null, got {value!r}")
            return None
        return value

    def optional_str(self, obj: Dict[str, Any], key: str, path: str) -> None:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            self.problem(f"{path}.{key}", f"must be a string or null, got {value!r}")

    def boolean(self, obj: Dict[str, Any], key: str, path: str) -> None:
        if key in obj and not isinstance(obj[key], bool):
            self.problem(f"{path}.{key}", f"must be true or false, got {obj[key]!r}")

    def span(self, obj: Any, path: str, check_text: bool = True) -> Optional[Tuple[int, int]]:
        """Check a span object; its (start, end) when the offsets are usable."""
        if not isinstance(obj, dict):
            self.problem(path, f"must be a span object {{start, end, text}}, got {obj!r}")
            return None
        start, end = obj.get("start"), obj.get("end")
        if not _is_int(start) or not _is_int(end):
            self.problem(path, f"start and end must be integers, got start={start!r} end={end!r}")
            return None
        if start < 0 or end > len(self.text):
            self.problem(path, f"offsets {start}:{end} out of range (text has {len(self.text)} characters)")
            return None
        if end <= start:
            self.problem(path, f"end {end} <= start {start}")
            return None
        if check_text or "text" in obj:
            actual = self.text[start:end]
            if obj.get("text") != actual:
                self.problem(path, f"span text {obj.get('text')!r} != text[{start}:{end}] {actual!r}")
        return start, end


# ---------------------------------------------------------------------------- the layers of a record


def _layer(checker: _Checker, record: Dict[str, Any], key: str) -> List[Any]:
    """The items of one layer of ``record`` (none when it is absent or not a list, which is reported)."""
    items = record.get(key)
    if items is not None and not isinstance(items, list):
        checker.problem(key, "must be a list")
    return items if isinstance(items, list) else []


def _check_sentences(checker: _Checker, record: Dict[str, Any]) -> List[Tuple[int, int]]:
    """Check ``record["sentences"]``; the (start, end) of those with usable offsets."""
    sentences = _layer(checker, record, "sentences")
    if not sentences:
        return []
    bounds: List[Tuple[int, int]] = []
    previous_end = 0
    for i, sent in enumerate(sentences):
        path = f"sentences[{i}]"
        found = checker.span(sent, path, check_text=False)
        if found is None:
            continue
        start, end = found
        if start < previous_end:
            checker.problem(path, f"starts at {start}, before the previous sentence ends ({previous_end}): sentences overlap or are out of order")
        previous_end = max(previous_end, end)
        bounds.append(found)
        _check_sentence_level(checker, sent, found, path)
    return bounds


def _check_sentence_level(checker: _Checker, sent: Dict[str, Any], bounds: Tuple[int, int], path: str) -> None:
    """One sentence's certainty and cues: labels, cues inside it, the level its cues imply."""
    start, end = bounds
    checker.label(sent, "certainty", CERTAINTY_LEVELS, path)
    certainty = sent.get("certainty")
    cues = sent.get("cues") or []
    if not isinstance(cues, list):
        checker.problem(f"{path}.cues", "must be a list")
        return
    for j, cue in enumerate(cues):
        cue_path = f"{path}.cues[{j}]"
        cue_bounds = checker.span(cue, cue_path)
        if isinstance(cue, dict):
            checker.label(cue, "type", CUE_TYPES, cue_path)
        if cue_bounds and not (start <= cue_bounds[0] and cue_bounds[1] <= end):
            checker.problem(cue_path, f"cue {cue_bounds[0]}:{cue_bounds[1]} lies outside its sentence {start}:{end}")
    if certainty in CERTAINTY_LEVELS:
        if certainty != "certain" and not cues:
            checker.problem(path, f"certainty {certainty!r} needs at least one cue")
        if certainty == "certain" and cues:
            checker.problem(path, "a 'certain' sentence has no cues")
        _level_matches_cues(checker, certainty, [c for c in cues if isinstance(c, dict) and cue_certainty(c, default=None)], path)


def _level_matches_cues(checker: _Checker, certainty: str, cues: List[Dict[str, Any]], path: str) -> None:
    """The level is the strongest its cues give (guidelines: the strongest level wins)."""
    implied = implied_level(cues)
    if certainty != "certain" and cues and implied != certainty:
        checker.problem(path, f"certainty {certainty!r} but its strongest cue implies {implied!r}")


def _check_counts(checker: _Checker, record: Dict[str, Any], sentences: List[Tuple[int, int]]) -> None:
    """Check ``record["counts"]``: spans inside one sentence, labels, bounds, qualifier rules."""
    counts = _layer(checker, record, "counts")
    for i, count in enumerate(counts):
        path = f"counts[{i}]"
        found = checker.span(count, path)
        if not isinstance(count, dict):
            continue
        if found and sentences and not any(s <= found[0] and found[1] <= e for s, e in sentences):
            checker.problem(path, f"count {found[0]}:{found[1]} {count.get('text')!r} is not inside one sentence")
        checker.label(count, "qualifier", QUALIFIERS, path)
        checker.label(count, "kind", KINDS, path)
        checker.label(count, "echelon", ECHELONS, path, nullable=True)
        checker.optional_str(count, "unit", path)
        checker.optional_str(count, "actor", path)
        checker.boolean(count, "inferred", path)
        value, low, high = (checker.optional_int(count, key, path) for key in ("value", "low", "high"))
        estimate = checker.optional_int(count, "estimate", path)
        if low is not None and high is not None and low > high:
            checker.problem(path, f"low {low} > high {high}")
            continue
        for name, number in (("value", value), ("estimate", estimate)):
            if number is None:
                continue
            if (low is not None and number < low) or (high is not None and number > high):
                checker.problem(f"{path}.{name}", f"{name} {number} outside bounds [{low}, {high}]")
        _qualifier_consistency(checker, count, path, value, low, high)


def _qualifier_consistency(checker: _Checker, count: Dict[str, Any], path: str, value, low, high) -> None:
    """The fields each qualifier needs (value, low/high equal to the value, an echelon)."""
    qualifier = count.get("qualifier")
    meaning = QUALIFIER.get(qualifier) if isinstance(qualifier, str) else None
    if meaning is None:
        return  # the label check has reported it
    if not meaning.stated and value is not None:
        checker.problem(f"{path}.value", f"must be null for qualifier {qualifier!r} (got {value})")
    if meaning.stated and value is None:
        checker.problem(f"{path}.value", f"qualifier {qualifier!r} needs a value")
    if meaning.needs_bounds and (low is None or high is None):
        checker.problem(path, f"qualifier {qualifier!r} needs both low and high")
    # A one-sided qualifier (below, min, max) is its bound; an exact figure implies both bounds, so the
    # guidelines let an annotator leave them out, but a bound that is given must equal the value.
    one_sided = meaning.low_is_value != meaning.high_is_value
    if meaning.low_is_value and value is not None and low != value and (one_sided or low is not None):
        checker.problem(f"{path}.low", f"qualifier {qualifier!r} needs low == value ({value}), got {low}")
    if meaning.high_is_value and value is not None and high != value and (one_sided or high is not None):
        checker.problem(f"{path}.high", f"qualifier {qualifier!r} needs high == value ({value}), got {high}")
    if qualifier == "units" and count.get("echelon") is None:
        checker.problem(f"{path}.echelon", "qualifier 'units' needs an echelon")


def _check_attributions(checker: _Checker, record: Dict[str, Any]) -> None:
    """Check ``record["attributions"]``: ids, part spans, via, labels and flags."""
    attributions = _layer(checker, record, "attributions")
    for i, item in enumerate(attributions):
        path = f"attributions[{i}]"
        if not isinstance(item, dict):
            checker.problem(path, f"must be an object, got {item!r}")
            continue
        if item.get("id") != i:
            checker.problem(f"{path}.id", f"id {item.get('id')!r} != its index {i}")
        if item.get("cue") is None:
            checker.problem(f"{path}.cue", "missing (every attribution has a cue)")
        else:
            checker.span(item["cue"], f"{path}.cue")
        for key in ("source", "content", "medium", "time"):
            if item.get(key) is not None:
                checker.span(item[key], f"{path}.{key}")
        via = item.get("via", [])
        if not isinstance(via, list):
            checker.problem(f"{path}.via", "must be a list of spans")
        else:
            for j, span in enumerate(via):
                checker.span(span, f"{path}.via[{j}]")
        checker.label(item, "source_type", SOURCE_TYPES, path)
        if "cue_type" in item:
            checker.label(item, "cue_type", ATTRIBUTION_CUE_TYPES, path)
        _check_content_parts(checker, item, path)
        for key in ("anonymous", "state_media"):
            checker.boolean(item, key, path)
        checker.optional_str(item, "resolved", path)
        if date_problem(item.get("date")):
            checker.problem(f"{path}.date", f"{date_problem(item.get('date'))}, got {item.get('date')!r}")


def _check_content_parts(checker: _Checker, item: Dict[str, Any], path: str) -> None:
    """``content_parts`` (optional): spans in order, not overlapping, the first equal to the
    content; empty when the content is null."""
    if "content_parts" not in item:
        return
    parts = item["content_parts"]
    if not isinstance(parts, list):
        checker.problem(f"{path}.content_parts", f"must be a list of spans, got {parts!r}")
        return
    content = item.get("content")
    if content is None and parts:
        checker.problem(f"{path}.content_parts", "must be empty when content is null")
    previous_end = None
    for j, part in enumerate(parts):
        found = checker.span(part, f"{path}.content_parts[{j}]")
        if found is None:
            continue
        if j == 0 and isinstance(content, dict) and found != (content.get("start"), content.get("end")):
            checker.problem(f"{path}.content_parts[0]", f"{found[0]}:{found[1]} is not the content "
                            f"{content.get('start')}:{content.get('end')} (the first part is the content)")
        if previous_end is not None and found[0] < previous_end:
            checker.problem(f"{path}.content_parts[{j}]", f"starts at {found[0]}, before the previous part "
                            f"ends ({previous_end}): parts overlap or are out of order")
        previous_end = found[1] if previous_end is None else max(previous_end, found[1])
    if isinstance(content, dict) and not parts:
        checker.problem(f"{path}.content_parts", "is empty but content is not null (the first part is the content)")


def _length(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def check_record(record: Dict[str, Any], where: str) -> List[str]:
    """The problems of one parsed record (an object with a ``"text"`` string)."""
    checker = _Checker(record, where)
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        checker.problem("id", f"missing or not a non-empty string ({doc_id!r})")
    sentences = _check_sentences(checker, record)
    _check_counts(checker, record, sentences)
    _check_attributions(checker, record)
    return checker.problems


def is_authoring(lines: Sequence[str]) -> bool:
    """Do these lines hold authoring documents (:mod:`.authoring`: ``"paragraphs"``, no ``"text"``)?
    Judged by the first line that is JSON, after blank and ``#`` comment lines."""
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            first = jsontext.loads(line)
        except json.JSONDecodeError:
            continue
        return isinstance(first, dict) and "paragraphs" in first and "text" not in first
    return False


def validate_files(paths: Sequence[PathLike]) -> Report:
    """Check corpus JSONL files; ids must be unique across all of them."""
    report = Report()
    seen: Dict[str, str] = {}
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf8").splitlines()
        except FileNotFoundError:
            report.problems.append(f"{path}: no such file")
            continue
        except (OSError, UnicodeDecodeError) as err:
            report.problems.append(f"{path}: cannot read ({err})")
            continue
        if is_authoring(lines):
            report.problems.append(
                f"{path}: an authoring file (documents as \"paragraphs\" of sentences, spans quoted as text), "
                f"not a corpus file: build it first (`conflictnlp corpus build {path} --out DIR`), "
                "then validate the files in DIR"
            )
            continue
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}, line {lineno}"
            try:
                record = jsontext.loads(line)
            except json.JSONDecodeError as err:
                report.problems.append(f"{where}: malformed line: invalid JSON ({err.msg} at column {err.colno})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                report.problems.append(f'{where}: malformed line: expected an object with a "text" string')
                continue
            report.problems.extend(check_record(record, where))
            doc_id = record.get("id")
            if isinstance(doc_id, str) and doc_id:
                if doc_id in seen:
                    report.problems.append(f"{where}: id: duplicate id {doc_id!r} (first at {seen[doc_id]})")
                else:
                    seen[doc_id] = where
            report.documents += 1
            sentences = record.get("sentences") if isinstance(record.get("sentences"), list) else []
            report.sentences += len(sentences)
            for sent in sentences:
                if isinstance(sent, dict) and sent.get("certainty") in report.levels:
                    report.levels[sent["certainty"]] += 1
            report.counts += _length(record.get("counts"))
            report.attributions += _length(record.get("attributions"))
    return report
