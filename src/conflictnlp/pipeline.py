"""``conflictnlp.load()``: the default pipeline, or ours on top of an installed one."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

import spacy
from spacy.language import Language

# Our components, in the order they run. Each reads what the earlier ones wrote.
DEFAULT_COMPONENTS: Sequence[str] = (
    "conflict_counts",
    "conflict_attribution",
    "conflict_hedging",
    "conflict_claims",
)

# Pipes of a base pipeline that already give sentence boundaries.
_SENTENCE_PIPES = {"parser", "senter", "sentencizer", "conflict_sentences"}


class PipelineError(RuntimeError):
    """A base pipeline could not be loaded or extended."""


def _import_components() -> None:
    # Registers the factories even in an interpreter where the entry points are not
    # installed (e.g. running from a source checkout with PYTHONPATH=src).
    from . import attribution, claims, counts, hedging, sentences  # noqa: F401


def add_components(nlp: Language, components: Optional[Iterable[str]] = None) -> Language:
    """Add conflictnlp's components to ``nlp`` (skipping those already there).

    Adds ``conflict_sentences`` first when ``nlp`` has nothing that sets sentence
    boundaries, and before the parser of a base pipeline (same boundaries as the blank
    default). Returns ``nlp``.
    """
    _import_components()
    if not _SENTENCE_PIPES.intersection(nlp.pipe_names):
        nlp.add_pipe("conflict_sentences")
    elif "parser" in nlp.pipe_names and "conflict_sentences" not in nlp.pipe_names:
        # The parser keeps preset sentence starts: news boundaries (line breaks after
        # headlines and datelines) bind it, so a headline never glues onto the first paragraph.
        nlp.add_pipe("conflict_sentences", before="parser")
    for name in components if components is not None else DEFAULT_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load(base: Optional[str] = None, *, components: Optional[Iterable[str]] = None) -> Language:
    """The ready conflictnlp pipeline.

    ``base=None`` gives the embedded default: blank English with news sentence
    boundaries and every conflictnlp component; no network, no download. ``base``
    may name (or be the path of) any installed spaCy pipeline, e.g.
    ``"en_core_web_sm"``: its components run first, ours after, and ours use its
    parser and NER.
    """
    if base is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(base)
        except OSError as err:
            raise PipelineError(
                f"cannot load base pipeline {base!r}: it is not an installed spaCy pipeline "
                f"or a pipeline directory ({str(err).splitlines()[0][:200]})"
            ) from None
    return add_components(nlp, components)
