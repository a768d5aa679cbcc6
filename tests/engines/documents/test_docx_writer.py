"""The .docx writer: a document a chair can table, that reads back to the same WorkingDocument."""

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from accord.engines.documents.docx_reader import read_docx_blocks
from accord.engines.documents.docx_writer import write_docx
from accord.engines.documents.model import (
    ChangeKind,
    Comment,
    Item,
    Objective,
    Section,
    Status,
    TrackedChange,
    WorkingDocument,
)
from accord.engines.documents.reader import read_document
from accord.engines.documents.structure import build
from tests.engines.documents.essence import changes as _changes
from tests.engines.documents.essence import comments as _comments
from tests.engines.documents.essence import essence as _essence
from tests.engines.documents.essence import in_layout_order, with_derived
from tests.engines.documents.sample_docx import build_working_document

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/samples/regional-priorities-working-document.txt"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
NS = {
    "w": W[1:-1],
    "w15": W15[1:-1],
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
MG, TL = "Maria Gonzalez", "Tom Lee"
MARCH_12 = dt.datetime(2025, 3, 12, 10, 0, tzinfo=dt.UTC)


def _round_trip(document: WorkingDocument, path: Path) -> WorkingDocument:
    write_docx(document, path)
    return build(read_docx_blocks(path), source=str(path))


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _synthetic() -> WorkingDocument:
    reply = Comment(
        author=TL,
        text="Mexico – keep",
        date=dt.datetime(2025, 3, 13, 8, 0),
        replies=[Comment(author=MG, text="Noted", date=MARCH_12)],
    )
    disputed = Item(
        id="D.1-b",
        kind="outcome",
        text="Reduced [import duties/taxes] on devices\nOR\nAlternative D.1-b: Targeted\tsubsidies",
        section=Section.FURTHER_DISCUSSION,
        status=Status.DISPUTED,
        comments=[
            Comment(
                author=MG,
                text='Canada – remove "import duties"\nBrazil – keep',
                anchor="import duties",
                initials="MG",
                date=MARCH_12,
                replies=[reply],
            ),
            Comment(author=TL, text="Acme Satellite – request to remove", anchor="Targeted"),
        ],
        changes=[
            TrackedChange(ChangeKind.DELETION, "Reduced ", 0, 8, TL, MARCH_12),
            TrackedChange(ChangeKind.INSERTION, "mobile ", 33, 33, MG, None),
            TrackedChange(ChangeKind.INSERTION, "new\nline ", 41, 41, MG, MARCH_12),
            TrackedChange(ChangeKind.DELETION, "Targeted", 63, 71, TL, MARCH_12),
        ],
    )
    items = [
        Item(
            id="D.1-1",
            kind="output",
            text="Handbook on licensing",
            section=Section.AGREED,
            status=Status.AGREED,
        ),
        Item(
            id="D.1-a",
            kind="outcome",
            text="Affordable devices",
            section=Section.AGREED,
            status=Status.UNDISPUTED_CHANGE,
            changes=[TrackedChange(ChangeKind.INSERTION, "more ", 0, 0, TL, MARCH_12)],
        ),
        disputed,
        Item(id="D.1-2", kind="output", text="[Unbalanced study", section=Section.AGREED),
    ]
    return WorkingDocument(
        title="Working document – DDC",
        preamble=["Summary:", "A line\nwith a break"],
        objectives=[
            Objective(
                id="D.1",
                title="Affordable connectivity for everyone",
                items=items,
                comments=[Comment(author=MG, text='Canada – add "everyone"', anchor="everyone")],
                notes=["Suggestion 1: merge with D.2"],
            ),
            Objective(id="D.2", title="Empty priority"),
        ],
        comments=[Comment(author=TL, text="General comment on the document")],
        trailing=["Contact: secretariat@example.org"],
    )


def test_docx_round_trip_of_the_shared_sample(tmp_path):
    original = read_document(SAMPLE)

    again = _round_trip(original, tmp_path / "sample.docx")

    assert _essence(again) == _essence(original)
    assert again.trailing == original.trailing
    assert [o.notes for o in again.objectives] == [o.notes for o in original.objectives]


def test_docx_round_trip_of_a_word_fixture(tmp_path):
    original = read_document(build_working_document(tmp_path / "word.docx"))

    again = _round_trip(original, tmp_path / "again.docx")

    assert _essence(again) == _essence(original)
    assert again.preamble == original.preamble


def test_docx_round_trip_of_replies_changes_anchors_and_item_order(tmp_path):
    original = _synthetic()

    again = _round_trip(original, tmp_path / "synthetic.docx")

    assert _essence(again) == _essence(in_layout_order(with_derived(original)))
    assert [(i.id, i.section.value) for i in again.items()] == [
        ("D.1-a", "agreed"),
        ("D.1-1", "agreed"),
        ("D.1-2", "agreed"),
        ("D.1-b", "further_discussion"),
    ]
    item = again.items()[3]
    assert item.text == original.items()[2].text
    assert item.status is Status.DISPUTED
    assert _changes(item.changes) == _changes(original.items()[2].changes)
    assert _comments(item.comments) == [
        (
            MG,
            'Canada – remove "import duties"\nBrazil – keep',
            [(TL, "Mexico – keep", [(MG, "Noted", [])])],
        ),
        (TL, "Acme Satellite – request to remove", []),
    ]
    assert [c.anchor for c in item.comments] == ["import duties", "Targeted"]
    assert item.comments[0].date == MARCH_12
    assert item.comments[0].replies[0].date == dt.datetime(2025, 3, 13, 8, 0)
    assert again.items()[0].changes == original.items()[1].changes
    assert _comments(again.comments) == [(TL, "General comment on the document", [])]
    assert [(o.id, o.title, o.notes) for o in again.objectives] == [
        ("D.1", "Affordable connectivity for everyone", ["Suggestion 1: merge with D.2"]),
        ("D.2", "Empty priority", []),
    ]
    assert again.objectives[0].comments[0].anchor == "everyone"
    assert again.preamble[:2] == ["Summary:", "A line\nwith a break"]
    assert again.trailing == ["Contact: secretariat@example.org"]


def test_docx_written_comments_carry_author_initials_date_and_threads(tmp_path):
    path = tmp_path / "synthetic.docx"
    write_docx(_synthetic(), path)
    comments = _part(path, "word/comments.xml")
    extended = _part(path, "word/commentsExtended.xml")

    found = [
        (
            c.get(f"{W}author"),
            c.get(f"{W}initials"),
            c.get(f"{W}date"),
            "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")),
        )
        for c in comments.iter(f"{W}comment")
    ]
    assert found == [
        (TL, "TL", None, "General comment on the document"),
        (MG, "MG", None, 'Canada – add "everyone"'),
        (MG, "MG", "2025-03-12T10:00:00Z", 'Canada – remove "import duties"\nBrazil – keep'),
        (TL, "TL", "2025-03-13T08:00:00", "Mexico – keep"),
        (MG, "MG", "2025-03-12T10:00:00Z", "Noted"),
        (TL, "TL", None, "Acme Satellite – request to remove"),
    ]
    last_ids = [
        c.findall("w:p", NS)[-1].get(f"{{{NS['w14']}}}paraId") for c in comments.iter(f"{W}comment")
    ]
    links = [
        (e.get(f"{W15}paraId"), e.get(f"{W15}paraIdParent"))
        for e in extended.iter(f"{W15}commentEx")
    ]
    assert links == [
        (last_ids[0], None),
        (last_ids[1], None),
        (last_ids[2], None),
        (last_ids[3], last_ids[2]),
        (last_ids[4], last_ids[3]),
        (last_ids[5], None),
    ]


def test_docx_written_package_declares_the_comment_parts(tmp_path):
    path = tmp_path / "synthetic.docx"
    write_docx(_synthetic(), path)
    types = _part(path, "[Content_Types].xml")
    rels = _part(path, "word/_rels/document.xml.rels")

    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    targets = {r.get("Target"): r.get("Type") for r in rels}
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    assert overrides["/word/comments.xml"] == f"{main}.comments+xml"
    assert overrides["/word/commentsExtended.xml"] == f"{main}.commentsExtended+xml"
    assert targets["comments.xml"] == (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    )
    assert targets["commentsExtended.xml"] == (
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
    )


def test_docx_written_revisions_highlights_and_tables(tmp_path):
    path = tmp_path / "synthetic.docx"
    write_docx(_synthetic(), path)
    body = _part(path, "word/document.xml").find("w:body", NS)

    revisions = [
        (el.tag.removeprefix(W), el.get(f"{W}author"), el.get(f"{W}date"), "".join(el.itertext()))
        for el in body.iter(f"{W}ins", f"{W}del")
    ]
    assert revisions == [
        ("ins", TL, "2025-03-12T10:00:00Z", "more "),
        ("del", TL, "2025-03-12T10:00:00Z", "Reduced "),
        ("ins", MG, None, "mobile "),
        ("ins", MG, "2025-03-12T10:00:00Z", "newline "),
        ("del", TL, "2025-03-12T10:00:00Z", "Targeted"),
    ]
    highlights = {h.get(f"{W}val") for h in body.iter(f"{W}highlight")}
    assert highlights == {"green", "yellow", "red"}
    tables = body.findall("w:tbl", NS)
    first = [
        ["".join(c.itertext()) for c in row.findall("w:tc", NS)]
        for row in tables[0]
        if row.tag == f"{W}tr"
    ]
    assert first == [
        ["Priority 1 outputs and outcomes agreed"],
        ["Outcomes", "Outputs"],
        ["D.1-a: more Affordable devices", "D.1-1: Handbook on licensingD.1-2: [Unbalanced study"],
    ]
    assert tables[0].find("w:tr/w:tc/w:tcPr/w:gridSpan", NS).get(f"{W}val") == "2"
    assert [
        ["".join(c.itertext()) for c in row.findall("w:tc", NS)]
        for row in tables[1].findall("w:tr", NS)
    ][2] == [
        "D.1-b: Reduced [import duties/taxes] on mobile devicesnewline OR"
        "Alternative D.1-b: Targetedsubsidies",
        "None",
    ]
    assert len(tables) == 2


# Child order of the property elements the writer emits, from the WordprocessingML schema.
_ORDER = {
    "pPr": ["pStyle", "keepNext", "numPr", "shd", "spacing", "jc", "rPr"],
    "rPr": ["rStyle", "b", "i", "vanish", "color", "sz", "highlight", "u", "shd"],
    "tcPr": ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "vAlign"],
    "tblPr": ["tblStyle", "tblW", "jc", "tblBorders", "tblLayout", "tblLook"],
    "trPr": ["cantSplit", "tblHeader"],
}


def test_docx_written_xml_follows_the_schema_order(tmp_path):
    path = tmp_path / "synthetic.docx"
    write_docx(_synthetic(), path)
    document = _part(path, "word/document.xml")

    for props, order in _ORDER.items():
        for el in document.iter(f"{W}{props}"):
            names = [child.tag.removeprefix(W) for child in el]
            assert all(name in order for name in names), (props, names)
            assert names == sorted(names, key=order.index), (props, names)
    for cell in document.iter(f"{W}tc"):
        assert cell[-1].tag == f"{W}p"
    comment_ids = {c.get(f"{W}id") for c in _part(path, "word/comments.xml")}
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert {el.get(f"{W}id") for el in document.iter(f"{W}{tag}")} == comment_ids
    revision_ids = [el.get(f"{W}id") for el in document.iter(f"{W}ins", f"{W}del")]
    assert len(set(revision_ids) | comment_ids) == len(revision_ids) + len(comment_ids)


def test_docx_written_file_opens_in_python_docx(tmp_path):
    path = tmp_path / "synthetic.docx"
    write_docx(_synthetic(), path)

    opened = docx.Document(str(path))

    assert [c.author for c in opened.comments] == [TL, MG, MG, TL, MG, TL]
    assert opened.paragraphs[0].style.name == "Title"
    assert opened.core_properties.title == "Working document – DDC"


def test_docx_writer_replaces_characters_xml_cannot_hold(tmp_path):
    document = WorkingDocument(
        title="T",
        objectives=[
            Objective(
                id="D.1",
                title="Bell\x07",
                items=[
                    Item(id="D.1-a", kind="outcome", text="form\x0cfeed", section=Section.AGREED)
                ],
            )
        ],
    )

    again = _round_trip(document, tmp_path / "control.docx")

    assert (again.objectives[0].title, again.items()[0].text) == ("Bell\ufffd", "form\ufffdfeed")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_docx_written_file_opens_in_libreoffice(tmp_path):
    path = tmp_path / "sample.docx"
    write_docx(read_document(SAMPLE), path)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"

    for target in ("pdf", "txt:Text"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                profile,
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )

    text = (tmp_path / "sample.txt").read_text(encoding="utf-8-sig")
    assert (tmp_path / "sample.pdf").read_bytes().startswith(b"%PDF")
    for line in (
        "P.1-d: [Improved affordability of devices through [reduced import duties/targeted "
        "subsidies]]",
        "Priority 3 outputs and outcomes for further discussion",
        "Alternative P.3-c: Strengthened coordination of existing connectivity funds in the region]",
    ):
        assert line in text.splitlines()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_docx_written_file_survives_a_libreoffice_round_trip(tmp_path):
    original = read_document(build_working_document(tmp_path / "word.docx"))
    path = tmp_path / "mine.docx"
    write_docx(original, path)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    again = read_document(out / "mine.docx")

    assert _essence(again) == _essence(original)
