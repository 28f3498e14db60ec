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
    boundaries, and before a parser (which keeps the boundaries set before it: headlines, datelines
    and news sentences stay as on the blank pipeline). Returns ``nlp``.
    """
    _import_components()
    if "parser" in nlp.pipe_names and "conflict_sentences" not in nlp.pipe_names:
        # A trained parser runs headlines into the first paragraph and splits news sentences at
        # "13th" or a title-case name; it respects boundaries set before it, so ours are its sentences.
        nlp.add_pipe("conflict_sentences", before="parser")
    elif not _SENTENCE_PIPES.intersection(nlp.pipe_names):
        nlp.add_pipe("conflict_sentences")
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


def use_trained(nlp: Language, trained, components: Optional[Iterable[str]] = None) -> Language:
    """Swap components of ``nlp`` for the ones trained in ``trained`` (a pipeline directory, e.g.
    ``spacy train``'s ``model-last``, or a loaded pipeline), each at the place of the one it replaces.

    ``components`` names them; by default every trainable component of ``trained`` that ``nlp`` has
    (``conflict_hedging`` after training ``training/hedging.cfg``). Returns ``nlp``::

        nlp = conflictnlp.load("en_core_web_sm")
        use_trained(nlp, "training/output/mine/model-calibrated")
    """
    from spacy.pipeline import TrainablePipe

    source = trained if isinstance(trained, Language) else spacy.load(trained)
    if components is None:
        components = [n for n, pipe in source.pipeline if isinstance(pipe, TrainablePipe) and n in nlp.pipe_names]
    for name in components:
        if name not in nlp.pipe_names or name not in source.pipe_names:
            raise PipelineError(f"use_trained: {name!r} must be in both pipelines (nlp has {nlp.pipe_names}, "
                                f"the trained one {source.pipe_names})")
        nlp.add_pipe(name, name=f"{name}.trained", source=source, before=name)
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}.trained", name)
    return nlp
