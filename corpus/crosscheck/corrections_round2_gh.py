"""Apply the adjudicated round-2 corrections of half "gh" to the first pass (corpus/authoring,
writer-g-*.jsonl and writer-h-*.jsonl); the reasons are in disagreements_round2_gh.md.

Each correction names the document id, the sentence by the start of its text (unique in its
document) and an edit of that sentence's authoring dict. Text-level and idempotent: an edit
looks its target up by text (cue, count span, attribution cue) and does nothing when the
change is already there; a target it cannot find is skipped and reported, so other helpers'
edits to other parts of these files do no harm. Lines are re-written in the JSON style they
were read in (one document per line); comment lines are kept.

    python corpus/crosscheck/corrections_round2_gh.py
"""

from __future__ import annotations

from correction_tools import add_attribution, add_count, attribution, count, cue, drop_attribution, drop_count, drop_cue, run, set_cues

CORRECTIONS = [
    # certainty: a negated confirmation with what was not confirmed is `unverifiable` (and an attribution, ruling 1)
    ("afpak-h02", "A faction linked to the Pakistani Taliban claimed",
     set_cues("unverified", ("claimed", "evidential"), ("has not been confirmed", "unverifiable"))),
    # certainty: hedge cues without auxiliary or "that" (docs/annotation.md 3, "Cues")
    ("armaz-h01", "Armenia holds that at least 23", cue("has disputed", text="disputed")),
    ("korea-h02", "Ukrainian and Western estimates cited", cue("suggest that", text="suggest")),
    ("korea-h02", "Interviews with the two prisoners", cue("indicate that", text="indicate")),
    ("korea-h02", "Moscow has denied any intention", cue("has denied", text="denied")),
    ("scs-h01", "Beijing has rejected the ruling", cue("has rejected", text="rejected")),
    # certainty: a figure "not backed with evidence" is unverifiable, not hearsay
    ("gaza-g01", "The Israeli military says more than 20,000", cue("has not backed with evidence", type="unverifiable")),
    # certainty: a wh-question presupposes its event; only a yes/no question is `possible`
    ("gaza-g02", "HOST: Samir, what are you seeing", set_cues("certain")),
    ("gaza-g02", "HOST: How many people are sheltering", set_cues("certain")),
    # certainty: a cited anonymous source is evidential (as the first pass has "The source said" one sentence later)
    ("iran-g01", "The semi-official news agency Tasnim", set_cues("unverified", ("informed military source", "evidential"))),
    # certainty: "would otherwise" states the condition of a threat (like "would strike again if ...")
    ("iran-g01", "He called on the United States to stay out", set_cues("possible", ("would", "condition"))),
    # certainty: "considering whether to" is a decision still open (a plan), not an unclear claim
    ("scs-h01", "A Philippine security official, who was not", set_cues("certain")),
    # certainty: an anaphoric "the claim" with no content in its sentence is not a cue
    ("westbank-g01", "The claim could not be independently verified", drop_cue("claim")),
    # counts: the figure alone when 800 killed / 1,300 wounded (docs 1, "Two figures in one phrase")
    ("armaz-h02", "As a result of the aggression", count("15 killed", text="15")),
    ("gaza-g02", "HADDAD: We received 46 wounded", count("46 wounded", text="46")),
    # counts: a pronoun of-phrase names nothing; a determiner stays out
    ("armaz-h02", "The adversary has also used", count("three of which", text="three")),
    ("korea-h01", "Lawmaker Park Sun-won told reporters", count("about 300 of them", text="about 300")),
    ("korea-h02", "Interviews with the two prisoners", count("the two prisoners", text="two prisoners")),
    # counts: not counts (a group size; interviewees; "a number of" without a magnitude)
    ("korea-h02", "Since then, tactics appear to have adapted", drop_count("five to seven men")),
    ("myanmar-h02", "This report covers the period", drop_count("63 displaced people")),
    ("yemen-g02", "Initial assessments indicate", drop_count("a number of drones")),
    # counts: unit from the noun of the clause
    ("lebanon-g02", "According to the coalition's field teams", count("nearly 40,000 of the displaced", unit="child")),
    ("yemen-g01", "In Marib, the army and popular committees", count("dozens", unit="mercenary")),
    # counts: actor as the clause says it (a junta outpost), never supplied from context
    ("myanmar-h01", "YANGON (Irrawaddy Desk Wire)", count("at least 45 soldiers", actor="Myanmar")),
    ("myanmar-h01", "The spokesman, who gave his name only",
     add_count({"text": "two captains", "value": 2, "qualifier": "exact", "kind": "captured", "unit": "captain",
                "actor": "Myanmar", "low": 2, "high": 2})),
    ("scs-h01", "He said six China Coast Guard vessels", count("about 15 maritime militia boats", actor=None)),
    ("scs-h01", "The garrison is believed to number", count("fewer than a dozen marines", actor=None)),
    ("scs-h02", "But officials privately", count("about 20 large patrol vessels", actor=None)),
    ("yemen-g02", "Initial assessments indicate", count("at least two mobile launchers", actor=None)),
    # attributions: rulings 1-2 (negated saying with content; evidence verbs) and nominal cues
    ("afpak-h02", "A faction linked to the Pakistani Taliban claimed",
     add_attribution("has not been confirmed", "the army", "that claim", "military")),
    ("afpak-h02", "CORRESPONDENT: The military isn't saying",
     add_attribution("isn't saying", "The military", "whether the bomber crossed from Afghanistan", "military")),
    ("gaza-g02", "HOST: The spokesperson also said",
     add_attribution("could not confirm", "the charity", "which", "organization")),
    ("korea-h01", "Moscow and Pyongyang did not acknowledge",
     add_attribution("did not acknowledge", "Moscow and Pyongyang", "the deployment", "government")),
    ("lebanon-g01", "The Council for the South, a state body",
     add_attribution("did not say", "The Council for the South, a state body", "when compensation would be paid", "government")),
    ("myanmar-h01", "It did not mention any losses",
     add_attribution("did not mention", "It", "any losses among government forces", "media", state_media=True)),
    ("scs-h02", "It did not mention the laser", add_attribution("did not mention", "It", "the laser", "government")),
    ("armaz-h02", "According to preliminary data",
     add_attribution("According to", "preliminary data", "the enemy has suffered significant losses in manpower and equipment", "unknown")),
    ("korea-h02", "Ukrainian and Western estimates cited",
     add_attribution("suggest", "Ukrainian and Western estimates cited in this brief",
                     "North Korean units lost up to a third of their strength in the first three months, largely to drones", "unknown")),
    ("korea-h02", "Interviews with the two prisoners",
     add_attribution("indicate", "Interviews with the two prisoners held by Ukraine",
                     "the men received little training in drone warfare before deployment", "unknown")),
    ("yemen-g02", "Initial assessments indicate",
     add_attribution("indicate", "Initial assessments",
                     "the strikes destroyed at least two mobile launchers and a number of drones being prepared for launch", "military")),
    ("iran-g01", "He described the claims of Western media",
     add_attribution("claims", "Western media", "the failure of the missiles", "media", anonymous=True)),
    ("iran-g02", "Reports in foreign media regarding",
     add_attribution("Reports", "foreign media", "the targets struck and the damage caused", "media", anonymous=True)),
    ("yemen-g02", "The command is aware of reports", add_attribution("reports", None, "a merchant vessel was struck near Mokha", "unknown")),
    ("korea-h01", "Video released by Kyiv showed",
     add_attribution("had been told", None, "he was going to a training exercise", "unknown")),
    ("scs-h01", "China asserts sovereignty",
     add_attribution("asserts", "China", "sovereignty over almost the entire South China Sea", "government")),
    # attributions: "reported, citing X" is one attribution with via (docs 2, "Via")
    ("iran-g01", "The semi-official news agency Tasnim", drop_attribution("citing")),
    # attributions: medium "in a post on Telegram" -> Telegram; adverbs are no medium
    ("afpak-h01", "Taliban government spokesman Zabihullah Mujahid", attribution("wrote", medium="X")),
    ("afpak-h02", "A faction linked to the Pakistani Taliban claimed", attribution("claimed", medium="Telegram")),
    ("korea-h01", "Ukraine's special forces said", attribution("said", medium="Telegram")),
    ("westbank-g01", "Israel's defence minister said", attribution("said", medium="X")),
    ("scs-h02", "China's embassy in Manila posted", attribution("saying", medium="Facebook")),
    ("iran-g01", "Parliament speaker Ali Nazari", attribution("saying", medium="in an open session")),
    ("korea-h02", "Second, Russia may pay with technology", attribution("have said", medium=None)),
    ("scs-h02", "But officials privately", attribution("acknowledge", cue="privately acknowledge", medium=None)),
    # attributions: labels
    ("gaza-g01", "Civil defence crews said", attribution("said", source_type="government")),
    ("gaza-g02", "HOST: The spokesperson also said", attribution("also said", anonymous=True)),
    ("korea-h01", "Video released by Kyiv showed", attribution("saying", anonymous=True)),
    ("korea-h02", "Since then, tactics appear to have adapted", attribution("told", source_type="official")),
    # attributions: content extent (writer's connective, apposition or relative clause out; whole object in)
    ("lebanon-g02", "The coalition urged all parties", attribution("called on", content="donors to fund the UN's flash appeal")),
    ("myanmar-h01", "Junta spokesman Major General Zaw Min Tun", attribution("has repeatedly dismissed", content="such reports as propaganda")),
    ("scs-h01", "It accused Manila of trying",
     attribution("accused", content="Manila of trying to deliver construction materials to the BRP Sierra Madre")),
    ("syria-g02", "Meanwhile, the Turkish Armed Forces delivered",
     attribution("reported", content="the Turkish Armed Forces delivered humanitarian aid to families in Ras al-Ain")),
    ("yemen-g01", "Meanwhile, the American-British aggression",
     attribution("said", content="the American-British aggression launched 14 raids on the Hodeidah governorate and two raids on the capital's Bani Matar district")),
    ("westbank-g02", "The Ministry rejects the claims",
     attribution("rejects", content="the claims of the occupation government that these are isolated incidents carried out by a small number of extremists")),
]


if __name__ == "__main__":
    raise SystemExit(run(CORRECTIONS, __doc__.splitlines()[0], files=("writer-g-*.jsonl", "writer-h-*.jsonl")))
