"""Helpers shared by the CLI tests of tests/pipeline/."""

from __future__ import annotations


def pipeline_that(monkeypatch, on_text):
    """Make the CLI's pipeline call ``on_text(text)`` before each document (it may raise, to fail
    that document). The wrapper has no ``.pipe``: each document goes through ``__call__``."""
    import conflictnlp.pipeline

    real_load = conflictnlp.pipeline.load

    def load(base=None, **kwargs):
        nlp = real_load(base, **kwargs)

        class Watched:
            max_length = nlp.max_length

            def __call__(self, text):
                on_text(text)
                return nlp(text)

        return Watched()

    monkeypatch.setattr(conflictnlp.pipeline, "load", load)


def failing_load(base=None):
    """A pipeline loader for worker processes (importable there by name): the default pipeline,
    failing the documents that mention Ostrava. Each call is counted in ``LOADS`` (per process)."""
    import conflictnlp.pipeline

    LOADS.append(base)
    nlp = conflictnlp.pipeline.load(base)

    class Failing:
        max_length = nlp.max_length

        def __call__(self, text):
            if "Ostrava" in text:
                raise RuntimeError("a component failed")
            return nlp(text)

    return Failing()


def loads():
    """How many times :func:`failing_load` ran in this process."""
    return len(LOADS)


LOADS: list = []
