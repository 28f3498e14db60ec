"""conflict_attribution recall on real reporting, sixth pass (issue 14), helper c: participles and
gerunds of saying, "as"-parentheticals, an inverted sentence-initial "Said X:". One case per line,
written for these tests: the text, the cue (its first occurrence), the expected source and content
(``None`` means null). ``NOT_CUES`` stay no cue. Each case runs on the blank pipeline and on a
trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    # A gerund of saying takes the subject of the clause it hangs on, also past an opening phrase,
    # a time phrase, an adverb, an appositive or a relative clause, and with an irregular past.
    C("In August, several aid groups granted the militia an extension on a deadline to leave the camp, saying its "
      "fighters needed more time.", "saying", "several aid groups", "its fighters needed more time"),
    C("On March 3 they published the results of the inquiry by announcing that the strike was legal.", "announcing",
      "they", "the strike was legal"),
    C("He recently appealed to the villagers by telling them that the army would protect them.", "telling", "He",
      "the army would protect them"),
    C("He then defended the remark, saying, \u201cI stand by every word.\u201d", "saying", "He", "I stand by every word"),
    C("During a speech earlier in the day, Novak attacked the minister for his support of the war, saying, \"He is "
      "reckless.\"", "saying", "Novak", "He is reckless"),
    C("Meanwhile, it attacked the militia, saying its fighters had looted the villages.", "saying", "it",
      "its fighters had looted the villages"),
    C("Novak, a former general, then appeared on state television on Friday night and opened by saying the army "
      "would never surrender.", "saying", "Novak, a former general", "the army would never surrender"),
    C("Two newspapers and a broadcaster asked the tribunal to release the casualty files, arguing that families had a "
      "right to know.", "arguing", "Two newspapers and a broadcaster", "families had a right to know"),
    C("Regional leaders who have been the strongest opponents of the truce have embraced the plan, warning that the "
      "rebels will regroup.", "warning", "Regional leaders who have been the strongest opponents of the truce",
      "the rebels will regroup"),
    C("A group of doctors in 2019 sent a letter to the minister, calling for his dismissal.", "calling for",
      "A group of doctors", "his dismissal"),
    C("On Thursday, however, Marsh spoke to a gathering of militia leaders, promising to lift the curfew.",
      "promising", "Marsh", "to lift the curfew"),
    C("Stung by the losses, as well as by complaints over the cost, the ministry revised its plan, promising to "
      "recruit more drones.", "promising", "the ministry", "to recruit more drones"),
    # Gerunds of saying missed before: after an adverb (", even suggesting"), a catenative gerund
    # (", going on to say"), the second of two gerunds (each speaks for itself), a gerund before a
    # comma and a quotation, after "while"/"before" with a quotation, after a closing quote
    # ('"...," adding'), and a speaker after "footage of".
    C("The general complained about the radios the morning after the battle, even suggesting they may have been "
      "jammed.", "even suggesting", "The general", "they may have been jammed"),
    C("\u201cThe bridge will hold,\u201d Okafor said, going on to say that the army had spent \u201cmonths digging "
      "trenches.\u201d", "going on to say", "Okafor", "the army had spent \u201cmonths digging trenches.\u201d"),
    C("The envoy praised the truce, continuing to call for talks on the prisoners.", "continuing to call for",
      "The envoy", "talks on the prisoners"),
    C("The two commanders vied for the title on Wednesday, each touting their own record and saying the other has "
      "failed the troops.", "saying", "each", "the other has failed the troops"),
    C("Lindqvist mocked the rebels during the night, tweeting, \u201cWhere is your leader now?\u201d", "tweeting",
      "Lindqvist", "Where is your leader now?"),
    C("Small groups of protesters looped the streets around the stadium while chanting, \"No more war.\"", "chanting",
      "Small groups of protesters", "No more war"),
    C("Halvorsen sings to the soldiers before asking them, \u201cWho will come home?\u201d", "asking", "Halvorsen",
      "Who will come home?"),
    C("In a statement, the ministry said: \"The convoy was hit near the border,\" adding that its drivers were safe.",
      "adding", "the ministry", "its drivers were safe"),
    C("In a statement, the ministry said: \"The convoy was hit near the border,\" adding that its drivers were safe.",
      "said:", "the ministry", "The convoy was hit near the border"),
    C("The ad closes with footage of Marsh saying during the debate last week, \u201cThat makes me strong.\u201d",
      "saying", "Marsh", "That makes me strong"),
    C("The video uses footage of the general asking, \u201cWhy are we not winning?\u201d", "asking", "the general",
      "Why are we not winning?"),
    # A participle of saying that opens the sentence: its phrase is what was said, the subject
    # after the phrase says it (also after "After ...", with a quotation that holds the comma).
    C("Claiming that the border was secure, the minister refused to send more troops.", "Claiming", "the minister",
      "the border was secure"),
    C("Claiming the shelling was staged, Okafor told state radio that the trial was a farce.", "Claiming", "Okafor",
      "the shelling was staged"),
    C("Bemoaning the \"rigged count,\" the colonel accused the commission of bias.", "Bemoaning", "the colonel",
      "the \"rigged count,\""),
    C("Lamenting their losses, villagers often say the front is too close.", "Lamenting", "villagers", "their losses"),
    C("After saying her unit was \"cut off for days,\" the medic was flown to the capital.", "saying", "the medic",
      "her unit was \"cut off for days,\""),
    C("Insisting that the camp was a base, Marsh ordered a second strike.", "Insisting", "Marsh", "the camp was a base"),
    C("Warning of more strikes, the general ordered the villages evacuated.", "Warning of", "the general",
      "more strikes"),
    C("Calling for calm, the mayor visited the market on Sunday.", "Calling for", "the mayor", "calm"),
    # An "as"-parenthetical marks a report even with a weak verb and no "that": the clause it opens,
    # the clause before it, or the clause it interrupts (both parts) is what was said.
    C("As one observer pointed out with a side-by-side chart, the gap between the two armies is vast.",
      "pointed out", "one observer", "the gap between the two armies is vast"),
    C("The garrison has no shells left, as the colonel pointed out.", "pointed out", "the colonel",
      "The garrison has no shells left"),
    C("The rebels, as one adviser pointed out, normally retreat in winter.", "pointed out", "one adviser",
      "The rebels"),
    C("As several monitors pointed out on Friday, the truce has collapsed twice.", "pointed out", "several monitors",
      "the truce has collapsed twice"),
    C("As Mr. Okafor observed, the ceasefire has never held for long.", "observed", "Mr. Okafor",
      "the ceasefire has never held for long"),
    # After a quotation and its comma the clause's subject still speaks; "began by"/"ended by" a
    # gerund with an object; "by saying" with a long subject before its verb; what the verb before
    # "by saying" governs stops there.
    C("\u201cPromise me you will come home,\u201d Halvorsen sings to the soldiers before asking them, \u201cWho will come "
      "home?\u201d", "asking", "Halvorsen", "Who will come home?"),
    C("She started off by emphasizing the siege, and the need to open a corridor.", "emphasizing", "She",
      "the siege, and the need to open a corridor"),
    C("The general ended by criticizing the allies for their delays.", "criticizing", "The general",
      "the allies for their delays"),
    C("The governor replied to a veteran on Tuesday evening by saying his decision to close the old "
      "\u201cwar road\u201d was final.", "saying", "The governor",
      "his decision to close the old \u201cwar road\u201d was final"),
    C("The governor replied to a veteran on Tuesday evening by saying his decision to close the old "
      "\u201cwar road\u201d was final.", "replied to", "The governor", "a veteran"),
    # A gerund without a comma after a verb of perceiving or going on, or after an occasion; an
    # addressee after "to" before "that".
    C("The widow can be heard yelling to the soldiers that her husband was unarmed.", "yelling", "The widow",
      "her husband was unarmed"),
    C("The colonel kept saying that the line would hold.", "saying", "The colonel", "the line would hold"),
    C("\u201cWe will rebuild,\u201d she said at a news conference announcing that the army would leave the town.",
      "announcing", "she", "the army would leave the town"),
    # An inverted opening: the verb first, its source, then a colon or a comma and a quotation.
    C("Said Colonel Marsh: \u201cThe town is ours.\u201d", "Said", "Colonel Marsh", "The town is ours"),
    C("Said the commander, \u201cWe will hold the bridge.\u201d", "Said", "the commander", "We will hold the bridge"),
    C("Added Ana Pires, the head of the relief group: \u201cWe have no more tents.\u201d", "Added",
      "Ana Pires, the head of the relief group", "We have no more tents"),
    C("Said one officer: \"We lost the road. We lost the river.\"", "Said", "one officer",
      "We lost the road. We lost the river"),
]

NOT_CUES = [
    # an infinitive after a gerund of promise or threat needs a speaker in its clause
    ("The storm battered the coast, threatening to flood the delta.", "threatening"),
    ("The fighting intensified on Sunday, promising to test the truce.", "promising"),
    # no quotation, no "that", nothing said
    ("The crowd kept chanting while the police moved in.", "chanting"),
    ("The soldiers marched out of the town, each carrying a rifle and saying nothing.", "saying"),
    ("The rebels withdrew before dawn while shouting at the villagers.", "shouting"),
    ("The video shows footage of the general saluting, \u201ca moment the army loves.\u201d", "saluting"),
    ("The general kept going, even adding two brigades to the assault.", "adding"),
    # an opening participle that says nothing, or whose subject cannot speak
    ("Speaking to reporters on Monday, Novak said the camp was empty.", "Speaking"),
    ("Writing on Telegram, the colonel described the raid.", "Writing"),
    ("Adding to the confusion, the army closed the road.", "Adding"),
    ("Saying nothing, the colonel left the room.", "Saying"),
    ("Threatening to flood the valley, the river rose all night.", "Threatening"),
    # "as" with no verb of saying, or a verb of saying in another sense
    ("As expected, the rebels rejected the offer.", "expected"),
    ("As the convoy pointed north, the drivers grew nervous.", "pointed"),
    ("As he observed the shelling from the hill, the colonel wept.", "observed"),
    ("As the rebels added fighters, the army pulled back.", "added"),
    # a verb of going on before a gerund with nothing said
    ("The soldiers kept shouting at the crowd.", "shouting"),
    # "by" and a gerund that is no verb of saying
    ("The army responded by shelling the town.", "shelling"),
    ("He began by thanking the soldiers.", "thanking"),
    # a participle that opens a sentence without a speaker after it, a command inside a quotation
    ("Told to leave, the villagers packed their things.", "Told"),
    ("Said to be the largest base, the camp holds 4,000 troops.", "Said"),
    ("\u201cTell the world,\u201d the mayor said.", "Tell"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_as_parenthetical_keeps_both_parts(nlp, parsed):
    """What an "as"-parenthetical interrupts is said in two parts, before and after it."""
    for pipe in (nlp, parsed):
        doc = pipe("The rebels, as one adviser pointed out, normally retreat in winter.")
        a = next(a for a in doc._.conflict_attributions if a["cue"]["text"] == "pointed out")
        assert [p["text"] for p in a["content_parts"]] == ["The rebels", "normally retreat in winter"]
