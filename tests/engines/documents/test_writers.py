"""HTML, Markdown and PDF writers, and the change segments they share."""

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from accord.engines.documents.html_writer import to_html
from accord.engines.documents.markdown_writer import to_markdown
from accord.engines.documents.model import (
    ChangeKind,
    Comment,
    Item,
    Objective,
    Position,
    Section,
    Stance,
    Status,
    TrackedChange,
    WorkingDocument,
)
from accord.engines.documents.pdf_writer import write_pdf
from accord.engines.documents.segments import segments

pytestmark = pytest.mark.unit


def _document() -> WorkingDocument:
    item = Item(
        id="D.1-a",
        kind="outcome",
        text="Reduced [import duties/taxes] on <smart> devices & handsets",
        section=Section.FURTHER_DISCUSSION,
        status=Status.DISPUTED,
        comments=[
            Comment(
                author="Maria Gonzalez",
                text='Canada – remove "import duties"',
                date=dt.datetime(2027, 3, 12, tzinfo=dt.UTC),
                replies=[Comment(author="Tom Lee", text="Noted")],
            )
        ],
        positions=[
            Position("Canada", Stance.REMOVE, "import duties", "import duties", "Canada – remove")
        ],
        changes=[
            TrackedChange(ChangeKind.DELETION, "Reduced ", 0, 8, "Tom Lee"),
            TrackedChange(ChangeKind.INSERTION, "mobile ", 51, 51, "Tom Lee"),
        ],
    )
    agreed = Item(
        id="D.1-1",
        kind="output",
        text="Handbook on licensing",
        section=Section.AGREED,
        status=Status.AGREED,
    )
    objective = Objective(
        id="D.1",
        title="Affordable connectivity",
        items=[agreed, item],
        notes=["Suggestion 1: merge"],
    )
    return WorkingDocument(
        title="Working document – DDC", objectives=[objective], preamble=["Summary:"]
    )


def test_segments_mark_deletions_and_insertions_at_their_offsets():
    item = _document().objectives[0].items[1]

    assert segments(item) == [
        ("del", "Reduced "),
        ("text", "[import duties/taxes] on <smart> devices & "),
        ("ins", "mobile "),
        ("text", "handsets"),
    ]


def test_segments_without_changes_is_the_text():
    item = Item(id="x", kind="outcome", text="plain", section=Section.AGREED)

    assert segments(item) == [("text", "plain")]


def test_html_escapes_text_and_marks_status_brackets_changes_and_comments():
    html = to_html(_document())

    assert '<div class="item disputed" id="D.1-a">' in html
    assert (
        '<del>Reduced </del><span class="bracket">[import duties/taxes]</span> on &lt;smart&gt; devices &amp; <ins>mobile </ins>handsets'
        in html
    )
    assert (
        '<li><strong>Maria Gonzalez</strong> <small>2027-03-12</small>: Canada – remove &quot;import duties&quot;<ul class="comments"><li><strong>Tom Lee</strong>: Noted</li></ul></li>'
        in html
    )
    assert "<tr><td>Canada</td><td>remove</td><td>import duties</td></tr>" in html
    assert html.index("<h3>Agreed</h3>") < html.index("<h3>For further discussion</h3>")


def test_markdown_escapes_brackets_and_nests_replies():
    markdown = to_markdown(_document())

    assert (
        "- **D.1-a** (outcome, Disputed): ~~Reduced ~~\\[import duties/taxes\\] on \\<smart\\> devices & <ins>mobile </ins>handsets"
        in markdown
    )
    assert (
        '  > **Maria Gonzalez**: Canada – remove "import duties"\n  >> **Tom Lee**: Noted'
        in markdown
    )
    assert "  - *Canada*: remove — import duties" in markdown
    assert markdown.startswith(
        "# Working document – DDC\n\nSummary:\n\n## D.1 Affordable connectivity\n"
    )


def test_pdf_holds_every_item_comment_and_position(tmp_path: Path):
    path = tmp_path / "plan.pdf"

    write_pdf(_document(), path)

    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(path.read_bytes())).pages)
    assert path.read_bytes().startswith(b"%PDF")
    for expected in [
        "Working document – DDC",
        "D.1-a",
        "D.1-1",
        "[import duties/taxes]",
        "Maria Gonzalez",
        "Tom Lee",
        "Suggestion 1: merge",
    ]:
        assert expected in text
