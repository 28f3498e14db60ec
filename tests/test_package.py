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
