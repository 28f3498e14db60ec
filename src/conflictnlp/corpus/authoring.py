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
paragraphs by a blank line; a sentence without final punctuation (a title, a heading, a headline
of a list) ends its line, and a speaker's label in capitals ("HOST:") or a live-blog time
("09:05 -") starts one (:func:`sentence_gap`).

``python -m conflictnlp.corpus.authoring FILE... --out DIR`` (``conflictnlp corpus build``) checks
authoring files, lists every problem of every document, and when there is none writes
``train.jsonl``/``dev.jsonl``/``test.jsonl`` split by document (see ``assign_splits``) to DIR.
A line that is already a corpus record (``"text"``, no ``"paragraphs"``: what ``corpus import``
writes) is validated and split with the others.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from .. import jsontext
from ..schema import ATTRIBUTION_CUE_TYPES, CERTAINTY_LEVELS, CUE_TYPES, ECHELONS, KINDS, QUALIFIER, QUALIFIERS, SOURCE_TYPES


class AuthoringError(ValueError):
    """What is wrong with an authoring document: ``problems``, one line each (all of them, so
    that one run of ``corpus build`` lists everything to fix)."""

    def __init__(self, problems: Union[str, List[str]]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


# A dev set smaller than any of these is too small to choose a model on (docs/training.md):
# spaCy keeps as model-best the checkpoint that scores best on dev, and on a handful of sentences
# of one or two documents that choice is noise.
MIN_DEV_DOCUMENTS = 5
MIN_DEV_SENTENCES = 20
MIN_DEV_HEDGED = 5


def dev_size_warning(records: List[Dict[str, Any]]) -> Optional[str]:
    """A one-line warning when the dev ``records`` are too few to choose a model on (fewer than
    ``MIN_DEV_DOCUMENTS`` documents, ``MIN_DEV_SENTENCES`` sentences or ``MIN_DEV_HEDGED``
    sentences that are not certain); None when they are enough."""
    sentences = [s for r in records for s in r.get("sentences") or [] if isinstance(s, dict)]
    hedged = sum(1 for s in sentences if s.get("certainty", "certain") != "certain")
    if len(records) >= MIN_DEV_DOCUMENTS and len(sentences) >= MIN_DEV_SENTENCES and hedged >= MIN_DEV_HEDGED:
        return None
    return (
        f"dev has {len(records)} document{'s' if len(records) != 1 else ''}, {len(sentences)} sentences "
        f"({hedged} hedged): too few to choose a model (want at least {MIN_DEV_DOCUMENTS} documents, "
        f"{MIN_DEV_SENTENCES} sentences and {MIN_DEV_HEDGED} hedged sentences); model-best may be no better "
        "than chance (docs/training.md, 'A dev set that can choose')"
    )


def _collect(problems: List[str], check: Callable[..., Any], *args: Any) -> Any:
    """``check(*args)``; on an AuthoringError its problems go to ``problems`` and the result is None."""
    try:
        return check(*args)
    except AuthoringError as err:
        problems.extend(err.problems)
        return None


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


def _object(spec: Any, what: str, where: str) -> Dict[str, Any]:
    if not isinstance(spec, dict):
        raise AuthoringError(f"{where}: {what} must be an object, got {spec!r}")
    return spec


def _count(text: str, spec: Any, sent: Tuple[int, int], where: str) -> Dict[str, Any]:
    spec = _object(spec, "a count", where)
    problems: List[str] = []
    span = _collect(problems, _resolve, text, spec.get("text"), sent, where)
    qualifier = spec.get("qualifier", "exact")
    _collect(problems, _check, qualifier, QUALIFIERS, "qualifier", where)
    _collect(problems, _check, spec.get("kind"), KINDS, "kind", where)
    value, low, high = (_collect(problems, _int_or_none, spec.get(k), k, where) for k in ("value", "low", "high"))
    estimate = _collect(problems, _int_or_none, spec.get("estimate", value), "estimate", where)
    echelon = spec.get("echelon")
    if echelon is not None:
        _collect(problems, _check, echelon, ECHELONS, "echelon", where)
    if low is not None and high is not None and low > high:
        problems.append(f"{where}: low {low} > high {high}")
    if span is None and not problems:
        problems.append(f"{where}: a count without its text")
    if problems:
        raise AuthoringError(problems)
    count = dict(span)
    count.update(
        value=value, low=low, high=high, estimate=estimate, qualifier=qualifier, kind=spec["kind"],
        unit=spec.get("unit"), actor=spec.get("actor"), echelon=echelon,
        inferred=bool(spec.get("inferred", QUALIFIER[qualifier].inferred)),
    )
    return count


def _attribution(text: str, spec: Any, sent: Tuple[int, int], where: str) -> Dict[str, Any]:
    spec = _object(spec, "an attribution", where)
    problems: List[str] = []
    cue = _collect(problems, _resolve, text, spec.get("cue"), sent, where + " cue")
    if cue is None and spec.get("cue") is None:
        problems.append(f"{where}: attribution without a cue")
    source_type = spec.get("source_type", "unknown")
    _collect(problems, _check, source_type, SOURCE_TYPES, "source_type", where)
    item: Dict[str, Any] = {"id": 0, "cue": cue}
    for field in ("source", "content", "medium", "time"):
        item[field] = _collect(problems, _resolve, text, spec.get(field), sent, f"{where} {field}")
    cue_type = spec.get("cue_type", ATTRIBUTION_CUE_TYPES[0])
    _collect(problems, _check, cue_type, ATTRIBUTION_CUE_TYPES, "cue_type", where)
    parts = _collect(problems, _content_parts, text, spec, item["content"], sent, where)
    if item["content"] is None and parts:
        item["content"] = dict(parts[0])
    via = spec.get("via") or []
    if not isinstance(via, list):
        problems.append(f"{where}: via must be a list of spans, got {via!r}")
        via = []
    item["via"] = [_collect(problems, _resolve, text, v, sent, f"{where} via") for v in via]
    if problems:
        raise AuthoringError(problems)
    item.update(content_parts=parts or [], cue_type=cue_type, source_type=source_type,
                anonymous=bool(spec.get("anonymous", False)), state_media=bool(spec.get("state_media", False)))
    item["via"] = item.pop("via")  # keep the field order of the corpus format
    if spec.get("resolved"):
        item["resolved"] = spec["resolved"]
    return item


def _content_parts(text: str, spec: Dict[str, Any], content: Optional[Dict[str, Any]], sent: Tuple[int, int],
                   where: str) -> List[Dict[str, Any]]:
    """The attribution's ``content_parts``: each part found after the one before it (in its
    sentence, else later in the document); the first must be the content. Without
    ``content_parts`` it is ``[content]`` (``[]`` when there is no content)."""
    specs = spec.get("content_parts")
    if specs is None:
        return [dict(content)] if content else []
    if not isinstance(specs, list) or not specs:
        raise AuthoringError(f"{where}: content_parts must be a non-empty list of spans, got {specs!r}")
    problems: List[str] = []
    parts: List[Dict[str, Any]] = []
    for n, part in enumerate(specs):
        after = (max(sent[0], parts[-1]["end"]), sent[1]) if parts else sent
        found = _collect(problems, _resolve, text, part, after, f"{where} content_parts[{n}]")
        if part is None:
            problems.append(f"{where}: content_parts[{n}] is null (each part is a span)")
        elif found is not None:
            parts.append(found)
    if parts and content is not None and (parts[0]["start"], parts[0]["end"]) != (content["start"], content["end"]):
        problems.append(f"{where}: content_parts[0] {parts[0]['text']!r} is not the content {content['text']!r}")
    if problems:
        raise AuthoringError(problems)
    return parts


# A sentence that ends its line: no full stop, question or exclamation mark at its end (quotes and
# brackets after it aside): a title, a heading, a headline of a list.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A sentence that starts a line: a speaker's label in capitals ("HOST:", "MAJ. GEN. SAAD AL-JUBOURI:",
# "Q:") or the time of a live-blog entry ("09:05 - ").
_LINE_START = re.compile(r"^(?:[A-Z][A-Z0-9 .,'’\-]{0,60}:\s|\d{1,2}:\d\d\b)")


def sentence_gap(before: Any, sentence: Dict[str, Any]) -> str:
    """What joins two sentences of a paragraph: a line break after a title, heading or headline
    (``before`` has no final punctuation) and before a speaker's label or a live-blog time, as
    such texts are laid out; one space otherwise."""
    text = before.get("s") if isinstance(before, dict) else None
    if isinstance(text, str) and not _SENTENCE_END.search(text) or _LINE_START.match(sentence["s"]):
        return "\n"
    return " "


def _layout(paragraphs: List[Any], where: str) -> Tuple[str, List[Tuple[int, int, Dict[str, Any]]], List[str]]:
    """The text of the document (sentences joined by a space or a line break, paragraphs by a blank line), the
    (start, end, sentence) of each sentence, and the problems of the sentences that are not usable."""
    pieces: List[str] = []
    bounds: List[Tuple[int, int, Dict[str, Any]]] = []
    problems: List[str] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        if not isinstance(paragraph, list):
            problems.append(f"{where}: paragraph {p + 1}: must be a list of sentences")
            continue
        if pieces:
            pieces.append("\n\n")
            offset += 2
        for s, sentence in enumerate(paragraph):
            if not isinstance(sentence, dict) or not isinstance(sentence.get("s"), str) or not sentence["s"].strip():
                problems.append(f"{where}: paragraph {p + 1}, sentence {s + 1}: needs a non-empty \"s\"")
                continue
            if s and pieces and pieces[-1] != "\n\n":
                pieces.append(sentence_gap(paragraph[s - 1], sentence))
                offset += 1
            pieces.append(sentence["s"])
            bounds.append((offset, offset + len(sentence["s"]), sentence))
            offset += len(sentence["s"])
    return "".join(pieces), bounds, problems


def _sentence(text: str, bounds: Tuple[int, int], sentence: Dict[str, Any], swhere: str):
    """One authoring sentence: its corpus sentence, counts and attributions; raises an
    AuthoringError with every problem found in it."""
    problems: List[str] = []
    certainty = sentence.get("certainty", "certain")
    _collect(problems, _check, certainty, CERTAINTY_LEVELS, "certainty", swhere)
    cues = [_collect(problems, _cue, text, cue, bounds, swhere) for cue in sentence.get("cues") or []]
    if certainty in CERTAINTY_LEVELS and certainty != "certain" and not cues:
        problems.append(f"{swhere}: certainty {certainty!r} needs at least one cue")
    counts = [_collect(problems, _count, text, c, bounds, swhere) for c in sentence.get("counts") or []]
    attributions = [_collect(problems, _attribution, text, a, bounds, swhere) for a in sentence.get("attributions") or []]
    if problems:
        raise AuthoringError(problems)
    return {"start": bounds[0], "end": bounds[1], "certainty": certainty, "cues": cues}, counts, attributions


def _cue(text: str, cue: Any, bounds: Tuple[int, int], swhere: str) -> Dict[str, Any]:
    cue = _object(cue, "a cue", swhere)
    problems: List[str] = []
    _collect(problems, _check, cue.get("type"), CUE_TYPES, "cue type", swhere)
    spec = cue.get("text") if "nth" not in cue else {"text": cue.get("text"), "nth": cue["nth"]}
    span = _collect(problems, _resolve, text, spec, bounds, swhere)
    if span is None and not problems:
        problems.append(f"{swhere}: a cue without its text")
    if problems:
        raise AuthoringError(problems)
    span["type"] = cue["type"]
    return span


def build_record(doc: Dict[str, Any], where: str = "document") -> Dict[str, Any]:
    """The corpus record (with character offsets) for one authoring document. Raises an
    AuthoringError that lists every problem of the document (``.problems``)."""
    if not isinstance(doc, dict):
        raise AuthoringError(f"{where}: a document must be a JSON object, got {type(doc).__name__}")
    problems: List[str] = []
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        problems.append(f"{where}: missing 'id'")
    else:
        where = f"{where} ({doc['id']})"
    paragraphs = doc.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        raise AuthoringError(problems + [f"{where}: 'paragraphs' must be a non-empty list of lists of sentences"])
    text, bounds, layout_problems = _layout(paragraphs, where)
    problems.extend(layout_problems)
    record: Dict[str, Any] = {k: doc[k] for k in ("id", "conflict", "style", "outlet") if k in doc}
    record.update(text=text, counts=[], attributions=[], sentences=[])
    for n, (start, end, sentence) in enumerate(bounds):
        built = _collect(problems, _sentence, text, (start, end), sentence, f"{where}, sentence {n + 1} ({sentence['s'][:40]!r})")
        if built is not None:
            record["sentences"].append(built[0])
            record["counts"].extend(built[1])
            record["attributions"].extend(built[2])
    if problems:
        raise AuthoringError(problems)
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


def _is_corpus_record(doc: Any) -> bool:
    return isinstance(doc, dict) and "text" in doc and "paragraphs" not in doc


def _corpus_record(doc: Dict[str, Any], where: str) -> Dict[str, Any]:
    """A line that is already a corpus record (``corpus import`` output): checked, then split with
    the authored documents."""
    from .validate import check_record

    problems = check_record(doc, where)
    if problems:
        raise AuthoringError(problems)
    return doc


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
                record = _corpus_record(doc, where) if _is_corpus_record(doc) else build_record(doc, where)
            except json.JSONDecodeError as err:
                errors.append(f"{where}: invalid JSON ({err.msg} at column {err.colno})")
                continue
            except AuthoringError as err:
                errors.extend(err.problems)  # every problem of the document, not just the first
                continue
            except (KeyError, TypeError, ValueError) as err:
                errors.append(f"{where}: {err!r}")
                continue
            if record["id"] in seen:
                errors.append(f"{where}: duplicate id {record['id']!r}")
                continue
            seen.add(record["id"])
            records.append(record)
    return assign_splits(records), errors


def _summary(splits: Dict[str, List[Dict[str, Any]]], errors: List[str]) -> List[str]:
    """The lines ``build`` prints on stderr after the problems: the totals and the warnings."""
    n_docs = sum(len(v) for v in splits.values())
    n_sents = sum(len(r["sentences"]) for v in splits.values() for r in v)
    split_sizes = ", ".join(f"{name} {len(records)}" for name, records in splits.items())
    lines = [f"{n_docs} documents, {n_sents} sentences, {len(errors)} errors; documents by split: {split_sizes}"]
    if errors or not n_docs:
        return lines
    if not splits["dev"]:
        # assign_splits sends the 5th of every 9 documents to dev: fewer than 5 leave dev empty
        lines.append("warning: no document went to dev (build at least 5 documents, or write dev.jsonl yourself)")
    elif dev_size_warning(splits["dev"]):
        lines.append(f"warning: {dev_size_warning(splits['dev'])}")
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    """``corpus build FILE... --out DIR``: every problem of every document on stderr (and nothing
    written), or train/dev/test.jsonl in DIR. ``--out`` is required."""
    parser = argparse.ArgumentParser(prog="python -m conflictnlp.corpus.authoring", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="write train/dev/test.jsonl here (required)")
    args = parser.parse_args(argv)
    if args.out is None:
        print("conflictnlp corpus build: error: --out DIR is required (the folder to write train.jsonl, "
              "dev.jsonl and test.jsonl to)", file=sys.stderr)
        return 2
    missing = [str(p) for p in args.paths if not p.is_file()]
    if missing:
        print(f"conflictnlp corpus build: error: {', '.join(missing)}: no such file", file=sys.stderr)
        return 1
    splits, errors = build_files(args.paths)
    for message in errors + _summary(splits, errors):
        print(message, file=sys.stderr)
    if errors:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, records in splits.items():
        with (args.out / f"{name}.jsonl").open("w", encoding="utf8") as out:
            for record in sorted(records, key=lambda r: r["id"]):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
