"""conflict_attribution recall on real reporting, sixth pass (issue 14), helper d: verbs of saying
whose content is a noun phrase, a wh-clause or an infinitive. One case per line, written for these
tests: the text, the cue (its first occurrence), the expected source and content (``None`` means
null). ``NOT_CUES`` stay no cue. Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    # A plain object is what was said: a complaint, a protest, a repost, a proclamation, a disclosure.
    C("The bishop bemoaned the violence in the northern provinces.", "bemoaned", "The bishop",
      "the violence in the northern provinces"),
    C("Bemoaning the lack of shells, the colonel said the line would break.", "said", "the colonel",
      "the line would break"),
    C("Veterans protested the pension cuts on Monday.", "protested", "Veterans", "the pension cuts"),
    C("Lind proclaimed a goal of ending the war by spring.", "proclaimed", "Lind", "a goal of ending the war by spring"),
    C("The ministry disclosed the casualty figures on Tuesday.", "disclosed", "The ministry", "the casualty figures"),
    C("The general also retweeted a photo of the burned convoy.", "also retweeted", "The general",
      "a photo of the burned convoy"),
    C("The prisoner's mother pleads for his release in the video.", "pleads for", "The prisoner's mother",
      "his release"),
    C("The rebels declared war on the government in Harar.", "declared", "The rebels", "war on the government in Harar"),
    C("The colonel exhorted his men to hold the line.", "exhorted", "The colonel", "his men to hold the line"),
    C("Two aides implored the minister to resign.", "implored", "Two aides", "the minister to resign"),
    C("The ministry has steadfastly refused to disclose the number of dead.", "has steadfastly refused to disclose",
      "The ministry", "the number of dead"),
    C("The governor would not reveal the location of the prisoners.", "would not reveal", "The governor",
      "the location of the prisoners"),
    # A noun-or-verb form reads as a verb after a modal or a pronoun, or before its object's determiner.
    C("The governor will demand more details from the army.", "will demand", "The governor",
      "more details from the army"),
    C("Kovac demands the release of the 40 hostages.", "demands", "Kovac", "the release of the 40 hostages"),
    C("The envoy disputes the figures from the eastern front.", "disputes", "The envoy",
      "the figures from the eastern front"),
    C("They vow their revenge on the militia.", "vow", "They", "their revenge on the militia"),
    C("It also mentions policies that the army opposed.", "also mentions", "It", "policies that the army opposed"),
    C("The rebels also vow revenge for the raid.", "also vow", "The rebels", "revenge for the raid"),
    # A title-case headline: a noun tag on a commissive before its "To" is the tagger's slip.
    C("Kovac Vows To Retake Kherson By Spring", "Vows", "Kovac", "To Retake Kherson By Spring"),
    # A wh-clause after a verb of saying, also after "has yet to" (a catenative, in the verb group).
    C("The governor has yet to explain why the convoy was hit.", "has yet to explain", "The governor",
      "why the convoy was hit"),
    C("The rebels have yet to reveal their demands.", "have yet to reveal", "The rebels", "their demands"),
    C("The minister would not explain why the trucks were delayed.", "would not explain", "The minister",
      "why the trucks were delayed"),
    C("The colonel did not reveal where the hostages were held.", "did not reveal", "The colonel",
      "where the hostages were held"),
    C("The commander explained why the brigade withdrew from Tokmak.", "explained", "The commander",
      "why the brigade withdrew from Tokmak"),
    # A gerund of such a verb opening the sentence: the subject after its comma says what it governs.
    C("Bemoaning the unrest in the north, the bishop called for calm.", "Bemoaning", "the bishop",
      "the unrest in the north"),
    C("Lamenting the losses, the farmers left the valley.", "Lamenting", "the farmers", "the losses"),
    C("Protesting the cuts, veterans blocked the road to the base.", "Protesting", "veterans", "the cuts"),
    C("Vowing to fight on, Kovac left the talks.", "Vowing", "Kovac", "to fight on"),
    C("Complaining about the food, the prisoners refused to eat.", "Complaining about", "the prisoners", "the food"),
    C("Bemoaning the \u201crigged count,\u201d the colonel left the talks.", "Bemoaning", "the colonel",
      "the \u201crigged count,\u201d"),
    # A noun-phrase object ends before what the writer adds: a time, "while ...", an addressee, a
    # second verb after "and", ", but ..."; a possessive opens the object, not an addressee.
    C("The ministry has promised a new convoy and tried to reassure the families.", "has promised", "The ministry",
      "a new convoy"),
    C("The colonel mentioned the mines to me while driving to the front.", "mentioned", "The colonel", "the mines"),
    C("The envoy has not mentioned the blockade since the summit in Doha.", "has not mentioned", "The envoy",
      "the blockade"),
    C("The general criticized the truce as a trap during a visit to the front.", "criticized", "The general",
      "the truce as a trap"),
    C("The governor is promising food and \u201cshelter, water, medicine,\u201d but the camps are still empty.",
      "is promising", "The governor", "food and \u201cshelter, water, medicine,\u201d"),
    C("The minister stressed her support for the brigade that held the bridge.", "stressed", "The minister",
      "her support for the brigade that held the bridge"),
    C("The spokesman noted the army had retreated when the shelling began.", "noted", "The spokesman",
      "the army had retreated when the shelling began"),
]

NOT_CUES = [
    # a place after the verb is no object; a plea in court; a noun form
    ("Students protested outside the embassy.", "protested"),
    ("Thousands protested in the capital on Sunday.", "protested"),
    ("The protests spread to the port.", "protests"),
    ("The soldier pleaded guilty to desertion.", "pleaded"),
    ("The demands of the front exhausted the brigade.", "demands"),
    ("Demand for fuel has soared since the siege began.", "Demand"),
    ("The vows of the monks were broken.", "vows"),
    ("There were also mentions of the war in the report.", "mentions"),
    ("His vows to the widows were broken.", "vows"),
    ("The Vows To The Fallen Were Read Aloud", "Vows"),
    # a declaration of a status in the passive reports nothing of its subject
    ("The area was declared a closed military zone.", "declared"),
    # a thing as the subject of a verb of showing is a cause
    ("The receding flood revealed the wreckage of the convoy.", "revealed"),
    ("Heavy rain explains the delay of the convoy.", "explains"),
    ("The shelling revealed how weak the walls were.", "revealed"),
    # "has yet to" before a verb that does not report
    ("The new recruit has yet to report for duty.", "report"),
    # an opening gerund of a verb that reports nothing, or with nothing after its comma but a verb
    ("Walking to the front, the soldiers sang.", "Walking"),
    ("Promising as the talks were, the truce collapsed.", "Promising"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


# A verb of showing: a document as its source makes the cue evidence, a person keeps it speech.
CUE_TYPES = [
    ("The audit revealed a gap between the army's claims and its losses.", "revealed", "evidence"),
    ("A new UN analysis reveals just how fast the famine is spreading.", "reveals", "evidence"),
    ("The documentary explains the army's treatment of the prisoners.", "explains", "evidence"),
    ("The colonel revealed the plan to his officers.", "revealed", "speech"),
    ("The minister explained how the shells reached the camp.", "explained", "speech"),
]


@pytest.mark.parametrize("text,cue,cue_type", CUE_TYPES)
def test_cue_type_of_showing(nlp, parsed, text, cue, cue_type):
    for pipe in (nlp, parsed):
        found = find(pipe(text), cue)
        assert found is not None and found["cue_type"] == cue_type
