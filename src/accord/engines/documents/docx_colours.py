"""The colour code in Word terms: highlight names and shading fills mapped to a status.

Delegations colour items with the highlighter (named colours) or with shading (any hex fill,
often a pale tint), so fills are judged by hue: green, yellow-amber or red; white, greys,
blues and purples mean nothing.
"""

from __future__ import annotations

import colorsys

from accord.engines.documents.model import Status

HIGHLIGHT_OF: dict[Status, str] = {
    Status.AGREED: "green",
    Status.UNDISPUTED_CHANGE: "yellow",
    Status.DISPUTED: "red",
}
_HIGHLIGHTS = {
    "green": Status.AGREED,
    "brightgreen": Status.AGREED,
    "darkgreen": Status.AGREED,
    "yellow": Status.UNDISPUTED_CHANGE,
    "darkyellow": Status.UNDISPUTED_CHANGE,
    "red": Status.DISPUTED,
    "darkred": Status.DISPUTED,
}
_SEVERITY = {Status.AGREED: 0, Status.UNDISPUTED_CHANGE: 1, Status.DISPUTED: 2}
_fills: dict[str, Status | None] = {}


def status_of_highlight(value: str | None) -> Status | None:
    return _HIGHLIGHTS.get(value.lower()) if value else None


def status_of_fill(value: str | None) -> Status | None:
    """``"00FF00"`` → agreed, ``"FFC000"`` → undisputed change, ``"auto"``/white/grey → None."""
    if not value:
        return None
    if value not in _fills:
        _fills[value] = _hue_status(value)
    return _fills[value]


def _hue_status(value: str) -> Status | None:
    if len(value) != 6:
        return None
    try:
        red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    hue, saturation, brightness = colorsys.rgb_to_hsv(red, green, blue)
    if saturation < 0.1 or brightness < 0.2:
        return None
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return Status.DISPUTED
    if degrees < 70:
        return Status.UNDISPUTED_CHANGE
    if degrees < 170:
        return Status.AGREED
    return None


def status_of_shading(val: str | None, color: str | None, fill: str | None) -> Status | None:
    """A ``w:shd``: a solid pattern shows its pattern colour, anything else its fill."""
    if val == "solid" and color and color != "auto":
        return status_of_fill(color)
    if val == "nil":
        return None
    return status_of_fill(fill)


def dominant(counts: dict[Status, int]) -> Status | None:
    """The status covering most characters; a tie goes to the more disputed one."""
    if not counts:
        return None
    return max(counts, key=lambda status: (counts[status], _SEVERITY[status]))
