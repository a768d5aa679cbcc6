"""``accord import-reference``: SDG targets and the secretariat's lists from files, as the
operator; errors in one line with status 2."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.audit.models import AuditEntry
from accord.cli import app
from accord.reference.models import ReferenceEntry, SDGTarget

pytestmark = pytest.mark.integration

TARGETS = Path(__file__).resolve().parents[2].parent / "shared/reference/sdg-targets.json"


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["import-reference", *[str(a) for a in args]])


@pytest.mark.skipif(not TARGETS.is_file(), reason="the shared reference data is absent")
def test_import_sdg_targets_command(run, db):
    result = run("sdg-targets", TARGETS)

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "sdg-targets.json: 169 SDG targets; 169 new, 0 updated, 0 unchanged.\n"
    assert SDGTarget.objects.count() == 169
    assert (
        AuditEntry.objects.filter(action="reference.created")
        .first()
        .actor_name.startswith("operator:")
    )


@pytest.mark.skipif(not TARGETS.is_file(), reason="the shared reference data is absent")
def test_import_sdg_targets_command_dry_run_json(run, db):
    result = run("sdg-targets", TARGETS, "--dry-run", "--json")

    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["kind"], report["dry_run"], len(report["created"])) == ("sdg_target", True, 169)
    assert SDGTarget.objects.count() == 0


def test_import_questions_command_from_text(run, db, tmp_path):
    path = tmp_path / "questions.txt"
    path.write_text(
        "Study Questions\n"
        "Question 1/1 – Strategies and policies for broadband\n"
        "Question 5/1 – Telecommunications for rural and remote areas\n",
        encoding="utf-8",
    )

    result = run("questions", path)

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "questions.txt: 2 entries; 2 new, 0 updated, 0 unchanged.\n"
    assert list(ReferenceEntry.objects.values_list("kind", "code")) == [
        ("question", "1/1"),
        ("question", "5/1"),
    ]


def test_import_list_command_bad_row_is_one_line(run, db, tmp_path):
    path = tmp_path / "goals.csv"
    path.write_text("code,title\n1,Connectivity\n,Inclusion\n", encoding="utf-8")

    result = run("strategic-goals", path)

    assert (result.exit_code, result.stderr) == (
        2,
        "accord: goals.csv, line 3: the code is empty\n",
    )
    assert ReferenceEntry.objects.count() == 0


def test_import_list_command_missing_file(run, db, tmp_path):
    result = run("resolutions", tmp_path / "none.csv")

    assert (result.exit_code, result.stderr) == (2, "accord: none.csv: no such file\n")


def test_import_reference_lists_its_commands(run):
    result = run("--help")

    for name in (
        "sdg-targets",
        "strategic-goals",
        "resolutions",
        "regional-initiatives",
        "questions",
    ):
        assert name in result.stdout
