"""Every view that shows a source shows the name a pronoun resolves to beside the pronoun as
written ("He (General Oleksandr Syrskyi)"): the export table, count rows and the CLI's CSV and
table output, compare() (table, CSV, rows), claims_frame() and render()'s labels (issue 14)."""

from __future__ import annotations

import csv
import io

import pytest

import conflictnlp
from conflictnlp import cli
from conflictnlp.export import count_rows, export_table, source_text
from conflictnlp.views.compare import claim_rows
from conflictnlp.views.render import labelled_spans

TEXT = ("General Oleksandr Syrskyi visited the front on Monday. "
        "He said 40 Russian tanks were destroyed near Avdiivka.")
SHOWN = "He (General Oleksandr Syrskyi)"


@pytest.fixture(scope="module")
def export():
    found = conflictnlp.to_dict(conflictnlp.load()(TEXT))
    assert [a["resolved"] for a in found["attributions"]] == ["General Oleksandr Syrskyi"]
    return found


@pytest.mark.parametrize("attribution,shown", [
    ({"source": {"text": "He"}, "resolved": "Jan Novak"}, "He (Jan Novak)"),
    ({"source": {"text": "she"}, "resolved": None}, "she"),
    ({"source": {"text": "the  army\nspokesman"}, "resolved": None}, "the army spokesman"),
    ({"source": {"text": "Jan Novak"}, "resolved": "Jan Novak"}, "Jan Novak"),
    ({"source": None, "resolved": None}, None),
    (None, None),
])
def test_source_text(attribution, shown):
    assert source_text(attribution) == shown


def test_export_table_and_count_rows(export):
    assert count_rows(export)[0]["source"] == SHOWN
    table = export_table(export)
    assert table.count(SHOWN) == 2  # the counts table and the attributions table


def test_cli_csv_and_table(export, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    assert cli.main(["extract", "--format", "csv", str(path)], stdout=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["source"] for r in rows] == [SHOWN]
    out = io.StringIO()
    assert cli.main(["extract", "--format", "table", str(path)], stdout=out) == 0
    assert SHOWN in out.getvalue()


def test_compare_rows_table_and_csv(export):
    result = conflictnlp.compare({"report": export})
    assert [r["source"] for r in result.rows] == [SHOWN]
    assert SHOWN in result.table()
    assert [r["source"] for r in csv.DictReader(io.StringIO(result.to_csv()))] == [SHOWN]


def test_claims_frame(export):
    assert [r["source"] for r in claim_rows({"report": export})] == [SHOWN]
    pytest.importorskip("pandas")
    assert list(conflictnlp.claims_frame({"report": export})["source"]) == [SHOWN]


def test_render_label_names_the_resolved_source(export):
    labels = [label for _, _, label in labelled_spans(export) if label.startswith("SOURCE")]
    assert labels == ["SOURCE official · = General Oleksandr Syrskyi"]
    assert "General Oleksandr Syrskyi" in conflictnlp.render(export, jupyter=False)


def test_a_named_source_is_shown_as_written():
    found = conflictnlp.to_dict(conflictnlp.load()("Kremlin spokesman Dmitry Peskov said 12 drones were downed."))
    assert count_rows(found)[0]["source"] == "Kremlin spokesman Dmitry Peskov"
