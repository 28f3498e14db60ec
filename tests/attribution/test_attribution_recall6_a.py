"""conflict_attribution recall on real reporting, sixth pass (issue 14), helper a: the "call"
family and the verbs of naming. One case per line, written for these tests: the text, the cue
(its first occurrence), the expected source and content (``None`` means null). ``NOT_CUES`` stay
no cue. Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    # Naming with a bare predicate: no "a/an", no double quotation mark; after a modal, "can",
    # and "stopped short of"; a name in single quotation marks.
    C("The defence ministry called the charges baseless.", "called", "The defence ministry", "the charges baseless"),
    C("Kyiv has called the strikes war crimes.", "has called", "Kyiv", "the strikes war crimes"),
    C("The president called the accusations unfounded and politically motivated.", "called", "The president",
      "the accusations unfounded and politically motivated"),
    C("Several NGOs have called the blockade illegal under international law.", "have called", "Several NGOs",
      "the blockade illegal under international law"),
    C("Moscow calls the sanctions outrageous.", "calls", "Moscow", "the sanctions outrageous"),
    C("Critics would call them reckless gambles.", "would call", "Critics", "them reckless gambles"),
    C("Some analysts would call the offensive a failure.", "would call", "Some analysts", "the offensive a failure"),
    C("Officers can call it whatever they like.", "can call", "Officers", "it whatever they like"),
    C("The envoy stopped short of calling the shelling a massacre.", "stopped short of calling", "The envoy",
      "the shelling a massacre"),
    C("The general stopped short of calling the raids deliberate.", "stopped short of calling", "The general",
      "the raids deliberate"),
    C("The colonel calls deserters 'cowards' in every speech.", "calls", "The colonel", "deserters 'cowards'"),
    C("The envoy further described the raid as a \"grave mistake,\" but stopped short of calling the army's "
      "actions deliberate.", "stopped short of calling", "The envoy", "the army's actions deliberate"),
    # Requests: what is called for is the content; a time between "called" and "for" stays the
    # time ("called Friday for", "called on Tuesday for": the cue is "called"); a call as a noun
    # phrase after sounded/issued/renewed/repeated; "who’s called for" ("'s" is "has"); a second
    # verb after "and" in a sentence opened by a subordinator.
    C("The governor called Friday for releasing the drone footage.", "called", "The governor",
      "releasing the drone footage"),
    C("The foreign minister called on Tuesday for an independent inquiry.", "called", "The foreign minister",
      "an independent inquiry"),
    C("The mayor called on Friday for calm, saying the looting must stop.", "called", "The mayor", "calm"),
    C("The UN chief sounded a call for a humanitarian pause in Darfur.", "sounded a call for", "The UN chief",
      "a humanitarian pause in Darfur"),
    C("The bishop renewed his call for a truce.", "renewed his call for", "The bishop", "a truce"),
    C("The council issued a call for volunteers to defend the city.", "issued a call for", "The council",
      "volunteers to defend the city"),
    C("Aid agencies repeated calls for safe corridors out of Mariupol.", "repeated calls for", "Aid agencies",
      "safe corridors out of Mariupol"),
    C("The UN chief condemned the strike in a statement, and repeated his call \"for the army to end its campaign "
      "against civilians.\"", "repeated his call", "The UN chief", "for the army to end its campaign against civilians"),
    C("The opposition leader, who’s called for new elections, left the capital.", "’s called for", "who",
      "new elections"),
    C("Though she called the army's conduct \"shameful\" and called for the commanders to be punished, the senator "
      "backed the budget.", "called for", "she", "the commanders to be punished"),
    # Passives of naming and judging: the subject and the name are the content (two parts), the
    # source the one after "by", else null; "described as" / "criticized as" / "criticized for":
    # the particle is the cue's.
    C("The offensive has been called a turning point in the war.", "has been called", None, "The offensive"),
    C("The siege has been called a crime by several rights groups.", "has been called", "several rights groups",
      "The siege"),
    C("The general was dubbed the butcher of Aleppo.", "was dubbed", None, "The general"),
    C("The plan is being criticized as a surrender to Moscow.", "is being criticized as", None, "The plan"),
    C("The ministry has been criticized for its slow response to the floods.", "has been criticized for", None,
      "The ministry"),
    C("Although the allies have sent tanks, they have repeatedly been criticized for their delays.",
      "have repeatedly been criticized for", None, "they"),
    C("The envoy has been harshly criticized for his silence on the shelling.", "has been harshly criticized for",
      None, "The envoy"),
    C("The camps are described as prisons by former detainees.", "are described as", "former detainees", "The camps"),
    C("What the army described as a precision strike killed 40 civilians.", "described as", "the army"),
    # The content of a request, a name or a judgement is an object: it ends before a writer's
    # subordinate clause or adjunct, and the time and channel phrases that end it are cut.
    C("The minister called for more shelters in a statement on Thursday.", "called for", "The minister", "more shelters"),
    C("The UN chief called for a pause on Monday as he visited the camp.", "called for", "The UN chief", "a pause"),
    C("The envoy criticized the deal as a \"capitulation\" during a visit to the front.", "criticized", "The envoy",
      "the deal as a \"capitulation\""),
    C("The mayor described the raid as a massacre when he spoke to reporters.", "described", "The mayor",
      "the raid as a massacre"),
    C("The bishop called on the militias to free the hostages while he toured the north.", "called on", "The bishop",
      "the militias to free the hostages"),
    # A directive's object ends before " and <adverb> says ..."; no jump to the next verb's "that".
    C("The mother urges her son to leave the car and repeatedly says that the soldiers will shoot.", "urges",
      "The mother", "her son to leave the car"),
    C("The mayor urged residents to stay indoors and later told reporters that the shelling had stopped.", "urged",
      "The mayor", "residents to stay indoors"),
    # The bare "call" before an object pronoun is a verb; after a subordinate clause that ends in a
    # comma, two conjoined verbs take the main clause's subject.
    C("When militants cross the border, Kyiv and Warsaw call them \"saboteurs\" and describe their raids as "
      "provocations.", "call", "Kyiv and Warsaw", "them \"saboteurs\""),
    C("When militants cross the border, Kyiv and Warsaw call them \"saboteurs\" and describe their raids as "
      "provocations.", "describe", "Kyiv and Warsaw", "their raids as provocations"),
    C("Once in my first week at the front, when the shelling started at dawn, I shrugged and said, \"Luck is "
      "for gamblers.\"", "said", "I", "Luck is for gamblers"),
    # Other requests: a noun-or-verb form after a modal is a verb without a tagger ("will demand");
    # "pleaded for" governs what is asked for; "implored X to ..." is a request in every sense.
    C("The protesters will demand more details about the strike.", "will demand", "The protesters",
      "more details about the strike"),
    C("The widow pleads for her son's life.", "pleads for", "The widow", "her son's life"),
    C("Two aides implored the minister to reopen the border.", "implored", "Two aides",
      "the minister to reopen the border"),
    # Two verbs joined by "and" inside a relative insert: the relative pronoun is the source, what
    # was said ends with the insert (not when the insert holds a clause of its own: see below).
    C("The footage has become a rallying point for the protesters, who have marched through the capital and called "
      "for the footage to be released.", "called for", "who", "the footage to be released"),
    C("The mayor, who fled the city last week and said the army had abandoned it, returned on Monday.", "said", "who",
      "the army had abandoned it"),
]

NOT_CUES = [
    # the summoning, telephoning and convening senses of "call", and the noun
    ("The army called in reinforcements from the north.", "called"),
    ("The rebels called off the offensive on Sunday.", "called"),
    ("The so-called peace plan collapsed within a week.", "called"),
    ("She worked at a call centre in Kharkiv before the war.", "call"),
    ("The ministry called up 20,000 reservists.", "called"),
    ("The general took a phone call from a soldier at the front.", "call"),
    ("The sergeant was called to the front in March.", "called"),
    ("The governor called the meeting for Monday.", "called"),
    ("The commander called back the patrol.", "called"),
    ("They called her back on Friday.", "called"),
    ("The colonel called the brigade to the parade ground.", "called"),
    ("The mayor called the police at midnight.", "called"),
    ("The president called the national guard into the capital.", "called"),
    ("The general called the army's strategic reserve into battle.", "called"),
    ("The minister called him yesterday about the convoy.", "called"),
    ("A village called Nova Kakhovka was flooded.", "called"),
    ("The program, called Shield, trained 3,000 recruits.", "called"),
    ("The army called an emergency meeting of commanders.", "called"),
    ("Call us if the shelling starts again.", "Call"),
    ("The minister's calls for restraint were ignored.", "calls"),
    ("The general took a call on Friday from the front.", "call"),
    # passives of "call" that name nothing
    ("The reservists were called up in September.", "called"),
    ("The meeting was called for Monday.", "called"),
    ("The strike was called off after talks.", "called"),
    ("The brigade was called into action at dawn.", "called"),
    ("The colonel was called as a witness.", "called"),
    ("The general was criticized.", "criticized"),
    # requests as nouns, and "pleaded guilty"
    ("The protesters' demands were ignored.", "demands"),
    ("The bishop repeated his call.", "call"),
    ("The colonel renewed his call to arms on the radio.", "call"),
    ("Demand for shells will rise next year.", "Demand"),
    ("The colonel pleaded guilty to looting.", "pleaded"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_a_passive_name_is_the_second_part(nlp, parsed):
    """ "X has been called Y by Z": content X, content_parts [X, Y], source Z, cue "has been called"."""
    for pipe in (nlp, parsed):
        a = find(pipe("The siege has been called a crime by several rights groups."), "called")
        assert [p["text"] for p in a["content_parts"]] == ["The siege", "a crime"]
        assert a["cue"]["text"] == "has been called"


def test_the_clause_before_stopped_short_of_ends_there(nlp):
    """ "X described A, but stopped short of calling B": A is the first report's content."""
    doc = nlp("The envoy further described the raid as a \"grave mistake,\" but stopped short of calling the army's "
              "actions deliberate.")
    assert find(doc, "described")["content"]["text"] == "the raid as a \"grave mistake,\""
    assert find(doc, "described")["cue"]["text"] == "further described"


def test_a_relative_insert_with_its_own_clause_is_no_source(nlp, parsed):
    """ ", which she did when two soldiers stopped her and told her ...": "which" does not tell."""
    for pipe in (nlp, parsed):
        a = find(pipe("The reporter said she was filming the convoy, which she did when two soldiers stopped her and "
                      "told her to leave."), "told")
        assert a is None or a["source"] is None or a["source"]["text"] != "which"
