"""A .docx written by a second producer (LibreOffice), committed so CI needs no LibreOffice."""

import datetime as dt
import shutil

import pytest

from accord.engines.documents.docx_reader import read_docx_blocks
from accord.engines.documents.docx_writer import write_docx
from accord.engines.documents.model import ChangeKind, TrackedChange
from accord.engines.documents.reader import read_document
from accord.engines.documents.structure import build
from tests.engines.documents.essence import essence as _essence
from tests.engines.documents.fixtures import make_libreoffice_fixture as fixture

pytestmark = pytest.mark.unit

COMMITTED = fixture.HERE / f"{fixture.NAME}.docx"
MG, TL = "Maria Gonzalez", "Tom Lee"


@pytest.fixture(scope="module")
def document():
    return read_document(COMMITTED)


def test_libreoffice_fixture_source_is_the_committed_one():
    assert (fixture.HERE / f"{fixture.NAME}.fodt").read_text(encoding="utf-8") == fixture.fodt()


def test_libreoffice_fixture_structure(document):
    items = [
        (i.id, i.kind, i.section.value, i.status.value if i.status else None, i.text)
        for i in document.items()
    ]

    assert document.title == "Regional Priorities – Working Document"
    assert [(o.id, o.title) for o in document.objectives] == [
        ("P.1", "Affordable access: Expand meaningful access"),
        ("P.2", "Digital skills: Foster digital skills for all"),
    ]
    assert items == [
        ("P.1-a", "outcome", "agreed", "agreed", "Increased coverage of broadband networks"),
        (
            "P.1-b",
            "outcome",
            "agreed",
            "undisputed_change",
            "Strengthened the capacity of Member States",
        ),
        ("P.1-1", "output", "agreed", None, "Regional studies on backhaul"),
        ("P.1-2", "output", "agreed", None, "Guidelines on universal service fund governance"),
        (
            "P.1-d",
            "outcome",
            "further_discussion",
            "disputed",
            "[Improved affordability of devices through [reduced import duties/targeted subsidies]]",
        ),
        (
            "P.1-e",
            "outcome",
            "further_discussion",
            "disputed",
            "[Established a regional connectivity fund\nOR\n"
            "Alternative P.1-e: Strengthened coordination of existing funds]",
        ),
        ("P.2-a", "outcome", "agreed", "undisputed_change", "[Strengthened national strategies"),
        ("P.2-1", "output", "agreed", None, "Toolkit for measuring digital skills"),
    ]
    assert document.objectives[0].notes == [
        "Suggestion 1: consider merging Priority 1 with Priority 3"
    ]
    assert document.trailing == ["Contact: drafting.group@example.org"]


def test_libreoffice_fixture_comments_replies_and_positions(document):
    items = {i.id: i for i in document.items()}
    heading = document.objectives[0].comments[0]
    thread = items["P.1-d"].comments

    assert (heading.author, heading.text, heading.anchor) == (
        MG,
        'Canada – add "meaningful"',
        "meaningful",
    )
    assert [(c.author, c.raw_author, c.text) for c in items["P.1-2"].comments] == [
        (
            MG,
            "Gonzalez, Maria [2]",
            "Jamaica – insertion with reference to the previous action plan",
        )
    ]
    assert [(c.author, c.text, [(r.author, r.text) for r in c.replies]) for c in thread] == [
        (
            MG,
            'Canada – remove "reduced import duties"\nMexico – keep both',
            [(TL, "Globex Telecom – request to remove the outcome")],
        )
    ]
    assert [(p.delegation, p.stance.value) for p in items["P.1-d"].positions] == [
        ("Canada", "remove"),
        ("Mexico", "keep"),
        ("Globex Telecom", "remove"),
    ]


def test_libreoffice_fixture_tracked_changes_and_warnings(document):
    date = dt.datetime(2025, 3, 12, 10, 0, tzinfo=dt.UTC)

    assert document.items()[1].changes == [
        TrackedChange(ChangeKind.DELETION, "the ", 13, 17, TL, date),
        TrackedChange(ChangeKind.INSERTION, "national ", 17, 17, TL, date),
    ]
    assert [w.message for w in document.warnings] == [
        "comment author 'Gonzalez, Maria [2]' read as 'Maria Gonzalez'",
        "unbalanced bracket: '[' at offset 0 is never closed",
    ]


def test_libreoffice_fixture_round_trips_through_the_writer(document, tmp_path):
    path = tmp_path / "again.docx"
    write_docx(document, path)

    assert _essence(build(read_docx_blocks(path))) == _essence(document)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_fixture_regenerates_to_the_same_document(tmp_path, document):
    made = fixture.make(tmp_path)

    assert _essence(read_document(made)) == _essence(document)
