"""A plan version's links in its downloads: the JSON export lists each item's links, the Word
export ends with the linkage annex (and still imports as the same items), the HTML and
Markdown exports carry the annex too."""

from __future__ import annotations

import json

import docx
import pytest
from django.urls import reverse

from accord.engines.documents.reader import read_document
from tests.plans.queries.conftest import link_items
from tests.web.conftest import publish

pytestmark = pytest.mark.integration

ANNEX_ROWS = [
    ("Item", "SDG goals", "SDG targets", "WSIS action lines", "Other links"),
    ("D.1-a", "4, 9", "4.4", "C4", ""),
    ("D.1-1", "", "9.c", "C2", ""),
    ("D.1-b", "9", "9.1", "C2", ""),
    ("D.2-a", "17", "", "", "Resolution Res. 37"),
    ("D.2-b", "", "", "", "Regional initiative AFR RI 1"),
]


@pytest.fixture
def linked(admin, draft):
    link_items(admin, draft)
    return publish(admin, draft)


def _download(client, fmt):
    return client.get(reverse("plan_export", args=["conf", 1, fmt]))


def test_linkages_json_export_lists_each_items_links(client, linked):
    data = json.loads(_download(client, "json").content)

    items = {i["id"]: i["linkages"] for o in data["objectives"] for i in o["items"]}
    assert items["D.1-a"] == [
        {"type": "sdg", "target": "4", "note": ""},
        {"type": "sdg", "target": "9", "note": ""},
        {"type": "sdg_target", "target": "4.4", "note": ""},
        {"type": "wsis", "target": "C4", "note": ""},
    ]
    assert items["D.2-1"] == []


def test_linkages_docx_export_ends_with_the_annex(client, linked, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_download(client, "docx").content)

    package = docx.Document(str(path))
    rows = [tuple(cell.text for cell in row.cells) for row in package.tables[-1].rows]
    assert rows == ANNEX_ROWS
    assert [p.text for p in package.paragraphs if p.style.name == "Heading 1"][-1] == (
        "Annex: linkages"
    )


def test_linkages_docx_export_imports_as_the_same_items(client, linked, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_download(client, "docx").content)

    document = read_document(path)

    assert [item.id for item in document.items()] == [
        "D.1-a",
        "D.1-b",
        "D.1-1",
        "D.2-a",
        "D.2-b",
        "D.2-1",
    ]
    assert document.warnings == []


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_linkages_html_and_markdown_exports_carry_the_annex(client, linked, fmt):
    text = _download(client, fmt).content.decode()

    assert "Annex: linkages" in text
    assert "Resolution Res. 37" in text
