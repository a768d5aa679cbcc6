"""Items' links in the exports: the .docx linkage annex (and its being skipped on import),
the JSON export, and the HTML, Markdown and PDF annex."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from accord.engines.documents import json_io
from accord.engines.documents.docx_reader import read_docx_blocks
from accord.engines.documents.docx_writer import write_docx
from accord.engines.documents.html_writer import to_html
from accord.engines.documents.linkage_annex import ANNEX_TITLE, COLUMNS, annex_rows
from accord.engines.documents.markdown_writer import to_markdown
from accord.engines.documents.model import (
    Item,
    Link,
    Objective,
    Section,
    Status,
    WorkingDocument,
)
from accord.engines.documents.structure import build
from tests.engines.documents.essence import essence

pytestmark = pytest.mark.unit


def _document(*, with_links: bool = True) -> WorkingDocument:
    def links(*pairs: tuple[str, str]) -> list[Link]:
        return [Link(type_, target) for type_, target in pairs] if with_links else []

    return WorkingDocument(
        title="Action Plan – DDC-27",
        objectives=[
            Objective(
                id="D.1",
                title="Connectivity",
                items=[
                    Item(
                        id="D.1-a",
                        kind="outcome",
                        text="Affordable broadband for rural schools",
                        section=Section.AGREED,
                        status=Status.AGREED,
                        linkages=links(
                            ("sdg", "9"),
                            ("sdg", "17"),
                            ("sdg", "4"),
                            ("sdg_target", "9.c"),
                            ("sdg_target", "4.10"),
                            ("sdg_target", "4.2"),
                            ("wsis", "C2"),
                            ("wsis", "C10"),
                            ("resolution", "Res. 37"),
                            ("question", "Q.1/1"),
                        ),
                    ),
                    Item(
                        id="D.1-1",
                        kind="output",
                        text="Handbook on rural licensing",
                        section=Section.AGREED,
                        status=Status.UNDISPUTED_CHANGE,
                    ),
                ],
            ),
            Objective(
                id="D.2",
                title="Skills",
                items=[
                    Item(
                        id="D.2-a",
                        kind="outcome",
                        text="Digital skills for women and girls",
                        section=Section.FURTHER_DISCUSSION,
                        status=Status.DISPUTED,
                        linkages=links(("sdg", "5"), ("regional_initiative", "AFR RI 3")),
                    )
                ],
            ),
        ],
        trailing=["Contact: secretariat@example.org"],
    )


EXPECTED_ROWS = [
    ("D.1-a", "4, 9, 17", "4.2, 4.10, 9.c", "C2, C10", "Resolution Res. 37; Question Q.1/1"),
    ("D.2-a", "5", "", "", "Regional initiative AFR RI 3"),
]


def test_annex_rows_one_per_linked_item_sorted_by_number():
    assert [row.cells for row in annex_rows(_document())] == EXPECTED_ROWS


def test_linkage_annex_docx_table_has_a_row_per_linked_item(tmp_path):
    path = tmp_path / "plan.docx"

    write_docx(_document(), path)

    package = docx.Document(str(path))
    headings = [p.text for p in package.paragraphs if p.style.name.startswith("Heading")]
    annex = package.tables[-1]
    rows = [tuple(cell.text for cell in row.cells) for row in annex.rows]
    assert headings[-1] == ANNEX_TITLE
    assert rows == [COLUMNS, *EXPECTED_ROWS]


def test_linkage_annex_docx_absent_without_links(tmp_path):
    path = tmp_path / "plan.docx"

    write_docx(_document(with_links=False), path)

    package = docx.Document(str(path))
    assert ANNEX_TITLE not in [p.text for p in package.paragraphs]
    assert len(package.tables) == 2


def test_linkage_annex_docx_is_skipped_when_the_export_is_read_again(tmp_path):
    with_links, without = tmp_path / "with.docx", tmp_path / "without.docx"
    write_docx(_document(), with_links)
    write_docx(_document(with_links=False), without)

    again = build(read_docx_blocks(with_links))
    plain = build(read_docx_blocks(without))

    assert essence(again) == essence(plain)
    assert [item.id for item in again.items()] == ["D.1-a", "D.1-1", "D.2-a"]
    assert (again.trailing, again.warnings) == (["Contact: secretariat@example.org"], [])
    assert [o.notes for o in again.objectives] == [[], []]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_linkage_annex_docx_saved_again_by_libreoffice_keeps_table_and_items(tmp_path):
    path, out = tmp_path / "plan.docx", tmp_path / "lo"
    write_docx(_document(), path)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "docx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    again = build(read_docx_blocks(out / "plan.docx"))
    table = docx.Document(str(out / "plan.docx")).tables[-1]

    assert [item.id for item in again.items()] == ["D.1-a", "D.1-1", "D.2-a"]
    assert again.warnings == []
    assert [tuple(c.text for c in row.cells) for row in table.rows] == [COLUMNS, *EXPECTED_ROWS]


def test_linkage_annex_json_export_keeps_links_through_load():
    document = _document()

    data = json_io.dump(document)
    again = json_io.load(data)

    assert data["objectives"][1]["items"][0]["linkages"] == [
        {"type": "sdg", "target": "5", "note": ""},
        {"type": "regional_initiative", "target": "AFR RI 3", "note": ""},
    ]
    assert [item.linkages for item in again.items()] == [item.linkages for item in document.items()]


def test_linkage_annex_json_load_reads_files_without_links():
    data = json_io.dump(_document())
    for objective in data["objectives"]:
        for item in objective["items"]:
            del item["linkages"]

    again = json_io.load(data)

    assert [item.linkages for item in again.items()] == [[], [], []]


def test_linkage_annex_html_and_markdown_tables():
    html = to_html(_document())
    markdown = to_markdown(_document())

    assert '<section id="linkage-annex"><h2>Annex: linkages</h2>' in html
    assert "<td>D.1-a</td><td>4, 9, 17</td><td>4.2, 4.10, 9.c</td>" in html
    assert markdown.endswith(
        "## Annex: linkages\n\n"
        "| Item | SDG goals | SDG targets | WSIS action lines | Other links |\n"
        "|---|---|---|---|---|\n"
        "| D.1-a | 4, 9, 17 | 4.2, 4.10, 9.c | C2, C10 | Resolution Res. 37; Question Q.1/1 |\n"
        "| D.2-a | 5 |  |  | Regional initiative AFR RI 3 |\n"
    )
    assert "Annex: linkages" not in to_html(_document(with_links=False))


def test_linkage_annex_pdf_is_written(tmp_path):
    pytest.importorskip("reportlab")
    from accord.engines.documents.pdf_writer import write_pdf

    path = tmp_path / "plan.pdf"
    write_pdf(_document(), path)

    assert path.read_bytes().startswith(b"%PDF")
