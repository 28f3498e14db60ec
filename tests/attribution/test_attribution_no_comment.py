"""What was not said (annotation.md section 2, "What was not said"): a negated or declined verb of
saying with what it left open is a report whose content is that open question; without it ("declined
to comment", "did not respond to a request for comment", "has not replied to messages") there is no
report. A request, call, message or inquiry the source was sent is not what it said. One case per
line, written for these tests; each runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest

from attribution_helpers import C, assert_cue_found, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

# (text, a word of the verb that must give no report)
NO_REPORT = [
    ("The garrison did not immediately respond to a request for comment.", "respond"),
    ("A spokeswoman for the border guard did not respond to requests for comment on Friday.", "respond"),
    ("The rebel command has not responded to repeated requests for comment.", "responded"),
    ("The navy did not immediately respond to inquiries about the sinking.", "respond"),
    ("The defence ministry has not responded to emailed queries from the newspaper.", "responded"),
    ("Militia leaders did not respond to the paper's calls and messages.", "respond"),
    ("The brigade replied to none of our enquiries.", "replied"),
    ("The governor's office did not respond to several calls seeking comment.", "respond"),
    ("Colonel Adaeze Nwosu declined to comment.", "comment"),
    ("The coastguard has not commented.", "commented"),
    ("The provincial police chief could not be reached.", "reached"),
]

# What was left open is the content (the category the rule above must keep).
LEFT_OPEN = [
    C("The border guard would not say how many migrants were detained.", "say", "The border guard",
      "how many migrants were detained"),
    C("The brigade declined to say when the ferry would sail.", "declined to say", "The brigade",
      "when the ferry would sail"),
    C("The colonel responded to the charge that his men looted the depot.", "responded", "The colonel"),
    C("The envoy replied to the accusation that talks had collapsed.", "replied", "The envoy"),
]


@pytest.mark.parametrize("text,word", NO_REPORT)
def test_no_report_without_what_was_said(nlp, parsed, text, word):
    for pipe in (nlp, parsed):
        doc = pipe(text)
        assert find(doc, word) is None, doc._.conflict_attributions


@pytest.mark.parametrize("text,cue,source,content", LEFT_OPEN)
def test_what_was_left_open_is_said(nlp, parsed, text, cue, source, content):
    for pipe in (nlp, parsed):
        assert_cue_found(pipe(text), cue, source, content)
