"""``accord brackets``: reads a working document (no database) and lists its brackets."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app, main
from accord.cli.brackets import bracket_report
from accord.engines.documents.model import (
    Item,
    Objective,
    Position,
    Section,
    Stance,
    Warning,
    WorkingDocument,
)
from tests.engines.documents.sample_docx import build_working_document

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def report(run):
    result = run("brackets", SAMPLE, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


def _item(report, item_id):
    return next(item for item in report["items"] if item["id"] == item_id)


def test_brackets_json_lists_every_item_in_document_order(report):
    assert set(report) == {"items", "warnings"}
    assert [item["id"] for item in report["items"]] == [
        "P.1-a", "P.1-b", "P.1-c", "P.1-1", "P.1-2", "P.1-3", "P.1-d",
        "P.2-a", "P.2-b", "P.2-c", "P.2-1", "P.2-2", "P.2-3",
        "P.3-a", "P.3-b", "P.3-1", "P.3-2", "P.3-c", "P.3-3",
    ]  # fmt: skip
    for item in report["items"]:
        assert set(item) == {"id", "text", "brackets", "positions"}
        for bracket in item["brackets"]:
            assert item["text"][bracket["start"] : bracket["end"]] == bracket["text"]


def test_brackets_json_p1_d_nested_with_canada_on_the_inner_bracket(report):
    assert _item(report, "P.1-d") == {
        "id": "P.1-d",
        "text": "[Improved affordability of devices through [reduced import duties/targeted subsidies]]",
        "brackets": [
            {
                "start": 0,
                "end": 86,
                "text": "[Improved affordability of devices through [reduced import duties/targeted subsidies]]",
                "options": [
                    "Improved affordability of devices through [reduced import duties/targeted subsidies]"
                ],
                "positions": [],
            },
            {
                "start": 43,
                "end": 85,
                "text": "[reduced import duties/targeted subsidies]",
                "options": ["reduced import duties", "targeted subsidies"],
                "positions": [{"delegation": "Canada", "stance": "remove"}],
            },
        ],
        "positions": [
            {"delegation": "Mexico", "stance": "keep", "detail": "keep both"},
            {
                "delegation": "Globex Telecom",
                "stance": "remove",
                "detail": "request to remove the outcome",
            },
        ],
    }


def test_brackets_json_p2_3_argentina_on_the_alternatives(report):
    item = _item(report, "P.2-3")

    assert item["brackets"] == [
        {
            "start": 45,
            "end": 100,
            "text": "[the digital economy/digital transformation of society]",
            "options": ["the digital economy", "digital transformation of society"],
            "positions": [{"delegation": "Argentina", "stance": "alternative"}],
        }
    ]
    assert item["positions"] == [
        {"delegation": "Canada", "stance": "modify", "detail": "remaining modifications"},
        {
            "delegation": "Acme Satellite",
            "stance": "remove",
            "detail": "train-the-trainer programmes",
        },
    ]


def test_brackets_json_p3_c_or_alternative_options(report):
    item = _item(report, "P.3-c")

    assert item["brackets"] == [
        {
            "start": 0,
            "end": 167,
            "text": (
                "[Established a regional connectivity fund administered by the secretariat\nOR\n"
                "Alternative P.3-c: Strengthened coordination of existing connectivity funds in the region]"
            ),
            "options": [
                "Established a regional connectivity fund administered by the secretariat",
                "Strengthened coordination of existing connectivity funds in the region",
            ],
            "positions": [],
        }
    ]
    assert item["positions"] == [
        {"delegation": "Brazil", "stance": "alternative", "detail": "alternative P.3-c"},
        {"delegation": "Canada", "stance": "remove", "detail": "remove completely"},
        {"delegation": "Mexico", "stance": "keep", "detail": "keep"},
    ]


def test_brackets_json_p3_3_single_option(report):
    assert _item(report, "P.3-3") == {
        "id": "P.3-3",
        "text": "[Annual report on connectivity financing in the region]",
        "brackets": [
            {
                "start": 0,
                "end": 55,
                "text": "[Annual report on connectivity financing in the region]",
                "options": ["Annual report on connectivity financing in the region"],
                "positions": [],
            }
        ],
        "positions": [
            {"delegation": "Canada", "stance": "remove", "detail": "remove completely"},
            {"delegation": "Argentina", "stance": "keep", "detail": "keep"},
        ],
    }


def test_brackets_json_unbalanced_warning_is_not_repeated(report):
    unbalanced = [w for w in report["warnings"] if "never closed" in w["message"]]

    assert unbalanced == [
        {
            "where": "line 72, P.2-3",
            "message": "unbalanced bracket: '[' at offset 0 is never closed",
        }
    ]
    assert len(report["warnings"]) == 6


def test_brackets_report_adds_unbalanced_warning_the_reader_missed():
    item = Item(
        id="D.1-a",
        kind="outcome",
        text="keep] [this",
        section=Section.FURTHER_DISCUSSION,
        positions=[Position("Chile", Stance.KEEP, "keep", "this", "Chile – keep")],
    )
    document = WorkingDocument(
        title="t",
        objectives=[Objective(id="D.1", title="x", items=[item])],
        warnings=[Warning("line 3, D.1-a", "unbalanced bracket: ']' at offset 4 closes nothing")],
    )

    report = bracket_report(document)

    assert report["warnings"] == [
        {"where": "line 3, D.1-a", "message": "unbalanced bracket: ']' at offset 4 closes nothing"},
        {"where": "D.1-a", "message": "'[' at offset 6 is never closed"},
    ]
    assert report["items"][0]["positions"] == [
        {"delegation": "Chile", "stance": "keep", "detail": "keep"}
    ]


def test_brackets_reads_a_docx(run, tmp_path):
    path = build_working_document(tmp_path / "working.docx")

    result = run("brackets", path, "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    inner = _item(json.loads(result.stdout), "P.1-d")["brackets"][1]
    assert (inner["options"], inner["positions"]) == (
        ["reduced import duties", "targeted subsidies"],
        [{"delegation": "Canada", "stance": "remove"}],
    )


def test_brackets_listing_without_json(run):
    result = run("brackets", SAMPLE)

    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        "P.1-d",
        "  0-86: [Improved affordability of devices through [reduced import duties/targeted subsidies]]",
        "  43-85: [reduced import duties/targeted subsidies]",
        "      option 1: reduced import duties",
        "      option 2: targeted subsidies",
        "      Canada: remove",
        "  (item) Mexico: keep – keep both",
        "  (item) Globex Telecom: remove – request to remove the outcome",
    ]
    assert "19 items, 4 with brackets, 5 brackets, 6 warnings." in lines


def test_brackets_bad_file_exits_2_with_one_line(run, tmp_path):
    missing = tmp_path / "missing.docx"

    result = run("brackets", missing, "--json")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"accord: {missing}: no such file\n"


def test_brackets_binary_file_through_main_exits_2(tmp_path, capsys):
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x00\x01\x02" * 10)

    with pytest.raises(SystemExit) as exit_info:
        main(["brackets", str(path)])

    captured = capsys.readouterr()
    assert (exit_info.value.code, captured.out) == (2, "")
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"accord: {path}: a binary file")
