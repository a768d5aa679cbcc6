"""``accord overlaps``: reads files (no database) and prints scored, explained pairs."""

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)
P1A = "Increased coverage of broadband networks in rural and remote areas, including through community networks"


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["overlaps", *[str(a) for a in args]])


def test_overlaps_json_sample_pins_the_near_duplicate(run):
    result = run(SAMPLE, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == {
        "pairs": [{"a": "P.1-a", "b": "P.3-a", "score": 0.8944, "shared": [P1A]}],
        "clusters": [["P.1-a", "P.3-a"]],
    }


def test_overlaps_json_lower_threshold_and_top(run):
    result = run(SAMPLE, "--threshold", "0.3", "--top", "2", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == {
        "pairs": [
            {"a": "P.1-a", "b": "P.3-a", "score": 0.8944, "shared": [P1A]},
            {"a": "P.1-b", "b": "P.1-2", "score": 0.3824, "shared": ["universal service funds"]},
        ],
        "clusters": [["P.1-a", "P.3-a"], ["P.1-b", "P.1-2"]],
    }


def test_overlaps_listing_is_readable(run):
    result = run(SAMPLE, "--threshold", "0.33")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "0.8944  P.1-a  ~  P.3-a",
        "        shared: Increased coverage of broadband networks in rural and remote areas, including through com…",
        "0.3824  P.1-b  ~  P.1-2",
        "        shared: universal service funds",
        "0.3363  P.3-b  ~  P.3-1",
        "        shared: co-financing",
        "cluster 1: P.1-a, P.3-a",
        "cluster 2: P.1-b, P.1-2",
        "cluster 3: P.3-b, P.3-1",
        "19 texts, 3 pairs (lexical), 3 clusters.",
    ]


def test_overlaps_several_files_prefix_colliding_ids(run, tmp_path):
    corpus = tmp_path / "resolutions.txt"
    corpus.write_text(
        "1. Increased coverage of broadband networks in rural and remote areas, including "
        "through community networks and satellite backhaul.\n2. Child online protection.\n"
    )
    copy = tmp_path / "copy.txt"
    shutil.copy(SAMPLE, copy)
    result = run(SAMPLE, copy, corpus, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert [(p["a"], p["b"], p["score"]) for p in report["pairs"]][:4] == [
        ("regional-priorities-working-document:P.1-a", "copy:P.1-a", 1.0),
        ("regional-priorities-working-document:P.1-b", "copy:P.1-b", 1.0),
        ("regional-priorities-working-document:P.1-c", "copy:P.1-c", 1.0),
        ("regional-priorities-working-document:P.1-1", "copy:P.1-1", 1.0),
    ]
    assert report["clusters"][0] == [
        "regional-priorities-working-document:P.1-a",
        "regional-priorities-working-document:P.3-a",
        "copy:P.1-a",
        "copy:P.3-a",
        "resolutions:1",
    ]


def test_overlaps_single_text_and_blank_corpus_print_empty_results(run, tmp_path):
    single = tmp_path / "single.txt"
    single.write_text("Only one paragraph about broadband.\n")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n")
    for path in (single, blank):
        result = run(path, "--json")
        assert (result.exit_code, result.stderr) == (0, "")
        assert json.loads(result.stdout) == {"pairs": [], "clusters": []}


def test_overlaps_non_utf8_file_is_one_line_exit_2(run, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Broadband \x81 for all\n")
    result = run(path, "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"accord: {path} (line 1): neither UTF-8 nor Windows-1252 text (byte 0x81); "
        "save the export as UTF-8\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "accord: missing.txt: no such file\n"),
        (
            [str(SAMPLE), "--threshold", "0"],
            "accord: the threshold must be above 0 and at most 1, not 0.0\n",
        ),
    ],
)
def test_overlaps_bad_input_is_one_line_exit_2(run, args, message):
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_overlaps_huge_paragraph_warns_on_stderr(run, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(f"1. {(P1A + '. ') * 95_000}\n2. {P1A}\n")
    result = run(path, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["clusters"] == [["huge:1", "huge:2"]]
    assert result.stderr == (
        "accord: warning: 'huge:1' is too long to compare whole (10,069,999 characters): only "
        "its first 50,000 characters, 5,000 word shingles at most, were compared\n"
    )


def test_overlaps_semantic_without_the_model_falls_back_with_a_warning(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "accord.engines.overlap.hybrid", None)
    result = run(SAMPLE, "--method", "semantic", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["clusters"] == [["P.1-a", "P.3-a"]]
    assert result.stderr.startswith("accord: warning: the semantic method is not available (")
