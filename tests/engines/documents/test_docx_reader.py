"""The .docx reader: every convention of a working document, as Word writes it, read exactly."""

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from accord.engines.documents import json_io
from accord.engines.documents.docx_reader import read_docx_blocks
from accord.engines.documents.model import ChangeKind, Status, TrackedChange
from accord.engines.documents.reader import read_document
from tests.engines.documents.docx_build import (
    STYLES,
    build_docx,
    comment,
    comments_xml,
    dele,
    end,
    ins,
    numbering_xml,
    p,
    r,
    start,
    tbl,
    tc,
    tr,
)
from tests.engines.documents.sample_docx import build_working_document

pytestmark = pytest.mark.unit

MG, TL = "Maria Gonzalez", "Tom Lee"
MARCH_12 = dt.datetime(2025, 3, 12, 10, 0, tzinfo=dt.UTC)
P1D = "[Improved affordability of devices through [reduced import duties/targeted subsidies]]"


@pytest.fixture
def document(tmp_path):
    return read_document(build_working_document(tmp_path / "working.docx"))


def _items(document):
    return [
        (i.id, i.kind, i.section.value, i.status.value if i.status else None, i.text)
        for i in document.items()
    ]


def test_docx_title_preamble_and_trailing(document):
    assert document.title == "Regional Priorities – Working Document"
    assert document.preamble == [
        "Colour coding:",
        "· Green highlights: no change",
        "· Red highlights: disputed",
    ]
    assert document.trailing == ["Contact: drafting.group@example.org"]


def test_docx_objectives_and_notes(document):
    objectives = [(o.id, o.title, o.notes, o.where) for o in document.objectives]

    assert objectives == [
        (
            "P.1",
            "Affordable access: Expand meaningful access",
            ["Suggestion 1: consider merging Priority 1 with Priority 3"],
            "paragraph 5",
        ),
        ("P.2", "Digital skills: Foster digital skills for all", [], "paragraph 7"),
    ]


def test_docx_items_ids_kinds_sections_statuses_and_text(document):
    assert _items(document) == [
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
        ("P.1-d", "outcome", "further_discussion", "disputed", P1D),
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


def test_docx_item_places(document):
    assert [(i.id, i.where) for i in document.items()][:3] == [
        ("P.1-a", "table 1, row 3, cell 1, paragraph 1"),
        ("P.1-b", "table 1, row 3, cell 1, paragraph 2"),
        ("P.1-1", "table 1, row 3, cell 2, paragraph 1"),
    ]


def test_docx_tracked_changes_have_author_date_and_offsets_into_the_base_text(document):
    item = document.items()[1]

    assert item.changes == [
        TrackedChange(ChangeKind.DELETION, "the ", 13, 17, TL, MARCH_12),
        TrackedChange(ChangeKind.INSERTION, "national ", 17, 17, TL, MARCH_12),
    ]
    assert item.text[13:17] == "the "


def test_docx_bracket_spans_nested_and_unbalanced(document):
    items = {i.id: i for i in document.items()}

    assert [(b.start, b.end, b.text) for b in items["P.1-d"].brackets] == [
        (0, 86, P1D),
        (43, 85, "[reduced import duties/targeted subsidies]"),
    ]
    assert items["P.2-a"].brackets == []
    assert [(w.where, w.message) for w in document.warnings] == [
        (
            "table 1, row 3, cell 2, paragraph 2",
            "comment author 'Gonzalez, Maria [2]' read as 'Maria Gonzalez'",
        ),
        (
            "table 3, row 3, cell 1, paragraph 1, P.2-a",
            "unbalanced bracket: '[' at offset 0 is never closed",
        ),
    ]


def test_docx_comments_with_normalised_authors_replies_and_anchors(document):
    items = {i.id: i for i in document.items()}
    heading = document.objectives[0].comments
    thread = items["P.1-d"].comments
    bracketed = items["P.1-2"].comments[0]

    assert [(c.author, c.text, c.anchor) for c in heading] == [
        (MG, 'Canada – add "meaningful"', "meaningful")
    ]
    assert (bracketed.author, bracketed.raw_author, bracketed.initials) == (
        MG,
        "Gonzalez, Maria [2]",
        "MG",
    )
    assert [(c.author, c.text, c.date) for c in thread] == [
        (
            MG,
            'Canada – remove "reduced import duties"\nMexico – keep both',
            dt.datetime(2025, 3, 12, 9, 0, tzinfo=dt.UTC),
        )
    ]
    assert [(c.author, c.text, c.date, c.replies) for c in thread[0].replies] == [
        (
            TL,
            "Globex Telecom – request to remove the outcome",
            dt.datetime(2025, 3, 13, 8, 30, tzinfo=dt.UTC),
            [],
        )
    ]
    assert thread[0].anchor == f"P.1-d: {P1D}"


def test_docx_positions_from_comments_and_replies(document):
    items = {i.id: i for i in document.items()}

    assert [(p.delegation, p.stance.value, p.detail) for p in items["P.1-d"].positions] == [
        ("Canada", "remove", "reduced import duties"),
        ("Mexico", "keep", "keep both"),
        ("Globex Telecom", "remove", "request to remove the outcome"),
    ]
    assert [(p.delegation, p.stance.value) for p in items["P.2-1"].positions] == [
        ("Canada", "merge_move")
    ]


def test_docx_blocks_have_places_cells_columns_and_styles(tmp_path):
    blocks = read_docx_blocks(build_working_document(tmp_path / "working.docx"))

    assert [(b.text[:20], b.where, b.cell, b.column, b.style) for b in blocks[:8]] == [
        ("Regional Priorities ", "paragraph 1", None, None, "Title"),
        ("Colour coding:", "paragraph 2", None, None, "Normal"),
        ("· Green highlights: ", "paragraph 3", None, None, "Normal"),
        ("· Red highlights: di", "paragraph 4", None, None, "Normal"),
        ("P.1 Affordable acces", "paragraph 5", None, None, "Heading 1"),
        ("Priority 1 Outputs a", "table 1, row 1, cell 1, paragraph 1", (1, 1, 1), 0, "Normal"),
        ("Outcomes", "table 1, row 2, cell 1, paragraph 1", (1, 2, 1), 0, "Normal"),
        ("Outputs", "table 1, row 2, cell 2, paragraph 1", (1, 2, 2), 1, "Normal"),
    ]


def test_docx_cell_shading_colours_paragraphs_without_highlight(tmp_path):
    blocks = read_docx_blocks(build_working_document(tmp_path / "working.docx"))
    cell = [(b.text[:6], b.colour) for b in blocks if b.cell == (2, 3, 1)]

    assert cell == [
        ("P.1-d:", Status.DISPUTED),
        ("P.1-e:", Status.DISPUTED),
        ("OR", Status.DISPUTED),
        ("Altern", Status.DISPUTED),
    ]


@pytest.mark.parametrize(
    ("runs", "colour"),
    [
        ([r("P.1-a: text", highlight="green")], Status.AGREED),
        ([r("P.1-a: text", highlight="darkGreen")], Status.AGREED),
        ([r("P.1-a: text", highlight="darkYellow")], Status.UNDISPUTED_CHANGE),
        ([r("P.1-a: text", highlight="darkRed")], Status.DISPUTED),
        ([r("P.1-a: text", highlight="cyan")], None),
        ([r("P.1-a: text", shd="C6EFCE")], Status.AGREED),
        ([r("P.1-a: text", shd="FFEB9C")], Status.UNDISPUTED_CHANGE),
        ([r("P.1-a: text", shd="FFFFFF")], None),
        ([r("P.1-a: ", highlight="green"), r("longer red text", highlight="red")], Status.DISPUTED),
        (
            [r("P.1-a: a much longer text", highlight="yellow"), r("[x]", highlight="red")],
            Status.UNDISPUTED_CHANGE,
        ),
        ([r("P.1-a: text")], None),
    ],
)
def test_docx_run_colour_is_the_one_covering_most_characters(tmp_path, runs, colour):
    path = build_docx(tmp_path / "c.docx", p(*runs))

    assert read_docx_blocks(path)[0].colour == colour


def test_docx_paragraph_shading_and_highlight_over_cell_shading(tmp_path):
    body = tbl(
        tr(
            tc(
                p("shaded paragraph", shd="FF0000"),
                p(r("green run", highlight="green")),
                p("plain"),
                shd="FFFF00",
            )
        )
    )
    path = build_docx(tmp_path / "c.docx", body)

    assert [(b.text, b.colour) for b in read_docx_blocks(path)] == [
        ("shaded paragraph", Status.DISPUTED),
        ("green run", Status.AGREED),
        ("plain", Status.UNDISPUTED_CHANGE),
    ]


def test_docx_auto_numbering_renders_labels_with_restarts_and_levels(tmp_path):
    numbering = numbering_xml(
        (0, 0, "decimal", "P.%1", 1),
        (0, 1, "lowerLetter", "P.%1-%2:", 1),
        (0, 2, "lowerRoman", "(%3)", 1),
        (1, 0, "upperLetter", "%1.", 3),
        nums={1: 0, 2: 1, 3: 1},
        overrides={3: 1},
    )
    body = "".join(
        [
            p("Access", num=(1, 0)),
            p("Coverage", num=(1, 1)),
            p("Deep", num=(1, 2)),
            p("Deeper", num=(1, 2)),
            p("Funds", num=(1, 1)),
            p("Deep again", num=(1, 2)),
            p("Skills", num=(1, 0)),
            p("Teachers", num=(1, 1)),
            p("Third", num=(2, 0)),
            p("Fourth", num=(2, 0)),
            p("Restarted", num=(3, 0)),
            p("Not numbered", num=(0, 0)),
        ]
    )
    path = build_docx(tmp_path / "n.docx", body, numbering=numbering)

    assert [b.text for b in read_docx_blocks(path)] == [
        "P.1 Access",
        "P.1-a: Coverage",
        "(i) Deep",
        "(ii) Deeper",
        "P.1-b: Funds",
        "(i) Deep again",
        "P.2 Skills",
        "P.2-a: Teachers",
        "C. Third",
        "D. Fourth",
        "A. Restarted",
        "Not numbered",
    ]


def test_docx_numbered_identifiers_become_items(tmp_path):
    numbering = numbering_xml(
        (0, 0, "decimal", "P.1-%1:", 1), (1, 0, "lowerLetter", "P.1-%1:", 1), nums={1: 0, 2: 1}
    )
    body = (
        p("P.1 Access")
        + p("Outcome one", num=(2, 0))
        + p("Output one", num=(1, 0))
        + p("Output two", num=(1, 0))
    )
    document = read_document(build_docx(tmp_path / "n.docx", body, numbering=numbering))

    assert [(i.id, i.kind, i.text) for i in document.items()] == [
        ("P.1-a", "outcome", "Outcome one"),
        ("P.1-1", "output", "Output one"),
        ("P.1-2", "output", "Output two"),
    ]


def test_docx_numbering_from_a_paragraph_style(tmp_path):
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="paragraph" w:styleId="Output"><w:name w:val="Output"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>',
    )
    numbering = numbering_xml((0, 0, "decimal", "D.2-%1", 1), nums={1: 0})
    path = build_docx(
        tmp_path / "s.docx",
        p("Guide", style="Output") + p("Toolkit", style="Output"),
        numbering=numbering,
        styles=styles,
    )

    assert [(b.text, b.style) for b in read_docx_blocks(path)] == [
        ("D.2-1 Guide", "Output"),
        ("D.2-2 Toolkit", "Output"),
    ]


def test_docx_tracked_changes_merge_runs_and_keep_authors_apart(tmp_path):
    body = p(
        "Keep ",
        dele("old ", TL, rid=1),
        dele("words ", TL, rid=2),
        ins("new ", MG, rid=3),
        ins("text ", MG, rid=4),
        ins("by Tom ", TL, rid=5),
        "end",
    )
    block = read_docx_blocks(build_docx(tmp_path / "t.docx", body))[0]

    assert block.text == "Keep old words end"
    assert [(c.kind.value, c.text, c.start, c.end, c.author) for c in block.changes] == [
        ("deletion", "old words ", 5, 15, TL),
        ("insertion", "new text ", 15, 15, MG),
        ("insertion", "by Tom ", 15, 15, TL),
    ]


def test_docx_moves_hidden_text_and_deleted_insertions(tmp_path):
    body = p(
        "A ",
        '<w:moveFrom w:id="1" w:author="Tom Lee"><w:r><w:t>moved </w:t></w:r></w:moveFrom>',
        r("hidden ", hidden=True),
        '<w:ins w:id="2" w:author="Tom Lee"><w:del w:id="3" w:author="Tom Lee">'
        "<w:r><w:delText>withdrawn</w:delText></w:r></w:del></w:ins>",
        "B",
        '<w:moveTo w:id="4" w:author="Tom Lee"><w:r><w:t> moved</w:t></w:r></w:moveTo>',
    )
    block = read_docx_blocks(build_docx(tmp_path / "m.docx", body))[0]

    assert block.text == "A moved B"
    assert [(c.kind.value, c.text, c.start, c.end) for c in block.changes] == [
        ("deletion", "moved ", 2, 8),
        ("insertion", " moved", 9, 9),
    ]


def test_docx_tracked_change_offsets_follow_the_item_identifier(tmp_path):
    body = p("P.1 Access") + p(
        "P.1-a: Reduced ", dele("import ", TL), "duties", ins(" and taxes", TL)
    )
    item = read_document(build_docx(tmp_path / "t.docx", body)).items()[0]

    assert item.text == "Reduced import duties"
    assert [(c.kind.value, c.text, c.start, c.end) for c in item.changes] == [
        ("deletion", "import ", 8, 15),
        ("insertion", " and taxes", 21, 21),
    ]


def test_docx_replies_by_the_older_same_range_convention(tmp_path):
    body = p("P.1 Access") + p(
        start(0), start(1), r("P.1-a: Text"), end(0), end(1), start(2), r(" more"), end(2)
    )
    comments = comments_xml(
        comment(0, MG, "Canada – remove"),
        comment(1, TL, "Mexico – keep"),
        comment(2, TL, "Brazil – keep"),
    )
    item = read_document(build_docx(tmp_path / "o.docx", body, comments=comments)).items()[0]

    assert [(c.author, c.text, [(x.author, x.text) for x in c.replies]) for c in item.comments] == [
        (MG, "Canada – remove", [(TL, "Mexico – keep")]),
        (TL, "Brazil – keep", []),
    ]


def test_docx_comment_ranges_over_several_paragraphs_belong_to_the_first_covered(tmp_path):
    body = (
        p("P.1 Access")
        + p("P.1-a: First", start(0))
        + p("P.1-b: Second", end(0))
        + p(start(1), "P.1-c: Third")
        + p("P.1-d: Fourth", end(1))
    )
    comments = comments_xml(comment(0, MG, "Canada – on b"), comment(1, MG, "Canada – on c"))
    document = read_document(build_docx(tmp_path / "m.docx", body, comments=comments))

    assert [(i.id, [c.text for c in i.comments]) for i in document.items()] == [
        ("P.1-a", []),
        ("P.1-b", ["Canada – on b"]),
        ("P.1-c", ["Canada – on c"]),
        ("P.1-d", []),
    ]
    assert document.items()[2].comments[0].anchor == "P.1-c: Third\nP.1-d: Fourth"


def test_docx_merged_and_nested_cells_are_read_once(tmp_path):
    inner = tbl(tr(tc("P.1-2: nested output")))
    body = p("P.1 Access") + tbl(
        tr(tc("P.1-a: merged down", vmerge="restart"), tc("P.1-1: output", inner)),
        tr(tc("", vmerge=""), tc("P.1-3: after")),
    )
    blocks = read_docx_blocks(build_docx(tmp_path / "v.docx", body))

    assert [(b.text, b.where) for b in blocks] == [
        ("P.1 Access", "paragraph 1"),
        ("P.1-a: merged down", "table 1, row 1, cell 1, paragraph 1"),
        ("P.1-1: output", "table 1, row 1, cell 2, paragraph 1"),
        ("P.1-2: nested output", "table 2, row 1, cell 1, paragraph 1"),
        ("P.1-3: after", "table 1, row 2, cell 2, paragraph 1"),
    ]


def test_docx_content_controls_hyperlinks_symbols_tabs_and_breaks(tmp_path):
    body = (
        "<w:sdt><w:sdtContent>"
        + p(
            '<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships">' + r("P.1 Linked") + "</w:hyperlink>",
            r("", extra='<w:tab/><w:sym w:font="Symbol" w:char="F0B7"/><w:br/><w:noBreakHyphen/>'),
            r("", extra='<w:instrText xml:space="preserve"> PAGE </w:instrText>'),
        )
        + "</w:sdtContent></w:sdt>"
    )
    blocks = read_docx_blocks(build_docx(tmp_path / "h.docx", body))

    assert [b.text for b in blocks] == ["P.1 Linked\t·\n-"]


def test_docx_made_with_python_docx_comments_and_highlight(tmp_path):
    made = docx.Document()
    made.add_paragraph("Working document", style="Title")
    heading = made.add_paragraph("P.4 Resilience: Build resilient networks")
    table = made.add_table(rows=1, cols=2)
    outcome = table.cell(0, 0).paragraphs[0].add_run("P.4-a: Early warning systems")
    outcome.font.highlight_color = WD_COLOR_INDEX.YELLOW
    table.cell(0, 1).paragraphs[0].add_run("None")
    made.add_comment(heading.runs, "Canada – keep", author="Lee, Tom", initials="TL")
    made.add_comment([outcome], "Brazil – remove", author="Maria Gonzalez", initials="MG")
    path = tmp_path / "made.docx"
    made.save(str(path))

    document = read_document(path)

    assert document.title == "Working document"
    assert [(c.author, c.text) for c in document.objectives[0].comments] == [(TL, "Canada – keep")]
    assert _items(document) == [
        ("P.4-a", "outcome", "agreed", "undisputed_change", "Early warning systems")
    ]
    assert [(c.author, c.raw_author, c.text) for c in document.items()[0].comments] == [
        (MG, MG, "Brazil – remove")
    ]


def test_docx_summary_is_json_ready(document):
    summary = json_io.summary(document)

    assert [len(o["items"]) for o in summary["objectives"]] == [6, 2]
    assert summary["objectives"][0]["items"][4]["comments"] == [
        {"author": MG, "text": 'Canada – remove "reduced import duties"\nMexico – keep both'},
        {"author": TL, "text": "Globex Telecom – request to remove the outcome"},
    ]


def test_docx_strict_ooxml_is_read_as_transitional(tmp_path):
    strict = build_docx(tmp_path / "s.docx", p("P.1 Access") + p("P.1-a: Strict item"))
    import zipfile

    with zipfile.ZipFile(strict) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    path = Path(tmp_path / "strict.docx")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    assert [i.text for i in read_document(path).items()] == ["Strict item"]


def test_docx_text_boxes_old_formatting_tab_stops_and_mark_colours_are_ignored(tmp_path):
    textbox = (
        '<w:r><w:drawing><wp:inline xmlns:wp="urn:x"><w:txbxContent><w:p><w:r><w:t>In a box'
        "</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r>"
    )
    old = (
        '<w:r><w:rPr><w:highlight w:val="red"/><w:rPrChange w:id="1" w:author="x"><w:rPr>'
        '<w:highlight w:val="green"/></w:rPr></w:rPrChange></w:rPr><w:t>Now red</w:t></w:r>'
    )
    props = (
        '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'
        '<w:rPr><w:highlight w:val="yellow"/></w:rPr></w:pPr>'
    )
    body = p("Before ", textbox, "after") + f"<w:p>{props}{old}</w:p>"
    blocks = read_docx_blocks(build_docx(tmp_path / "x.docx", body))

    assert [(b.text, b.colour) for b in blocks] == [
        ("Before after", None),
        ("Now red", Status.DISPUTED),
    ]


def test_docx_comment_markers_between_paragraphs_and_revisions_around_links(tmp_path):
    link = (
        '<w:ins w:id="5" w:author="Tom Lee"><w:hyperlink w:anchor="x">'
        "<w:r><w:t>linked insertion</w:t></w:r></w:hyperlink></w:ins>"
    )
    body = (
        p("P.1 Access")
        + start(0)
        + p("P.1-a: Commented whole paragraph ", link)
        + end(0)
        + p("P.1-b: Next")
    )
    comments = comments_xml(comment(0, MG, "Canada – keep"))
    blocks = read_docx_blocks(build_docx(tmp_path / "b.docx", body, comments=comments))

    assert [(b.text, [c.anchor for c in b.comments]) for b in blocks] == [
        ("P.1 Access", []),
        ("P.1-a: Commented whole paragraph ", ["P.1-a: Commented whole paragraph "]),
        ("P.1-b: Next", []),
    ]
    assert [(c.kind.value, c.text, c.start) for c in blocks[1].changes] == [
        ("insertion", "linked insertion", 33)
    ]


def test_docx_content_control_properties_do_not_colour_runs(tmp_path):
    control = (
        '<w:sdt><w:sdtPr><w:rPr><w:highlight w:val="red"/><w:vanish/></w:rPr></w:sdtPr>'
        "<w:sdtContent>" + r("inside") + "</w:sdtContent></w:sdt>"
    )
    body = p(r("before ", highlight="green"), control, r(" after"))
    block = read_docx_blocks(build_docx(tmp_path / "s.docx", body))[0]

    assert (block.text, block.colour) == ("before inside after", Status.AGREED)
