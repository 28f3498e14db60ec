"""The authoring format's layout (issue 17): sentences of a paragraph are joined by a space, except
that a title, heading or headline (no final punctuation) ends its line and a speaker label in
capitals or a live-blog time starts one, as such texts are laid out. Spans still resolve, and the
pipeline reads a headline list headline by headline. Our own documents."""

from __future__ import annotations

import conflictnlp
from conflictnlp.corpus.authoring import build_record, sentence_gap


def _doc(style, sentences):
    return {"id": f"layout-{style}", "conflict": "Invented", "style": style, "outlet": "an invented outlet",
            "paragraphs": [[{"s": s} if isinstance(s, str) else s for s in sentences]]}


def test_prose_sentences_are_joined_by_a_space():
    record = build_record(_doc("wire", ["Three soldiers were killed.", "The army said so on Monday."]))
    assert record["text"] == "Three soldiers were killed. The army said so on Monday."


def test_a_title_or_headline_ends_its_line():
    record = build_record(_doc("headline_list", [
        "Army: 4 soldiers killed in Tarvik ambush",
        "Governor on the blockade: 'We will not bargain'",
        "Aid agency says 900 families fled Oskel",
    ]))
    assert record["text"] == (
        "Army: 4 soldiers killed in Tarvik ambush\nGovernor on the blockade: 'We will not bargain'\n"
        "Aid agency says 900 families fled Oskel")
    record = build_record(_doc("local", ["Oskel counts its dead", "Nine people were buried on Sunday."]))
    assert record["text"] == "Oskel counts its dead\nNine people were buried on Sunday."


def test_a_speaker_label_or_a_live_blog_time_starts_a_line():
    record = build_record(_doc("transcript", [
        "HOST: How many people are in the camp?", "LENA VOSS: About 4,000. More arrive every day.", "Q: Thank you."]))
    assert record["text"] == "HOST: How many people are in the camp?\nLENA VOSS: About 4,000. More arrive every day.\nQ: Thank you."
    record = build_record(_doc("live_blog", ["09:05 - Sirens in Tarvik.", "Nobody was hurt.", "09:40 - The all-clear sounded."]))
    assert record["text"] == "09:05 - Sirens in Tarvik. Nobody was hurt.\n09:40 - The all-clear sounded."
    assert sentence_gap({"s": "It was over."}, {"s": "UN: talks resume"}) == "\n"
    assert sentence_gap({"s": "It was over."}, {"s": "The UN: a body in crisis."}) == " "


def test_spans_resolve_across_line_breaks():
    record = build_record(_doc("headline_list", [
        {"s": "Army: 4 soldiers killed in Tarvik ambush",
         "counts": [{"text": "4 soldiers", "value": 4, "low": 4, "high": 4, "kind": "killed", "unit": "soldier", "actor": None}],
         "attributions": [{"cue": ":", "source": "Army", "content": "4 soldiers killed in Tarvik ambush", "source_type": "military"}]},
        {"s": "Rebels: 12 fighters captured near Oskel",
         "attributions": [{"cue": ":", "source": "Rebels", "content": "12 fighters captured near Oskel", "source_type": "military"}]},
    ]))
    text = record["text"]
    assert [text[a["source"]["start"]:a["source"]["end"]] for a in record["attributions"]] == ["Army", "Rebels"]
    assert text[record["counts"][0]["start"]:record["counts"][0]["end"]] == "4 soldiers"


def test_the_pipeline_reads_each_headline_of_a_built_list():
    record = build_record(_doc("headline_list", [
        "Army: 4 soldiers killed in Tarvik ambush", "Rebels: 12 fighters captured near Oskel"]))
    found = conflictnlp.to_dict(conflictnlp.load()(record["text"]))["attributions"]
    assert [(a["source"]["text"], a["content"]["text"]) for a in found] == [
        ("Army", "4 soldiers killed in Tarvik ambush"), ("Rebels", "12 fighters captured near Oskel")]
