"""Shared fixtures. Tests run against the installed package (CI) or src/ on PYTHONPATH."""

import pytest
import spacy


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def nlp():
    import conflictnlp

    return conflictnlp.load()
