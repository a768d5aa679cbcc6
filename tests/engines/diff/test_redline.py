"""Redlines: old → new as Word tracked changes, written to .docx and read back."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from accord.engines.diff import as_tracked_changes, redline_document
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
from accord.engines.documents.segments import segments
from tests.engines.diff.strategies import any_texts, plan_texts

pytestmark = pytest.mark.unit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHAIR = "TDAG Chair"
MARCH_12 = dt.datetime(2025, 3, 12, 10, 0, tzinfo=dt.UTC)
DEL, INS = ChangeKind.DELETION, ChangeKind.INSERTION


def _item(code: str, text: str, **fields) -> Item:
    kind = "output" if code[-1].isdigit() else "outcome"
    return Item(
        id=code, kind=kind, text=text, section=fields.pop("section", Section.AGREED), **fields
    )


def _old() -> WorkingDocument:
    return WorkingDocument(
        title="Action Plan, first draft",
        objectives=[
            Objective(
                "D.1",
                "Connectivity",
                items=[
                    _item(
                        "D.1-a",
                        "Improved affordability of devices through [reduced import "
                        "duties/targeted subsidies]",
                    ),
                    _item("D.1-b", "Spectrum pricing studies"),
                    _item("D.1-1", "Guidelines on infrastructure sharing"),
                ],
            ),
            Objective("D.2", "Inclusion", items=[_item("D.2-a", "Digital skills for women")]),
        ],
    )


def _new() -> WorkingDocument:
    comment = Comment(author="Brazil", text="Brazil - keep", anchor="subsidies")
    return WorkingDocument(
        title="Action Plan, second draft",
        preamble=["Prepared by the drafting group."],
        objectives=[
            Objective(
                "D.1",
                "Connectivity",
                items=[
                    _item(
                        "D.1-a",
                        "Improved affordability of devices through targeted subsidies",
                        status=Status.UNDISPUTED_CHANGE,
                        comments=[comment],
                    ),
                    _item(
                        "D.1-c",
                        "Community networks in rural areas",
                        section=Section.FURTHER_DISCUSSION,
                        status=Status.DISPUTED,
                    ),
                    _item("D.1-1", "Guidelines on infrastructure sharing"),
                ],
            ),
            Objective(
                "D.2",
                "Inclusion",
                items=[
                    _item("D.2-a", "Digital skills for women and girls"),
                ],
            ),
        ],
    )


def _summary(item: Item) -> list[tuple[str, str, int, int]]:
    return [(c.kind.value, c.text, c.start, c.end) for c in item.changes]


def test_as_tracked_changes_replacement_is_deletion_then_insertion():
    text, changes = as_tracked_changes(
        "through reduced import duties", "through targeted subsidies", author=CHAIR, date=MARCH_12
    )

    assert text == "through reduced import duties"
    assert changes == [
        TrackedChange(DEL, "reduced import duties", 8, 29, CHAIR, MARCH_12),
        TrackedChange(INS, "targeted subsidies", 29, 29, CHAIR, MARCH_12),
    ]


def test_as_tracked_changes_pure_insertion_and_deletion():
    _, inserted = as_tracked_changes(
        "Reduce e-waste by 2030.", "Reduce e-waste by 50% by 2030.", author=CHAIR
    )
    _, deleted = as_tracked_changes("a [b] c", "a c", author=CHAIR)

    assert inserted == [TrackedChange(INS, "50% by ", 18, 18, CHAIR, None)]
    assert deleted == [TrackedChange(DEL, "[b] ", 2, 6, CHAIR, None)]


@given(any_texts, any_texts)
def test_as_tracked_changes_segments_rebuild_both_texts(old, new):
    text, changes = as_tracked_changes(old, new, author=CHAIR)
    parts = segments(
        Item(id="D.1-a", kind="outcome", text=text, section=Section.AGREED, changes=changes)
    )

    assert "".join(t for kind, t in parts if kind != "ins") == old
    assert "".join(t for kind, t in parts if kind != "del") == new


def test_redline_document_shows_each_item_change():
    redline = redline_document(_old(), _new(), author=CHAIR, date=MARCH_12)

    assert redline.title == "Action Plan, second draft"
    assert redline.preamble == ["Prepared by the drafting group."]
    assert [o.id for o in redline.objectives] == ["D.1", "D.2"]
    assert [i.id for i in redline.items()] == ["D.1-a", "D.1-b", "D.1-c", "D.1-1", "D.2-a"]
    a, b, c, output, d = redline.items()
    assert _summary(a) == [
        ("deletion", "[reduced import duties/", 42, 65),
        ("deletion", "]", 83, 84),
    ]
    assert a.text == _old().items()[0].text
    assert (a.status, a.comments, a.brackets[0].text) == (
        Status.UNDISPUTED_CHANGE,
        _new().items()[0].comments,
        "[reduced import duties/targeted subsidies]",
    )
    assert (b.text, _summary(b)) == (
        "Spectrum pricing studies",
        [("deletion", "Spectrum pricing studies", 0, 24)],
    )
    assert (c.text, _summary(c)) == ("", [("insertion", "Community networks in rural areas", 0, 0)])
    assert (c.section, c.status) == (Section.FURTHER_DISCUSSION, Status.DISPUTED)
    assert output.changes == []
    assert _summary(d) == [("insertion", " and girls", 24, 24)]
    assert all(
        ch.author == CHAIR and ch.date == MARCH_12 for i in redline.items() for ch in i.changes
    )


def test_redline_document_keeps_removed_priority_in_old_place():
    old = _old()
    new = _new()
    new.objectives = [new.objectives[1]]

    redline = redline_document(old, new, author=CHAIR, title="Redline")

    assert redline.title == "Redline"
    assert [o.id for o in redline.objectives] == ["D.1", "D.2"]
    assert [(i.id, [c.kind for c in i.changes]) for i in redline.objectives[0].items] == [
        ("D.1-a", [DEL]),
        ("D.1-b", [DEL]),
        ("D.1-1", [DEL]),
    ]


def test_redline_document_moved_item_sits_under_its_new_priority():
    new = _new()
    moved = new.objectives[0].items.pop(0)
    moved.text = "Affordability of devices through targeted subsidies"
    new.objectives[1].items.append(moved)

    redline = redline_document(_old(), new, author=CHAIR)

    assert [i.id for i in redline.objectives[1].items] == ["D.2-a", "D.1-a"]
    assert _summary(redline.objectives[1].items[1]) == [
        ("deletion", "Improved affordability", 0, 22),
        ("insertion", "Affordability", 22, 22),
        ("deletion", "[reduced import duties/", 42, 65),
        ("deletion", "]", 83, 84),
    ]


def test_redline_document_leaves_inputs_alone():
    old, new = _old(), _new()

    redline_document(old, new, author=CHAIR)

    assert old == _old()
    assert new == _new()


def test_redline_docx_round_trip_reads_back_the_changes(tmp_path: Path):
    redline = redline_document(_old(), _new(), author=CHAIR, date=MARCH_12)
    path = tmp_path / "redline.docx"

    write_docx(redline, path)
    back = read_document(path)

    read = {item.id: (item.text, item.changes) for item in back.items()}
    assert read == {item.id: (item.text, item.changes) for item in redline.items()}
    assert read["D.1-a"][1][0] == TrackedChange(
        DEL, "[reduced import duties/", 42, 65, CHAIR, MARCH_12
    )
    assert read["D.1-c"][1] == [
        TrackedChange(INS, "Community networks in rural areas", 0, 0, CHAIR, MARCH_12)
    ]


def test_redline_docx_holds_word_revisions(tmp_path: Path):
    path = tmp_path / "redline.docx"
    write_docx(redline_document(_old(), _new(), author=CHAIR, date=MARCH_12), path)

    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    deletions = body.findall(f".//{W}del")
    insertions = body.findall(f".//{W}ins")

    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in deletions]
    inserted = ["".join(t.text for t in i.iter(f"{W}t")) for i in insertions]
    assert deleted == [
        "[reduced import duties/",
        "]",
        "Spectrum pricing studies",
    ]
    assert inserted == ["Community networks in rural areas", " and girls"]
    assert {el.get(f"{W}author") for el in deletions + insertions} == {CHAIR}
    assert {el.get(f"{W}date") for el in deletions + insertions} == {"2025-03-12T10:00:00Z"}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan_texts(), plan_texts())
def test_tracked_changes_survive_a_docx_round_trip(tmp_path: Path, old, new):
    text, changes = as_tracked_changes(old, new, author=CHAIR, date=MARCH_12)
    item = _item("D.1-b", text, changes=changes)
    path = tmp_path / "one.docx"

    write_docx(WorkingDocument("Plan", [Objective("D.1", "Connectivity", items=[item])]), path)
    (read,) = read_document(path).items()

    assert (read.text, read.changes) == (text, changes)


def _read_back(tmp_path: Path, code: str, old: str, new: str) -> tuple[str, list[TrackedChange]]:
    text, changes = as_tracked_changes(old, new, author=CHAIR)
    item = _item(code, text, changes=changes)
    path = tmp_path / "one.docx"
    write_docx(WorkingDocument("Plan", [Objective("D.1", "Connectivity", items=[item])]), path)
    (read,) = read_document(path).items()
    return read.text, read.changes


@pytest.mark.xfail(
    strict=True, reason="docx_writer cannot mark a paragraph mark deleted: the '\\n' is dropped"
)
def test_deleted_line_break_survives_a_docx_round_trip(tmp_path: Path):
    old, new = "Targeted subsidies\nOR\nreduced duties", "Targeted subsidies OR reduced duties"

    assert _read_back(tmp_path, "D.1-b", old, new) == as_tracked_changes(old, new, author=CHAIR)


def test_item_text_found_in_its_identifier_survives_a_docx_round_trip(tmp_path: Path):
    assert _read_back(tmp_path, "D.1-a", "a", "a b") == as_tracked_changes("a", "a b", author=CHAIR)
