"""conflict_attribution, shapes of wire and broadcast copy the corpus showed the rules missing
(issue 17, session 9): a source whose head looks like a verb form ("the military's media wing said",
"a Washington think tank", "a state body"), "here" between a source and its verb, a reported clause
that opens with a time ("said that on Monday, ..."), "There are reports that ...", and a
noun-or-verb form after a subject of two words on the blank pipeline ("The Mozambican army claims
its forces ..."), a live-blog time and dash before the source, "ambassador to the UN", "the UN
peacekeeping chief", "the head of state", a subject with a relative clause ("An army officer who
asked not to be named said"), and "went on all night" (before, read as a time of the saying and cut
from the content). Our own sentences; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("Three soldiers were killed near the dam, the army's media wing said.", "said", "the army's media wing",
      "Three soldiers were killed near the dam"),
    C("The Oskel Institute, a Washington think tank, said that the front had barely moved.", "said",
      "The Oskel Institute, a Washington think tank", "the front had barely moved"),
    C("The commission, a state body, said it had begun a survey of damaged homes.", "said", "The commission, a state body",
      "it had begun a survey of damaged homes"),
    C("Villagers here say the shelling comes every night.", "say", "Villagers", "the shelling comes every night"),
    C("There are reports that two officers were killed near Kidal.", "reports", None, "two officers were killed near Kidal"),
    C("There have been unconfirmed reports that the depot was hit.", "reports", None, "the depot was hit"),
    C("The ministry said that on Monday, two convoys were attacked.", "said", "The ministry",
      "on Monday, two convoys were attacked"),
    C("The Mozambican army claims its forces have retaken the port.", "claims", "The Mozambican army",
      "its forces have retaken the port"),
    C("The defence ministry claims 40,000 personnel in the east.", "claims", "The defence ministry",
      "40,000 personnel in the east"),
    # a live-blog time and dash before the source; "to" after a title; -ing words of a body; "head of state"
    C("08:20 — Oskel's ambassador to the UN, Lena Marr, told the Security Council that Oskel would not attack.", "told",
      "Oskel's ambassador to the UN, Lena Marr", "Oskel would not attack"),
    C("09:40 - The army said that its drones had hit a fuel depot.", "said", "The army", "its drones had hit a fuel depot"),
    C("The UN peacekeeping chief, Jean Dupuis, said that the mission would stay.", "said",
      "The UN peacekeeping chief, Jean Dupuis", "the mission would stay"),
    C("\u201cWe must hold the line,\u201d the head of state said.", "said", "the head of state", "We must hold the line"),
    # a subject with a relative clause; an inverted source with one (the name, as the parser path gives it)
    C("An army officer who asked not to be named said two posts had fallen.", "said", "An army officer",
      "two posts had fallen"),
    C("The families who came to the clinic said the strike hit their tents.", "said", "The families who came to the clinic",
      "the strike hit their tents"),
    C("\u201cWe buried eight,\u201d said a farmer who lost two sons in the raid.", "said", "a farmer", "We buried eight"),
    # after a quotation, "told" has its source before it and its addressee after it
    C("\u201cThe camps are full,\u201d the agency's spokesperson, Lena Ortiz, told a news conference in Geneva.", "told",
      "the agency's spokesperson, Lena Ortiz", "The camps are full"),
    C("\u201cThe camps are full,\u201d Lena Ortiz, the agency spokesperson, told reporters.", "told",
      "Lena Ortiz, the agency spokesperson", "The camps are full"),
    # a verb of dismissal reports its object when "as" and a judgement follow it
    C("Oskel dismissed the claim as \u201cpure fiction\u201d on Monday.", "dismissed", "Oskel", "the claim"),
    C("The ministry dismissed reports by foreign media of strikes on markets as fabrications.", "dismissed",
      "The ministry", "reports by foreign media of strikes on markets"),
    C("The army rejected the figures as exaggerated.", "rejected", "The army", "the figures"),
    # "did not give a figure, but said": the subject of the first verb speaks
    C("The commander did not give a figure, but said dozens of militants had been killed.", "said", "The commander",
      "dozens of militants had been killed"),
    # the addressee after "to": before "that", or closing the object with an outlet or the press
    C("The ministry confirmed to AFP that three soldiers died.", "confirmed", "The ministry", "three soldiers died"),
    C("The army confirmed the deaths to AFP on Monday.", "confirmed", "The army", "the deaths"),
    C("The army confirmed the transfer of prisoners to the Red Cross.", "confirmed", "The army",
      "the transfer of prisoners to the Red Cross"),
    # "went on all night" is no time of the saying
    C("Residents said the shelling went on all night.", "said", "Residents", "the shelling went on all night"),
]
NOT_CUES = [
    ("The east wing of the hospital was hit twice.", "wing"),
    ("Analysts at the think tank wrote a long report.", "think"),
    ("The claims commission in Oskel met on Monday.", "claims"),
    ("The president dismissed the commander as the offensive stalled.", "dismissed"),
    ("The president dismissed the commander on Friday.", "dismissed"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_addressee_after_to_is_the_medium(nlp, parsed):
    """ "confirmed to AFP that ...", "confirmed the deaths to AFP": AFP is the medium, not content."""
    for pipe in (nlp, parsed):
        for text in ("The ministry confirmed to AFP that three soldiers died.", "The army confirmed the deaths to AFP on Monday."):
            (a,) = [r for r in pipe(text)._.conflict_attributions if r["cue"]["text"] == "confirmed"]
            assert a["medium"] is not None and a["medium"]["text"] == "AFP", (text, a["medium"])

