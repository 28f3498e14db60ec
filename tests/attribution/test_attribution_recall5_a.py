"""conflict_attribution recall on real reporting, fifth pass (issue 14), helper a: verbs of saying
already in the lexicon that were missed in context. One case per line, written for these tests:
the text, the cue (its first occurrence), the expected source and content (``None`` means null).
``NOT_CUES`` stay no cue. Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

NBSP = "\u00a0"

CUES = [
    # Typography of news archives: a typographic apostrophe in a negation, a no-break space
    # next to the cue or inside its verb group.
    C("The governor isn\u2019t saying whether the army will return.", "isn\u2019t saying", "The governor",
      "whether the army will return"),
    C("The ministry didn\u2019t say if the bridge was destroyed.", "didn\u2019t say", "The ministry",
      "if the bridge was destroyed"),
    C(f"The mayor{NBSP}said the shelling had stopped.", "said", "The mayor", "the shelling had stopped"),
    C(f"\u201cNobody is leaving,\u201d the commander{NBSP}told Reuters.", "told", "the commander", "Nobody is leaving"),
    C(f"The spokesman{NBSP}responded that{NBSP}the brigade had withdrawn.", "responded", "The spokesman",
      "the brigade had withdrawn"),
    C(f"The general has{NBSP}acknowledged that the front is weak.", f"has{NBSP}acknowledged", "The general",
      "the front is weak"),
    # A verb of saying after a comma and "and" shares the subject of the sentence's first verb.
    C("The governor urged the villagers to stay, and criticized the army's withdrawal.", "criticized",
      "The governor", "the army's withdrawal"),
    C("Opposition leaders also described the vote as rigged, and said the parliament might be dissolved.", "said",
      "Opposition leaders", "the parliament might be dissolved"),
    C("The envoy met both sides in Doha last week, and said a deal was close.", "said", "The envoy",
      "a deal was close"),
    C("The minister has attacked loopholes that help the militias, and has called for ending the tax breaks of arms "
      "dealers.", "has called for", "The minister", "ending the tax breaks of arms dealers"),
    C("In his speech, the colonel thanked the volunteers, and warned that the rebels would regroup.", "warned",
      "the colonel", "the rebels would regroup"),
    # A source with an insert: what it was doing between commas stays out; an insert between dashes
    # and a second description by its owner ("and its ...") stay in, as written.
    C("President Novak, dedicating the new memorial on Saturday, said it would stand for the fallen.", "said",
      "President Novak", "it would stand for the fallen"),
    C("KYIV -- President Novak, dedicating the new memorial on Saturday, said it would stand for the fallen.",
      "said", "President Novak", "it would stand for the fallen"),  # a dateline with a double hyphen
    C("The rebels, holding the airport since May, said the army had fled.", "said", "The rebels",
      "the army had fled"),
    C("Kall -- co-editor of Debating War, a book on the generals' speeches -- said the general liked surprises.",
      "said", "Kall -- co-editor of Debating War, a book on the generals' speeches", "the general liked surprises"),
    C("Ana Pires, the head of Ora Relief -- the group that runs the camps -- told reporters that the shelter was full.",
      "told", "Ana Pires, the head of Ora Relief -- the group that runs the camps", "the shelter was full"),
    C("Belarus, the junta's closest partner and its main supplier of fuel, said it would not join the sanctions.",
      "said", "Belarus, the junta's closest partner and its main supplier of fuel", "it would not join the sanctions"),
    # After "by", "for", "from", say reports a clause without "that", tell its addressee and "that".
    C("The minister answered a widow on Wednesday by saying his refusal to negotiate was a matter of principle.",
      "saying", "The minister", "his refusal to negotiate was a matter of principle"),
    C("The general was criticized for saying the war would be over by Christmas.", "saying", "The general",
      "the war would be over by Christmas"),
    C("The colonel won over the villagers by telling them that the army would stay.", "telling", "The colonel",
      "the army would stay"),
    # An inverted source that ends the sentence keeps its own phrase ("on the front", "at the ministry").
    C("\u201cThe rebels are in a frenzy,\u201d said one army source on the front.", "said", "one army source on the front",
      "The rebels are in a frenzy"),
    C("\u201cThe convoy never arrived,\u201d said one official at the ministry.", "said", "one official at the ministry",
      "The convoy never arrived"),
]

NOT_CUES = [
    # a speaker's aside keeps its typographic apostrophe
    ("I can\u2019t tell you how many shells fell that night.", "tell"),
    # a no-break space before a verb that is no verb of saying
    (f"The mayor{NBSP}fled the city on Tuesday.", "fled"),
    # after a comma and "and", a weak verb with a plain object reports nothing
    ("The rebels seized the airport, and added three tanks to their column.", "added"),
    ("The general visited the front, and wrote letters to the families.", "wrote"),
    # a gerund insert before a verb that does not report
    ("The convoy, carrying food for 3,000 families, reached the border at dawn.", "carrying"),
    # "for telling the truth", "for saying nothing" report no clause
    ("The medic was praised for telling the truth.", "telling"),
    ("The rebels were blamed for saying nothing.", "saying"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)
