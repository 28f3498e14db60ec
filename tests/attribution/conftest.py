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
