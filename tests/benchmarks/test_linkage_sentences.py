"""The labelled linkage set (benchmarks/data/linkage_sentences.jsonl) is well formed, so the
linkage benchmark can trust it: every row names at least one goal and one WSIS line, and
every target is a real SDG target under one of the row's goals."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "linkage_sentences.jsonl"
SDG_TARGETS = ROOT.parent / "shared" / "reference" / "sdg-targets.json"
FIELDS = ("goals", "id", "kind", "targets", "text", "wsis")
KINDS = {"outcome", "output", "priority", "other"}
WSIS_LINES = {f"C{n}" for n in range(1, 12)}
TARGET_CODE = re.compile(r"^(?P<goal>[1-9]|1[0-7])\.(?:[1-9]|1[0-9]|[a-z])$")


def rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def reference_target_codes() -> set[str]:
    """Target codes of the UN list; the file writes 8.10 as the number 8.1, so a numeric code
    seen a second time under the same goal is the tenth target."""
    codes: set[str] = set()
    for entry in json.loads(SDG_TARGETS.read_text(encoding="utf-8")):
        code = str(entry["target"])
        if isinstance(entry["target"], float) and code in codes:
            code += "0"
        codes.add(code)
    return codes


def test_linkage_set_every_line_is_a_json_object():
    lines = DATA.read_text(encoding="utf-8").splitlines()
    bad = []
    for number, line in enumerate(lines, start=1):
        try:
            if not isinstance(json.loads(line), dict):
                bad.append(number)
        except json.JSONDecodeError:
            bad.append(number)
    assert bad == []


def test_linkage_set_has_at_least_200_rows():
    assert len(rows()) >= 200


def test_linkage_set_rows_have_exactly_the_documented_fields():
    assert {tuple(sorted(row)) for row in rows()} == {FIELDS}


def test_linkage_set_ids_are_unique_and_numbered():
    ids = [row["id"] for row in rows()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not re.fullmatch(r"L\d{3,}", i)] == []


def test_linkage_set_texts_are_unique_and_trimmed():
    texts = [row["text"] for row in rows()]
    assert [t for t, n in Counter(texts).items() if n > 1] == []
    assert [t for t in texts if not t or t != t.strip()] == []


def test_linkage_set_kind_is_known():
    assert [row["id"] for row in rows() if row["kind"] not in KINDS] == []


def test_linkage_set_every_row_has_distinct_goals_between_1_and_17():
    bad = [
        row["id"]
        for row in rows()
        if not row["goals"]
        or len(set(row["goals"])) != len(row["goals"])
        or any(type(g) is not int or not 1 <= g <= 17 for g in row["goals"])
    ]
    assert bad == []


def test_linkage_set_every_row_has_distinct_wsis_lines_c1_to_c11():
    bad = [
        row["id"]
        for row in rows()
        if not row["wsis"]
        or len(set(row["wsis"])) != len(row["wsis"])
        or any(line not in WSIS_LINES for line in row["wsis"])
    ]
    assert bad == []


def test_linkage_set_targets_are_codes_under_a_listed_goal():
    bad = []
    for row in rows():
        for target in row["targets"]:
            match = TARGET_CODE.match(target) if isinstance(target, str) else None
            if match is None or int(match["goal"]) not in row["goals"]:
                bad.append((row["id"], target))
        if len(set(row["targets"])) != len(row["targets"]):
            bad.append((row["id"], "duplicate"))
    assert bad == []


def test_linkage_set_targets_exist_in_the_un_list():
    if not SDG_TARGETS.exists():
        pytest.skip(f"reference list absent: {SDG_TARGETS}")
    codes = reference_target_codes()
    assert len(codes) == 169
    assert [
        (row["id"], target) for row in rows() for target in row["targets"] if target not in codes
    ] == []


def test_linkage_set_covers_every_goal_and_every_wsis_line():
    data = rows()
    assert {g for row in data for g in row["goals"]} == set(range(1, 18))
    assert {line for row in data for line in row["wsis"]} == WSIS_LINES
