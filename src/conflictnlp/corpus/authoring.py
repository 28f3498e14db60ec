"""The authoring format: write annotations by quoting text instead of counting characters.

Annotators (people or helpers) write one document per line, as paragraphs of sentences,
and give every span as the text it covers. ``build_record`` computes the character
offsets of the corpus format (:mod:`conflictnlp.corpus.format`), so offsets are never typed
by hand::

    {"id": "sudan-007", "conflict": "Sudan", "style": "wire", "outlet": "an invented wire",
     "paragraphs": [[
        {"s": "The RSF killed at least 40 civilians, a UN spokesperson said on Monday.",
         "certainty": "certain",
         "cues": [],
         "counts": [{"text": "at least 40 civilians", "value": 40, "low": 40, "high": null,
                     "qualifier": "min", "kind": "killed", "unit": "civilian", "actor": null}],
         "attributions": [{"cue": "said", "source": "a UN spokesperson",
                           "content": "The RSF killed at least 40 civilians",
                           "source_type": "official", "anonymous": true, "state_media": false,
                           "medium": null, "time": "on Monday", "via": []}]}
     ]]}

A span is a string (its first whole-word occurrence in the sentence) or
``{"text": ..., "nth": N}`` (the N-th occurrence, 1-based). A span not found in its
sentence is looked up in the rest of the document from that sentence on (for quotes
that run over several sentences). Sentences of a paragraph are joined by one space,
paragraphs by a blank line.

``python -m conflictnlp.corpus.authoring FILE... [--out DIR]`` checks authoring files and
writes ``train.jsonl``/``dev.jsonl``/``test.jsonl`` split by document (see ``assign_splits``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from .. import jsontext
from ..schema import CERTAINTY_LEVELS, CUE_TYPES, ECHELONS, KINDS, QUALIFIER, QUALIFIERS, SOURCE_TYPES


class AuthoringError(ValueError):
    pass


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_span(text: str, needle: str, start: int, end: int, nth: int = 1) -> Optional[Tuple[int, int]]:
    """The ``nth`` occurrence of ``needle`` in ``text[start:end]`` that is not inside a word."""
    if not needle:
        return None
    pos = start
    seen = 0
    while True:
        i = text.find(needle, pos, end)
        if i < 0:
            return None
        j = i + len(needle)
        left_ok = i == 0 or not (_is_word_char(text[i - 1]) and _is_word_char(needle[0]))
        right_ok = j >= len(text) or not (_is_word_char(text[j]) and _is_word_char(needle[-1]))
        if left_ok and right_ok:
            seen += 1
            if seen == nth:
                return i, j
        pos = i + 1


def _resolve(text: str, spec: Any, sent: Tuple[int, int], where: str) -> Optional[Dict[str, Any]]:
    if spec is None:
        return None
    if isinstance(spec, str):
        needle, nth = spec, 1
    elif isinstance(spec, dict) and isinstance(spec.get("text"), str):
        needle, nth = spec["text"], int(spec.get("nth", 1))
    else:
        raise AuthoringError(f"{where}: a span must be a string or {{\"text\": ..., \"nth\": N}}, got {spec!r}")
    found = find_span(text, needle, sent[0], sent[1], nth) or find_span(text, needle, sent[0], len(text), nth)
    if found is None:
        raise AuthoringError(f"{where}: span {needle!r} (occurrence {nth}) not found in its sentence or after it")
    return {"start": found[0], "end": found[1], "text": text[found[0]:found[1]]}


def _check(value: Any, allowed: Tuple[str, ...], field: str, where: str) -> None:
    if value not in allowed:
        raise AuthoringError(f"{where}: {field} {value!r} is not one of {', '.join(allowed)}")


def _int_or_none(value: Any, field: str, where: str) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise AuthoringError(f"{where}: {field} must be an integer or null, got {value!r}")
    return value


def _count(text: str, spec: Dict[str, Any], sent: Tuple[int, int], where: str) -> Dict[str, Any]:
    span = _resolve(text, spec.get("text"), sent, where)
    qualifier = spec.get("qualifier", "exact")
    _check(qualifier, QUALIFIERS, "qualifier", where)
    _check(spec.get("kind"), KINDS, "kind", where)
    value = _int_or_none(spec.get("value"), "value", where)
    low = _int_or_none(spec.get("low"), "low", where)
    high = _int_or_none(spec.get("high"), "high", where)
    estimate = _int_or_none(spec.get("estimate", value), "estimate", where)
    echelon = spec.get("echelon")
    if echelon is not None:
        _check(echelon, ECHELONS, "echelon", where)
    if low is not None and high is not None and low > high:
        raise AuthoringError(f"{where}: low {low} > high {high}")
    count = dict(span)
    count.update(
        value=value, low=low, high=high, estimate=estimate, qualifier=qualifier, kind=spec["kind"],
        unit=spec.get("unit"), actor=spec.get("actor"), echelon=echelon,
        inferred=bool(spec.get("inferred", QUALIFIER[qualifier].inferred)),
    )
    return count


def _attribution(text: str, spec: Dict[str, Any], sent: Tuple[int, int], where: str) -> Dict[str, Any]:
    cue = _resolve(text, spec.get("cue"), sent, where + " cue")
    if cue is None:
        raise AuthoringError(f"{where}: attribution without a cue")
    source_type = spec.get("source_type", "unknown")
    _check(source_type, SOURCE_TYPES, "source_type", where)
    item = {"id": 0, "cue": cue}
    for field in ("source", "content", "medium", "time"):
        item[field] = _resolve(text, spec.get(field), sent, f"{where} {field}")
    item.update(
        source_type=source_type,
        anonymous=bool(spec.get("anonymous", False)),
        state_media=bool(spec.get("state_media", False)),
        via=[_resolve(text, v, sent, f"{where} via") for v in spec.get("via") or []],
    )
    if spec.get("resolved"):
        item["resolved"] = spec["resolved"]
    return item


def build_record(doc: Dict[str, Any], where: str = "document") -> Dict[str, Any]:
    """The corpus record (with character offsets) for one authoring document."""
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        raise AuthoringError(f"{where}: missing 'id'")
    where = f"{where} ({doc['id']})"
    paragraphs = doc.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        raise AuthoringError(f"{where}: 'paragraphs' must be a non-empty list of lists of sentences")
    pieces: List[str] = []
    bounds: List[Tuple[int, int, Dict[str, Any]]] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        if p:
            pieces.append("\n\n")
            offset += 2
        for s, sentence in enumerate(paragraph):
            if not isinstance(sentence, dict) or not isinstance(sentence.get("s"), str) or not sentence["s"].strip():
                raise AuthoringError(f"{where}: paragraph {p + 1}, sentence {s + 1}: needs a non-empty \"s\"")
            if s:
                pieces.append(" ")
                offset += 1
            pieces.append(sentence["s"])
            bounds.append((offset, offset + len(sentence["s"]), sentence))
            offset += len(sentence["s"])
    text = "".join(pieces)
    record: Dict[str, Any] = {k: doc[k] for k in ("id", "conflict", "style", "outlet") if k in doc}
    record.update(text=text, counts=[], attributions=[], sentences=[])
    for n, (start, end, sentence) in enumerate(bounds):
        swhere = f"{where}, sentence {n + 1} ({sentence['s'][:40]!r})"
        certainty = sentence.get("certainty", "certain")
        _check(certainty, CERTAINTY_LEVELS, "certainty", swhere)
        cues = []
        for cue in sentence.get("cues") or []:
            _check(cue.get("type"), CUE_TYPES, "cue type", swhere)
            span = _resolve(text, cue.get("text") if "nth" not in cue else {"text": cue["text"], "nth": cue["nth"]}, (start, end), swhere)
            span["type"] = cue["type"]
            cues.append(span)
        if certainty != "certain" and not cues:
            raise AuthoringError(f"{swhere}: certainty {certainty!r} needs at least one cue")
        record["sentences"].append({"start": start, "end": end, "certainty": certainty, "cues": cues})
        for c in sentence.get("counts") or []:
            record["counts"].append(_count(text, c, (start, end), swhere))
        for a in sentence.get("attributions") or []:
            record["attributions"].append(_attribution(text, a, (start, end), swhere))
    record["counts"].sort(key=lambda c: (c["start"], c["end"]))
    record["attributions"].sort(key=lambda a: (a["cue"]["start"], a["cue"]["end"]))
    for i, attribution in enumerate(record["attributions"]):
        attribution["id"] = i
    return record


def assign_splits(records: List[Dict[str, Any]], every: int = 9) -> Dict[str, List[Dict[str, Any]]]:
    """Deterministic train/dev/test split by document, spread over conflicts.

    Documents are ordered by (conflict, id); of every ``every`` consecutive documents, the
    5th goes to dev and the last to test (about 11% each), so each conflict with enough
    documents contributes to every split.
    """
    splits: Dict[str, List[Dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    ordered = sorted(records, key=lambda r: (str(r.get("conflict", "")), r["id"]))
    for position, record in enumerate(ordered):
        slot = position % every
        name = "dev" if slot == every // 2 else "test" if slot == every - 1 else "train"
        splits[name].append(record)
    return splits


def build_files(paths: List[Path]) -> Tuple[Dict[str, List[Dict[str, Any]]], List[str]]:
    records: List[Dict[str, Any]] = []
    errors: List[str] = []
    seen = set()
    for path in paths:
        for lineno, line in enumerate(path.read_text(encoding="utf8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}, line {lineno}"
            try:
                doc = jsontext.loads(line)
                record = build_record(doc, where)
            except json.JSONDecodeError as err:
                errors.append(f"{where}: invalid JSON ({err.msg} at column {err.colno})")
                continue
            except (AuthoringError, KeyError, TypeError, ValueError) as err:
                errors.append(str(err) if isinstance(err, AuthoringError) else f"{where}: {err!r}")
                continue
            if record["id"] in seen:
                errors.append(f"{where}: duplicate id {record['id']!r}")
                continue
            seen.add(record["id"])
            records.append(record)
    return assign_splits(records), errors


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conflictnlp.corpus.authoring", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="write train/dev/test.jsonl here")
    args = parser.parse_args(argv)
    splits, errors = build_files(args.paths)
    for message in errors:
        print(message, file=sys.stderr)
    n_docs = sum(len(v) for v in splits.values())
    n_sents = sum(len(r["sentences"]) for v in splits.values() for r in v)
    split_sizes = ", ".join(f"{name} {len(records)}" for name, records in splits.items())
    print(f"{n_docs} documents, {n_sents} sentences, {len(errors)} errors; documents by split: {split_sizes}",
          file=sys.stderr)
    if not errors and n_docs and not splits["dev"]:
        # assign_splits sends the 5th of every 9 documents to dev: fewer than 5 leave dev empty
        print("warning: no document went to dev (build at least 5 documents, or write dev.jsonl yourself)",
              file=sys.stderr)
    if args.out is not None and not errors:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, records in splits.items():
            with (args.out / f"{name}.jsonl").open("w", encoding="utf8") as out:
                for record in sorted(records, key=lambda r: r["id"]):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
