"""`conflictnlp corpus export --to spacy`: the gold Docs in a .spacy DocBin, so that
`spacy evaluate` (and nlp.evaluate on the DocBin's Docs) scores every conflictnlp layer."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Example

import conflictnlp
from conflictnlp.cli import main
from conflictnlp.corpus.authoring import build_record

# Invented reporting, one document per line of the table: (sentence, counts, attributions, certainty, cues)
DOCUMENTS = [
    [("Rebel commanders said 300 fighters were killed near the dam.", [("300 fighters", "killed", 300, "exact")],
      [{"cue": "said", "source": "Rebel commanders", "content": "300 fighters were killed near the dam"}], "certain", []),
     ("The offensive may resume within days.", [], [], "possible", [{"text": "may", "type": "epistemic"}])],
    [("The navy lost 12 patrol boats in the storm.", [("12 patrol boats", "equipment", 12, "exact")], [], "certain", []),
     ("About 40 tanks crossed the river, a border guard said.", [("About 40 tanks", "equipment", 40, "approx")],
      [{"cue": "said", "source": "a border guard", "content": "About 40 tanks crossed the river"}], "certain", [])],
]
LAYER_SCORES = ("counts_f", "attribution_cue_f", "attribution_source_f", "hedging_hedged_f", "hedging_acc", "claims_f")


@pytest.fixture()
def corpus(tmp_path):
    lines = []
    for n, sentences in enumerate(DOCUMENTS):
        paragraph = [{"s": s, "counts": [{"text": t, "kind": k, "value": v, "estimate": v, "qualifier": q} for t, k, v, q in counts], "attributions": attributions,
                      "certainty": certainty, "cues": cues} for s, counts, attributions, certainty, cues in sentences]
        lines.append(json.dumps(build_record({"id": f"docbin-{n}", "paragraphs": [paragraph]})))
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


def _export(corpus, out):
    code = main(["corpus", "export", "--to", "spacy", str(corpus), "--out", str(out)], stdout=io.StringIO())
    assert code == 0 and out.is_file()


def test_docbin_export_keeps_every_gold_layer(corpus, tmp_path):
    _export(corpus, tmp_path / "gold.spacy")
    nlp = conflictnlp.load()
    docs = list(DocBin().from_disk(tmp_path / "gold.spacy").get_docs(nlp.vocab))
    assert len(docs) == len(DOCUMENTS)
    assert [len(list(d.sents)) for d in docs] == [len(s) for s in DOCUMENTS]
    assert [len(d._.conflict_attributions) for d in docs] == [1, 1]
    assert [len(d._.conflict_claims) for d in docs] == [1, 2]
    scores = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in docs])
    assert all(scores[key] > 0 for key in LAYER_SCORES), {k: scores[k] for k in LAYER_SCORES}


def test_docbin_export_of_a_bad_corpus_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 5}\n', encoding="utf8")
    code = main(["corpus", "export", "--to", "spacy", str(bad), "--out", str(tmp_path / "x.spacy")], stdout=io.StringIO())
    err = capsys.readouterr().err
    assert code != 0 and "bad.jsonl" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.spacy").exists()


@pytest.mark.skipif(not any(ep.name == "conflict_counts" for ep in entry_points(group="spacy_factories")),
                    reason="conflictnlp is not installed (spacy evaluate finds our factories through entry points)")
def test_spacy_evaluate_scores_our_components(corpus, tmp_path):
    """Regression: there was no .spacy export, so `spacy evaluate` had nothing to score ours with."""
    _export(corpus, tmp_path / "gold.spacy")
    conflictnlp.load().to_disk(tmp_path / "pipeline")
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", str(tmp_path / "pipeline"), str(tmp_path / "gold.spacy"),
         "--output", str(tmp_path / "metrics.json")],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf8"))
    assert all(metrics[key] > 0 for key in LAYER_SCORES), {k: metrics.get(k) for k in LAYER_SCORES}
