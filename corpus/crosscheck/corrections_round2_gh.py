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

import json
from pathlib import Path

AUTHORING = Path(__file__).resolve().parents[2] / "corpus" / "authoring"
FILES = ("writer-g-*.jsonl", "writer-h-*.jsonl")


class Skip(Exception):
    """The edit's target is not in the sentence."""


def _cues(cues):
    return [{"text": t, "type": ty} for t, ty in cues]


def set_cues(certainty, *cues):
    def edit(s):
        s["certainty"], s["cues"] = certainty, _cues(cues)
    return edit


def cue(old, **fields):
    def edit(s):
        hits = [c for c in s.get("cues", []) if c["text"] in (old, fields.get("text"))]
        if len(hits) != 1:
            raise Skip(f"cue {old!r}")
        hits[0].update(fields)
    return edit


def drop_cue(text):
    def edit(s):
        s["cues"] = [c for c in s.get("cues", []) if c["text"] != text]
    return edit


def count(old, **fields):
    def edit(s):
        hits = [c for c in s.get("counts", []) if c["text"] in (old, fields.get("text"))]
        if len(hits) != 1:
            raise Skip(f"count {old!r}")
        hits[0].update(fields)
    return edit


def add_count(text, value, qualifier, kind, unit, actor, low, high):
    def edit(s):
        if not any(c["text"] == text for c in s.get("counts", [])):
            s.setdefault("counts", []).append({"text": text, "value": value, "qualifier": qualifier, "kind": kind,
                                               "unit": unit, "actor": actor, "low": low, "high": high})
    return edit


def drop_count(text):
    def edit(s):
        if "counts" in s:
            s["counts"] = [c for c in s["counts"] if c["text"] != text]
    return edit


def attribution(cue_text, source=None, **fields):
    def edit(s):
        hits = [a for a in s.get("attributions", []) if a["cue"] in (cue_text, fields.get("cue"))
                and (source is None or a["source"] == source)]
        if len(hits) != 1:
            raise Skip(f"attribution {cue_text!r}")
        hits[0].update(fields)
    return edit


def add_attribution(cue_text, source, content, source_type, anonymous=False, state_media=False, medium=None, time=None):
    def edit(s):
        if not any(a["cue"] == cue_text and a["content"] == content for a in s.get("attributions", [])):
            s.setdefault("attributions", []).append(
                {"cue": cue_text, "source": source, "content": content, "source_type": source_type, "anonymous": anonymous,
                 "state_media": state_media, "medium": medium, "time": time, "via": []})
    return edit


def drop_attribution(cue_text):
    def edit(s):
        if "attributions" in s:
            s["attributions"] = [a for a in s["attributions"] if a["cue"] != cue_text]
    return edit


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
     add_count("two captains", 2, "exact", "captured", "captain", "Myanmar", 2, 2)),
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


def dump(doc, like):
    for kw in ({"ensure_ascii": False}, {"ensure_ascii": False, "separators": (",", ":")}):
        if json.dumps(json.loads(like), **kw) == like:
            return json.dumps(doc, **kw)
    return json.dumps(doc, ensure_ascii=False)


def sentences(doc, prefix):
    return [s for paragraph in doc["paragraphs"] for s in paragraph if s["s"].startswith(prefix)]


def apply(doc, todo, skipped):
    done = 0
    for i, (prefix, edit) in todo.pop(doc["id"], {}).items():
        hits = sentences(doc, prefix)
        if len(hits) != 1:
            skipped.append(f"{doc['id']}: sentence {prefix!r} ({len(hits)} matches)")
            continue
        try:
            edit(hits[0])
            done += 1
        except Skip as why:
            skipped.append(f"{doc['id']}: {prefix!r}: {why} not found")
    return done


def main():
    todo = {}
    for i, (doc_id, prefix, edit) in enumerate(CORRECTIONS):
        todo.setdefault(doc_id, {})[i] = (prefix, edit)
    done, skipped, changed_files = 0, [], []
    for path in sorted(p for pattern in FILES for p in AUTHORING.glob(pattern)):
        lines = path.read_text(encoding="utf8").splitlines()
        changed = False
        for n, line in enumerate(lines):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            doc = json.loads(line)
            done += apply(doc, todo, skipped)
            new = dump(doc, line)
            if new != line:
                lines[n], changed = new, True
        if changed:
            path.write_text("\n".join(lines) + "\n", encoding="utf8")
            changed_files.append(path.name)
    skipped += [f"{doc_id}: document not found" for doc_id in sorted(todo)]
    print(f"{done} corrections applied; files changed: {', '.join(changed_files) or 'none'}")
    for line in skipped:
        print("skipped:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
