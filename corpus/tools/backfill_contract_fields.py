"""Backfill corpus/authoring/*.jsonl to the contract's attribution fields and the session-4 rulings
(docs/annotation.md, sections 2 and 3).

Two sources of edits, both reviewable:

* ``contract_edits.jsonl`` next to this script: the hand-checked list, one edit a line, each with
  the document, the sentence (paragraph and sentence index, 0-based, and the start of its text as a
  check), the attribution (by its cue as written) and why:
  ``"op": "set"`` updates fields of an attribution (``cue_type``, ``content_parts``, ``cue``,
  ``content``, ...); ``"add"`` adds an attribution (skipped when one with the same cue and source is
  there); ``"remove"`` removes one; ``"certainty"`` sets a sentence's certainty and cues.
* transcript turns, by rule: in every document that is not a headline list, a sentence that opens
  with a speaker's label in capitals and a colon ("NAME: ...") is an attribution with the cue ``:``,
  the label as source and the whole turn as content (the sentence after the label and the next
  sentences of the paragraph up to the next label, without the final full stop); a role label of the programme (HOST, ANCHOR,
  Q, ...: ``ROLE_LABELS``) gives none. A turn that has no attribution yet takes its fields from
  another turn of the same label in the document, else from ``turn_fields`` lines of the list.

Idempotent: running it twice changes nothing. Lines are written back in the JSON style they were read
in. ``--check`` lists what would change and exits 1 when anything would.

    python corpus/tools/backfill_contract_fields.py [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
AUTHORING = ROOT / "corpus" / "authoring"
EDITS = Path(__file__).resolve().with_name("contract_edits.jsonl")

# Labels of the programme's own roles: the interviewer's side and the chair (annotation.md, section 2)
ROLE_LABELS = frozenset({
    "ANCHOR", "CHAIR", "CHAIRMAN", "CHAIRPERSON", "CORRESPONDENT", "HOST", "INTERVIEWER", "MODERATOR",
    "NEWSREADER", "PRESENTER", "Q", "QUESTION", "REPORTER",
})
NOT_TURNS = frozenset({"KEY FIGURES", "PRESS RELEASE", "DRC", "ANALYSIS", "UPDATE", "BREAKING"})
_LABEL = re.compile(r"^(?:\d\d[:.]\d\d\s*-?\s*)?([^\W\d_][\w.'\- ]*[\w.]|[^\W\d_]):\s")


class _Label:
    """A speaker's label: words in capitals before a colon at the start ("MAJ. GEN. SAAD AL-JUBOURI:",
    "GARCÍA:", after a time "10:45 - NAME:"); ``match`` as ``re`` gives it, None for mixed case."""

    @staticmethod
    def match(sentence: str):
        found = _LABEL.match(sentence)
        return found if found and not any(c.islower() for c in found.group(1)) else None


LABEL = _Label()


def _text(span: Any) -> Optional[str]:
    return span.get("text") if isinstance(span, dict) else span


def _dump(doc: Dict[str, Any], style: Dict[str, Any]) -> str:
    return json.dumps(doc, **style)


def _style(line: str, doc: Dict[str, Any]) -> Dict[str, Any]:
    for style in ({"ensure_ascii": False}, {"ensure_ascii": True}, {"ensure_ascii": False, "separators": (",", ":")}):
        if json.dumps(doc, **style) == line:
            return style
    return {"ensure_ascii": False}


# ---------------------------------------------------------------------------- hand-checked edits


def _sentence(doc: Dict[str, Any], edit: Dict[str, Any]) -> Dict[str, Any]:
    p, s = edit["at"]
    sentence = doc["paragraphs"][p][s]
    if not sentence["s"].startswith(edit["s"]):
        raise SystemExit(f"contract_edits: {doc['id']} {edit['at']}: sentence is {sentence['s'][:60]!r}, not {edit['s']!r}")
    return sentence


def _find(sentence: Dict[str, Any], cue: str, source: Any = ...) -> List[Dict[str, Any]]:
    return [a for a in sentence.get("attributions") or []
            if _text(a.get("cue")) == cue and (source is ... or _text(a.get("source")) == source)]


def apply_edit(doc: Dict[str, Any], edit: Dict[str, Any]) -> bool:
    """Apply one hand-checked edit to ``doc``; True when it changed something."""
    sentence = _sentence(doc, edit)
    op = edit["op"]
    if op == "certainty":
        new = {"certainty": edit["certainty"], "cues": edit.get("cues", [])}
        changed = any(sentence.get(k, "certain" if k == "certainty" else []) != v for k, v in new.items())
        sentence.update(new)
        return changed
    attributions = sentence.setdefault("attributions", [])
    if op == "add":
        item = edit["attribution"]
        if _find(sentence, _text(item["cue"]), item.get("source")):
            return False
        attributions.append(dict(item))
        return True
    hits = _find(sentence, edit["cue"], edit.get("source", ...))
    if op == "remove":
        sentence["attributions"] = [a for a in attributions if not any(a is h for h in hits)]
        return bool(hits)
    if len(hits) != 1 and not (op == "set" and not hits and _already(sentence, edit)):
        raise SystemExit(f"contract_edits: {doc['id']} {edit['at']}: {len(hits)} attributions with cue {edit['cue']!r}")
    if not hits:
        return False
    changed = any(hits[0].get(k) != v for k, v in edit["fields"].items())
    hits[0].update(edit["fields"])
    return changed


def _already(sentence: Dict[str, Any], edit: Dict[str, Any]) -> bool:
    """A ``set`` that renames the cue has already run when an attribution has the new cue."""
    new_cue = edit["fields"].get("cue")
    return new_cue is not None and bool(_find(sentence, _text(new_cue), edit.get("source", ...)))


# ---------------------------------------------------------------------------- transcript turns


def turns(doc: Dict[str, Any]) -> List[Tuple[int, int, str, str]]:
    """(paragraph, sentence, label, whole turn after the label) of each labelled sentence."""
    found = []
    for p, paragraph in enumerate(doc["paragraphs"]):
        for s, sentence in enumerate(paragraph):
            match = LABEL.match(sentence["s"])
            if not match or match.group(1) in NOT_TURNS:
                continue
            parts = [sentence["s"][match.end():]]
            for later in paragraph[s + 1:]:
                if LABEL.match(later["s"]):
                    break
                parts.append(later["s"])
            found.append((p, s, match.group(1), _content(" ".join(parts))))
    return found


def _content(turn: str) -> str:
    """A turn's content stops before its final full stop, as quote contents do (ruling, round 2);
    an ellipsis, "?" and "!" stay."""
    return turn[:-1] if turn.endswith(".") and not turn.endswith("..") else turn


def _colon(sentence: str) -> Any:
    """The label's colon as an authoring span: ``":"``, or with ``nth`` after a time ("10:45 - NAME:")."""
    match = LABEL.match(sentence)
    nth = sentence[:match.end()].count(":")
    return ":" if nth == 1 else {"text": ":", "nth": nth}


def _turn_fields(doc: Dict[str, Any], label: str, fields: Dict[Tuple[str, str], Dict[str, Any]]) -> Dict[str, Any]:
    for paragraph in doc["paragraphs"]:
        for sentence in paragraph:
            for a in _find(sentence, ":", label):
                return {k: a[k] for k in ("source_type", "anonymous", "state_media", "resolved") if k in a}
    if (doc["id"], label) not in fields:
        raise SystemExit(f"contract_edits: {doc['id']}: no turn_fields for the label {label!r}")
    return fields[(doc["id"], label)]


def apply_turns(doc: Dict[str, Any], fields: Dict[Tuple[str, str], Dict[str, Any]], log: List[str]) -> None:
    """Every labelled turn of ``doc`` (not a headline list) gets its one attribution (or none for a role)."""
    if doc.get("style") == "headline_list":
        return
    for p, s, label, turn in turns(doc):
        sentence = doc["paragraphs"][p][s]
        mine = _find(sentence, ":", label)
        if label in ROLE_LABELS:
            if mine:
                sentence["attributions"] = [a for a in sentence["attributions"] if a not in mine]
                log.append(f"{doc['id']} {p}.{s}: removed the turn attribution of the role label {label}")
            continue
        if not mine:
            item = {"cue": _colon(sentence["s"]), "source": label, "content": turn, **_turn_fields(doc, label, fields)}
            sentence.setdefault("attributions", []).append(item)
            log.append(f"{doc['id']} {p}.{s}: added the turn of {label}")
            continue
        update = {"cue": _colon(sentence["s"]), "content": turn}
        if any(mine[0].get(k) != v for k, v in update.items()):
            mine[0].update(update)
            log.append(f"{doc['id']} {p}.{s}: the turn of {label} is its whole turn")


# ---------------------------------------------------------------------------- files


def load_edits() -> Tuple[Dict[str, List[Dict[str, Any]]], Dict[Tuple[str, str], Dict[str, Any]]]:
    by_doc: Dict[str, List[Dict[str, Any]]] = {}
    fields: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for n, line in enumerate(EDITS.read_text(encoding="utf8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        edit = json.loads(line)
        if edit["op"] == "turn_fields":
            fields[(edit["doc"], edit["label"])] = edit["fields"]
        else:
            by_doc.setdefault(edit["doc"], []).append(dict(edit, line=n))
    return by_doc, fields


def backfill_file(path: Path, edits: Dict[str, List[Dict[str, Any]]], fields, log: List[str]) -> Optional[str]:
    """The new text of ``path`` (None when nothing changes); the changes go to ``log``."""
    lines = path.read_text(encoding="utf8").split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        doc = json.loads(line)
        style = _style(line, doc)
        for edit in edits.pop(doc["id"], []):
            if apply_edit(doc, edit):
                log.append(f"{doc['id']} {edit['at'][0]}.{edit['at'][1]}: {edit['op']} {edit.get('cue') or _text(edit.get('attribution', {}).get('cue')) or ''} ({edit['why']})")
        apply_turns(doc, fields, log)
        new = _dump(doc, style)
        if new != line:
            lines[i] = new
            changed = True
    return "\n".join(lines) if changed else None


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list what would change; write nothing")
    args = parser.parse_args(argv)
    edits, fields = load_edits()
    log: List[str] = []
    for path in sorted(AUTHORING.glob("*.jsonl")):
        new = backfill_file(path, edits, fields, log)
        if new is not None and not args.check:
            path.write_text(new, encoding="utf8")
    if edits:
        raise SystemExit(f"contract_edits: unknown documents {sorted(edits)}")
    for entry in log:
        print(entry)
    print(f"{len(log)} changes", file=sys.stderr)
    return 1 if args.check and log else 0


if __name__ == "__main__":
    raise SystemExit(main())
