"""Label Studio exports in and out (``conflictnlp corpus import --from labelstudio``, ``corpus export
--to labelstudio``, ``corpus labelstudio-config``).

A task is one document: ``{"data": {"text", "doc_id", "conflict", "style", "outlet"},
"annotations": [{"result": [...]}]}``, the shape of Label Studio's JSON export (a JSON array of
tasks; one task per line is read too). Of a task's annotations the one marked ``ground_truth``,
else the newest (``created_at``), is imported; cancelled (skipped) annotations are not, and a task
with none left is skipped. The results of an annotation:

``labels`` (a region)
    ``value.start``/``end``/``text`` and ``value.labels`` (one label): a count *kind*, an attribution
    part (``CUE``, ``SOURCE``, ``CONTENT``, ``MEDIUM``, ``TIME``, ``VIA``), a hedge *cue type*, or
    ``SENTENCE`` (a sentence of the document, to give its certainty).
``relation``
    ``from_id``/``to_id`` (region ids) between a ``CUE`` and one of its parts, in either direction;
    its label (``labels``) names the part, or the part's own label does. Parts without a relation
    join the nearest cue (as for the other tools). Several ``CONTENT`` regions of one cue are the
    parts of a split quote (``content_parts``, by position; the first is ``content``); such a part
    related to a second cue as well is an error.
``choices`` / ``textarea`` attached to a region (the region's ``id``; ``perRegion`` controls)
    the fields a span label cannot carry, named by ``from_name``: a count's ``value``, ``low``,
    ``high``, ``estimate``, ``unit``, ``actor`` (text), ``qualifier``, ``echelon`` and ``inferred``
    (choices); a cue's ``cue_type``, ``source_type``, ``anonymous``, ``state_media`` (choices) and
    ``resolved`` (text); a ``SENTENCE``'s ``certainty``. Unset, ``estimate`` is the value,
    ``inferred`` what the qualifier implies, the flags false, ``cue_type`` speech, ``source_type``
    unknown, and a sentence's certainty the strongest its cues imply.
``choices`` named ``certainty`` on no region
    the certainty of the whole text, as one sentence (a task per sentence).

Sentences not marked ``SENTENCE`` are found by ``conflict_sentences``. Offsets are characters;
a span whose ``value.text`` does not match is read again as UTF-16 offsets (what some Label
Studio versions store after an emoji). The JSON-MIN export (``"text"`` and one key per control at
the top of each task) carries the regions and a task's ``certainty`` only: no relations and no
per-region fields (Label Studio writes a per-region choice there without its region).

:func:`labeling_config` is the project's labeling interface with these names; ``ours -> Label
Studio -> ours`` gives back the same records (every sentence is exported as a ``SENTENCE`` region).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Set, Tuple
from xml.sax.saxutils import quoteattr

from ..schema import ATTRIBUTION_CUE_TYPES, CERTAINTY_LEVELS, COUNT_FIELDS, CUE_TYPES, ECHELONS, KINDS, MODEL_CUE, QUALIFIER, QUALIFIERS, SOURCE_TYPES
from .importers import (
    ATTRIBUTION_FIELDS, PART_LABELS, ImportFormatError, PathLike, _Collector, _Draft, _objects, _raise_all, _task_text,
    _tasks, record_spans,
)

SENTENCE = "SENTENCE"
TEXT_NAME = "text"
# The Labels controls of the labeling config, by name: which region labels each offers.
LABEL_GROUPS = {
    "count": tuple(k.upper() for k in KINDS),
    "attribution": ("CUE",) + PART_LABELS,
    "hedge": tuple(t.upper() for t in CUE_TYPES if t != MODEL_CUE),
    "sentence": (SENTENCE,),
}
NUMBER_FIELDS = ("value", "low", "high", "estimate")
TEXT_FIELDS = ("unit", "actor", "resolved")
CHOICE_FIELDS = {"qualifier": QUALIFIERS, "echelon": ECHELONS, "cue_type": ATTRIBUTION_CUE_TYPES, "source_type": SOURCE_TYPES,
                 "certainty": CERTAINTY_LEVELS}
FLAG_FIELDS = ("inferred", "anonymous", "state_media")
YES, NO = "yes", "no"
# Which region a per-region field belongs to: a count's, a cue's, a sentence's.
COUNT_REGION_FIELDS = tuple(f for f in COUNT_FIELDS if f != "kind")
CUE_REGION_FIELDS = ATTRIBUTION_FIELDS
_KIND_LABELS = frozenset(LABEL_GROUPS["count"])


# ----------------------------------------------------------------------------- our records -> tasks

def _group(label: str) -> str:
    return next((name for name, labels in LABEL_GROUPS.items() if label in labels), "hedge")


def _region(rid: str, text: str, start: int, end: int, label: str) -> Dict[str, Any]:
    return {"id": rid, "from_name": _group(label), "to_name": TEXT_NAME, "type": "labels", "origin": "manual",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def _field(region: Dict[str, Any], name: str, value: Any) -> Dict[str, Any]:
    """A per-region answer: ``name``'s ``value`` for ``region`` (choices, or text for the rest)."""
    where = {k: region["value"][k] for k in ("start", "end", "text")}
    if name in CHOICE_FIELDS or name in FLAG_FIELDS:
        kind, answer = "choices", {"choices": [value if name in CHOICE_FIELDS else (YES if value else NO)]}
    else:
        kind, answer = "textarea", {"text": [str(value)]}
    return {"id": region["id"], "from_name": name, "to_name": TEXT_NAME, "type": kind, "origin": "manual",
            "value": dict(where, **answer)}


def _count_fields(count: Dict[str, Any]) -> List[Tuple[str, Any]]:
    """The fields of a count to export: those set, less the ones the import defaults to the same value."""
    fields = [(f, count.get(f)) for f in COUNT_REGION_FIELDS if f not in ("estimate", "inferred") and count.get(f) is not None]
    if count.get("estimate") != count.get("value"):
        fields.append(("estimate", "" if count.get("estimate") is None else count["estimate"]))
    if bool(count.get("inferred")) != _implied_inferred(count.get("qualifier")):
        fields.append(("inferred", bool(count.get("inferred"))))
    return fields


def _cue_fields(attribution: Dict[str, Any]) -> List[Tuple[str, Any]]:
    fields: List[Tuple[str, Any]] = [("cue_type", attribution.get("cue_type", ATTRIBUTION_CUE_TYPES[0])),
                                     ("source_type", attribution.get("source_type", "unknown"))]
    fields += [(f, True) for f in ("anonymous", "state_media") if attribution.get(f)]
    if attribution.get("resolved"):
        fields.append(("resolved", attribution["resolved"]))
    return fields


def to_labelstudio(record: Dict[str, Any], n: int = 1) -> Dict[str, Any]:
    """The Label Studio task (JSON export shape) of a record; ``n`` numbers the task and its annotation."""
    text = record["text"]
    spans, relations = record_spans(record)
    regions = [_region(f"r{i}", text, s["start"], s["end"], s["label"]) for i, s in enumerate(spans)]
    at = {(s["start"], s["end"], s["label"]): regions[i] for i, s in enumerate(spans)}
    result = list(regions)
    for count in record.get("counts") or []:
        region = at[(count["start"], count["end"], count["kind"].upper())]
        result += [_field(region, f, v) for f, v in _count_fields(count)]
    for attribution in record.get("attributions") or []:
        region = at[(attribution["cue"]["start"], attribution["cue"]["end"], "CUE")]
        result += [_field(region, f, v) for f, v in _cue_fields(attribution)]
    result += [{"from_id": f"r{h}", "to_id": f"r{c}", "type": "relation", "direction": "right", "labels": [label]}
               for h, c, label in relations]
    for k, sent in enumerate(record.get("sentences") or []):
        region = _region(f"s{k}", text, sent["start"], sent["end"], SENTENCE)
        result += [region, _field(region, "certainty", sent.get("certainty", "certain"))]
    data = {"text": text, "doc_id": record.get("id"), **{k: record[k] for k in ("conflict", "style", "outlet") if k in record}}
    return {"id": n, "data": data, "annotations": [{"id": n, "result": result, "was_cancelled": False, "ground_truth": False}]}


def labeling_config() -> str:
    """The Label Studio labeling interface (XML) with the names the importer reads."""
    lines = ["<View>"]
    for name, labels in LABEL_GROUPS.items():
        lines.append(f'  <Labels name="{name}" toName="{TEXT_NAME}" showInline="true">')
        lines += [f'    <Label value="{label}"/>' for label in labels]
        lines.append("  </Labels>")
    lines.append("  <Relations>")
    lines += [f'    <Relation value="{label}"/>' for label in PART_LABELS]
    lines += ["  </Relations>", f'  <Text name="{TEXT_NAME}" value="$text"/>']
    lines += _panel(",".join(LABEL_GROUPS["count"]), "Count", COUNT_REGION_FIELDS)
    lines += _panel("CUE", "Attribution", CUE_REGION_FIELDS)
    lines += _panel(SENTENCE, "Sentence", ("certainty",))
    return "\n".join(lines + ["</View>"]) + "\n"


def _panel(when: str, header: str, fields: Sequence[str]) -> List[str]:
    """The per-region controls shown while a region with one of the labels ``when`` is selected."""
    lines = [f'  <View visibleWhen="region-selected" whenLabelValue={quoteattr(when)}>', f'    <Header value="{header}"/>']
    for name in fields:
        common = f'name="{name}" toName="{TEXT_NAME}" perRegion="true"'
        if name in CHOICE_FIELDS or name in FLAG_FIELDS:
            choices = CHOICE_FIELDS.get(name, (YES, NO))
            lines.append(f'    <Choices {common} choice="single" showInline="true">')
            lines += [f'      <Choice value="{c}"/>' for c in choices]
            lines.append("    </Choices>")
        else:
            lines.append(f'    <TextArea {common} maxSubmissions="1" placeholder="{name}"/>')
    return lines + ["  </View>"]


# ----------------------------------------------------------------------------- tasks -> our records

def read_labelstudio(paths: Sequence[PathLike]) -> List[Dict[str, Any]]:
    """Corpus records from Label Studio JSON (or JSON-MIN) exports (see the module docstring)."""
    collector = _Collector()
    errors: List[str] = []
    seen: Set[Any] = set()  # JSON-MIN repeats a task for each of its annotations: the first (newest) counts
    for where, task in _tasks(paths, errors):
        try:
            _task(collector, task, where, seen)
        except ImportFormatError as err:
            errors.append(str(err))
    _raise_all(errors)
    return collector.records()


def _task(collector: _Collector, task: Any, where: str, seen: Set[Any]) -> None:
    if not isinstance(task, dict):
        raise ImportFormatError(f'{where}: expected a task object with "data" (JSON export) or "text" (JSON-MIN)')
    if "data" in task or "annotations" in task or "completions" in task:
        data = task.get("data")
        text = _task_text(data, f"{where}: data")
        results = _chosen_result(task, where)
    else:
        data = task
        text = _task_text(task, where)
        if task.get("id") is not None and not isinstance(task["id"], (dict, list)):
            if task["id"] in seen:
                return
            seen.add(task["id"])
        results = _min_results(task, where)
    if results is None:
        return
    doc_id = data.get("doc_id") if isinstance(data.get("doc_id"), str) else data.get("id")
    draft = collector.get(text, doc_id if isinstance(doc_id, str) else None, where)
    side = {k: data[k] for k in ("conflict", "style", "outlet") if isinstance(data.get(k), str)}
    fields = _read_results(draft, results, where)
    side.update(counts=_complete_counts(fields["counts"]), attributions=fields["attributions"])
    if isinstance(doc_id, str) and doc_id:
        side["id"] = doc_id
    draft.side = side


def _chosen_result(task: Dict[str, Any], where: str) -> Optional[List[Dict[str, Any]]]:
    """The results of the annotation to import: ground truth, else the newest; None when there is none."""
    key = "annotations" if "annotations" in task else "completions"
    annotations = _objects(task, key, where)
    done = [(n, a) for n, a in enumerate(annotations) if not (a.get("was_cancelled") or a.get("skipped"))]
    if not done:
        return None
    n, chosen = max(done, key=lambda p: (bool(p[1].get("ground_truth")), str(p[1].get("created_at") or ""), p[0]))
    return _objects(chosen, "result", f"{where}: {key}[{n}]")


def _min_results(task: Dict[str, Any], where: str) -> List[Dict[str, Any]]:
    """A JSON-MIN task's regions and certainty as results of the JSON export."""
    results: List[Dict[str, Any]] = []
    for name, value in task.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) and "labels" in v for v in value):
            results += [{"from_name": name, "type": "labels", "value": v} for v in value]
    if "certainty" in task:
        choice = task["certainty"]
        results.append({"from_name": "certainty", "type": "choices",
                        "value": {"choices": choice if isinstance(choice, list) else [choice]}})
    return results


def _read_results(draft: _Draft, results: List[Dict[str, Any]], where: str) -> Dict[str, Any]:
    """Adds the regions and relations of ``results`` to ``draft``; returns the side data of the
    per-region fields (``{"counts": ..., "attributions": ...}``, keyed ``"start:end"``)."""
    regions: Dict[Any, Tuple[Optional[int], Tuple[int, int], str]] = {}
    later: List[Tuple[str, Dict[str, Any]]] = []
    for n, result in enumerate(results):
        rwhere = f"{where}: result[{n}]"
        kind = result.get("type")
        if kind == "labels":
            start, end, label = _region_of(draft, result, rwhere)
            index = None if label == SENTENCE else draft.add_span(start, end, label, rwhere)
            if label == SENTENCE:
                draft.certainty.setdefault((start, end), None)
            if result.get("id") is not None:
                regions[_key(result["id"], rwhere)] = (index, (start, end), label)
        elif kind in ("relation", "choices", "textarea"):
            later.append((rwhere, result))
        else:
            raise ImportFormatError(f"{rwhere}: unknown result type {kind!r} (expected labels, relation, choices or textarea)")
    side: Dict[str, Any] = {"counts": {}, "attributions": {}}
    for rwhere, result in later:
        if result["type"] == "relation":
            _relation(draft, regions, result, rwhere)
        else:
            _answer(draft, regions, side, result, rwhere)
    _check_split_quotes(draft, where)
    return side


def _check_split_quotes(draft: _Draft, where: str) -> None:
    """A part of a split quote (a cue related to several ``CONTENT`` regions) belongs to that cue
    alone: related to a second cue as well, which quote it is part of is ambiguous."""
    cues: Dict[int, Set[int]] = {}
    for head, child, label in draft.relations:
        if label == "CONTENT":
            cue, part = (head, child) if draft.spans[head]["label"] == "CUE" else (child, head)
            cues.setdefault(part, set()).add(cue)
    for part, related in sorted(cues.items()):
        split = [c for c in related if sum(c in r for r in cues.values()) > 1]
        if len(related) > 1 and split:
            span, cue = draft.spans[part], draft.spans[split[0]]
            raise ImportFormatError(f"{where}: CONTENT {span['start']}:{span['end']} is a part of the split quote of "
                                    f"the CUE {cue['start']}:{cue['end']} and related to another cue too")


def _key(rid: Any, where: str) -> Any:
    if isinstance(rid, (dict, list)) or isinstance(rid, bool):
        raise ImportFormatError(f"{where}: a region id must be a string or a number")
    return rid


def _value(result: Dict[str, Any], where: str) -> Dict[str, Any]:
    value = result.get("value")
    if not isinstance(value, dict):
        raise ImportFormatError(f'{where}: "value" must be an object')
    return value


def _region_of(draft: _Draft, result: Dict[str, Any], where: str) -> Tuple[int, int, str]:
    """A region's offsets (characters, or UTF-16 units read as characters) and its one label."""
    value = _value(result, where)
    labels = value.get("labels")
    if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str):
        raise ImportFormatError(f"{where}: a region needs exactly one label in value.labels, got {labels!r}")
    label = labels[0].strip().upper()
    start, end = value.get("start"), value.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise ImportFormatError(f"{where}: a region needs integer value.start and value.end")
    quoted = value.get("text")
    if isinstance(quoted, str) and draft.text[start:end] != quoted:
        start, end = _from_utf16(draft.text, start, end, quoted, where)
    if label == SENTENCE and not 0 <= start < end <= len(draft.text):
        raise ImportFormatError(f"{where}: span {start}:{end} out of range (text has {len(draft.text)} characters)")
    return start, end, label


def _from_utf16(text: str, start: int, end: int, quoted: str, where: str) -> Tuple[int, int]:
    """``start:end`` as UTF-16 offsets turned into characters, when that gives ``quoted``."""
    units, positions = 0, {}
    for i, ch in enumerate(text):
        positions[units] = i
        units += 2 if ord(ch) > 0xFFFF else 1
    positions[units] = len(text)
    if start in positions and end in positions and text[positions[start]:positions[end]] == quoted:
        return positions[start], positions[end]
    raise ImportFormatError(f"{where}: span {start}:{end} is {text[start:end]!r} in the text, not {quoted!r}")


def _relation(draft: _Draft, regions: Dict[Any, Tuple[Optional[int], Tuple[int, int], str]],
              result: Dict[str, Any], where: str) -> None:
    ends = []
    for side in ("from_id", "to_id"):
        rid = result.get(side)
        if rid is None or isinstance(rid, (dict, list)) or rid not in regions or regions[rid][0] is None:
            raise ImportFormatError(f"{where}: relation {side} {rid!r} is not a region of this annotation")
        ends.append(regions[rid])
    labels = result.get("labels") or []
    if not isinstance(labels, list) or len(labels) > 1 or not all(isinstance(l, str) for l in labels):
        raise ImportFormatError(f"{where}: a relation has at most one label, got {labels!r}")
    part = (labels[0] if labels else next((label for _, _, label in ends if label != "CUE"), "")).strip().upper()
    if part not in PART_LABELS or "CUE" not in (ends[0][2], ends[1][2]):
        raise ImportFormatError(f"{where}: a relation links a CUE to its {'/'.join(PART_LABELS)} "
                                f"(got {ends[0][2]} -> {ends[1][2]}, label {part or None!r})")
    draft.relations.append((ends[0][0], ends[1][0], part))


def _answer(draft: _Draft, regions: Dict[Any, Tuple[Optional[int], Tuple[int, int], str]], side: Dict[str, Any],
            result: Dict[str, Any], where: str) -> None:
    """A choices/textarea answer: a field of its region, or the task's certainty."""
    name = result.get("from_name")
    value = _answer_value(name, result, where)
    rid = result.get("id")
    region = regions.get(rid) if rid is not None and not isinstance(rid, (dict, list)) else None
    if region is None:
        if name != "certainty":
            raise ImportFormatError(f"{where}: {name!r} answers a region, but no region of this annotation has id {rid!r}")
        draft.certainty[(0, len(draft.text.rstrip()))] = value
        return
    _, (start, end), label = region
    key = f"{start}:{end}"
    if label == SENTENCE and name == "certainty":
        draft.certainty[(start, end)] = value
    elif label in _KIND_LABELS and name in COUNT_REGION_FIELDS:
        side["counts"].setdefault(key, {})[name] = value
    elif label == "CUE" and name in CUE_REGION_FIELDS:
        side["attributions"].setdefault(key, {})[name] = value
    else:
        raise ImportFormatError(f"{where}: {name!r} is not a field of a {label} region")


def _answer_value(name: Any, result: Dict[str, Any], where: str) -> Any:
    """The value of a field answer, checked against the field's type and label set."""
    if not isinstance(name, str) or name not in (*NUMBER_FIELDS, *TEXT_FIELDS, *CHOICE_FIELDS, *FLAG_FIELDS):
        raise ImportFormatError(f"{where}: unknown field {name!r} (from_name)")
    value = _value(result, where)
    key = "choices" if name in CHOICE_FIELDS or name in FLAG_FIELDS else "text"
    answers = value.get(key)
    if not isinstance(answers, list) or len(answers) != 1 or not isinstance(answers[0], str):
        raise ImportFormatError(f"{where}: {name} needs exactly one answer in value.{key}, got {answers!r}")
    answer = answers[0].strip()
    if name in NUMBER_FIELDS:
        digits = answer.replace(",", "")
        if answer and not digits.isdigit():
            raise ImportFormatError(f"{where}: {name} {answer!r} is not a whole number")
        return int(digits) if answer else None
    if name in FLAG_FIELDS:
        if answer.lower() not in (YES, NO, "true", "false"):
            raise ImportFormatError(f"{where}: {name} {answer!r} is not yes or no")
        return answer.lower() in (YES, "true")
    if name in CHOICE_FIELDS and answer.lower() not in CHOICE_FIELDS[name]:
        raise ImportFormatError(f"{where}: unknown {name} {answer!r} (expected one of {', '.join(CHOICE_FIELDS[name])})")
    return answer.lower() if name in CHOICE_FIELDS else answer or None


def _implied_inferred(qualifier: Any) -> bool:
    return QUALIFIER[qualifier].inferred if qualifier in QUALIFIER else False


def _complete_counts(side: Dict[str, Any]) -> Dict[str, Any]:
    """The count fields of ``side`` with the defaults of unset ones (estimate = value, inferred as
    the qualifier implies, the rest null)."""
    counts = {}
    for key, given in side.items():
        fields = {f: None for f in COUNT_FIELDS}
        fields.update(given)
        if "estimate" not in given:
            fields["estimate"] = fields["value"]
        if "inferred" not in given:
            fields["inferred"] = _implied_inferred(fields["qualifier"])
        counts[key] = fields
    return counts
