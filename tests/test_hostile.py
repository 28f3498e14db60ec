"""Hostile input never crashes a run and never yields an invalid export.

Every case runs through the whole default pipeline (``conflictnlp.load()``, so the checks grow
with every component added to ``pipeline.DEFAULT_COMPONENTS``) and its export is validated by
:func:`check_export`: offsets in range, span text equal to ``text[start:end]``, labels from
``schema.py``, ``low <= estimate <= high``, indices that point at something, plain JSON.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import conflictnlp
from conflictnlp import schema
from conflictnlp.cli import main
from conflictnlp.longdoc import process_long, split_text

ROOT = Path(__file__).resolve().parent.parent
REPORT = (ROOT / "examples" / "report.txt").read_text(encoding="utf8")


# ----------------------------------------------------------------------------- the validator

def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_span(text: str, span, where: str, *, within=None, nonempty: bool = True) -> None:
    assert isinstance(span, dict), f"{where}: span must be an object, got {span!r}"
    start, end = span.get("start"), span.get("end")
    assert _is_int(start) and _is_int(end), f"{where}: offsets must be ints: {span!r}"
    assert 0 <= start <= end <= len(text), f"{where}: offsets {start}:{end} out of range 0:{len(text)}"
    if nonempty:
        assert start < end, f"{where}: empty span at {start}"
    assert span.get("text") == text[start:end], f"{where}: text {span.get('text')!r} != text[{start}:{end}] {text[start:end]!r}"
    if within is not None:
        assert within[0] <= start and end <= within[1], f"{where}: {start}:{end} outside {within}"


def check_export(export: dict, text: str) -> None:
    """Assert that ``export`` is a valid ``conflictnlp/1`` export of ``text``."""
    assert export["schema"] == "conflictnlp/1"
    assert export["text"] == text
    assert set(export) == {"schema", "text", "meta", "counts", "attributions", "sentences", "claims"}
    # Plain JSON, no NaN or infinities, and it round-trips.
    assert json.loads(json.dumps(export, allow_nan=False)) == export

    previous_end = 0
    for i, count in enumerate(export["counts"]):
        where = f"counts[{i}]"
        check_span(text, count, where)
        assert count["start"] >= previous_end, f"{where}: overlaps or is out of order"
        previous_end = count["end"]
        assert count["qualifier"] in schema.QUALIFIERS, f"{where}: qualifier {count['qualifier']!r}"
        assert count["kind"] in schema.KINDS, f"{where}: kind {count['kind']!r}"
        assert count["echelon"] is None or count["echelon"] in schema.ECHELONS, f"{where}: echelon {count['echelon']!r}"
        assert isinstance(count["inferred"], bool), where
        for field in ("unit", "actor"):
            assert count[field] is None or isinstance(count[field], str), f"{where}: {field}"
        for field in ("value", "low", "high", "estimate"):
            assert count[field] is None or (_is_int(count[field]) and count[field] >= 0), f"{where}: {field} {count[field]!r}"
        low, high, estimate, value = count["low"], count["high"], count["estimate"], count["value"]
        if low is not None and high is not None:
            assert low <= high, f"{where}: low {low} > high {high}"
        if estimate is not None:
            assert low is None or low <= estimate, f"{where}: estimate {estimate} < low {low}"
            assert high is None or estimate <= high, f"{where}: estimate {estimate} > high {high}"
        if value is not None and count["qualifier"] not in ("vague", "units"):
            assert estimate is not None, f"{where}: a stated value needs an estimate"

    for i, attribution in enumerate(export["attributions"]):
        where = f"attributions[{i}]"
        assert attribution["id"] == i, f"{where}: id {attribution['id']}"
        check_span(text, attribution["cue"], f"{where}.cue")
        for field in ("source", "content", "medium", "time"):
            if attribution.get(field) is not None:
                check_span(text, attribution[field], f"{where}.{field}")
        for j, via in enumerate(attribution.get("via") or []):
            check_span(text, via, f"{where}.via[{j}]")
        assert attribution["source_type"] in schema.SOURCE_TYPES, f"{where}: source_type {attribution['source_type']!r}"
        assert isinstance(attribution["anonymous"], bool) and isinstance(attribution["state_media"], bool), where

    previous_end = 0
    for i, sentence in enumerate(export["sentences"]):
        where = f"sentences[{i}]"
        check_span(text, sentence, where, nonempty=False)
        assert sentence["start"] >= previous_end, f"{where}: overlaps the previous sentence"
        previous_end = sentence["end"]
        certainty = sentence["certainty"]
        if certainty is None:  # no conflict_hedging in this pipeline
            continue
        assert certainty in schema.CERTAINTY_LEVELS, f"{where}: certainty {certainty!r}"
        assert sentence["hedged"] is (certainty != "certain"), where
        assert isinstance(sentence["score"], float) and 0.0 <= sentence["score"] <= 1.0, f"{where}: score {sentence['score']!r}"
        for j, cue in enumerate(sentence["cues"]):
            check_span(text, cue, f"{where}.cues[{j}]", within=(sentence["start"], sentence["end"]))
            assert cue["type"] in schema.CUE_TYPES, f"{where}.cues[{j}]: type {cue['type']!r}"

    n_counts, n_attributions, n_sentences = len(export["counts"]), len(export["attributions"]), len(export["sentences"])
    if export["claims"]:
        assert [c["count"] for c in export["claims"]] == list(range(n_counts)), "claims: one per count, in order"
    for i, claim in enumerate(export["claims"]):
        where = f"claims[{i}]"
        assert claim["attribution"] is None or 0 <= claim["attribution"] < n_attributions, where
        assert claim["sentence"] is None or 0 <= claim["sentence"] < n_sentences, where
        if claim["sentence"] is not None:
            sentence = export["sentences"][claim["sentence"]]
            count = export["counts"][claim["count"]]
            assert sentence["start"] <= count["start"] < max(sentence["end"], sentence["start"] + 1), f"{where}: count not in its sentence"
        assert claim["certainty"] in schema.CERTAINTY_LEVELS, f"{where}: certainty {claim['certainty']!r}"


def check_doc(doc) -> dict:
    export = conflictnlp.to_dict(doc)
    text = doc.text  # built afresh on each access: read it once
    check_export(export, text)
    for key in doc.spans:
        for span in doc.spans[key]:
            assert span.text == text[span.start_char:span.end_char]
    if "hedged" in doc.cats:
        assert all(0.0 <= v <= 1.0 + 1e-9 and not math.isnan(v) for v in doc.cats.values()), doc.cats
    return export


# ----------------------------------------------------------------------------- the inputs

HOSTILE = [
    ("empty", ""),
    ("spaces", "   "),
    ("whitespace mix", " \n\t\r\n \u00a0\u2003\n\n"),
    ("single newline", "\n"),
    ("NUL bytes", "Some 300\x00 troops\x00 arrived.\x00\x00"),
    ("control characters", "\x01\x02 About 2,000 \x1b[31msoldiers\x1b[0m were killed.\x7f"),
    ("HTML", "<html><body><p>Russia has amassed <b>some 50,000</b> troops,</p><script>alert('x')</script>"
             "<p>a US official &amp; others said.</p></body></html>"),
    ("French", "La Russie a rassemblé quelque 50 000 soldats, a déclaré un responsable américain."),
    ("Russian", "Россия сосредоточила около 50 000 военнослужащих, сообщил американский чиновник."),
    ("Arabic", "قالت وزارة الدفاع إن ٣٠٠ جندي قتلوا وإن ٥٠٬٠٠٠ جندي في المنطقة."),
    ("Chinese", "俄罗斯已集结约5万名士兵，一名美国官员告诉记者。"),
    ("Arabic-Indic digits", "The ministry said ٣٠٠ soldiers were killed and ٥٠٬٠٠٠ troops massed."),
    ("Devanagari digits", "Officials said १२,००० troops were deployed and ४५ were killed."),
    ("full-width digits", "About ５０，０００ troops and １２ tanks were reported, officials said."),
    ("absurd number", "The ministry said 999,999,999,999,999,999,999 troops were killed."),
    ("huge exponent", "Officials claimed 10^30 soldiers and 1e308 tanks, 10**400 drones."),
    ("float words", "Some 1.5 million soldiers and 0.5 troops and NaN tanks, inf drones were reported."),
    ("negative", "The army lost -300 soldiers and −50 tanks, officials said."),
    ("digit run", ("1234567890,.;:-–—/%$" * 1000)[:20000]),
    ("number words", "Nine hundred ninety-nine quintillion nine hundred thousand soldiers were killed, he said."),
    ("vague stack", "tens of thousands of hundreds of dozens of thousands of troops"),
    ("ranges reversed", "Between 5,000 and 3,000 soldiers and 700-600 troops were killed, and 12 to 3 tanks."),
    ("emoji", "🪖 Some 300 🪖 troops 💥 were killed, 📰 reported. 🇺🇦🇷🇺"),
    ("combining marks", "Some 3\u0301\u030300 tro\u0308ops were ki\u0301lled, a\u200d official said.\u200b"),
    ("RTL override", "\u202eSome 300 troops were killed\u202c, an official said."),
    ("quotes only", "“““”””‘’‘’\"\"\"''''«»«»"),
    ("punctuation only", "!!!???...;;;,,,:::---–––———" * 50),
    ("one long sentence", " ".join(["some 300 troops were killed said an official according to reports"] * 600)),
    ("no spaces", "troops" * 5000),
    ("repeated cue", "said " * 3000),
    ("unclosed quotes", "“Some 300 troops were killed, the official said. “And 40 more"),
    ("nested quotes", "He said “she said ‘they said “300 troops” were killed’ on Sunday” yesterday."),
    ("colon soup", ":::: a US official: 300 troops: killed: reportedly: :"),
    ("CRLF", "Some 300 troops arrived.\r\n\r\nAbout 2,000 soldiers were killed, officials said.\r\n"),
    ("tabs", "Some\t300\ttroops\twere\tkilled,\tofficials\tsaid."),
]


@pytest.mark.parametrize("name,text", HOSTILE, ids=[name for name, _ in HOSTILE])
def test_hostile_text_gives_a_valid_export(nlp, name, text):
    doc = nlp(text)
    check_doc(doc)


@pytest.mark.parametrize("name,text", HOSTILE[:12], ids=[name for name, _ in HOSTILE[:12]])
def test_hostile_text_in_a_batch_with_good_ones(nlp, name, text):
    docs = list(nlp.pipe([REPORT, text, REPORT]))
    exports = [check_doc(doc) for doc in docs]
    assert exports[0] == exports[2] == conflictnlp.to_dict(nlp(REPORT))


def test_lone_surrogates_are_refused_by_the_tokenizer_before_our_components(nlp):
    # A known spaCy limit: its tokenizer hashes UTF-8. Such a str never comes from a decoded
    # file (the CLI rejects undecodable bytes), only from code that builds it.
    with pytest.raises(UnicodeEncodeError):
        nlp.make_doc("Some 300 troops \ud800 were killed.")


def test_absurd_numbers_stay_plain_ints(nlp):
    export = check_doc(nlp("The ministry said 999,999,999,999,999,999,999 troops were killed."))
    for count in export["counts"]:
        for field in ("value", "low", "high", "estimate"):
            assert count[field] is None or isinstance(count[field], int)


def test_the_report_is_valid(nlp):
    check_doc(nlp(REPORT))


# ----------------------------------------------------------------------------- long documents

def _paragraphs(n_chars: int) -> str:
    paragraphs = [p for p in REPORT.split("\n\n") if p.strip()]
    parts, size, i = [], 0, 0
    while size < n_chars:
        parts.append(paragraphs[i % len(paragraphs)])
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    "text,max_chars,expected",
    [
        ("One.\n\nTwo.\n\nThree.", 12, ["One.\n\nTwo.\n\n", "Three."]),
        ("One.\n\nTwo.\n\nThree.", 100, ["One.\n\nTwo.\n\nThree."]),
        ("Line one\nLine two\n\nNext", 10, ["Line one\n", "Line two\n\n", "Next"]),
        ("First sentence. Second sentence.", 20, ["First sentence. ", "Second sentence."]),
        ("aaaa bbbb cccc", 9, ["aaaa ", "bbbb cccc"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("\n\n\nText", 4, ["\n\n\n", "Text"]),
        ("\n\n\nText", 3, ["\n\n\n", "Tex", "t"]),
        ("", 5, []),
    ],
)
def test_split_text(text, max_chars, expected):
    chunks = split_text(text, max_chars)
    assert chunks == expected
    assert "".join(chunks) == text


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, None])
def test_split_text_rejects_bad_sizes(bad):
    with pytest.raises(ValueError, match="max_chars"):
        split_text("text", bad)


@pytest.mark.parametrize("max_chars", [200, 700, 2000])
def test_chunked_equals_one_pass(nlp, max_chars):
    text = _paragraphs(6000)
    one_pass = nlp(text)
    chunked = process_long(nlp, text, max_chars=max_chars)
    assert len(split_text(text, max_chars)) > 1
    assert chunked.text == text
    assert conflictnlp.to_dict(chunked) == conflictnlp.to_dict(one_pass)
    assert {k: [(s.start_char, s.end_char, s.label_) for s in chunked.spans[k]] for k in chunked.spans} == {
        k: [(s.start_char, s.end_char, s.label_) for s in one_pass.spans[k]] for k in one_pass.spans
    }
    assert chunked.cats == pytest.approx(one_pass.cats)
    assert [t.is_sent_start for t in chunked] == [t.is_sent_start for t in one_pass]


def test_text_that_fits_is_one_pass(nlp):
    assert conflictnlp.to_dict(process_long(nlp, REPORT)) == conflictnlp.to_dict(nlp(REPORT))


def test_cut_inside_a_paragraph_still_gives_a_valid_export(nlp):
    text = " ".join([REPORT.replace("\n", " ")] * 5)
    check_doc(process_long(nlp, text, max_chars=300))


def test_two_megabyte_document(nlp):
    text = _paragraphs(2_100_000)
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError):
        nlp(text)
    doc = process_long(nlp, text)
    export = check_doc(doc)
    paragraph = nlp(REPORT.split("\n\n")[1])
    assert len(export["counts"]) > 1000
    # The last paragraph's counts are found at their shifted offsets.
    last = export["counts"][-1]
    assert text[last["start"]:last["end"]] == last["text"]
    assert len(paragraph.spans["conflict_counts"]) > 0


def test_cli_processes_a_document_above_max_length(tmp_path, capsys, monkeypatch):
    import conflictnlp.cli as cli

    def small_pipeline(base):
        pipeline = conflictnlp.load(base)
        pipeline.max_length = 5_000  # the same code path as a text above 1,000,000 characters
        return pipeline

    monkeypatch.setattr(cli, "load_pipeline", small_pipeline)
    path = tmp_path / "long.txt"
    text = _paragraphs(20_000)
    path.write_text(text, encoding="utf8")
    out = __import__("io").StringIO()
    code = main(["extract", str(path)], stdout=out)
    assert code == 0, capsys.readouterr().err
    export = json.loads(out.getvalue())
    assert export["text"] == text and export["meta"] == {"path": str(path)}
    check_export(export, text)
    assert len(export["counts"]) > 20


# ----------------------------------------------------------------------------- the CLI

HOSTILE_FILES = [
    ("nul.txt", b"Some 300 troops\x00\x00 arrived.", "nul.txt: binary file"),
    ("utf16.txt", "Some 300 troops arrived.".encode("utf-16"), "utf16.txt: "),
    ("latin1.txt", "Les soldats fran\xe7ais, 300 au total.".encode("latin-1"), "latin1.txt: not UTF-8 text"),
    ("truncated.txt", "Some 300 troops €".encode("utf8")[:-1], "truncated.txt: not UTF-8 text"),
    ("png.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png.png: binary file"),
    ("blank.txt", b"\n\n   \t\n", "blank.txt: empty input"),
    ("zero.txt", b"", "zero.txt: empty input"),
    ("bom-only.txt", b"\xef\xbb\xbf", "bom-only.txt: empty input"),
    ("bad.jsonl", b'{"text": 5}\n', "bad.jsonl, line 1:"),
]


@pytest.mark.parametrize("name,data,message", HOSTILE_FILES, ids=[h[0] for h in HOSTILE_FILES])
@pytest.mark.parametrize("fmt", ["jsonl", "table", "csv"])
def test_cli_hostile_file_is_named_and_others_printed(tmp_path, capsys, name, data, message, fmt):
    import io

    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf8")
    bad = tmp_path / name
    bad.write_bytes(data)
    out = io.StringIO()
    code = main(["extract", "--format", fmt, str(good), str(bad), str(good)], stdout=out)
    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in err, err
    if fmt == "jsonl":
        exports = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [e["meta"]["path"] for e in exports] == [str(good), str(good)]
    else:
        assert out.getvalue().count(str(good)) >= (2 if fmt == "table" else 1)


@pytest.mark.parametrize("name,text", [h for h in HOSTILE if h[1].strip()][:20], ids=[h[0] for h in HOSTILE if h[1].strip()][:20])
def test_cli_hostile_text_is_processed(tmp_path, name, text):
    import io

    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf8", errors="surrogatepass")
    out = io.StringIO()
    code = main(["extract", str(path)], stdout=out)
    if "\x00" in text:  # the CLI treats NUL bytes as a binary file
        assert code == 1
        return
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):  # not valid UTF-8 on disk
        assert code == 1
        return
    assert code == 0
    export = json.loads(out.getvalue())
    check_export(export, export["text"])
