"""``accord link-suggest``: SDG goals, SDG targets and WSIS lines for each text of a working
document or a plain text file, as JSON or a listing; with and without the embedding model."""

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.engines.overlap import semantic

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLE = SHARED / "samples/regional-priorities-working-document.txt"
TARGETS = SHARED / "reference/sdg-targets.json"
needs_shared = pytest.mark.skipif(
    not (SAMPLE.is_file() and TARGETS.is_file()), reason="the shared sample files are absent"
)
needs_model = pytest.mark.skipif(
    not semantic.available(), reason="wordllama (pip install 'accord[semantic]') not installed"
)

# Items of the sample whose links are plain: digital skills, women and girls, financing,
# rural coverage: (best goal, best target, a WSIS line among those suggested). The
# women-and-girls item's WSIS line (C3 access or C4 capacity) is not pinned.
PINNED = {
    "P.2-a": (4, "4.4", "C4"),
    "P.2-b": (4, "4.c", "C4"),
    "P.2-c": (5, "5.b", None),
    "P.3-b": (17, "17.3", "C11"),
    "P.3-1": (17, "17.3", "C11"),
    "P.1-a": (9, "9.c", "C2"),
}


def pinned(report):
    """For each pinned item: its best goal and target, and the pinned WSIS line if it is
    among the suggested ones."""
    entries = {entry["id"]: entry for entry in report["items"]}
    found = {}
    for code, (_, _, line) in PINNED.items():
        entry = entries[code]
        lines = [s["line"] for s in entry["wsis"]]
        found[code] = (
            entry["sdg_goals"][0]["goal"] if entry["sdg_goals"] else None,
            entry["sdg_targets"][0]["target"] if entry["sdg_targets"] else None,
            line if line is None or line in lines else lines,
        )
    return found


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["link-suggest", *[str(a) for a in args]])


@pytest.fixture
def without_model(monkeypatch):
    monkeypatch.setattr(semantic, "load", lambda: None)


def best(result):
    """Per id: the best goal, target and WSIS line."""
    return {
        entry["id"]: (
            entry["sdg_goals"][0]["goal"] if entry["sdg_goals"] else None,
            entry["sdg_targets"][0]["target"] if entry["sdg_targets"] else None,
            entry["wsis"][0]["line"] if entry["wsis"] else None,
        )
        for entry in result["items"]
    }


def check_shape(result):
    """Exactly the documented object, each list best first, scores in 0..1 to 4 decimals."""
    assert list(result) == ["items"]
    for entry in result["items"]:
        assert list(entry) == ["id", "sdg_goals", "sdg_targets", "wsis"]
        for key, field, kind in (
            ("sdg_goals", "goal", int),
            ("sdg_targets", "target", str),
            ("wsis", "line", str),
        ):
            scores = [s["score"] for s in entry[key]]
            assert scores == sorted(scores, reverse=True)
            for suggestion in entry[key]:
                assert list(suggestion) == [field, "score"]
                assert isinstance(suggestion[field], kind)
                assert 0 <= suggestion["score"] <= 1
                assert round(suggestion["score"], 4) == suggestion["score"]


@needs_shared
@pytest.mark.unit
def test_link_suggest_sample_lexical_pins_plain_items(run):
    result = run(SAMPLE, "--method", "lexical", "--targets", TARGETS, "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    check_shape(report)
    assert [e["id"] for e in report["items"]][:4] == ["P.1-a", "P.1-b", "P.1-c", "P.1-1"]
    assert len(report["items"]) == 19
    assert pinned(report) == PINNED


@needs_shared
@needs_model
@pytest.mark.unit
def test_link_suggest_sample_hybrid_pins_plain_items(run):
    result = run(SAMPLE, "--method", "hybrid", "--targets", TARGETS, "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    check_shape(report)
    assert pinned(report) == PINNED


@needs_shared
@pytest.mark.unit
def test_link_suggest_without_the_model_falls_back_with_a_warning(run, without_model):
    result = run(SAMPLE, "--method", "hybrid", "--targets", TARGETS, "--json")

    assert result.exit_code == 0
    assert result.stderr.startswith(
        "accord: warning: the hybrid method needs the embedding model, which is not installed"
    )
    assert pinned(json.loads(result.stdout)) == PINNED


@needs_shared
@pytest.mark.unit
def test_link_suggest_default_method_without_the_model_says_nothing(run, without_model):
    result = run(SAMPLE, "--targets", TARGETS, "--json")

    assert (result.exit_code, result.stderr) == (0, "")


@needs_shared
@pytest.mark.unit
def test_link_suggest_text_file_ids_are_line_numbers(run, tmp_path):
    path = tmp_path / "texts.txt"
    path.write_text(
        "Digital skills training for teachers and students in schools\n"
        "\n"
        "More women and girls in ICT careers\n"
        "Co-financing of connectivity projects with development banks\n",
        encoding="utf-8",
    )

    result = run(path, "--method", "lexical", "--targets", TARGETS, "--top", "1", "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    check_shape(report)
    assert {key: value[0] for key, value in best(report).items()} == {"1": 4, "3": 5, "4": 17}
    assert all(len(e["sdg_goals"]) <= 1 for e in report["items"])


@needs_shared
@pytest.mark.unit
def test_link_suggest_listing_is_readable(run, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("More women and girls in ICT careers\n", encoding="utf-8")

    result = run(path, "--method", "lexical", "--targets", TARGETS, "--top", "1")

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "1  More women and girls in ICT careers"
    assert lines[1].startswith("    SDG goals:   5 (")
    assert lines[2].startswith("    SDG targets: 5.")
    assert lines[3].startswith("    WSIS lines:  ")
    assert lines[4] == "1 text (lexical)."


@pytest.mark.integration
def test_link_suggest_without_targets_warns_and_suggests_goals_only(run, db, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("More women and girls in ICT careers\n", encoding="utf-8")

    result = run(path, "--method", "lexical", "--json")

    assert result.exit_code == 0
    assert result.stderr == (
        "accord: warning: no SDG targets to suggest (give --targets FILE, or import them "
        "with 'accord import-reference sdg-targets FILE'); goals and WSIS lines only\n"
    )
    entry = json.loads(result.stdout)["items"][0]
    assert (entry["sdg_goals"][0]["goal"], entry["sdg_targets"]) == (5, [])


@needs_shared
@pytest.mark.integration
def test_link_suggest_reads_targets_imported_into_the_database(run, admin, tmp_path):
    from accord.reference.domain import import_sdg_targets

    import_sdg_targets(user=admin, source=TARGETS)
    path = tmp_path / "one.txt"
    path.write_text("More women and girls in ICT careers\n", encoding="utf-8")

    result = run(path, "--method", "lexical", "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["items"][0]["sdg_targets"][0]["target"].startswith("5.")


@pytest.mark.unit
def test_link_suggest_bad_targets_file_is_one_line(run, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Some text\n", encoding="utf-8")
    bad = tmp_path / "targets.json"
    bad.write_text('[{"goal": 4}]', encoding="utf-8")

    result = run(path, "--targets", bad)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"accord: {bad}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "the file is empty"), ("\n \n", "no text to read")],
)
def test_link_suggest_unreadable_input_is_one_line(run, tmp_path, content, message):
    path = tmp_path / "texts.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    result = run(path, "--targets", TARGETS)

    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("accord: ")
    assert len(result.stderr.splitlines()) == 1


def test_link_suggest_is_listed_in_help(run):
    result = CliRunner().invoke(app, ["--help"])

    assert "link-suggest" in result.stdout
    assert sys.modules.get("accord.cli.linkages") is not None
