"""The text-export reader, identifiers, author names and positions, on fixtures of our own."""

from pathlib import Path

import pytest

from accord.engines.documents import json_io
from accord.engines.documents.authors import AuthorRegistry, normalise_author
from accord.engines.documents.errors import DocumentError
from accord.engines.documents.identifiers import parse_item_id, parse_objective_id
from accord.engines.documents.positions import read_positions
from accord.engines.documents.reader import read_document

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("raw", "canonical", "kind"),
    [
        ("P.1-a: text", "P.1-a", "outcome"),
        ("P.-2-b: text", "P.2-b", "outcome"),
        ("P.2 -2: text", "P.2-2", "output"),
        ("D1-b: text", "D.1-b", "outcome"),
        ("D.2–3 text", "D.2-3", "output"),
        ("D.2-E: text", "D.2-e", "outcome"),
        ("D.12-07: text", "D.12-7", "output"),
    ],
)
def test_parse_item_id_recognises_typos(raw, canonical, kind):
    ident = parse_item_id(raw)

    assert (ident.canonical, ident.kind, ident.rest) == (canonical, kind, "text")


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 has accelerated change",
        "ICT 4 development",
        "The P.1-a outcome",
        "P.1 Title",
        "2-b: x",
    ],
)
def test_parse_item_id_ignores_prose_and_priorities(text):
    assert parse_item_id(text) is None


@pytest.mark.parametrize(
    ("text", "canonical", "title"),
    [
        ("P.1 Affordable access: x", "P.1", "Affordable access: x"),
        ("D.2: Digital", "D.2", "Digital"),
    ],
)
def test_parse_objective_id(text, canonical, title):
    ident = parse_objective_id(text)

    assert (ident.canonical, ident.rest) == (canonical, title)


@pytest.mark.parametrize("text", ["P.1-a: item", "ICT 4 development", "D.2", "v1.2 released"])
def test_parse_objective_id_ignores_items_and_prose(text):
    assert parse_objective_id(text) is None


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Gonzalez, Maria", "Maria Gonzalez"),
        ("Gonzalez, Maria [2]", "Maria Gonzalez"),
        ("  Maria   Gonzalez ", "Maria Gonzalez"),
        ("ITU Secretariat", "ITU Secretariat"),
    ],
)
def test_normalise_author(raw, name):
    assert normalise_author(raw) == name


def test_author_registry_merges_case_variants_into_the_first_spelling():
    registry = AuthorRegistry()

    names = [
        registry.canonical(raw)
        for raw in ["Maria Gonzalez", "GONZALEZ, MARIA", "maria gonzalez [4]"]
    ]

    assert names == ["Maria Gonzalez"] * 3
    assert registry.renamed == {
        "GONZALEZ, MARIA": "Maria Gonzalez",
        "maria gonzalez [4]": "Maria Gonzalez",
    }


@pytest.mark.parametrize(
    ("comment", "positions"),
    [
        (
            'Canada – remove "reduced import duties"',
            [("Canada", "remove", "reduced import duties")],
        ),
        ("Mexico - keep", [("Mexico", "keep", "keep")]),
        ("Brazil – alternative P.3-c", [("Brazil", "alternative", "alternative P.3-c")]),
        (
            "Globex Telecom – request to remove the outcome",
            [("Globex Telecom", "remove", "request to remove the outcome")],
        ),
        ("Text modification by Argentina", [("Argentina", "modify", "Text modification")]),
        ("Proposal from Republic of Korea", [("Republic of Korea", "other", "Proposal")]),
        (
            "France – delete “measurable”; Japan – prefers ‘national’",
            [("France", "remove", "measurable"), ("Japan", "alternative", "national")],
        ),
        ("Côte d'Ivoire: support", [("Côte d'Ivoire", "keep", "support")]),
        (
            "Russian Federation – merge with D.2-b",
            [("Russian Federation", "merge_move", "merge with D.2-b")],
        ),
        ("Kenya – add a reference to SDG 9", [("Kenya", "insert", "add a reference to SDG 9")]),
        ("Agree.", []),
        ("If there is a consensus, move it.", []),
        ("Editorial: check numbering", []),
        ("this seems fine - no change", []),
    ],
)
def test_read_positions(comment, positions):
    found = [(p.delegation, str(p.stance), p.detail) for p in read_positions(comment)]

    assert found == positions


def test_read_positions_accepts_known_names_that_do_not_look_like_names():
    assert [
        p.delegation for p in read_positions("eLearning Africa – keep", ["eLearning Africa"])
    ] == ["eLearning Africa"]
    assert read_positions("eLearning Africa – keep") == []


@pytest.fixture(scope="module")
def draft():
    return json_io.summary(read_document(FIXTURES / "action-plan-draft.txt"))


def _item(summary, item_id):
    return next(i for o in summary["objectives"] for i in o["items"] if i["id"] == item_id)


def test_fixture_structure(draft):
    shape = [
        (o["id"], [(i["id"], i["kind"], i["section"]) for i in o["items"]])
        for o in draft["objectives"]
    ]

    assert draft["title"] == "Draft Action Plan – Working Group on the Action Plan (third meeting)"
    assert shape == [
        (
            "D.1",
            [
                ("D.1-a", "outcome", "agreed"),
                ("D.1-b", "outcome", "agreed"),
                ("D.2-c", "outcome", "agreed"),
                ("D.1-1", "output", "agreed"),
                ("D.1-2", "output", "agreed"),
                ("D.1-e", "outcome", "further_discussion"),
            ],
        ),
        ("D.2", [("D.2-a", "outcome", "agreed"), ("D.2-1", "output", "agreed")]),
    ]


def test_fixture_comment_runs_on_until_the_next_identifier(draft):
    item = _item(draft, "D.1-b")

    assert item["comments"] == [
        {
            "author": "Ngozi Okafor",
            "text": 'Kenya – replace "fixed" with "fixed and mobile"\nUnited States of America – keep as is',
        }
    ]
    assert item["positions"] == [
        {"delegation": "Kenya", "stance": "modify", "detail": "fixed"},
        {"delegation": "United States of America", "stance": "keep", "detail": "keep as is"},
    ]


def test_fixture_warnings(draft):
    assert draft["warnings"] == [
        {"where": "line 6", "message": "comment author 'Okafor, Ngozi' read as 'Ngozi Okafor'"},
        {"where": "line 13, D.1-b", "message": "identifier 'D1-b' read as 'D.1-b'"},
        {
            "where": "line 15, D.2-c",
            "message": "listed under D.1 although its identifier suggests D.2; kept where the document put it",
        },
        {
            "where": "line 24",
            "message": "comment author 'Pierre Martin [3]' read as 'Pierre Martin'",
        },
        {
            "where": "line 24, D.1-e",
            "message": "unbalanced bracket: ']' at offset 70 closes nothing",
        },
    ]


def test_fixture_semicolon_separated_positions_and_na_cell(draft):
    item = _item(draft, "D.1-e")

    assert item["positions"] == [
        {"delegation": "France", "stance": "remove", "detail": "measurable"},
        {"delegation": "Japan", "stance": "alternative", "detail": "national"},
    ]
    assert item["brackets"] == [
        {"start": 0, "end": 46, "text": "[Enhanced [national/regional] broadband plans]"},
        {"start": 10, "end": 29, "text": "[national/regional]"},
    ]


def test_windows_1252_export_is_read_with_a_warning():
    document = read_document(FIXTURES / "cp1252-export.txt")

    assert document.items()[0].text == "Réseaux communautaires"
    assert document.warnings[0].message == "not UTF-8; read as cp1252"


def test_utf16_export_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_text("P.1 Title\n\tP.1-a: Réseaux\n", encoding="utf-16")

    assert read_document(path).items()[0].text == "Réseaux"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; expected a Word (.docx) document or its plain-text export"),
        (
            b"\x00\x01\x02binary\x00",
            "a binary file; expected a Word (.docx) document or its plain-text export",
        ),
        (b"%PDF-1.7\n...", "a PDF file; expected a Word (.docx) document or its plain-text export"),
        (
            b"Minutes of the meeting\nNothing was decided.\n",
            "no recognisable priorities or items; expected paragraphs such as 'D.1 Title' and 'D.1-a: outcome text'",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
            "the Word document is password-protected (encrypted); save a copy without a password",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
            "a legacy Word 97-2003 (.doc) or other OLE file; save it as .docx",
        ),
    ],
)
def test_bad_input_gets_one_clear_line(tmp_path, content, message):
    path = tmp_path / "input.docx"
    path.write_bytes(content)

    with pytest.raises(DocumentError) as error:
        read_document(path)

    assert str(error.value) == f"{path}: {message}"
    assert "\n" not in str(error.value)


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"P.1 T\n" * 400_000)

    with pytest.raises(DocumentError) as error:
        read_document(path, max_bytes=1024 * 1024)

    assert (
        str(error.value)
        == f"{path}: the file is 2 MB, more than the 1 MB a working document may have"
    )


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DocumentError) as error:
        read_document(tmp_path / "nowhere.docx")

    assert str(error.value) == f"{tmp_path / 'nowhere.docx'}: no such file"
