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

import argparse
import json
from pathlib import Path

from conflictnlp.corpus.validate import implied_level

AUTHORING = Path(__file__).resolve().parents[2] / "corpus" / "authoring"
APPLIED, ALREADY, MISSING = "applied", "already", "missing"


def _relevel(s):
    level = implied_level(s.get("cues", []))
    if not s.get("cues"):
        s.pop("cues", None)
    if level == "certain":
        s.pop("certainty", None)
    else:
        s["certainty"] = level


def cue(old, new=None, type_=None):
    """Replace the hedge cue ``old`` by ``new`` (text) and/or ``type_``; ``new=""`` drops it."""
    def edit(s):
        cues = s.setdefault("cues", [])
        hits = [c for c in cues if c["text"] == old]
        if not hits:
            done = new == "" or any(c["text"] == (new or old) for c in cues)
            return ALREADY if done else MISSING
        if new == "":
            cues.remove(hits[0])
        else:
            hits[0].update({k: v for k, v in (("text", new), ("type", type_)) if v})
        _relevel(s)
        return APPLIED
    return edit


def add_cue(text, type_):
    def edit(s):
        cues = s.setdefault("cues", [])
        if any(c["text"] == text for c in cues):
            return ALREADY
        cues.append({"text": text, "type": type_})
        _relevel(s)
        return APPLIED
    return edit


def count(old_text, **fields):
    def edit(s):
        counts = s.get("counts", [])
        hits = [c for c in counts if c["text"] == old_text] or [c for c in counts if c["text"] == fields.get("text")]
        if len(hits) != 1:
            return MISSING
        if all(hits[0].get(k) == v for k, v in fields.items()):
            return ALREADY
        hits[0].update(fields)
        return APPLIED
    return edit


def add_count(spec):
    def edit(s):
        counts = s.setdefault("counts", [])
        if any(c["text"] == spec["text"] for c in counts):
            return ALREADY
        counts.append(dict(spec))
        return APPLIED
    return edit


def drop_count(text):
    def edit(s):
        counts = s.get("counts", [])
        hits = [c for c in counts if c["text"] == text]
        if not hits:
            return ALREADY
        counts.remove(hits[0])
        if not counts:
            s.pop("counts")
        return APPLIED
    return edit


def attribution(cue_text, of_source=None, **fields):
    """Update the attribution with cue ``cue_text`` (and source ``of_source`` where the cue repeats)."""
    def edit(s):
        attrs = s.get("attributions", [])
        hits = [a for a in attrs if a["cue"] in (cue_text, fields.get("cue")) and of_source in (None, a.get("source"))]
        if len(hits) != 1:
            return MISSING
        if all(hits[0].get(k) == v for k, v in fields.items()):
            return ALREADY
        hits[0].update(fields)
        return APPLIED
    return edit


def add_attribution(spec):
    def edit(s):
        attrs = s.setdefault("attributions", [])
        if any(a["cue"] == spec["cue"] and a.get("content") == spec.get("content") for a in attrs):
            return ALREADY
        item = {"cue": spec["cue"], "source": None, "content": None, "source_type": "unknown", "anonymous": False, "state_media": False,
                "medium": None, "time": None, "via": []}
        item.update(spec)
        attrs.append(item)
        return APPLIED
    return edit


def C(text, kind, unit=None, actor=None, q="exact", v=None, lo=None, hi=None):
    return {"text": text, "qualifier": q, "kind": kind, "unit": unit, "actor": actor, "value": v, "low": lo, "high": hi}


def A(cue_text, source, content, st="unknown", anon=False, **more):
    return dict(cue=cue_text, source=source, content=content, source_type=st, anonymous=anon, **more)


GEN = "MAJ. GEN. SAAD AL-JUBOURI"

# (document id, the sentence's text or a prefix unique in the document, edit)
CORRECTIONS = [
    # certainty: an anaphoric "claim(s)"/"accusation" without its content in the sentence hedges nothing
    ("colombia-f02", "Both claims are partly true", cue("claims", "")),
    ("colombia-f02", "Both claims are partly true", add_cue("do not allow a firm conclusion", "unclear")),
    ("mali-f02", "COULIBALY: I have heard that accusation.", cue("accusation", "")),
    ("ethiopia-f01", "Highland Wire could not independently verify the claim.", cue("claim", "")),
    ("iraq-e01", "The group's claims of casualties are often exaggerated", cue("claims", "")),
    ("iraq-e01", "The group's claims of casualties are often exaggerated", cue("exaggerated", "")),
    # certainty: rejecting a suggestion of an action is a refusal, not a denial of a claim
    ("mexico-f01", "President Claudia Sheinbaum has rejected any suggestion", cue("rejected", "")),
    # certainty: "suspected" is a probable epistemic cue (section 3 table)
    ("nigeria-e02", "Health partners report a rise in suspected cholera cases", add_cue("suspected", "epistemic")),
    # certainty: a question takes its auxiliary as the epistemic cue (section 3, hard cases)
    ("iraq-e02", "Q: How many coalition advisers are still working", cue("How many", "are", "epistemic")),
    ("ukraine-e02", "How many North Korean soldiers are fighting", cue("How many", "are", "epistemic")),
    ("ukraine-e02", "How do you know they are North Korean?", cue("How do you know", "do", "epistemic")),
    ("ukraine-e02", "OKSANA LEVCHENKO: How much territory do Ukrainian forces", cue("How much", "do", "epistemic")),
    # certainty: cue extent, the hedge word without subject, auxiliary or copula ("believed", not "are believed to")
    ("colombia-f02", "By our estimate,", cue("By our estimate", "estimate")),
    ("colombia-f02", "The ELN is believed to hold", cue("believed to", "believed")),
    ("ethiopia-f02", "Our assessment is that Fano fields", cue("Our assessment is", "assessment")),
    ("iraq-e02", GEN + ": Our assessment is that", cue("Our assessment", "assessment")),
    ("haiti-e01", "The attack was claimed in a video", cue("was claimed", "claimed")),
    ("haiti-e02", "8. The Haitian National Police has denied", cue("has denied", "denied")),
    ("iraq-e01", "The attackers, believed to number about a dozen", cue("believed to", "believed")),
    ("libya-e02", "Thousands more are believed to be held", cue("believed to", "believed")),
    ("libya-e02", "The Libyan authorities have repeatedly denied", cue("have repeatedly denied", "denied")),
    ("mali-f01", "10:10 GMT - It is reported that", cue("It is reported", "reported")),
    ("nigeria-e01", "The attackers, believed to be from", cue("believed to", "believed")),
    ("nigeria-e02", "According to community leaders, between 60 and 80 people", cue("believed to", "believed")),
    ("sudan-f01", "Many are believed to be heading toward Tawila", cue("believed to", "believed")),
    ("ukraine-e02", "COL. ANDRIY MELNYK: That was reported in March", cue("was reported", "reported")),
    # counts: a vague figure in quotation marks is a count; "many more" and "more battalions" have no figure
    ("ethiopia-f02", "Government figures put the number of Fano fighters",
     add_count(C("a few thousand bandits", "troops", "bandit", "Fano", "vague"))),
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
     add_attribution(A("allegations", None,
                       "police officers summarily executed at least 19 suspected gang members in Port-au-Prince during the period"))),
    ("colombia-f01", "Authorities suspect the Central General Staff",
     add_attribution(A("suspect", "Authorities", "the Central General Staff", "government"))),
    ("iraq-e01", "The Security Media Cell", add_attribution(A("gave", "The Security Media Cell", "a lower toll of three dead", "military"))),
    ("iraq-e02", "I am not in a position to confirm",
     add_attribution(A("not in a position to confirm", "I", "who was killed", "official", resolved=GEN))),
    ("iraq-e02", GEN + ": I won't give numbers", add_attribution(A("won't give", "I", "numbers", "official", resolved=GEN))),
    ("ukraine-e02", "COL. ANDRIY MELNYK: I won't give you a figure.",
     add_attribution(A("won't give", "I", "a figure", "official", medium="you", resolved="COL. ANDRIY MELNYK"))),
    ("nigeria-e01", "He did not give a toll", add_attribution(A("did not give", "He", "a toll for the army", "official", resolved="Tunde Okafor"))),
    ("mali-f01", "The army statement gives no casualty figures",
     add_attribution(A("gives", "The army statement", "casualty figures for its own troops", "military"))),
    ("sudan-f01", "The Sudanese army accused", add_attribution(A("gave", "The Sudanese army", "casualty figure", "military"))),
    ("ukraine-e02", "The prisoners are real", add_attribution(A("has been told", None, "where they are held", medium="the Red Cross"))),
]


def dump(doc, like):
    for kw in ({"ensure_ascii": False}, {"ensure_ascii": False, "separators": (",", ":")}):
        if json.dumps(json.loads(like), **kw) == like:
            return json.dumps(doc, **kw)
    return json.dumps(doc, ensure_ascii=False)


def find_sentence(doc, key):
    hits = [s for para in doc["paragraphs"] for s in para if s["s"].startswith(key)]
    return hits[0] if len(hits) == 1 else None


def apply(doc, todo, tally, skipped):
    for key, edit in todo:
        sentence = find_sentence(doc, key)
        result = edit(sentence) if sentence is not None else MISSING
        tally[result] = tally.get(result, 0) + 1
        if result == MISSING:
            skipped.append(f"{doc['id']}: {key!r}: {'target' if sentence is not None else 'sentence'} not found")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    todo, tally, skipped = {}, {}, []
    for doc_id, key, edit in CORRECTIONS:
        todo.setdefault(doc_id, []).append((key, edit))
    for path in sorted(AUTHORING.glob("*.jsonl")):
        lines = path.read_text(encoding="utf8").splitlines()
        changed = False
        for n, line in enumerate(lines):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            doc = json.loads(line)
            if doc.get("id") not in todo:
                continue
            apply(doc, todo.pop(doc["id"]), tally, skipped)
            new = dump(doc, line)
            if new != line:
                lines[n], changed = new, True
        if changed and not args.dry_run:
            path.write_text("\n".join(lines) + "\n", encoding="utf8")
    for doc_id, rest in todo.items():
        tally[MISSING] = tally.get(MISSING, 0) + len(rest)
        skipped.append(f"{doc_id}: document not found ({len(rest)} edits)")
    for line in skipped:
        print("skipped:", line)
    print(", ".join(f"{tally.get(k, 0)} {k}" for k in (APPLIED, ALREADY, MISSING)), f"of {len(CORRECTIONS)} corrections")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
