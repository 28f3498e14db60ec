"""conflict_attribution recall on real reporting, third pass (issue 14): categories of reports
the blank default missed entirely, and a duplicate the parsed path made. One case per line,
written for these tests: the text, the cue (its first occurrence), and the expected source and
content (``None`` means null; a missing value is not checked). ``NOT_CUES`` must stay no cue.
"""

from __future__ import annotations

import pytest

from attribution_helpers import C, assert_cue_found, find, text_of
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)


CUES = [
    # A short name opening a headline or paragraph before a colon, who speaks elsewhere in the text.
    C("Halvorsen: Blockade Will Last a Week\n\nThe admiral spoke in Bergen. Halvorsen said the ships would stay.",
      ":", "Halvorsen", "Blockade Will Last a Week"),
    C("Amara Diallo: Talks With Rebels Have Stalled\n\nThe talks in Bamako broke up, said Diallo.",
      ":", "Amara Diallo", "Talks With Rebels Have Stalled"),
    # A source with two descriptions joined by "and a/the".
    C("Idris Bello, director of the Sahel Security Monitor and a former army officer, said the raid had failed.",
      "said", "Idris Bello, director of the Sahel Security Monitor and a former army officer", "the raid had failed"),
    C("Nadia Karim, head of the Red Crescent office and the last aid worker in town, said food had run out.",
      "said", "Nadia Karim, head of the Red Crescent office and the last aid worker in town", "food had run out"),
    # A source with its home town (and region) between commas.
    C("Ana Pires, of Mariupol, Ukraine, said the shelling lasted all night.", "said",
      "Ana Pires, of Mariupol, Ukraine", "the shelling lasted all night"),
    C("Tomas Reyes, of Bakhmut, said the last bridge was down.", "said", "Tomas Reyes, of Bakhmut",
      "the last bridge was down"),
    C("The market was hit twice, said Leila Haddad, of Aleppo.", "said", "Leila Haddad, of Aleppo",
      "The market was hit twice"),
    # A one-letter party tag; "those close to X", "fighters loyal to X".
    C('Gov. Ana Ruiz (R) said it would be "improper" to release the footage.', "said", "Gov. Ana Ruiz (R)",
      'it would be "improper" to release the footage'),
    C("Those close to the general say that he will resign.", "say", "Those close to the general", "he will resign"),
    C("Fighters loyal to the warlord said the airport had fallen.", "said", "Fighters loyal to the warlord",
      "the airport had fallen"),
    # A source with a relative clause without "who" of the reporter's contact.
    C("All the officers I interviewed said the bridge had been mined.", "said", "All the officers I interviewed",
      "the bridge had been mined"),
    C("Residents we spoke to said the water had run out.", "said", "Residents we spoke to", "the water had run out"),
    # A governed particle after an -ly adverb; "spoken about", "commented on".
    C("The president spoke emotionally of his visits to the front.", "spoke", "The president",
      "his visits to the front"),
    C("The minister has spoken about the need for more air defence.", "spoken", "The minister",
      "the need for more air defence"),
    C("The envoy has also commented on the death of the journalist.", "commented", "The envoy",
      "the death of the journalist"),
    # "issued a statement <time> saying": the issuer speaks past the time phrase.
    C("The army issued a statement on Monday saying that civilians must leave.", "saying", "The army",
      "civilians must leave"),
    C("The militia released a video Friday saying the hostages were alive.", "saying", "The militia",
      "the hostages were alive"),
]

NOT_CUES = [
    # a place or a topic before a headline colon is no speaker
    ("Kherson: Russian Forces Pull Back\n\nThe town was quiet. Officials said troops had left.", ":"),
    ("Analysis: Why the Offensive Stalled\n\nThe general said the rains came early.", ":"),
    # a clause without "who" that is no contact: no source
    ("The day we arrived said a lot about the siege.", "said"),
    # an adverb before a word that is no governed particle
    ("The colonel spoke briefly to reporters at the gate.", "spoke"),
]


@pytest.mark.parametrize("text,cue,source,content", CUES)
def test_cue_found(nlp, text, cue, source, content):
    assert_cue_found(nlp(text), cue, source, content)


@pytest.mark.parametrize("text,word", NOT_CUES)
def test_not_a_cue(nlp, text, word):
    assert find(nlp(text), word) is None


# With a trained parser, a one-word verb inside a longer cue is the same report, not a second one.
ONE_REPORT = [
    ("The governor called on the rebels to lay down their arms.", "called on"),
    ("The envoy called for the corridor to reopen at once.", "called for"),
]


@pytest.mark.parametrize("text,cue", ONE_REPORT)
def test_one_report_per_cue_with_parser(parsed, text, cue):
    doc = parsed(text)
    at = text.index(cue)
    hits = [a for a in doc._.conflict_attributions if a["cue"]["start"] <= at < a["cue"]["end"]]
    assert [a["cue"]["text"] for a in hits] == [cue]


# With a trained parser, a subject alone is no report where the rules find none: what was said
# must be there too.
NO_REPORT_WITH_PARSER = [
    ("The spokesman wouldn't say.", "say"),
    ("The commander blamed him.", "blamed"),
    ("The agency reports:", "reports"),
    # a request is no report: "asked to see" (an infinitive) with a verb of asking
    ("The relatives, who asked to see the footage, watched it twice.", "asked"),
]


@pytest.mark.parametrize("text,cue", NO_REPORT_WITH_PARSER)
def test_no_report_without_content_with_parser(parsed, text, cue):
    assert find(parsed(text), cue) is None


# A report that opens another's content and runs on in it stays inside what is said.
NESTED = [
    ("The envoy said that the militia “deliberately and openly” suggests that the town is theirs.", "said",
     "the militia “deliberately and openly” suggests that the town is theirs"),
]


@pytest.mark.parametrize("text,cue,content", NESTED)
def test_nested_report_stays_in_content(nlp, parsed, text, cue, content):
    for pipe in (nlp, parsed):
        assert text_of(find(pipe(text), cue)["content"]) == content
