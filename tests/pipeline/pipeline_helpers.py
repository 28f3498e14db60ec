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
