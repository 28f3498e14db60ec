"""conflict_attribution, headline lists and transcripts as they are laid out, one headline or turn a
line (issue 17, categories our corpus showed the rules missing): a headline's speaker, "on" and a
topic in lowercase before a quotation ("Netanyahu on truce talks: 'We will ...'"); a speaker label of
several words in capitals in a transcript ("LENA VOSS: ..."), over its paragraphs as a one-word label's;
a role of the programme ("NEWSREADER:", "CHAIRMAN:") and "State media:" name no cue of their own.
Our own texts; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests, find, text_of
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("Korvan on the border talks: 'We will not give up a metre'", ":", "Korvan", "We will not give up a metre"),
    C("Tarvik mayor on power cuts: \"The city has two days of fuel left\"", ":", "Tarvik mayor",
      "The city has two days of fuel left"),
    C("UN envoy on drone strikes: 'Civilians are paying the price'", ":", "UN envoy", "Civilians are paying the price"),
    C("State media: 12 rebels killed near Oskel", ":", "State media", "12 rebels killed near Oskel"),
]
NOT_CUES = [
    ("State media: 12 rebels killed near Oskel", "State"),
    ("NEWSREADER: Good evening.\nLENA VOSS: The convoy turned back at the river.", "NEWSREADER"),
    ("Oskel on the brink as fighting nears the city", "on"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)

INTERVIEW = (
    "MARA ELLIS: Welcome back. My guest is Dr. Tomas Varga, who has studied the Oskel militias.\n\n"
    "MARA ELLIS: How many fighters do they have?\n\n"
    "TOMAS VARGA: On paper, about 9,000. My own estimate is closer to 4,000.\n\n"
    "Some of them have gone home for the harvest, and commanders told me that pay is late.\n\n"
    "MARA ELLIS: Thank you.\n"
)


def test_multi_word_labels_are_turns_over_their_paragraphs(nlp, parsed):
    for pipe in (nlp, parsed):
        doc = pipe(INTERVIEW)
        turn = find(doc, ": On paper")
        assert turn is not None and text_of(turn["source"]) == "TOMAS VARGA"
        assert text_of(turn["content"]) == (
            "On paper, about 9,000. My own estimate is closer to 4,000.\n\n"
            "Some of them have gone home for the harvest, and commanders told me that pay is late")
        told = find(doc, "told me")
        assert told is not None and text_of(told["source"]) == "commanders"  # a report inside the turn keeps its record
        assert text_of(find(doc, ": How many")["source"]) == "MARA ELLIS"


def test_labels_in_one_document_without_another_label_stay_headlines(nlp):
    doc = nlp("BREAKING NEWS: 12 rebels killed near Oskel, the army says.")
    assert find(doc, ":") is None


HEADLINES = (
    "Health ministry: 9 killed in strikes on the southern valley\n"
    "IDF: militia has lost around 1,200 fighters since May\n"
    "Oskel dismisses casualty claims as 'fantasy'\n"
    "Border army to send 800 more troops north, officials say\n"
    "UNHCR: nearly 90,000 have crossed into Marnia since June\n"
    "Up to 30 farm workers missing after strike on the plain, mayor says\n"
)


def test_capital_labels_in_a_headline_list_are_no_transcript(nlp, parsed):
    """ "IDF: ..." and "UNHCR: ..." open headlines: each headline keeps its own record (before, the list
    was read as a transcript and the "IDF" turn swallowed the headlines down to "UNHCR")."""
    for pipe in (nlp, parsed):
        doc = pipe(HEADLINES)
        idf = find(doc, ": militia")
        assert idf is not None and text_of(idf["content"]) == "militia has lost around 1,200 fighters since May"
        officials = find(doc, "say")
        assert officials is not None and text_of(officials["source"]) == "officials"
        assert text_of(find(doc, "dismisses")["source"]) == "Oskel"
        mayor = find(doc, "says")
        assert mayor is not None and text_of(mayor["source"]) == "mayor"
