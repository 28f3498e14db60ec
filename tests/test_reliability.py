"""Round-trips, multiprocessing, notebook re-runs and user resources.

Everything here runs on the pipeline that ``conflictnlp.load()`` builds, so it covers every
component in ``pipeline.DEFAULT_COMPONENTS`` as they are added. A Doc's *state* is everything
we write: the export, every ``doc.spans`` group with each span's extension values, every
sentence's extension values, ``doc.cats`` and the sentence boundaries.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import conflictnlp
from conflictnlp import extensions
from conflictnlp.doctools import sentence_spans
from conflictnlp.lexicons import ResourceError
from conflictnlp.pipeline import DEFAULT_COMPONENTS

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
REPORT = (ROOT / "examples" / "report.txt").read_text(encoding="utf8")

TEXTS = [
    REPORT,
    "Russia has amassed some 50,000 troops, a US official told CNN. An assault is expected.",
    "“We lost nearly 3,000 men,” the commander said, according to state media. It could not be verified.",
    "Between 600 and 700 North Korean soldiers were reportedly killed or wounded, Kyiv claimed on Sunday.",
    "Tens of thousands of people have fled, the UN said. Three brigades may be sent.",
    "",
    "   \n\n  ",
    "No figures here at all.",
]


def _authoring_texts(limit: int = 6):
    try:
        from conflictnlp.authoring import build_record
    except ImportError:  # pragma: no cover
        return []
    texts = []
    for path in sorted((ROOT / "corpus" / "authoring").glob("*.jsonl")):
        for line in path.read_text(encoding="utf8").splitlines():
            if line.strip() and not line.startswith("#"):
                try:
                    texts.append(build_record(json.loads(line))["text"])
                except Exception:  # a draft document: its text is not what we test here
                    continue
            if len(texts) >= limit:
                return texts
    return texts


ALL_TEXTS = TEXTS + _authoring_texts()


def _plain(value):
    return json.loads(json.dumps(value, sort_keys=True))


def doc_state(doc: Doc) -> dict:
    """Everything conflictnlp writes on ``doc``, as plain data."""
    ext_names = list(extensions.SPAN_EXTENSIONS)
    groups = {}
    for key in sorted(doc.spans):
        groups[key] = [
            [span.start_char, span.end_char, span.label_, {name: span._.get(name) for name in ext_names}]
            for span in doc.spans[key]
        ]
    sentences = [
        [sent.start_char, sent.end_char, {name: sent._.get(name) for name in ext_names}]
        for sent in sentence_spans(doc)
    ]
    return _plain(
        {
            "export": conflictnlp.to_dict(doc),
            "spans": groups,
            "sentences": sentences,
            "doc_ext": {name: doc._.get(name) for name in extensions.DOC_EXTENSIONS},
            "cats": doc.cats,
            "sent_starts": [bool(t.is_sent_start) for t in doc] if doc.has_annotation("SENT_START") else None,
        }
    )


@pytest.fixture(scope="module")
def states(nlp):
    return [doc_state(doc) for doc in nlp.pipe(ALL_TEXTS)]


def test_the_pipeline_has_every_default_component(nlp):
    assert list(DEFAULT_COMPONENTS) == [n for n in nlp.pipe_names if n != "conflict_sentences"]


def test_states_are_not_trivial(states):
    # Guards the tests below against comparing empty annotations.
    assert states[0]["export"]["counts"], "the report must yield counts"
    assert states[0]["sentences"]


def test_pipe_equals_call(nlp, states):
    assert [doc_state(nlp(text)) for text in ALL_TEXTS] == states


def test_nlp_to_disk_and_spacy_load(nlp, states, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert [doc_state(doc) for doc in loaded.pipe(ALL_TEXTS)] == states


def test_nlp_to_bytes_and_from_bytes(nlp, states):
    fresh = spacy.util.get_lang_class(nlp.lang).from_config(nlp.config)
    fresh.from_bytes(nlp.to_bytes())
    assert [doc_state(doc) for doc in fresh.pipe(ALL_TEXTS)] == states


def test_pickled_pipeline(nlp, states):
    restored = pickle.loads(pickle.dumps(nlp))
    assert [doc_state(doc) for doc in restored.pipe(ALL_TEXTS)] == states


def test_doc_to_bytes_and_from_bytes(nlp, states):
    docs = [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in nlp.pipe(ALL_TEXTS)]
    assert [doc_state(doc) for doc in docs] == states


def test_doc_to_bytes_into_a_fresh_vocab(nlp, states):
    docs = [Doc(spacy.blank("en").vocab).from_bytes(doc.to_bytes()) for doc in nlp.pipe(ALL_TEXTS)]
    assert [doc_state(doc) for doc in docs] == states


def test_docbin_with_user_data(nlp, states):
    docbin = DocBin(store_user_data=True)
    for doc in nlp.pipe(ALL_TEXTS):
        docbin.add(doc)
    restored = DocBin().from_bytes(docbin.to_bytes())
    assert [doc_state(doc) for doc in restored.get_docs(nlp.vocab)] == states


def test_pickled_docs(nlp, states):
    docs = pickle.loads(pickle.dumps(list(nlp.pipe(ALL_TEXTS))))
    assert [doc_state(doc) for doc in docs] == states


def test_doc_copy(nlp, states):
    assert [doc_state(doc.copy()) for doc in nlp.pipe(ALL_TEXTS)] == states


def test_docs_share_no_mutable_values(nlp):
    # A component that reused one list for two Docs would leak edits between them.
    first, second = nlp(TEXTS[1]), nlp(TEXTS[1])
    before = doc_state(second)
    for key in first.spans:
        for span in first.spans[key]:
            for name in extensions.SPAN_EXTENSIONS:
                value = span._.get(name)
                if isinstance(value, dict):
                    value["tampered"] = True
                elif isinstance(value, list):
                    value.append("tampered")
    for sent in sentence_spans(first):
        if isinstance(sent._.conflict_hedge_cues, list):
            sent._.conflict_hedge_cues.append("tampered")
    for name in extensions.DOC_EXTENSIONS:
        if isinstance(first._.get(name), list):
            first._.get(name).append("tampered")
    assert doc_state(second) == before


# ----------------------------------------------------------------------------- multiprocessing

_MP_SCRIPT = textwrap.dedent(
    """
    import json, multiprocessing, sys
    multiprocessing.set_start_method(sys.argv[1], force=True)
    import conflictnlp
    sys.path.insert(0, sys.argv[2])
    from test_reliability import ALL_TEXTS, doc_state

    if __name__ == "__main__":
        nlp = conflictnlp.load()
        single = [doc_state(doc) for doc in nlp.pipe(ALL_TEXTS)]
        multi = [doc_state(doc) for doc in nlp.pipe(ALL_TEXTS, n_process=2, batch_size=2)]
        print(json.dumps({"method": multiprocessing.get_start_method(), "single": single, "multi": multi}))
    """
)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_n_process_2(method, states, tmp_path):
    script = tmp_path / "mp_check.py"
    script.write_text(_MP_SCRIPT, encoding="utf8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run(
        [sys.executable, str(script), method, str(Path(__file__).parent)],
        capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["method"] == method
    assert out["multi"] == out["single"] == states


# ----------------------------------------------------------------------------- notebooks

_NOTEBOOK_SCRIPT = textwrap.dedent(
    """
    import importlib, json, sys
    import conflictnlp
    from conflictnlp import extensions, pipeline
    text = sys.argv[1]

    first = conflictnlp.load()
    before = conflictnlp.to_dict(first(text))
    # Cell re-run: reload every conflictnlp module (factories and extensions register again).
    for name in sorted(m for m in list(sys.modules) if m == "conflictnlp" or m.startswith("conflictnlp.")):
        importlib.reload(sys.modules[name])
    pipeline._import_components()
    extensions.install_extensions()
    extensions.install_extensions()
    again = importlib.import_module("conflictnlp")
    second = again.load()
    # A second pipeline with the same factories, and adding to a pipeline that has them.
    third = again.add_components(again.load())
    assert third.pipe_names == second.pipe_names, (third.pipe_names, second.pipe_names)
    results = [again.to_dict(nlp(text)) for nlp in (first, second, third)]
    assert all(r == before for r in results), "output changed after a reload"
    print(json.dumps({"ok": True, "pipes": second.pipe_names}))
    """
)


def test_reload_and_rerun_like_a_notebook(tmp_path):
    script = tmp_path / "notebook_check.py"
    script.write_text(_NOTEBOOK_SCRIPT, encoding="utf8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, str(script), REPORT], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1])["ok"] is True


def test_second_pipeline_and_repeated_add_components(nlp):
    other = conflictnlp.load()
    assert other.pipe_names == nlp.pipe_names
    assert conflictnlp.add_components(other) is other
    assert other.pipe_names == nlp.pipe_names
    extensions.install_extensions()
    assert conflictnlp.to_dict(other(REPORT)) == conflictnlp.to_dict(nlp(REPORT))


# ----------------------------------------------------------------------------- user resources

def _file_options(name: str):
    """The config keys of factory ``name`` that take a user file (default null), but ``model``
    (a trainable layer's model, null for the rules alone)."""
    from conflictnlp.pipeline import _import_components

    _import_components()  # registers the factories in a source checkout too
    meta = spacy.blank("en").get_factory_meta(name)
    return sorted(key for key, value in meta.default_config.items() if value is None and key != "model")


COMPONENTS = ["conflict_sentences"] + list(DEFAULT_COMPONENTS)
FILE_OPTIONS = [(name, key) for name in COMPONENTS for key in _file_options(name)]

BAD_FILES = [
    # (description, content, what the message must say besides the file name)
    ("invalid JSON", '# header\n\n{not json\n', ["line 3", "invalid JSON"]),
    ("not an object", "# header\n[1, 2, 3]\n", ["line 2", "expected a JSON object"]),
    ("wrong fields", '# header\n\n{"zz_not_a_field": "x"}\n', ["line 3", "field"]),
    ("python code", "# header\n__import__('os').system('touch PWNED')\n", ["line 2", "invalid JSON"]),
    ("pickle bytes", "# header\n" + pickle.dumps({"a": 1}, protocol=0).decode("latin-1") + "\n", ["line 2"]),
]


@pytest.fixture(scope="module")
def _nlp_with_file_options(nlp):
    return nlp  # makes sure every component module is imported (factories registered)


def test_every_component_with_files_is_checked(_nlp_with_file_options):
    assert ("conflict_sentences", "abbreviations") in FILE_OPTIONS
    if "conflict_counts" in DEFAULT_COMPONENTS:
        assert ("conflict_counts", "nouns") in FILE_OPTIONS


@pytest.mark.parametrize("component,option", FILE_OPTIONS, ids=[f"{c}.{o}" for c, o in FILE_OPTIONS])
@pytest.mark.parametrize("description,content,expected", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_user_file_is_named_with_line_and_field(
    _nlp_with_file_options, tmp_path, component, option, description, content, expected, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / f"bad_{option}.jsonl"
    path.write_text(content, encoding="latin-1")
    nlp = spacy.blank("en")
    with pytest.raises((ResourceError, ValueError)) as info:
        nlp.add_pipe(component, config={option: str(path)})
        nlp("Some 300 troops were killed, an official said.")  # files may be read on first use
    message = str(info.value)
    assert path.name in message, message
    for part in expected:
        assert part in message, message
    assert "Traceback" not in message and len(message) < 600
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("component,option", FILE_OPTIONS, ids=[f"{c}.{o}" for c, o in FILE_OPTIONS])
def test_missing_user_file_is_named(_nlp_with_file_options, tmp_path, component, option):
    path = tmp_path / "nowhere" / f"{option}.jsonl"
    nlp = spacy.blank("en")
    with pytest.raises((ResourceError, ValueError)) as info:
        nlp.add_pipe(component, config={option: str(path)})
        nlp("Some 300 troops were killed, an official said.")
    assert str(path) in str(info.value) or path.name in str(info.value)


def test_corrupted_saved_pipeline_names_the_file(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    resources = sorted((tmp_path / "pipeline").glob("conflict_*/**/*.jsonl"))
    if not resources:
        pytest.skip("no component saves JSONL resources yet")
    for resource in resources:
        original = resource.read_text(encoding="utf8")
        resource.write_text(original + "{broken\n", encoding="utf8")
        with pytest.raises((ResourceError, ValueError)) as info:
            loaded = spacy.load(tmp_path / "pipeline")
            loaded("Some 300 troops were killed.")
        assert resource.name in str(info.value) and "line" in str(info.value), str(info.value)
        resource.write_text(original, encoding="utf8")


FORBIDDEN = ("eval(", "exec(", "pickle.load", "yaml.load", "marshal.load", "__import__(", "import_module(")


@pytest.mark.parametrize("module", sorted(p.relative_to(SRC / "conflictnlp").as_posix() for p in (SRC / "conflictnlp").rglob("*.py")))
def test_no_module_executes_loaded_data(module):
    source = (SRC / "conflictnlp" / module).read_text(encoding="utf8")
    found = [word for word in FORBIDDEN if word in source]
    assert not found, f"{module} uses {found}: resources must be parsed as data only"


SEMANTIC_ERRORS = [
    # (component, option, a line that passes the field types but not the component's checks, message part)
    ("conflict_counts", "approximators", {"text": "about", "qualifier": "sometimes", "position": "before"}, "qualifier"),
    ("conflict_counts", "units", {"echelon": "legion", "forms": ["legion"], "low": 1, "high": 2, "estimate": 1}, "echelon"),
    ("conflict_counts", "vague", {"text": "scores", "low": 50, "high": 10, "estimate": 20}, "low <= estimate <= high"),
]


@pytest.mark.parametrize("component,option,entry,part", SEMANTIC_ERRORS, ids=[f"{c}.{o}" for c, o, _, _ in SEMANTIC_ERRORS])
def test_bad_values_in_user_files_name_file_and_line(_nlp_with_file_options, tmp_path, component, option, entry, part):
    if component not in COMPONENTS:
        pytest.skip(f"{component} is not in the default pipeline")
    path = tmp_path / f"{option}.jsonl"
    path.write_text("# header\n\n" + json.dumps(entry) + "\n", encoding="utf8")
    with pytest.raises((ResourceError, ValueError)) as info:
        spacy.blank("en").add_pipe(component, config={option: str(path)})
    message = str(info.value)
    assert f"{path}, line 3" in message and part in message, message
