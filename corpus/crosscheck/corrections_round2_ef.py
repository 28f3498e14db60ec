"""Apply the "second" verdicts of the round-2 cross-check, half ef
(corpus/crosscheck/disagreements_round2_ef.md), to the first pass in corpus/authoring.

Each correction names a document id, the text of one of its sentences and an edit of that
sentence's authoring dict. Edits are idempotent (an edit already made reports "already") and
text-level: they look up cues, counts and attributions by their text, so other changes to the
same files do not disturb them. An edit whose document, sentence or target is not found is
skipped and reported; nothing else is touched. After cue edits the sentence's certainty is the
strongest level of its cues (``conflictnlp.corpus.validate.implied_level``). Lines are
re-written in the JSON style they were read in.

    PYTHONPATH=src python corpus/crosscheck/corrections_round2_ef.py [--dry-run]
"""

from __future__ import annotations

from correction_tools import add_attribution, add_count, add_cue, attribution, count, cue, drop_count, drop_cue, run

GEN = "MAJ. GEN. SAAD AL-JUBOURI"

# (document id, the sentence's text or a prefix unique in the document, edit)
CORRECTIONS = [
    # certainty: an anaphoric "claim(s)"/"accusation" without its content in the sentence hedges nothing
    ("colombia-f02", "Both claims are partly true", drop_cue("claims")),
    ("colombia-f02", "Both claims are partly true", add_cue("do not allow a firm conclusion", "unclear")),
    ("mali-f02", "COULIBALY: I have heard that accusation.", drop_cue("accusation")),
    ("ethiopia-f01", "Highland Wire could not independently verify the claim.", drop_cue("claim")),
    ("iraq-e01", "The group's claims of casualties are often exaggerated", drop_cue("claims")),
    ("iraq-e01", "The group's claims of casualties are often exaggerated", drop_cue("exaggerated")),
    # certainty: rejecting a suggestion of an action is a refusal, not a denial of a claim
    ("mexico-f01", "President Claudia Sheinbaum has rejected any suggestion", drop_cue("rejected")),
    # certainty: "suspected" is a probable epistemic cue (section 3 table)
    ("nigeria-e02", "Health partners report a rise in suspected cholera cases", add_cue("suspected", "epistemic")),
    # certainty: a question takes its auxiliary as the epistemic cue (section 3, hard cases)
    ("iraq-e02", "Q: How many coalition advisers are still working", cue("How many", text="are", type="epistemic")),
    ("ukraine-e02", "How many North Korean soldiers are fighting", cue("How many", text="are", type="epistemic")),
    ("ukraine-e02", "How do you know they are North Korean?", cue("How do you know", text="do", type="epistemic")),
    ("ukraine-e02", "OKSANA LEVCHENKO: How much territory do Ukrainian forces", cue("How much", text="do", type="epistemic")),
    # certainty: cue extent, the hedge word without subject, auxiliary or copula ("believed", not "are believed to")
    ("colombia-f02", "By our estimate,", cue("By our estimate", text="estimate")),
    ("colombia-f02", "The ELN is believed to hold", cue("believed to", text="believed")),
    ("ethiopia-f02", "Our assessment is that Fano fields", cue("Our assessment is", text="assessment")),
    ("iraq-e02", GEN + ": Our assessment is that", cue("Our assessment", text="assessment")),
    ("haiti-e01", "The attack was claimed in a video", cue("was claimed", text="claimed")),
    ("haiti-e02", "8. The Haitian National Police has denied", cue("has denied", text="denied")),
    ("iraq-e01", "The attackers, believed to number about a dozen", cue("believed to", text="believed")),
    ("libya-e02", "Thousands more are believed to be held", cue("believed to", text="believed")),
    ("libya-e02", "The Libyan authorities have repeatedly denied", cue("have repeatedly denied", text="denied")),
    ("mali-f01", "10:10 GMT - It is reported that", cue("It is reported", text="reported")),
    ("nigeria-e01", "The attackers, believed to be from", cue("believed to", text="believed")),
    ("nigeria-e02", "According to community leaders, between 60 and 80 people", cue("believed to", text="believed")),
    ("sudan-f01", "Many are believed to be heading toward Tawila", cue("believed to", text="believed")),
    ("ukraine-e02", "COL. ANDRIY MELNYK: That was reported in March", cue("was reported", text="reported")),
    # counts: a vague figure in quotation marks is a count; "many more" and "more battalions" have no figure
    ("ethiopia-f02", "Government figures put the number of Fano fighters",
     add_count({"text": "a few thousand bandits", "qualifier": "vague", "kind": "troops", "unit": "bandit", "actor": "Fano",
                "value": None, "low": None, "high": None})),
    ("mali-f01", "One of them put the army's losses", drop_count("many more missing")),
    ("mali-f02", "Estimates I consider serious", drop_count("many more part-time auxiliaries")),
    ("ukraine-e02", "OKSANA LEVCHENKO: Finally, there are reports", drop_count("more North Korean battalions")),
    # counts: a per-day rate is not a count
    ("sudan-f02", "UNHCR on Chad border:", drop_count("up to 1,500 refugees")),
    # counts: unit = the counted noun the clause names
    ("iraq-e01", "BAGHDAD (TPA) - Islamic State militants killed four Iraqi soldiers", count("six others", unit="soldier")),
    ("iraq-e01", "The attackers, believed to number about a dozen", count("about a dozen", unit="attacker")),
    ("iraq-e02", "Q: General, the Islamic State says", count("three", unit="soldier")),
    ("nigeria-e01", "The insurgency, which began with Boko Haram", count("about two million", unit="person")),
    ("southsudan-f02", "The consortium's clinics in the county", count("some 9,000", unit="person")),
    ("sudan-f01", "Fighters of the Rapid Support Forces stormed", count("dozens more", unit="civilian")),
    ("sudan-f01", "Since April 2023 the war", count("more than 12 million", unit="person")),
    # counts: actor from the counted phrase ("our heroes" of the Iraqi general; a named group not in the list)
    ("iraq-e02", "Three of our heroes were martyred", count("Three of our heroes", actor="Iraq")),
    ("iraq-e02", "Three of our heroes were martyred", count("six", unit="hero", actor="Iraq")),
    ("iraq-e02", GEN + ": Two PMF brigades", count("Two PMF brigades", actor="PMF")),
    # counts: "lost N soldiers" is losses (casualties, section 1 kinds)
    ("southsudan-f01", "The army spokesman, Major General Lul Ruai Koang", count("eight soldiers", kind="casualties")),
    # counts: "N dead/wounded/displaced" spans the adjective, as the other headlines and wires of the sample do
    ("sudan-f02", "Health ministry: 19 dead", count("19", text="19 dead")),
    ("sudan-f02", "Health ministry: 19 dead", count("53", text="53 wounded")),
    ("sudan-f02", "WFP: famine confirmed", count("600,000", text="600,000 displaced")),
    # attributions: the addressee or channel is not part of the source; unnamed speakers are anonymous
    ("colombia-f01", "But residents we spoke to describe", attribution("describe", source="residents")),
    ("colombia-f02", "Critics, including former defence ministers", attribution("have described", anonymous=True)),
    ("colombia-f02", "Critics, including former defence ministers", attribution("argued", anonymous=True)),
    ("haiti-e01", "The attack was claimed in a video", attribution("boasted", anonymous=True)),
    ("haiti-e01", "“They had rifles from the 1990s", attribution("said", anonymous=True)),
    ("libya-e01", "“We had no water, no electricity", attribution("said", anonymous=True)),
    ("ukraine-e02", "COL. ANDRIY MELNYK: We have captured two of them", attribution("told", anonymous=True)),
    ("ukraine-e02", "OKSANA LEVCHENKO: Finally, there are reports", attribution("reports", anonymous=False)),
    # attributions: cue without the time; medium as a whole phrase
    ("ethiopia-f01", "The military has in the past said", attribution("has in the past said", cue="said", time="in the past")),
    ("sudan-f02", "Burhan vows to fight", attribution("vows", medium="in speech to officers in Port Sudan")),
    # attributions: content extent
    ("ethiopia-f02", "Western diplomats in Addis Ababa believe",
     attribution("believe", content="the government is betting that drone strikes will fragment Fano's leadership before the 2026 elections")),
    ("iraq-e02", "Q: General, the Islamic State says", attribution("says", content="it killed 11 soldiers in that attack")),
    ("mali-f01", "08:30 GMT - Good morning.",
     attribution("reports", content="a major attack on the military camp at Boulkessi, in central Mali near the border with Burkina Faso")),
    ("mali-f01", "The army statement gives no casualty figures", attribution("says", content="dozens of terrorists were neutralised")),
    ("southsudan-f01", "Analysts warn that the clashes", attribution("warn", content="the clashes could unravel the 2018 peace agreement")),
    ("sudan-f02", "RSF commander denies looting", attribution("blames", content="impostors in our uniform")),
    # attributions missing: a nominal cue, a speech act with content, belief verbs, negated saying with what was left open
    ("haiti-e02", "7. The Office also received allegations",
     add_attribution("allegations", None,
                       "police officers summarily executed at least 19 suspected gang members in Port-au-Prince during the period")),
    ("colombia-f01", "Authorities suspect the Central General Staff",
     add_attribution("suspect", "Authorities", "the Central General Staff", "government")),
    ("iraq-e01", "The Security Media Cell", add_attribution("gave", "The Security Media Cell", "a lower toll of three dead", "military")),
    ("iraq-e02", "I am not in a position to confirm",
     add_attribution("not in a position to confirm", "I", "who was killed", "official", resolved=GEN)),
    ("iraq-e02", GEN + ": I won't give numbers", add_attribution("won't give", "I", "numbers", "official", resolved=GEN)),
    ("ukraine-e02", "COL. ANDRIY MELNYK: I won't give you a figure.",
     add_attribution("won't give", "I", "a figure", "official", medium="you", resolved="COL. ANDRIY MELNYK")),
    ("nigeria-e01", "He did not give a toll", add_attribution("did not give", "He", "a toll for the army", "official", resolved="Tunde Okafor")),
    ("mali-f01", "The army statement gives no casualty figures",
     add_attribution("gives", "The army statement", "casualty figures for its own troops", "military")),
    ("sudan-f01", "The Sudanese army accused", add_attribution("gave", "The Sudanese army", "casualty figure", "military")),
    ("ukraine-e02", "The prisoners are real", add_attribution("has been told", None, "where they are held", medium="the Red Cross")),
]


if __name__ == "__main__":
    raise SystemExit(run(CORRECTIONS, __doc__.splitlines()[0], relevel_cues=True))
