"""conflictnlp.render: one displaCy span view of counts, attribution parts and hedge cues."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.views.colors import COLORS, DEFAULT_COLOR, label_color
from conflictnlp.export import to_dict
from conflictnlp.views.render import count_label, labelled_spans, parse, source_label

from docbuild import build, count_data

TEXT = "Russia reportedly has about 50,000 troops near Kursk, a US official told CNN."


def sample():
    return build(
        TEXT,
        [("about 50,000 troops", dict(value=50000, qualifier="approx", actor="Russia"))],
        [
            {
                "cue": "told", "source": "a US official", "content": "Russia reportedly has about 50,000 troops near Kursk",
                "medium": "CNN", "source_type": "official", "anonymous": True,
            }
        ],
        [("reportedly", "evidential", "unverified")],
    )


# (count fields, label)
COUNT_LABELS = [
    (dict(value=50000, qualifier="approx", actor="Russia"), "TROOPS ~50,000 · Russia"),
    (dict(value=120, kind="killed"), "KILLED 120"),
    (dict(low=5000, high=10000, qualifier="range", kind="displaced", actor="Ukraine"), "DISPLACED 5,000–10,000 · Ukraine"),
]


@pytest.mark.parametrize("fields,label", COUNT_LABELS)
def test_count_label(fields, label):
    assert count_label(count_data(**fields)) == label


# (attribution fields, label)
SOURCE_LABELS = [
    ({"source_type": "official", "anonymous": True}, "SOURCE official · anonymous"),
    ({"source_type": "media", "state_media": True}, "SOURCE media · state media"),
    ({"source_type": None}, "SOURCE unknown"),
]


@pytest.mark.parametrize("fields,label", SOURCE_LABELS)
def test_source_label(fields, label):
    assert source_label(fields) == label


# (label, colour)
LABEL_COLORS = [
    ("TROOPS ~50,000 · Russia", COLORS["TROOPS"]),
    ("KILLED 120", COLORS["KILLED"]),
    ("SOURCE official · anonymous", COLORS["SOURCE"]),
    ("HEDGE evidential", COLORS["HEDGE"]),
    ("CUE", COLORS["CUE"]),
    ("SOMETHING ELSE", DEFAULT_COLOR),
]


@pytest.mark.parametrize("label,color", LABEL_COLORS)
def test_label_color(label, color):
    assert label_color(label) == color


def test_every_part_is_drawn():
    labels = sorted(label for _, _, label in labelled_spans(to_dict(sample())))
    assert labels == sorted(
        ["TROOPS ~50,000 · Russia", "CUE", "CONTENT", "MEDIUM", "SOURCE official · anonymous", "HEDGE evidential"]
    )


def test_layers_can_be_chosen():
    export = to_dict(sample())
    assert [label for _, _, label in labelled_spans(export, ["hedging"])] == ["HEDGE evidential"]
    with pytest.raises(ValueError, match="unknown layer 'sources'"):
        conflictnlp.render(sample(), layers=["sources"], jupyter=False)


def test_doc_and_export_give_the_same_spans():
    doc = sample()
    from_doc = parse(doc)
    from_export = parse(to_dict(doc))
    assert from_doc["tokens"] == from_export["tokens"]
    assert sorted(map(str, from_doc["spans"])) == sorted(map(str, from_export["spans"]))
    tokens = from_doc["tokens"]
    count = next(s for s in from_doc["spans"] if s["label"].startswith("TROOPS"))
    assert tokens[count["start_token"]:count["end_token"]] == ["about", "50,000", "troops"]


def test_render_html_has_labels_and_colors():
    html = conflictnlp.render(sample(), jupyter=False)
    assert "TROOPS ~50,000 · Russia" in html
    assert "HEDGE evidential" in html and "SOURCE official · anonymous" in html
    assert COLORS["TROOPS"] in html and COLORS["HEDGE"] in html
    assert "<html" not in html


def test_render_page_holds_all_documents_with_titles():
    first = to_dict(sample(), {"path": "wire.txt"})
    second = to_dict(build("Kyiv said 120 soldiers were killed.", [("120 soldiers", dict(value=120, kind="killed"))]), {"path": "ministry.txt"})
    page = conflictnlp.render([first, second], page=True, jupyter=False)
    assert page.count("<figure") == 2
    assert "wire.txt" in page and "ministry.txt" in page and "<html" in page


def test_titles_and_labels_are_escaped():
    export = to_dict(build("Russia has 5 tanks.", [("5 tanks", dict(value=5, kind="equipment", actor="<b>x</b>"))]), {"path": "<script>.txt"})
    page = conflictnlp.render(export, page=True, jupyter=False)
    assert "<script>" not in page and "<b>x</b>" not in page


def test_render_rejects_other_things():
    with pytest.raises(TypeError, match="expects a spaCy Doc or an export dict"):
        conflictnlp.render(["plain text"], jupyter=False)


def test_empty_doc_renders():
    import spacy

    assert isinstance(conflictnlp.render(spacy.blank("en")(""), jupyter=False), str)


def test_every_kind_and_layer_has_a_colour():
    from conflictnlp import schema
    from conflictnlp.views.render import LAYERS

    assert {kind.upper() for kind in schema.KINDS} <= set(COLORS)
    assert LAYERS == ("counts", "attribution", "hedging")


def test_colors_entry_point_is_declared():
    tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11+")
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["entry-points"]["spacy_displacy_colors"] == {"conflictnlp": "conflictnlp.views.colors:COLORS"}


def test_public_names_are_functions():
    import conflictnlp.compare  # noqa: F401  (importing the submodule must not shadow the function)
    import conflictnlp.render  # noqa: F401

    assert callable(conflictnlp.compare) and callable(conflictnlp.render) and callable(conflictnlp.claims_frame)


def test_old_module_paths_are_the_views_modules():
    import importlib
    import subprocess
    import sys

    for name in ("compare", "render", "colors"):
        assert importlib.import_module(f"conflictnlp.{name}") is importlib.import_module(f"conflictnlp.views.{name}")
    # the entry point target, and the old path imported first, in a fresh interpreter
    code = (
        "import importlib, conflictnlp.compare, conflictnlp.render; import conflictnlp; "
        "assert callable(conflictnlp.compare) and callable(conflictnlp.render); "
        "assert importlib.import_module('conflictnlp.colors').COLORS['TROOPS']"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_extract_html_is_one_page(monkeypatch, tmp_path, capsys):
    import io

    from conflictnlp import cli

    from docbuild import stub_pipeline

    monkeypatch.setattr(cli, "load_pipeline", lambda base: stub_pipeline)
    (tmp_path / "a.txt").write_text("Russia reportedly has 50,000 troops, Officials said.", encoding="utf8")
    (tmp_path / "b.txt").write_text("Kyiv has 8,000 troops.", encoding="utf8")
    out = io.StringIO()
    code = cli.main(["extract", "--format", "html", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "b.txt")], stdout=out)
    page = out.getvalue()
    assert code == 1 and "missing.txt: no such file" in capsys.readouterr().err
    assert page.count("<html") == 1 and page.count("<figure") == 2
    assert "TROOPS 50,000 · Russia" in page and "HEDGE evidential" in page and "SOURCE official" in page
