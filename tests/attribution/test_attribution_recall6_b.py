"""conflict_attribution recall on real reporting, sixth pass (issue 14), helper b: questions and
asking ("questioned the figures", "raised questions about", "asked the envoy about", "Asked about X,
the spokesman said"). One case per line, written for these tests: the text, the cue (its first
occurrence), the expected source and content (``None`` means null). ``NOT_*`` stay no report. Each
case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

QUESTIONING = [
    # "question" with a noun phrase object: what the source puts in doubt is its content.
    C("The opposition questioned the casualty figures released by the army.", "questioned", "The opposition",
      "the casualty figures released by the army"),
    C("The rebel commander is once again questioning the ceasefire.", "questioning", "The rebel commander",
      "the ceasefire"),
    C("Several aid groups have also questioned the count of the displaced, which rose to 40,000.", "questioned",
      "Several aid groups", "the count of the displaced"),
    C("Some veterans, however, question the wisdom of sending more troops.", "question", "Some veterans",
      "the wisdom of sending more troops"),
    C("Kovacs questions the neutrality of the monitors.", "questions", "Kovacs", "the neutrality of the monitors"),
    C("Opposition deputies have questioned Moscow's account of the crash.", "questioned", "Opposition deputies",
      "Moscow's account of the crash"),
    C("The ministry issued a statement questioning the timing of the raid.", "questioning", "The ministry",
      "the timing of the raid"),
    # the object ends before a writer's relative clause or gerund after a comma
    C("Some veterans question the wisdom of sending more troops, who have never seen combat.", "question",
      "Some veterans", "the wisdom of sending more troops"),
    C("The rebel commander is once again questioning the ceasefire, urging his men to stay alert.", "questioning",
      "The rebel commander", "the ceasefire"),
]

NOT_QUESTIONING = [
    # an interrogation: the object is a person
    ("Police questioned three suspects after the bombing.", "questioned"),
    ("Investigators questioned the driver for six hours.", "questioned"),
    ("Detectives have questioned him twice.", "questioned"),
    ("Border guards questioned Petrov about his trip.", "questioned"),
    ("Military police are questioning the soldiers who fled the post.", "questioning"),
    # the noun
    ("The question of sovereignty over the islands remains open.", "question"),
    ("The garrison was, without question, the strongest in the region.", "question"),
    ("The people in question were never seen again.", "question"),
    ("Reporters' questions went unanswered.", "questions"),
    ("A similar question: who pays for the rebuilding of the bridge?", "question"),
]

test_questioning, test_questioning_with_parser, test_not_questioning = both_paths_tests(QUESTIONING, NOT_QUESTIONING)


QUESTIONS_ABOUT = [
    # "raise/have/ask/answer questions about X": the phrase with its preposition is the cue, X the content.
    C("Opposition lawmakers raised questions about the army's account of the raid.", "raised questions about",
      "Opposition lawmakers", "the army's account of the raid"),
    C("The general is raising questions about the readiness of the reserve brigades.", "raising questions about",
      "The general", "the readiness of the reserve brigades"),
    C("The report, however, raises questions over the use of cluster munitions.", "raises questions over",
      "The report", "the use of cluster munitions"),
    C("Human rights groups have questions about the detention of two journalists.", "have questions about",
      "Human rights groups", "the detention of two journalists"),
    C("If the inspectors have questions about the dossier, they should say so now.", "have questions about",
      "the inspectors", "the dossier"),
    C("Reporters asked questions about the missing convoy.", "asked questions about", "Reporters",
      "the missing convoy"),
    C('The envoy gave a long interview to the programme "Frontline," answering questions about the siege.',
      "answering questions about", "The envoy", "the siege"),
    # "questions about X" without an asker: no source
    C("The defence minister has faced questions about the cost of the new drones.", "questions about", None,
      "the cost of the new drones"),
    C("There are growing questions about the timing of the strike.", "questions about", None,
      "the timing of the strike"),
    # a governed particle in an opening subordinate clause ends at its comma
    C("When the survey asked about the two candidates, the governor led by nine points.", "asked about",
      "the survey", "the two candidates"),
]

NOT_QUESTIONS_ABOUT = [
    ("Questions of sovereignty remain unresolved.", "Questions"),
    ("The hearing raised questions in parliament.", "raised"),
    ("The committee answered questions for an hour.", "answered"),
    ("The minister had questions for the generals.", "had"),
]

test_questions_about, test_questions_about_with_parser, test_not_questions_about = both_paths_tests(
    QUESTIONS_ABOUT, NOT_QUESTIONS_ABOUT)


ASKING = [
    # "ask X about Y": X is the addressee (the medium), Y what was asked
    C("The presenter asks him about the shelling of the hospital.", "asks", "The presenter",
      "the shelling of the hospital"),
    C("The senator asked the envoy about the fate of the prisoners.", "asked", "The senator",
      "the fate of the prisoners"),
    C("Reporters asked about the missing soldiers.", "asked about", "Reporters", "the missing soldiers"),
    # ... and before a "whether", "how", "why" ... clause; a verb of questioning asks an official, not a suspect
    C("The senator asked the envoy whether the convoy had arrived.", "asked", "The senator",
      "whether the convoy had arrived"),
    C("She asked him how many soldiers had died.", "asked", "She", "how many soldiers had died"),
    C("Lawmakers questioned the defence minister about the missing funds.", "questioned", "Lawmakers",
      "the missing funds"),
    # a participle that opens the sentence: what was asked, up to the comma, and no asker named
    C("Asked about the strike, the spokesman said the army had acted in self-defence.", "Asked about", None,
      "the strike"),
    C("When asked whether the road was open, the governor shrugged.", "asked", None, "whether the road was open"),
    C("Asked if the brigade would withdraw, Colonel Marsh shook his head.", "Asked", None,
      "if the brigade would withdraw"),
    # between commas after its subject, and in the passive: the one asked is no source
    C("Residents, asked about the shelling, said it had lasted all night.", "asked about", None, "the shelling"),
    C("The envoy was asked about the convoy.", "asked", None, "the convoy"),
    C("He was asked whether the army would withdraw.", "asked", None, "whether the army would withdraw"),
    C("General Hale was once asked how the war would end.", "was once asked", None, "how the war would end"),
    # a gerund of asking before its quoted question, whom it asks in between
    C('The singer thanked the crowd before asking them, "Where do we go from here?"', "asking", "The singer",
      "Where do we go from here?"),
    C('The mayor turned to the crowd, asking them: "Who will rebuild the bridge?"', "asking", "The mayor",
      "Who will rebuild the bridge?"),
    C('The clip shows Colonel Marsh asking, "Who gave the order to retreat?"', "asking", "Colonel Marsh",
      "Who gave the order to retreat?"),
    C('The video shows the commander asking, "Who gave the order to retreat?"', "asking", "the commander",
      "Who gave the order to retreat?"),
]

NOT_ASKING = [
    # a request, not a question (the existing rule: "asked X to ..." is no report)
    ("The general asked the villagers to leave their homes.", "asked"),
    ("Asked to leave, the monitors refused.", "Asked"),
    ("The defector asked for asylum in Sweden.", "asked"),
    ("The asking price for the villa fell by half.", "asking"),
    ("Copies of the report are available on request.", "request"),
    ("The soldiers were asked to leave the checkpoint.", "asked"),
    ("The police asked residents who saw the attack to come forward.", "asked"),
    # an interrogation, also with what it was about, and in the passive
    ("Police questioned three suspects about the bombing.", "questioned"),
    ("Investigators questioned the driver about the crash.", "questioned"),
    ("Two men were questioned over the attack.", "questioned"),
]

test_asking, test_asking_with_parser, test_not_asking = both_paths_tests(ASKING, NOT_ASKING)


def test_asked_whom_is_the_medium(nlp, parsed):
    for pipe in (nlp, parsed):
        a = find(pipe("The senator asked the envoy about the fate of the prisoners."), "asked")
        assert a["medium"]["text"] == "the envoy"


def test_asked_in_the_passive_is_the_medium(nlp, parsed):
    for pipe in (nlp, parsed):
        a = find(pipe("The envoy was asked about the convoy."), "asked")
        assert (a["cue"]["text"], a["medium"]["text"]) == ("was asked about", "The envoy")
