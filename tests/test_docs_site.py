"""The documentation site (mkdocs.yml over docs/): it lists every page, has an API page for every
public subpackage, and builds with ``mkdocs build --strict`` (every warning fails: a broken link or
anchor, a cross-reference griffe cannot resolve). The build runs where the ``docs`` extra is
installed (CI installs it) and is skipped with a message elsewhere.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "conflictnlp"
NAV_PAGE = re.compile(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$")
AUTODOC = re.compile(r"^:::\s+([\w.]+)\s*$", re.MULTILINE)


def _nav_pages() -> list:
    """The pages that mkdocs.yml's nav names, in order."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf8")
    nav = text.split("\nnav:\n", 1)[1]
    nav = re.split(r"\n(?=\S)", nav, maxsplit=1)[0]  # up to the next top-level key
    return [m.group(1) for line in nav.splitlines() if (m := NAV_PAGE.match(line))]


def _api_targets(page: Path) -> list:
    return AUTODOC.findall(page.read_text(encoding="utf8"))


def _subpackages() -> list:
    return sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def test_nav_lists_every_page_and_only_pages_that_exist():
    named = _nav_pages()
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert len(named) == len(set(named)), f"mkdocs.yml's nav names a page twice: {named}"
    assert not set(named) - pages, f"mkdocs.yml's nav names pages that do not exist: {sorted(set(named) - pages)}"
    assert not pages - set(named), f"mkdocs.yml's nav does not list {sorted(pages - set(named))}"


@pytest.mark.parametrize("name", _subpackages())
def test_every_public_subpackage_has_an_api_page(name):
    """docs/api/<name>.md documents the subpackage and, where its __init__ re-exports no
    ``__all__`` (views, corpus), each of its modules."""
    page = DOCS / "api" / f"{name}.md"
    assert page.exists(), f"no API page docs/api/{name}.md for conflictnlp.{name}"
    targets = set(_api_targets(page))
    assert f"conflictnlp.{name}" in targets, f"docs/api/{name}.md has no '::: conflictnlp.{name}'"
    if "__all__" not in (PACKAGE / name / "__init__.py").read_text(encoding="utf8"):
        modules = {f"conflictnlp.{name}.{p.stem}" for p in (PACKAGE / name).glob("*.py") if p.stem != "__init__"}
        assert not modules - targets, f"docs/api/{name}.md does not document {sorted(modules - targets)}"


@pytest.mark.parametrize("module", ["conflictnlp", "claims", "export", "runner", "schema", "extensions"])
def test_public_modules_have_an_api_page(module):
    target = "conflictnlp" if module == "conflictnlp" else f"conflictnlp.{module}"
    page = DOCS / "api" / f"{module}.md"
    assert page.exists() and target in _api_targets(page), f"docs/api/{module}.md has no '::: {target}'"


def test_api_pages_name_objects_that_exist():
    for page in sorted((DOCS / "api").glob("*.md")):
        for target in _api_targets(page):
            try:
                importlib.import_module(target)
            except ImportError:  # an object in a module: conflictnlp.schema.Qualifier
                parent, _, attribute = target.rpartition(".")
                assert hasattr(importlib.import_module(parent), attribute), f"{page.name}: '::: {target}' does not exist"


def _docstring_extension():
    pytest.importorskip("griffe", reason="the docs extra is not installed (pip install '.[docs]')")
    spec = importlib.util.spec_from_file_location("griffe_docstrings", DOCS / "griffe_docstrings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "docstring, shown",
    [
        ("See :func:`.quantity.candidates`.", "See `.quantity.candidates`."),
        ("The :class:`~conflictnlp.runner.Failure` and :mod:`.tables`", "The `conflictnlp.runner.Failure` and `.tables`"),
        ("Plain ``code`` stays.", "Plain ``code`` stays."),
        ("Text.\n\n>>> f(2)[\"value\"]\n4\n\nMore.", "Text.\n\n```pycon\n>>> f(2)[\"value\"]\n4\n```\n\nMore."),
        ("Text.\n\n    >>> g()\n    ...     1\n    1", "Text.\n\n```pycon\n    >>> g()\n    ...     1\n    1\n```"),
    ],
)
def test_docstrings_shown_as_markdown(docstring, shown):
    assert _docstring_extension().rewrite(docstring) == shown


def test_site_builds_with_warnings_as_errors(tmp_path):
    for module in ("mkdocs", "mkdocstrings", "mkdocstrings_handlers.python", "material"):
        pytest.importorskip(module, reason=f"{module} is not installed: the docs extra (pip install '.[docs]') builds the site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600,
    )
    assert result.returncode == 0, f"mkdocs build --strict fails:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    for page in ["index.html", "api/counts/index.html", "api/conflictnlp/index.html"]:
        assert (tmp_path / "site" / page).exists(), f"the site has no {page}"
    assert 'id="conflictnlp.load"' in (tmp_path / "site" / "api/conflictnlp/index.html").read_text(encoding="utf8")
