"""Sanity checks for the project's own reference data CSV files."""

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

DATA_DIR = Path(__file__).resolve().parents[2] / "src/accord/reference/data"

HEADERS = {
    "regions.csv": ["code", "name"],
    "member_states.csv": ["iso3", "name", "region"],
    "rtos.csv": ["code", "name", "region"],
    "membership_categories.csv": ["code", "name"],
    "constituent_groups.csv": ["code", "name"],
    "sdgs.csv": ["number", "short_name"],
    "wsis_action_lines.csv": ["code", "number", "title"],
}

REGION_CODES = {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"}


def read(name):
    with open(DATA_DIR / name, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, row, strict=True)) for row in reader]
    return header, rows


def rows_of(name):
    return read(name)[1]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_parses_with_expected_header(name):
    header, rows = read(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no data rows"
    for row in rows:
        assert all(value.strip() == value and value for value in row.values()), row


def test_regions():
    rows = rows_of("regions.csv")
    assert len(rows) == 6
    assert {r["code"] for r in rows} == REGION_CODES


def test_member_states():
    rows = rows_of("member_states.csv")
    assert len(rows) == 193
    codes = [r["iso3"] for r in rows]
    names = [r["name"] for r in rows]
    assert len(set(codes)) == 193
    assert len(set(names)) == 193
    for code in codes:
        assert re.fullmatch(r"[A-Z]{3}", code), code
    for r in rows:
        assert r["region"] in REGION_CODES, r


def test_member_states_sorted_by_name():
    names = [r["name"] for r in rows_of("member_states.csv")]

    def key(name):
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
        return ascii_name.decode().casefold()

    assert names == sorted(names, key=key)


def test_member_states_spot_checks():
    by_code = {r["iso3"]: r for r in rows_of("member_states.csv")}
    expected = {
        "VAT": "EUR",
        "RUS": "CIS",
        "EGY": "ARB",
        "MAR": "ARB",
        "TUR": "EUR",
        "ISR": "EUR",
        "IRN": "ASP",
        "USA": "AMS",
        "NGA": "AFR",
        "FJI": "ASP",
    }
    for code, region in expected.items():
        assert by_code[code]["region"] == region, code
    counts = Counter(r["region"] for r in by_code.values())
    assert counts["CIS"] == 9
    assert counts["ARB"] == 21


def test_rtos():
    rows = rows_of("rtos.csv")
    regions = [r["region"] for r in rows]
    assert set(regions) <= REGION_CODES
    assert sorted(regions) == sorted(REGION_CODES)  # exactly one RTO per region
    assert len({r["code"] for r in rows}) == len(rows)


def test_membership_categories():
    codes = [r["code"] for r in rows_of("membership_categories.csv")]
    assert codes == ["member_state", "sector_member", "associate", "academia", "observer"]


def test_sdgs():
    rows = rows_of("sdgs.csv")
    assert len(rows) == 17
    assert [int(r["number"]) for r in rows] == list(range(1, 18))
    assert len({r["short_name"] for r in rows}) == 17


def test_wsis_action_lines():
    rows = rows_of("wsis_action_lines.csv")
    assert len(rows) == 11
    assert [r["code"] for r in rows] == [f"C{i}" for i in range(1, 12)]
    for r in rows:
        assert r["code"] == f"C{int(r['number'])}"


def test_constituent_groups():
    codes = {r["code"] for r in rows_of("constituent_groups.csv")}
    assert codes == {
        "government",
        "regulator",
        "private_sector",
        "academia",
        "civil_society",
        "international_organization",
        "financing_institution",
        "un_agency",
    }
