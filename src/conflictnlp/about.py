"""Package metadata. Imported by the entry points, so it must stay dependency-free."""

import re

__version__ = "0.1.0"
__schema__ = "conflictnlp/1"


def requirement() -> str:
    """The pip requirement a pipeline with our components needs: this version up to the next minor."""
    major, minor = (int(part) for part in __version__.split(".")[:2])
    return f"conflictnlp>={__version__},<{major}.{minor + 1}.0"


def with_requirement(requirements) -> list:
    """``requirements`` (a pipeline meta's list, or None) with conflictnlp's, unless one is there."""
    requirements = list(requirements or [])
    names = [re.split(r"[\s<>=!~\[;(]", str(r).strip(), maxsplit=1)[0].lower() for r in requirements]
    return requirements if "conflictnlp" in names else requirements + [requirement()]


def require_conflictnlp(nlp) -> None:
    """Called by every factory: a saved (and `spacy package`d) pipeline with our components lists
    conflictnlp in ``meta["requirements"]``, so installing the package installs the library."""
    nlp.meta["requirements"] = with_requirement(nlp.meta.get("requirements"))
