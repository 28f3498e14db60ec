"""A griffe extension for the API reference (mkdocs.yml loads it; not part of the package).

The package's docstrings are plain prose in reStructuredText habits; mkdocstrings renders them as
Markdown. Two habits would come out wrong, so they are rewritten for the site only:

- Sphinx roles (``:func:`.quantity.candidates```) become code spans (`` `.quantity.candidates` ``);
- doctest examples (``>>>`` lines and their output, up to a blank line) become ``pycon`` code
  blocks, rather than block quotes whose ``["key"]`` subscripts read as reference links.
"""

from __future__ import annotations

import re
from typing import Any, List

import griffe

ROLE = re.compile(r":(?:mod|func|class|meth|data|attr|exc|obj|const):`~?([^`]+)`")


def _fence_doctests(text: str) -> str:
    lines: List[str] = []
    in_example = False
    for line in text.splitlines():
        stripped = line.strip()
        if not in_example and stripped.startswith(">>>"):
            lines.append("```pycon")
            in_example = True
        elif in_example and not stripped:
            lines.append("```")
            in_example = False
        lines.append(line)
    if in_example:
        lines.append("```")
    return "\n".join(lines)


def rewrite(text: str) -> str:
    """The docstring as the site shows it: roles as code spans, doctests as code blocks."""
    return _fence_doctests(ROLE.sub(r"`\1`", text))


class ConflictnlpDocstrings(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rewrite(obj.docstring.value)
