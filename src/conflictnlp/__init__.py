"""conflictnlp: spaCy components for the language of war reporting.

>>> import conflictnlp
>>> nlp = conflictnlp.load()
>>> doc = nlp("Russia has amassed some 50,000 troops, a US official told CNN.")
>>> conflictnlp.to_dict(doc)["counts"][0]["value"]
50000
"""

from __future__ import annotations

from . import extensions  # noqa: F401  (registers Doc/Span extensions)
from .about import __schema__, __version__
from .export import to_dict
from .longdoc import iter_long, process_long
from .pipeline import add_components, load

# Imported eagerly (they need only spaCy; pandas loads on first use) so that the
# functions, not the modules of the same name, are conflictnlp.compare / .render: the alias
# modules of the old paths load first, so a later ``import conflictnlp.compare`` finds them
# loaded and leaves the function in place.
from . import compare, render  # noqa: F401  (alias modules of conflictnlp.views.compare / .render)
from .views.compare import claims_frame, compare  # noqa: F811
from .views.render import render  # noqa: F811

__all__ = ["__version__", "__schema__", "load", "add_components", "to_dict", "compare", "claims_frame", "render", "process_long", "iter_long"]
