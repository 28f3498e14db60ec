"""Long documents go through `extract` chunk by chunk: each chunk processed, written, forgotten.

The pipelines here have a small ``nlp.max_length`` so that a few kilobytes are a "long" document
of many chunks; the output must be the one the whole document gives in one pass.
"""

import gc
import io
import json
import weakref

import pytest
from spacy.language import Language

import conflictnlp
from conflictnlp import longdoc, pipeline
from conflictnlp.cli import main
from conflictnlp.longdoc import iter_long, iter_long_exports, merge_exports, process_long

PARAGRAPHS = [
    "A brigade commander said 450 marines had landed near Port Salvane on Thursday.",
    "According to the coastal authority, at least 38 fishermen were detained. A harbour official said two boats were seized.",
    "\u201cWe shot down 14 drones over Meridia,\u201d an air force spokeswoman told reporters on Friday.",
    "It remains unclear whether the 2,300 reservists reported by local radio ever reached the front.",
    "The Eastern Command claimed that some 60 armoured vehicles had been destroyed, officials said.",
    "Up to 9,000 conscripts are thought to be gathering north of Kaltberg, a border official said.",
]
TEXT = "\n\n".join(PARAGRAPHS * 12) + "\n"  # about 7,000 characters
MAX_LENGTH = 1500  # about 5 paragraphs a chunk: 5 chunks or more


def _load(max_length, *probe):
    nlp = conflictnlp.load()
    nlp.max_length = max_length
    for name in probe:
        nlp.add_pipe(name, last=True)
    return nlp


@pytest.fixture(scope="module")
def small_nlp():
    return _load(MAX_LENGTH)


@pytest.fixture(scope="module")
def whole_nlp():
    return _load(10 * len(TEXT))


def extract(monkeypatch, nlp, argv):
    monkeypatch.setattr(pipeline, "load", lambda base=None: nlp)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    code = main(["extract", *argv], stdout=out)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def long_file(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(TEXT, encoding="utf8")
    return path


@pytest.mark.parametrize("max_chars", [300, 700, 1500, 4000, 100000])
def test_chunk_exports_join_to_the_merged_export(nlp, max_chars):
    meta = {"path": "long.txt"}
    merged = conflictnlp.to_dict(process_long(nlp, TEXT, max_chars=max_chars), meta)
    assert merge_exports(TEXT, iter_long_exports(nlp, TEXT, meta, max_chars=max_chars)) == merged
    assert merged == conflictnlp.to_dict(nlp(TEXT), meta)  # the cuts fall between paragraphs


def test_iter_long_gives_offsets_and_chunks_of_the_text(nlp):
    chunks = list(iter_long(nlp, TEXT, max_chars=700))
    assert len(chunks) > 5
    assert "".join(doc.text for _, doc in chunks) == TEXT
    assert all(TEXT[offset : offset + len(doc.text)] == doc.text for offset, doc in chunks)


def test_iter_long_leaves_max_length_alone(nlp):
    saved = nlp.max_length
    docs = iter_long(nlp, TEXT, max_chars=len(TEXT) + 1)  # one chunk above nlp.max_length
    nlp.max_length = 100
    try:
        assert [doc.text for _, doc in docs] == [TEXT]
        assert nlp.max_length == 100
    finally:
        nlp.max_length = saved


@pytest.fixture()
def long_line(tmp_path):
    path = tmp_path / "long.jsonl"
    short = json.dumps({"text": PARAGRAPHS[3], "meta": {"id": "short"}})
    path.write_text(short + "\n" + json.dumps({"text": TEXT, "meta": {"id": "long"}}) + "\n" + short + "\n", encoding="utf8")
    return path


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
@pytest.mark.parametrize("source", ["long_file", "long_line"])
def test_streamed_output_equals_one_pass(monkeypatch, request, small_nlp, whole_nlp, source, output_format):
    argv = [str(request.getfixturevalue(source)), "--format", output_format]
    code, streamed, _ = extract(monkeypatch, small_nlp, argv)
    assert code == 0
    assert streamed == extract(monkeypatch, whole_nlp, argv)[1]


def test_streamed_jsonl_is_the_merged_export(monkeypatch, small_nlp, long_file):
    _, out, _ = extract(monkeypatch, small_nlp, [str(long_file)])
    merged = conflictnlp.to_dict(process_long(small_nlp, TEXT), {"path": str(long_file)})
    assert out == json.dumps(merged, ensure_ascii=False) + "\n"
    assert [a["id"] for a in merged["attributions"]] == list(range(len(merged["attributions"])))


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "table", "html"])
def test_extract_never_builds_a_merged_doc(monkeypatch, small_nlp, long_file, output_format):
    def refuse(*args, **kwargs):
        raise AssertionError("merge_docs: the whole document was merged into one Doc")

    monkeypatch.setattr(longdoc, "merge_docs", refuse)
    code, out, err = extract(monkeypatch, small_nlp, [str(long_file), "--format", output_format])
    assert (code, err) == (0, "")
    assert "marines" in out


_LIVE = {"docs": weakref.WeakSet(), "most": 0}


@Language.component("test_stream_probe")
def _probe(doc):
    gc.collect()
    _LIVE["docs"].add(doc)
    _LIVE["most"] = max(_LIVE["most"], len(_LIVE["docs"]))
    return doc


@pytest.fixture(scope="module")
def probe_nlp():
    return _load(MAX_LENGTH, "test_stream_probe")


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "table", "html"])
def test_extract_holds_few_chunks_at_once(monkeypatch, probe_nlp, long_file, output_format):
    _LIVE.update(docs=weakref.WeakSet(), most=0)
    code, _, _ = extract(monkeypatch, probe_nlp, [str(long_file), "--format", output_format])
    assert code == 0
    assert 1 <= _LIVE["most"] <= 2  # the chunk being processed, and the one before (held by pipe batches)


def test_long_table_and_html_name_each_chunk(monkeypatch, small_nlp, long_file):
    parts = [offset for offset, _ in iter_long(small_nlp, TEXT)]
    _, table, _ = extract(monkeypatch, small_nlp, [str(long_file), str(long_file), "--format", "table"])
    assert table.count(f"== {long_file} [characters ") == 2 * len(parts)
    assert f"== {long_file} [characters 0-{parts[1]:,}]" in table
    _, page, _ = extract(monkeypatch, small_nlp, [str(long_file), "--format", "html"])
    assert page.count("<figure") == len(parts) and page.count("<html") == 1


@Language.component("test_fail_late")
def _fail_late(doc):
    if "Kaltberg" in doc.text and not doc.text.startswith(PARAGRAPHS[0]):  # a chunk after the first
        raise RuntimeError("probe failure")
    return doc


@pytest.fixture(scope="module")
def failing_nlp():
    return _load(MAX_LENGTH, "test_fail_late")


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "table", "html"])
def test_failing_chunk_loses_only_its_document(monkeypatch, failing_nlp, tmp_path, long_file, output_format):
    short = tmp_path / "short.txt"
    short.write_text(PARAGRAPHS[0], encoding="utf8")
    code, out, err = extract(monkeypatch, failing_nlp, [str(long_file), str(short), "--format", output_format])
    assert code == 1
    assert err.startswith(f"conflictnlp: error: {long_file}: at character ") and "probe failure" in err
    assert err.count("\n") == 1
    assert "marines" in out and "Kaltberg" not in out  # the short document only
    if output_format == "jsonl":
        assert [json.loads(line)["meta"]["path"] for line in out.splitlines()] == [str(short)]


def test_worker_processes_leave_long_documents_in_this_process(monkeypatch, small_nlp, long_file, tmp_path):
    short = tmp_path / "short.txt"
    short.write_text(PARAGRAPHS[2], encoding="utf8")
    argv = [str(short), str(long_file), str(short)]
    serial = extract(monkeypatch, small_nlp, argv)
    assert serial[0] == 0
    assert extract(monkeypatch, small_nlp, [*argv, "--n-process", "2", "--batch-size", "1"]) == serial


def test_compare_joins_a_long_document(monkeypatch, small_nlp, whole_nlp, long_file):
    def compare(nlp):
        monkeypatch.setattr(pipeline, "load", lambda base=None: nlp)
        out = io.StringIO()
        assert main(["compare", str(long_file), "--format", "jsonl"], stdout=out) == 0
        return out.getvalue()

    assert compare(small_nlp) == compare(whole_nlp) != ""
