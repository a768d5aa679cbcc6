"""Render Word's automatic numbering, so ``P.1-%1:`` lists yield real identifiers.

Word stores no label in the paragraph: numbering.xml defines levels (start, format, text
such as ``%1.%2``) and the paragraph names a list (numId) and a level (ilvl). The label is
reconstructed by counting paragraphs in document order, restarting deeper levels when a
shallower one advances, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from accord.engines.documents.docx_styles import Styles
from accord.engines.documents.docx_xml import small_int, w

_VAL = w("val")
_LEVELS = 9
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
BULLET = "· "


@dataclass
class _Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = " "
    style: str | None = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


def _level(el: etree._Element) -> _Level:
    level = _Level()
    for child in el:
        tag, val = child.tag, child.get(_VAL)
        number = small_int(val)
        if tag == w("start") and number is not None:
            level.start = number
        elif tag == w("numFmt") and val:
            level.fmt = val
        elif tag == w("lvlText"):
            level.text = val or ""
        elif tag == w("lvlRestart") and number is not None:
            level.restart = number
        elif tag == w("isLgl"):
            level.legal = val not in ("0", "false", "off")
        elif tag == w("suff"):
            level.suffix = "" if val == "nothing" else " "
        elif tag == w("pStyle"):
            level.style = val
    return level


def _ilvl(el: etree._Element) -> int:
    return small_int(el.get(w("ilvl"))) or 0


class Numbering:
    """Labels for numbered paragraphs, counted in the order they are asked for."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._links: dict[str, str] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        self._styles = styles
        if root is None:
            return
        for abstract in root.iterchildren(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"), "")
            levels = abstract.iter(w("lvl"))
            self._abstract[abstract_id] = {_ilvl(lvl): _level(lvl) for lvl in levels}
            link = abstract.find(w("numStyleLink"))
            if link is not None:
                self._links[abstract_id] = link.get(_VAL, "")
        for num in root.iterchildren(w("num")):
            ref = num.find(w("abstractNumId"))
            entry = _Num(abstract=ref.get(_VAL, "") if ref is not None else "")
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = _ilvl(override)
                start = override.find(w("startOverride"))
                first = small_int(start.get(_VAL)) if start is not None else None
                if first is not None:
                    entry.starts[ilvl] = first
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self._nums[num.get(w("numId"), "")] = entry

    def _levels(self, num: _Num) -> dict[int, _Level]:
        abstract_id = num.abstract
        for _ in range(3):  # a list style points at the list that defines its levels
            style = self._links.get(abstract_id)
            if style is None:
                break
            linked_num, _ = self._styles.numbering(style)
            linked = self._nums.get(linked_num or "")
            if linked is None or linked.abstract == abstract_id:
                break
            abstract_id = linked.abstract
        levels = dict(self._abstract.get(abstract_id, {}))
        levels.update(num.levels)
        return levels

    def label(self, num_id: str | None, ilvl: int | None, style_id: str | None = None) -> str:
        """The label Word shows for the next paragraph of this list, with its separator."""
        num = self._nums.get(num_id or "")
        if num is None:
            return ""
        levels = self._levels(num)
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None or not 0 <= ilvl < _LEVELS:
            return ""
        key = ("num", num_id or "") if num.starts else ("abstract", num.abstract)
        counters = self._counters.get(key)
        if counters is None:
            counters = self._counters[key] = [None] * _LEVELS
        current = counters[ilvl]
        counters[ilvl] = num.starts.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or ilvl < restart:
                counters[deeper] = None
        if level.fmt == "bullet":
            return BULLET
        text = level.text
        for n in range(_LEVELS, 0, -1):
            marker = f"%{n}"
            if marker in text:
                other = levels.get(n - 1, _Level())
                value = counters[n - 1]
                if value is None:
                    value = num.starts.get(n - 1, other.start)
                fmt = "decimal" if level.legal and n - 1 != ilvl else other.fmt
                text = text.replace(marker, format_number(value, fmt))
        return f"{text}{level.suffix}" if text.strip() else ""


def format_number(value: int, fmt: str) -> str:
    """``3`` as Word writes it in ``fmt``: 3, c, C, iii, III, 03…; unknown formats as decimal."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        if not 1 <= value <= 780:  # z, aa, bb …: 780 is thirty z's; beyond, plain numbers
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        if not 1 <= value <= 3999:
            return str(value)
        roman = ""
        for number, numeral in _ROMAN:
            while value >= number:
                roman += numeral
                value -= number
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
