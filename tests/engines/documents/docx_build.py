"""Build small .docx files from raw WordprocessingML, so each test states exactly what Word
would have written: runs, highlights, shading, revisions, comment ranges, numbering."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_NS = f'xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_PARTS = {
    "comments": (f"{_MAIN}.comments+xml", f"{_REL}/comments"),
    "commentsExtended": (
        f"{_MAIN}.commentsExtended+xml",
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    ),
    "numbering": (f"{_MAIN}.numbering+xml", f"{_REL}/numbering"),
    "styles": (f"{_MAIN}.styles+xml", f"{_REL}/styles"),
}


def r(
    text: str = "",
    *,
    highlight: str | None = None,
    shd: str | None = None,
    deleted: bool = False,
    hidden: bool = False,
    extra: str = "",
) -> str:
    props = ""
    if hidden:
        props += "<w:vanish/>"
    if highlight:
        props += f'<w:highlight w:val="{highlight}"/>'
    if shd:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    tag = "w:delText" if deleted else "w:t"
    body = f'<{tag} xml:space="preserve">{escape(text)}</{tag}>' if text else ""
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{extra}{body}</w:r>"


def ins(text: str, author: str, date: str = "2025-03-12T10:00:00Z", rid: int = 900, **kw) -> str:
    return (
        f'<w:ins w:id="{rid}" w:author={quoteattr(author)} w:date="{date}">{r(text, **kw)}</w:ins>'
    )


def dele(text: str, author: str, date: str = "2025-03-12T10:00:00Z", rid: int = 901, **kw) -> str:
    return (
        f'<w:del w:id="{rid}" w:author={quoteattr(author)} w:date="{date}">'
        f"{r(text, deleted=True, **kw)}</w:del>"
    )


def start(cid: int) -> str:
    return f'<w:commentRangeStart w:id="{cid}"/>'


def end(cid: int) -> str:
    return f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:commentReference w:id="{cid}"/></w:r>'


def p(
    *content: str,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    shd: str | None = None,
) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if shd:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    parts = [c if c.startswith("<") else r(c) for c in content]
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(parts)}</w:p>"


def tc(*paragraphs: str, span: int = 1, shd: str | None = None, vmerge: str | None = None) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    if shd:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    body = "".join(x if x.startswith("<") else p(x) for x in paragraphs) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{body}</w:tc>"


def tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4675"/><w:gridCol w:w="4675"/></w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


def section_table(heading: str, outcomes: list[str], outputs: list[str], **cell: str) -> str:
    """The drafting group's table: merged heading row, header row, one row of items."""
    return tbl(
        tr(tc(heading, span=2)),
        tr(tc("Outcomes"), tc("Outputs")),
        tr(tc(*outcomes, shd=cell.get("outcomes_shd")), tc(*outputs, shd=cell.get("outputs_shd"))),
    )


def comment(
    cid: int,
    author: str,
    *paragraphs: str,
    para_ids: tuple[str, ...] = (),
    date: str = "2025-03-12T09:00:00Z",
    initials: str = "",
) -> str:
    inner = ""
    for index, text in enumerate(paragraphs):
        pid = f' w14:paraId="{para_ids[index]}"' if index < len(para_ids) else ""
        ref = "<w:r><w:annotationRef/></w:r>" if index == 0 else ""
        inner += f"<w:p{pid}>{ref}{r(text)}</w:p>"
    extra = f" w:initials={quoteattr(initials)}" if initials else ""
    return (
        f'<w:comment w:id="{cid}" w:author={quoteattr(author)} w:date="{date}"{extra}>'
        f"{inner}</w:comment>"
    )


def comments_xml(*comments: str) -> str:
    return f"<w:comments {_NS}>{''.join(comments)}</w:comments>"


def extended_xml(*pairs: tuple[str, str | None]) -> str:
    entries = "".join(
        f'<w15:commentEx w15:paraId="{pid}"'
        + (f' w15:paraIdParent="{parent}"' if parent else "")
        + ' w15:done="0"/>'
        for pid, parent in pairs
    )
    return f"<w15:commentsEx {_NS}>{entries}</w15:commentsEx>"


def numbering_xml(
    *levels: tuple[int, int, str, str, int],
    nums: dict[int, int] | None = None,
    overrides: dict[int, int] | None = None,
) -> str:
    """levels: (abstractId, ilvl, numFmt, lvlText, start); nums: numId → abstractId;
    overrides: numId → startOverride of level 0."""
    abstracts: dict[int, str] = {}
    for abstract, ilvl, fmt, text, first in levels:
        abstracts[abstract] = abstracts.get(abstract, "") + (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{first}"/><w:numFmt w:val="{fmt}"/>'
            f"<w:lvlText w:val={quoteattr(text)}/></w:lvl>"
        )
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{a}">{lv}</w:abstractNum>' for a, lv in abstracts.items()
    )
    for num, abstract in (nums or {}).items():
        override = ""
        if overrides and num in overrides:
            override = (
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{overrides[num]}"/>'
                "</w:lvlOverride>"
            )
        body += f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
    return f"<w:numbering {_NS}>{body}</w:numbering>"


STYLES = (
    f"<w:styles {_NS}>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/></w:style>'
    "</w:styles>"
)


def build_docx(path: Path, body: str, **parts: str) -> Path:
    """Zip ``body`` (the inside of ``w:body``) and the named parts into a .docx at ``path``."""
    overrides = f'<Override PartName="/word/document.xml" ContentType="{_MAIN}.document.main+xml"/>'
    relationships = ""
    for index, name in enumerate(parts, start=1):
        content_type, rel_type = _PARTS[name]
        overrides += f'<Override PartName="/word/{name}.xml" ContentType="{content_type}"/>'
        relationships += f'<Relationship Id="rId{index}" Type="{rel_type}" Target="{name}.xml"/>'
    pkg = "http://schemas.openxmlformats.org/package/2006"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{pkg}/relationships">{relationships}</Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {_NS}><w:body>{body}<w:sectPr/></w:body></w:document>",
        )
        for name, xml in parts.items():
            archive.writestr(f"word/{name}.xml", xml)
    return path
