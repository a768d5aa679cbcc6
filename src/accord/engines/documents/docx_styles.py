"""Paragraph styles: the name Word shows, and the list numbering a style carries."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from accord.engines.documents.docx_xml import small_int, w

_UI_NAMES = {f"heading {n}": f"Heading {n}" for n in range(1, 10)} | {
    "caption": "Caption",
    "header": "Header",
    "footer": "Footer",
    "title": "Title",
    "subtitle": "Subtitle",
    "normal": "Normal",
}
_VAL, _STYLE, _NAME, _BASED_ON, _PPR, _NUMPR = (
    w("val"),
    w("style"),
    w("name"),
    w("basedOn"),
    w("pPr"),
    w("numPr"),
)
_NUM_ID, _ILVL = w("numId"), w("ilvl")
_TYPE, _STYLE_ID, _DEFAULT = w("type"), w("styleId"), w("default")


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


class Styles:
    """Style ids → names and inherited numbering (``basedOn`` chains followed)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self._names: dict[str | None, str] = {}
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}
        self.default_paragraph = ""
        if root is None:
            return
        for style in root.iterchildren(_STYLE):
            kind = style.get(_TYPE, "paragraph")
            if kind not in ("paragraph", "numbering"):  # character and table styles: not needed
                continue
            style_id = style.get(_STYLE_ID, "")
            raw_name, based_on, num_id, ilvl = style_id, None, None, None
            for child in style:
                tag = child.tag
                if tag == _NAME:
                    raw_name = child.get(_VAL, style_id)
                elif tag == _BASED_ON:
                    based_on = child.get(_VAL)
                elif tag == _PPR:
                    num_id, ilvl = numbering_of(child)
            self._styles[style_id] = _Style(
                _UI_NAMES.get(raw_name.lower(), raw_name), based_on, num_id, ilvl
            )
            if kind == "paragraph" and style.get(_DEFAULT) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def name(self, style_id: str | None) -> str:
        if style_id not in self._names:
            key = style_id or self.default_paragraph
            style = self._styles.get(key)
            self._names[style_id] = style.name if style else key
        return self._names[style_id]

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The (numId, ilvl) a paragraph style gives, following ``basedOn`` (cycle-safe)."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._find_numbering(style_id)
        return self._numbering[style_id]

    def _find_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        current: str | None = style_id or self.default_paragraph
        while current and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                break
            if style.num_id is not None:
                return style.num_id, style.ilvl
            current = style.based_on
        return None, None


def numbering_of(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    """The (numId, ilvl) written in a ``w:pPr``, each None when absent."""
    if ppr is None:
        return None, None
    for numpr in ppr.iterchildren(_NUMPR):
        return numbering_of_numpr(numpr)
    return None, None


def numbering_of_numpr(numpr: etree._Element) -> tuple[str | None, int | None]:
    num_id = ilvl = None
    for child in numpr.iterchildren(_NUM_ID, _ILVL):
        if child.tag == _NUM_ID:
            num_id = child.get(_VAL)
        else:
            ilvl = small_int(child.get(_VAL))
    return num_id, ilvl
