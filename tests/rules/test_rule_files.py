"""Resource loading: errors name file, line and field; loading never executes code."""

import json

import pytest

from conflictnlp.rules import ResourceError, load_entries, parse_jsonl, read_jsonl, resource_dir

FIELDS = {"text": str, "weight?": (int, float), "flag?": bool}

BAD_LINES = [
    # line | message fragment
    ('{"text": "a"', "line 1: invalid JSON"),
    ('["a"]', "line 1: expected a JSON object"),
    ('{"weight": 1}', "line 1: missing field 'text'"),
    ('{"text": 3}', "line 1: field 'text' must be str"),
    ('{"text": "a", "weight": "x"}', "line 1: field 'weight' must be int or float"),
    ('{"text": "a", "flag": 1}', "line 1: field 'flag' must be bool"),
    ('{"text": "a", "colour": "red"}', "line 1: unknown field 'colour'"),
    ('{"text": "a", "weight": true}', "field 'weight' must be int or float"),
]


@pytest.mark.parametrize("line,message", BAD_LINES)
def test_bad_lines_are_named(line, message):
    with pytest.raises(ResourceError, match=message):
        parse_jsonl([line], "mine.jsonl", FIELDS)


def test_comments_and_blank_lines_are_skipped():
    entries = parse_jsonl(["# header", "", '{"text": "a", "weight": 2}', "  # another"], "x", FIELDS)
    assert entries == [{"text": "a", "weight": 2}]


def test_line_numbers_count_comments(tmp_path):
    path = tmp_path / "lex.jsonl"
    path.write_text("# header\n# more\n{\"text\": \"ok\"}\n{\"text\": 5}\n", encoding="utf8")
    with pytest.raises(ResourceError, match=r"lex.jsonl, line 4: field 'text'"):
        read_jsonl(path, FIELDS)


@pytest.mark.parametrize(
    "content,message",
    [(None, "file not found"), (b"\xff\xfe\x00bad", "not UTF-8")],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "lex.jsonl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ResourceError, match=message):
        read_jsonl(path, FIELDS)


def test_code_is_never_executed(tmp_path):
    path = tmp_path / "lex.jsonl"
    path.write_text(json.dumps({"text": "__import__('os').system('exit 3')"}) + "\n", encoding="utf8")
    assert read_jsonl(path, FIELDS) == [{"text": "__import__('os').system('exit 3')"}]


def test_load_entries_accepts_lists_and_rejects_other_types():
    assert load_entries([{"text": "a"}], "sentences", "abbreviations.jsonl", FIELDS) == [{"text": "a"}]
    with pytest.raises(ResourceError, match="sentences entry 1: missing field 'text'"):
        load_entries([{"txt": "a"}], "sentences", "abbreviations.jsonl", FIELDS)
    with pytest.raises(ResourceError, match="expected a path"):
        load_entries(42, "sentences", "abbreviations.jsonl", FIELDS)


def test_every_bundled_resource_parses():
    files = sorted(resource_dir().glob("*/*.jsonl"))
    assert files, "no bundled resources found"
    for path in files:
        assert read_jsonl(path), f"{path} is empty"


# A user rule file whose second line is nested far too deep (a RecursionError in json.loads,
# or a value too deep for the checks that walk it): one ResourceError naming file and line.
DEEP_LINES = ["[" * 5000 + "]" * 5000, '{"text": ' * 3000 + '"a"' + "}" * 3000, "[" * 150 + "]" * 150]
USER_RULE_FILES = [
    # factory | config key
    ("conflict_sentences", "abbreviations"),
    ("conflict_counts", "nouns"),
    ("conflict_counts", "actors"),
    ("conflict_attribution", "cues"),
    ("conflict_attribution", "outlets"),
    ("conflict_hedging", "cues"),
]


@pytest.mark.parametrize("line", DEEP_LINES, ids=["array", "object", "just over the limit"])
def test_deeply_nested_line_is_named(line):
    with pytest.raises(ResourceError, match=r"mine.jsonl, line 2: invalid JSON \(nested deeper than"):
        parse_jsonl(['{"text": "a"}', line], "mine.jsonl", FIELDS)


@pytest.mark.parametrize("factory, key", USER_RULE_FILES)
def test_deeply_nested_user_rule_file_is_one_error(factory, key, tmp_path):
    import spacy

    import conflictnlp  # noqa: F401  (registers the factories)

    path = tmp_path / "mine.jsonl"
    path.write_text("# my rules\n" + DEEP_LINES[0] + "\n", encoding="utf8")
    nlp = spacy.blank("en")
    with pytest.raises(ResourceError) as err:
        nlp.add_pipe(factory, config={key: str(path)})
        nlp("Two brigades crossed the river, officials said.")
    assert str(err.value).startswith(f"{path}, line 2: invalid JSON (nested deeper than")
    assert len(str(err.value).splitlines()) == 1
