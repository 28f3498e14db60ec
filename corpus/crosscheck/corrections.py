"""Apply the adjudicated corrections to the first pass (corpus/authoring/*.jsonl).

Each correction names the document, the sentence (paragraph, sentence; 0-based) and a
function that edits that sentence's authoring dict; see disagreements.md for the reasons.
Idempotent: running it twice changes nothing. Lines are re-written in the exact JSON
style they were read in (one document per line).

    python corpus/crosscheck/corrections.py
"""

from __future__ import annotations

from correction_tools import attribution, count, drop_cue, run, set_cues

CORRECTIONS = [
    # certainty: "an estimated N" is the approximator of a figure (qualifier approx), not a hedge
    ("gaza-c01", (6, 0), set_cues("certain")),
    ("lebanon-c01", (2, 5), set_cues("certain")),
    ("kashmir-c01", (4, 1), set_cues("certain")),
    ("gaza-c01", (7, 5), drop_cue("estimated")),
    ("nk-a01", (1, 5), drop_cue("estimated")),
    # certainty: "would" inside a whether-clause is sequence of tenses, not a condition
    ("gaza-c01", (7, 0), drop_cue("would")),
    ("lebanon-c01", (5, 3), drop_cue("would")),
    ("mozambique-c01", (3, 2), drop_cue("would")),
    # certainty: counterfactual "would" in a relative clause does not govern the claim
    ("ukraine-a01", (3, 3), set_cues("certain")),
    # certainty: "sources said" is evidential (as the first pass has it in syria-a01, yemen-a01)
    ("sahel-b01", (0, 0), set_cues("unverified", ("sources said", "evidential"))),
    # counts: of-phrases naming the counted people belong to the span; unit from the counted noun
    ("drcongo-b01", (0, 4), count("hundreds", text="'hundreds' of Congolese soldiers", unit="soldier")),
    ("lebanon-c01", (4, 2), count("more than 2,000", text="more than 2,000 of the group's fighters")),
    ("ukraine-a01", (3, 8), count("fewer than 3,000", text="fewer than 3,000 of the North Korean troops", unit="troop")),
    ("mozambique-c01", (0, 1), count("20 members", text="20 members of the Mozambican army")),
    ("syria-a01", (0, 2), count("183", unit="fighter")),
    ("syria-a01", (0, 2), count("66", unit="member")),
    # counts: actor as the text says it
    ("gaza-c01", (0, 0), count("19 people", actor="Palestine")),
    ("gaza-c01", (5, 0), count("50 hostages", actor=None)),
    ("gaza-c01", (5, 0), count("around 20", actor=None)),
    ("gaza-c01", (7, 1), count("10 living hostages", actor=None)),
    ("nk-a01", (0, 3), count("up to 20 military vehicles", actor="Nagorno-Karabakh")),
    ("nk-a01", (1, 0), count("roughly 10,000-strong", actor="Nagorno-Karabakh")),
    # attributions
    ("sahel-b01", (0, 0), attribution("said", source_type="unknown")),
    ("nk-a01", (0, 1), attribution("said", anonymous=False)),
    ("yemen-a01", (2, 2), attribution("said", anonymous=False)),
    ("nk-a01", (2, 2), attribution("said", source="local residents", medium="by phone")),
    ("syria-a01", (1, 4), attribution("said", source="Residents", medium="by telephone")),
]


if __name__ == "__main__":
    raise SystemExit(run(CORRECTIONS, __doc__.splitlines()[0]))
