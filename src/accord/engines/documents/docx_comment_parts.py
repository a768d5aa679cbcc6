"""The comments.xml and commentsExtended.xml parts of a written .docx.

Word links a reply to its parent through commentsExtended.xml: each comment's last paragraph
carries a ``w14:paraId`` and the reply's ``w15:commentEx`` names its parent's paraId. Both
parts are declared in [Content_Types].xml and related from the document part, or Word drops
the threads (or refuses the file).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from accord.engines.documents.docx_paragraphs import clean, run, xml_date
from accord.engines.documents.docx_xml import MC, W14, W15, W, w
from accord.engines.documents.model import Comment

COMMENTS_EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)
COMMENTS_EXTENDED_RELATIONSHIP = (
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
)


@dataclass(frozen=True)
class CommentEntry:
    comment_id: int
    comment: Comment
    parent: int | None


def add_comment_parts(document_part: Part, entries: list[CommentEntry]) -> None:
    """Add both parts to the package (nothing when there are no comments)."""
    if not entries:
        return
    comments, extended = _build(entries)
    package = document_part.package
    for name, content_type, relationship, root in (
        ("/word/comments.xml", CONTENT_TYPE.WML_COMMENTS, RELATIONSHIP_TYPE.COMMENTS, comments),
        (
            "/word/commentsExtended.xml",
            COMMENTS_EXTENDED_TYPE,
            COMMENTS_EXTENDED_RELATIONSHIP,
            extended,
        ),
    ):
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        document_part.relate_to(Part(PackURI(name), content_type, blob, package), relationship)


def initials_of(name: str) -> str:
    """``Maria Gonzalez`` → ``MG``: Word shows initials beside each comment."""
    return "".join(word[0] for word in name.split() if word[0].isalpha()).upper()[:4]


def _build(entries: list[CommentEntry]) -> tuple[etree._Element, etree._Element]:
    comments = etree.Element(w("comments"), nsmap={"w": W, "w14": W14, "mc": MC})
    comments.set(f"{{{MC}}}Ignorable", "w14")
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    extended.set(f"{{{MC}}}Ignorable", "w15")
    last_paragraph: dict[int, str] = {}
    paragraphs = 0
    for entry in entries:
        comment = entry.comment
        el = etree.SubElement(comments, w("comment"))
        el.set(w("id"), str(entry.comment_id))
        el.set(w("author"), clean(comment.author))
        if comment.date is not None:
            el.set(w("date"), xml_date(comment.date))
        el.set(w("initials"), clean(comment.initials or initials_of(comment.author)))
        for number, line in enumerate(comment.text.split("\n")):
            p = etree.SubElement(el, w("p"))
            paragraphs += 1
            para_id = f"{paragraphs:08X}"
            p.set(f"{{{W14}}}paraId", para_id)
            p.set(f"{{{W14}}}textId", "77777777")
            if number == 0:
                etree.SubElement(etree.SubElement(p, w("r")), w("annotationRef"))
            if line:
                run(p, line)
            last_paragraph[entry.comment_id] = para_id
        ex = etree.SubElement(extended, f"{{{W15}}}commentEx")
        ex.set(f"{{{W15}}}paraId", last_paragraph[entry.comment_id])
        if entry.parent is not None:
            ex.set(f"{{{W15}}}paraIdParent", last_paragraph[entry.parent])
        ex.set(f"{{{W15}}}done", "0")
    return comments, extended
