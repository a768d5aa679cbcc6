"""``accord import`` and ``accord export``, in-process with the test database."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from pypdf import PdfReader
from typer.testing import CliRunner

from accord.audit.models import AuditEntry
from accord.cli import app
from accord.plans.models import PlanItem

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _check_contract(summary):
    assert set(summary) == {"title", "objectives", "warnings"}
    assert isinstance(summary["title"], str)
    for objective in summary["objectives"]:
        assert {"id", "title", "items"} <= set(objective)
        for item in objective["items"]:
            assert set(item) == {
                "id",
                "kind",
                "text",
                "section",
                "status",
                "brackets",
                "comments",
                "positions",
            }
            assert item["kind"] in {"outcome", "output"}
            assert item["section"] in {"agreed", "further_discussion"}
            assert item["status"] in {"agreed", "undisputed_change", "disputed", None}
            for bracket in item["brackets"]:
                assert set(bracket) == {"start", "end", "text"}
                assert item["text"][bracket["start"] : bracket["end"]] == bracket["text"]
            assert all(set(c) == {"author", "text"} for c in item["comments"])
            assert all(set(p) == {"delegation", "stance", "detail"} for p in item["positions"])
    assert all(set(w) == {"where", "message"} for w in summary["warnings"])


def test_import_dry_run_json_prints_exactly_one_contract_object_and_writes_nothing(
    run, admin, conference
):
    before = _row_counts()

    result = run("import", SAMPLE, "--dry-run", "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    summary = json.loads(result.stdout)
    _check_contract(summary)
    assert sum(len(o["items"]) for o in summary["objectives"]) == 19
    assert _row_counts() == before


def test_import_dry_run_without_any_conference_only_reads(run, db):
    result = run("import", SAMPLE, "--dry-run", "--json")

    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["warnings"]) == 6


def test_import_writes_a_new_version_audited_as_the_operator(run, admin, conference):
    result = run("import", SAMPLE, "--label", "After RPM-2")

    version = conference.action_plan.versions.get()
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Imported as version 1 of conf (a draft)."
    assert (version.label, version.items.count()) == ("After RPM-2", 19)
    assert AuditEntry.objects.get(action="plan.imported").actor_name.startswith("operator:")


def test_import_without_conference_when_none_exists_says_so(run, db):
    result = run("import", SAMPLE)

    assert result.exit_code == 2
    assert result.stderr == "accord: There is no conference yet; try 'accord demo --seed-only'.\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; expected a Word (.docx) document or its plain-text export"),
        (b"PK\x03\x04broken zip", None),
        (
            b"no items here\n",
            "no recognisable priorities or items; expected paragraphs such as 'D.1 Title' and 'D.1-a: outcome text'",
        ),
    ],
)
def test_import_bad_input_exits_2_with_one_line_and_writes_nothing(
    run, admin, conference, tmp_path, content, message
):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    before = _row_counts()

    result = run("import", path, "--conference", "conf")

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"accord: {path}: ")
    if message:
        assert result.stderr == f"accord: {path}: {message}\n"
    assert "Traceback" not in result.output
    assert _row_counts() == before


def test_export_each_format_writes_the_plan(run, admin, draft, tmp_path):
    texts = {}
    for fmt in ["json", "html", "md", "pdf", "docx"]:
        out = tmp_path / f"plan.{fmt}"
        result = run("export", "--conference", "conf", "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        texts[fmt] = out.read_bytes()

    assert json.loads(texts["json"])["objectives"][0]["items"][0]["id"] == "D.1-a"
    assert b'id="D.2-b"' in texts["html"]
    assert b"- **D.1-1** (output, Undisputed change)" in texts["md"]
    assert "D.2-b" in "".join(p.extract_text() for p in PdfReader(tmp_path / "plan.pdf").pages)
    assert texts["docx"].startswith(b"PK")


def test_export_then_import_docx_gives_back_the_same_items(run, admin, draft, tmp_path):
    out = tmp_path / "plan.docx"
    run("export", "--conference", "conf", "--format", "docx", "-o", out)

    result = run("import", out, "--conference", "conf")

    assert result.exit_code == 0, result.output
    fields = ("code", "kind", "text", "status", "section")
    original = PlanItem.objects.filter(version=draft).values_list(*fields)
    back = (
        PlanItem.objects.filter(version__number=2)
        .order_by("priority__order", "order")
        .values_list(*fields)
    )
    assert sorted(back) == sorted(original)
    # The Word layout holds outcomes in one column and outputs in the next, so each priority
    # reads back outcomes first.
    assert [code for code, *_ in back][:3] == ["D.1-a", "D.1-b", "D.1-1"]


def test_export_unknown_version_exits_2(run, admin, draft, tmp_path):
    result = run(
        "export", "--conference", "conf", "--format", "json", "--version", "9", "-o", tmp_path / "x"
    )

    assert result.exit_code == 2
    assert result.stderr == "accord: conf has no version 9 (versions: 1).\n"


def test_import_dry_run_reports_counts_and_each_warning(run, db):
    result = run("import", SAMPLE, "--dry-run")

    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"{SAMPLE}: 3 priorities, 19 items, 14 comments, 18 positions, 6 warnings."
    assert lines[3] == "  warning (line 59, P.2-b): identifier 'P.-2-b' read as 'P.2-b'"
    assert lines[-1] == "Dry run: nothing was written."
