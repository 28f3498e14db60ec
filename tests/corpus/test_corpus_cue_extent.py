"""The corpus gold follows the cue extent convention (docs/annotation.md, "Cues"; issue 14): a
verb cue with a source takes in the verb group before it ("has said", "have repeatedly denied")
and a colon right after it ("said:"). The word before a cue or the colon after it may belong to
another part (source, content, medium, time, via) or to another cue; otherwise it is the cue's.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from conflictnlp.attribution.words import VERB_GROUP
from conflictnlp.corpus.format import read_records

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _taken(record: dict) -> set:
    """Character offsets covered by any part of any attribution of ``record``."""
    out = set()
    for a in record["attributions"]:
        for span in [a.get(f) for f in ("cue", "source", "content", "medium", "time")] + list(a.get("via") or []):
            if span:
                out.update(range(span["start"], span["end"]))
    return out


def bare_cues(path: Path) -> List[str]:
    """The gold cues of ``path`` that leave out a verb-group word right before them or a colon
    right after them (impersonal and raising cues, "it was reported", have no source: skipped)."""
    bad = []
    for record in read_records(path):
        text, taken = record["text"], _taken(record)
        for a in record["attributions"]:
            s, e = a["cue"]["start"], a["cue"]["end"]
            if a.get("source") is None:
                continue
            words = text[:s].split()
            word = words[-1] if words and text[s - 1:s] == " " else ""
            if word.lower() in VERB_GROUP and s - 2 not in taken:
                bad.append(f"{record['id']}: {word} [{a['cue']['text']}]")
            if text[e:e + 1] == ":" and e not in taken:
                bad.append(f"{record['id']}: [{a['cue']['text']}]:")
    return bad


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_gold_cues_take_in_their_verb_group_and_colon(split):
    assert bare_cues(CORPUS / f"{split}.jsonl") == []
