"""The config is the source of truth after a save: ``spacy.load(path, config={...})`` overrides
of a rule table or a setting win over the copy saved with the pipeline; tables named in
``[initialize.components.<name>]`` are loaded by ``nlp.initialize()`` and saved with it."""

from __future__ import annotations

import json
import warnings

import pytest
import spacy
from spacy.util import load_model_from_config
from thinc.api import Config, ConfigValidationError

import conflictnlp
from conflictnlp.rules import ResourceError

TEXT = "Something like 300 troops arrived. Some 20 soldiers died."
CIRCA = {"text": "something like", "qualifier": "approx", "position": "before"}


def qualifiers(nlp, text=TEXT):
    return [(c["text"], c["qualifier"]) for c in conflictnlp.to_dict(nlp(text))["counts"]]


def write_table(path, *entries):
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf8")
    return str(path)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    conflictnlp.load().to_disk(path)
    return path


# one override per line: component, setting, value, how the loaded component shows it
SETTINGS = [
    ("conflict_hedging", "threshold", 0.2, lambda pipe: pipe.cfg["threshold"]),
    ("conflict_hedging", "uncued_threshold", 0.9, lambda pipe: pipe.cfg["uncued_threshold"]),
    ("conflict_hedging", "span_keys", ["conflict_counts"], lambda pipe: pipe.cfg["span_keys"]),
    ("conflict_counts", "below_factor", 0.5, lambda pipe: pipe.options.policy["below_factor"]),
]


@pytest.mark.parametrize("component,setting,value,shown", SETTINGS, ids=[s[1] for s in SETTINGS])
def test_a_setting_overridden_at_load_wins(saved, component, setting, value, shown):
    loaded = spacy.load(saved, config={"components": {component: {setting: value}}})
    assert shown(loaded.get_pipe(component)) == value
    assert loaded.config["components"][component][setting] == value


def test_a_table_overridden_at_load_wins(saved, tmp_path):
    assert qualifiers(spacy.load(saved)) == [("300 troops", "exact"), ("Some 20 soldiers", "approx")]
    table = write_table(tmp_path / "approximators.jsonl", CIRCA)
    loaded = spacy.load(saved, config={"components": {"conflict_counts": {"approximators": table}}})
    # the file replaces the whole table: "something like" now, "some" no longer
    assert qualifiers(loaded) == [("Something like 300 troops", "approx"), ("20 soldiers", "exact")]
    again = tmp_path / "again"
    loaded.to_disk(again)
    assert qualifiers(spacy.load(again)) == qualifiers(loaded)  # saved with its config: the file is not needed
    (tmp_path / "approximators.jsonl").unlink()
    assert qualifiers(spacy.load(again)) == qualifiers(loaded)


def test_overrides_win_over_bytes_too(tmp_path):
    data = conflictnlp.load().to_bytes()
    config = conflictnlp.load().config
    config["components"]["conflict_hedging"]["threshold"] = 0.3
    config["components"]["conflict_counts"]["approximators"] = write_table(tmp_path / "approximators.jsonl", CIRCA)
    nlp = load_model_from_config(config, auto_fill=True).from_bytes(data)
    assert nlp.get_pipe("conflict_hedging").cfg["threshold"] == 0.3
    assert qualifiers(nlp) == [("Something like 300 troops", "approx"), ("20 soldiers", "exact")]


def test_edits_saved_with_the_pipeline_stay_unless_the_config_replaces_their_table(tmp_path):
    nlp = conflictnlp.load()
    nlp.get_pipe("conflict_counts").add_entries("approximators", [CIRCA])
    nlp.to_disk(tmp_path / "edited")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert qualifiers(spacy.load(tmp_path / "edited"))[0] == ("Something like 300 troops", "approx")
        # another table overridden: the edited one stays, silently
        other = {"conflict_counts": {"vague": write_table(tmp_path / "vague.jsonl", {"text": "scores", "low": 20, "high": 99, "estimate": 40})}}
        assert qualifiers(spacy.load(tmp_path / "edited", config={"components": other}))[0][1] == "approx"
    table = write_table(tmp_path / "approximators.jsonl", {"text": "roughly", "qualifier": "approx", "position": "before"})
    with pytest.warns(UserWarning, match=r"conflict_counts: the config's approximators table \(.*approximators.jsonl\) replaces"):
        loaded = spacy.load(tmp_path / "edited", config={"components": {"conflict_counts": {"approximators": table}}})
    assert qualifiers(loaded)[0] == ("300 troops", "exact")


INIT_CONFIG = """
[nlp]
lang = "en"
pipeline = ["conflict_sentences", "conflict_counts", "conflict_hedging"]

[components]

[components.conflict_sentences]
factory = "conflict_sentences"

[components.conflict_counts]
factory = "conflict_counts"

[components.conflict_hedging]
factory = "conflict_hedging"
use_model = false

[initialize]

[initialize.components]

[initialize.components.conflict_counts]
approximators = {approximators}

[initialize.components.conflict_hedging]
cues = {cues}
"""


def test_tables_named_in_initialize_are_loaded_by_initialize_and_saved(tmp_path):
    approximators = write_table(tmp_path / "approximators.jsonl", CIRCA)
    cues = write_table(tmp_path / "cues.jsonl", {"phrase": "reputedly", "type": "evidential", "level": "unverified"})
    config = Config().from_str(INIT_CONFIG.format(approximators=json.dumps(approximators), cues=json.dumps(cues)))
    nlp = load_model_from_config(config, auto_fill=True)
    assert qualifiers(nlp)[0] == ("300 troops", "exact")  # not before initialize
    nlp.initialize()
    assert qualifiers(nlp) == [("Something like 300 troops", "approx"), ("20 soldiers", "exact")]
    doc = nlp("The depot was reputedly hit.")
    assert [s._.conflict_certainty for s in doc.sents] == ["unverified"]
    nlp.to_disk(tmp_path / "pipeline")
    (tmp_path / "approximators.jsonl").unlink()
    (tmp_path / "cues.jsonl").unlink()
    loaded = spacy.load(tmp_path / "pipeline")  # spacy.load does not initialize: the saved tables
    assert qualifiers(loaded) == qualifiers(nlp)
    assert [s._.conflict_certainty for s in loaded("The depot was reputedly hit.").sents] == ["unverified"]


# one bad table per line: its entries (None: no such file) and what the error names
BAD_TABLES = [
    (None, r"no_such\.jsonl"),
    ([{"text": "circa", "qualifier": "exactly", "position": "before"}], r"bad\.jsonl, line 1: .*qualifier"),
    ([{"text": "circa"}], r"bad\.jsonl, line 1: missing field 'qualifier'"),
]


@pytest.mark.parametrize("entries,message", BAD_TABLES)
def test_a_bad_initialize_table_fails_at_once_naming_it_and_changes_nothing(tmp_path, entries, message):
    path = write_table(tmp_path / "bad.jsonl", *entries) if entries is not None else str(tmp_path / "no_such.jsonl")
    component = conflictnlp.load().get_pipe("conflict_counts")
    before = [dict(e) for e in component.rules["approximators"]]
    with pytest.raises(ResourceError, match=message):
        component.initialize(approximators=path)
    assert component.rules["approximators"] == before


def test_an_unknown_initialize_table_is_refused_by_name():
    config = Config().from_str(INIT_CONFIG.format(approximators='"x.jsonl"', cues="null").replace("approximators =", "verbs ="))
    nlp = load_model_from_config(config, auto_fill=True)
    with pytest.raises(ConfigValidationError, match="verbs"):
        nlp.initialize()
