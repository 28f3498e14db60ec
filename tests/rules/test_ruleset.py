"""RuleSet: a component's named rule tables load, check, save and restore themselves."""

import json

import pytest

from conflictnlp.rules import ResourceError, RuleSet, RuleTable

# Two tables of the sentences component's bundled files, so the defaults exist.
TABLES = (
    RuleTable("abbreviations", "abbreviations.jsonl", {"text": str, "note?": str}),
    RuleTable("openers", "openers.jsonl", {"text": str, "note?": str}),
)


def no_digits(ruleset, entries):
    for entry in entries["abbreviations"]:
        if any(c.isdigit() for c in entry["text"]):
            ruleset.fail("abbreviations", entry, "text must not contain digits")


def make(**sources):
    return RuleSet("sentences", "conflict_sentences", TABLES, check=no_digits).load(sources)


def write(path, entries, header="# a user table"):
    path.write_text(header + "\n" + "\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf8")
    return path


def test_bundled_tables_by_default():
    rules = make()
    assert rules["abbreviations"] and rules["openers"]
    assert not rules.missing
    rules.raise_pending()  # nothing pending


def test_user_file_and_entries(tmp_path):
    path = write(tmp_path / "abbr.jsonl", [{"text": "Gen"}])
    rules = make(abbreviations=str(path), openers=[{"text": "But"}])
    assert rules["abbreviations"] == [{"text": "Gen"}]
    assert rules["openers"] == [{"text": "But"}]


def test_check_names_file_and_line(tmp_path):
    path = write(tmp_path / "abbr.jsonl", [{"text": "Gen"}, {"text": "No5"}])
    with pytest.raises(ResourceError, match=r"abbr\.jsonl, line 3: sentences abbreviations table, entry .*No5.*: text must not contain digits"):
        make(abbreviations=str(path))


def test_check_on_entries_names_the_table():
    with pytest.raises(ResourceError, match=r"^sentences abbreviations table, entry .*: text must not contain digits"):
        make(abbreviations=[{"text": "A1"}])


def test_unknown_table_is_an_error():
    with pytest.raises(ResourceError, match="unknown rule table 'abbrevs'"):
        make(abbrevs=[])


def test_field_errors_are_not_deferred(tmp_path):
    path = tmp_path / "abbr.jsonl"
    path.write_text('{"txt": "Gen"}\n', encoding="utf8")
    with pytest.raises(ResourceError, match="line 1: missing field 'text'"):
        make(abbreviations=str(path))


def test_missing_file_is_deferred_until_restored(tmp_path):
    missing = tmp_path / "gone.jsonl"
    missing.write_text('{"text": "Gen"}\n', encoding="utf8")
    saved = tmp_path / "saved"
    make(abbreviations=str(missing)).to_disk(saved)  # saved on a machine that had the file
    missing.unlink()
    rules = make(abbreviations=str(missing))
    assert rules["abbreviations"] == make()["abbreviations"]  # the bundled table stands in
    with pytest.raises(ResourceError, match="gone.jsonl: file not found"):
        rules.raise_pending()
    rules.from_disk(saved)
    rules.raise_pending()  # restored: nothing pending
    assert rules["abbreviations"] == [{"text": "Gen"}]


def test_a_table_saved_under_another_config_value_gives_way_to_the_config(tmp_path):
    saved = tmp_path / "saved"
    make(abbreviations=[{"text": "Gen"}]).to_disk(saved)
    rules = make(abbreviations=[{"text": "Col"}]).from_disk(saved)
    assert rules["abbreviations"] == [{"text": "Col"}]
    assert rules["openers"] == make()["openers"]
    assert make().from_disk(saved)["abbreviations"] == [{"text": "Gen"}]  # a null config takes the saved table
    assert make(abbreviations=[{"text": "Col"}]).from_bytes(make(abbreviations=[{"text": "Gen"}]).to_bytes())["abbreviations"] == [{"text": "Col"}]
    assert make(abbreviations=[{"text": "Gen"}]).from_bytes(make(abbreviations=[{"text": "Gen"}]).to_bytes())["abbreviations"] == [{"text": "Gen"}]


def test_disk_round_trip_writes_headers(tmp_path):
    rules = make()
    rules.add("abbreviations", [{"text": "Gen"}])
    rules.remove("openers", text="The")
    rules.to_disk(tmp_path)
    assert (tmp_path / "abbreviations.jsonl").read_text(encoding="utf8").startswith("# conflict_sentences abbreviations table")
    restored = make().from_disk(tmp_path)  # the same config: the saved tables, edits and all
    assert restored.entries == rules.entries != make().entries


def test_bytes_round_trip_and_check_on_restore():
    rules = make()
    rules.add("abbreviations", [{"text": "Gen"}])
    assert make().from_bytes(rules.to_bytes()).entries == rules.entries != make().entries
    with pytest.raises(ResourceError, match="text must not contain digits"):
        make().from_bytes(json.dumps({"abbreviations": [{"text": "B2"}]}).encode("utf8"))
    with pytest.raises(ResourceError, match="unknown rule table 'x'"):
        make().from_bytes(json.dumps({"x": []}).encode("utf8"))
    with pytest.raises(ResourceError, match="line|field 'text'"):
        make().from_bytes(json.dumps({"openers": [{"texts": "A"}]}).encode("utf8"))


def test_failed_restore_keeps_the_tables():
    rules = make(abbreviations=[{"text": "Gen"}])
    with pytest.raises(ResourceError):
        rules.from_bytes(json.dumps({"abbreviations": [{"text": "B2"}]}).encode("utf8"))
    assert rules["abbreviations"] == [{"text": "Gen"}]


def test_lexicons_alias_still_imports():
    from conflictnlp import lexicons, rules

    assert lexicons.ResourceError is rules.ResourceError
    assert lexicons.load_entries is rules.load_entries
