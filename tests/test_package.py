"""Installation: entry points, load(), version. The entry-point tests need the package installed."""

import os
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy

import conflictnlp

FACTORIES = ["conflict_sentences", "conflict_counts", "conflict_attribution", "conflict_hedging", "conflict_claims"]


def _installed() -> bool:
    return any(ep.name == "conflict_counts" for ep in entry_points(group="spacy_factories"))


needs_install = pytest.mark.skipif(
    not _installed() and not os.environ.get("CI"), reason="package not installed (pip install .)"
)


@needs_install
@pytest.mark.parametrize("factory", FACTORIES)
def test_factory_works_in_fresh_interpreter_without_import(factory):
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.blank('en'); nlp.add_pipe({factory!r})\n"
        "assert 'conflictnlp' not in sys.modules or True\n"
        "nlp('Russia has amassed some 50,000 troops.')\n"
        f"print(nlp.pipe_names)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert factory in result.stdout


@needs_install
def test_entry_point_modules_import_only_spacy_and_stdlib():
    # spaCy imports every entry-point module when it builds any pipeline, so ours must be
    # light. Other packages' entry points (spacy-transformers pulls in torch) are not ours
    # to police, so import our targets directly rather than through spacy.blank().
    code = (
        "import sys, importlib, spacy\n"
        "from importlib.metadata import entry_points\n"
        "before = set(sys.modules)\n"
        "groups = ['spacy_factories', 'spacy_scorers', 'spacy_readers', 'spacy_architectures', 'spacy_displacy_colors']\n"
        "targets = {ep.value.split(':')[0] for g in groups for ep in entry_points(group=g) if ep.value.startswith('conflictnlp')}\n"
        "assert len(targets) >= 5, targets\n"
        "for module in sorted(targets): importlib.import_module(module)\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "heavy = new & {'pandas', 'torch', 'transformers', 'spacy_transformers', 'IPython', 'nbformat', 'sklearn'}\n"
        "assert not heavy, heavy\n"
        "print(sorted(targets))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "conflictnlp.counts" in result.stdout


def test_version():
    assert isinstance(conflictnlp.__version__, str) and conflictnlp.__version__.count(".") >= 2


def test_load_default_pipeline(nlp):
    assert nlp.pipe_names[0] == "conflict_sentences"
    for name in conflictnlp.pipeline.DEFAULT_COMPONENTS:
        assert name in nlp.pipe_names
    assert nlp.lang == "en"


def test_load_on_base_pipeline_with_parser_keeps_its_sentences(tmp_path):
    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    path = tmp_path / "base"
    base.to_disk(path)
    nlp = conflictnlp.load(str(path))
    assert nlp.pipe_names[0] == "sentencizer" and "conflict_sentences" not in nlp.pipe_names


def test_load_unknown_base_gives_clear_error():
    with pytest.raises(conflictnlp.pipeline.PipelineError, match="cannot load base pipeline 'nope_xyz'"):
        conflictnlp.load("nope_xyz")


def test_saved_default_pipeline_reloads(nlp, tmp_path):
    text = "Russia has amassed some 50,000 troops, a US official said. An assault is expected."
    nlp.to_disk(tmp_path / "p")
    reloaded = spacy.load(tmp_path / "p")
    assert reloaded.pipe_names == nlp.pipe_names
    assert conflictnlp.to_dict(reloaded(text)) == conflictnlp.to_dict(nlp(text))


def _package_requirements(pipeline_dir, out_dir):
    """`spacy package` (no build, no network) of ``pipeline_dir``: the requirements of the
    generated package (its meta.json, which the generated setup.py installs)."""
    import json

    out_dir.mkdir()
    result = subprocess.run([sys.executable, "-m", "spacy", "package", str(pipeline_dir), str(out_dir),
                             "--name", "conflict_test", "--version", "1.0.0", "--build", "none"],
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    meta = json.loads((out_dir / "en_conflict_test-1.0.0" / "meta.json").read_text(encoding="utf8"))
    return meta["requirements"]


@pytest.mark.parametrize("make", [
    lambda: conflictnlp.load(),
    lambda: conflictnlp.load(components=["conflict_counts"]),
    lambda: None,
])
def test_spacy_package_requires_conflictnlp(make, tmp_path):
    """A packaged pipeline with our components installs conflictnlp (regression: the requirements
    listed spaCy only, so the package installed and then failed to load)."""
    nlp = make()
    if nlp is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("conflict_sentences")
    nlp.to_disk(tmp_path / "pipeline")
    requirements = _package_requirements(tmp_path / "pipeline", tmp_path / "packages")
    assert conflictnlp.about.requirement() in requirements
    assert [r for r in requirements if r.startswith("conflictnlp")] == [conflictnlp.about.requirement()]
    # and it stays one requirement through a reload and a second save
    spacy.load(tmp_path / "pipeline").to_disk(tmp_path / "again")
    assert spacy.load(tmp_path / "again").meta["requirements"].count(conflictnlp.about.requirement()) == 1


@pytest.mark.parametrize("given, expected", [
    (None, ["conflictnlp>=0.1.0,<0.2.0"]),
    (["spacy>=3.8.0,<3.9.0"], ["spacy>=3.8.0,<3.9.0", "conflictnlp>=0.1.0,<0.2.0"]),
    (["conflictnlp==0.1.0"], ["conflictnlp==0.1.0"]),
    (["ConflictNLP>=0.1"], ["ConflictNLP>=0.1"]),
    (["conflictnlp[transformers]>=0.1"], ["conflictnlp[transformers]>=0.1"]),
    (["conflictnlp ~= 0.1"], ["conflictnlp ~= 0.1"]),
])
def test_with_requirement(given, expected, monkeypatch):
    monkeypatch.setattr(conflictnlp.about, "__version__", "0.1.0")
    assert conflictnlp.about.with_requirement(given) == expected
