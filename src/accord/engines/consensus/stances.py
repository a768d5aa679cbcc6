"""Stances as the rule sees them, and which bracket of the current text each one concerns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from accord.engines.brackets import Parsed


class Leaning(StrEnum):
    """Which way a stance pulls: keep the text as it stands, change it, object, or neither."""

    HOLD = "hold"
    CHANGE = "change"
    OBJECT = "object"
    NEUTRAL = "neutral"


_LEANING = {
    "support": Leaning.HOLD,
    "keep": Leaning.HOLD,
    "oppose": Leaning.OBJECT,
    "remove": Leaning.CHANGE,
    "insert": Leaning.CHANGE,
    "modify": Leaning.CHANGE,
    "prefer_option": Leaning.CHANGE,
    "alternative": Leaning.CHANGE,
    "merge_move": Leaning.CHANGE,
    "reservation": Leaning.NEUTRAL,
    "other": Leaning.NEUTRAL,
}


def leaning(stance: str) -> Leaning:
    """Unknown stances weigh on neither side rather than fail."""
    return _LEANING.get(stance, Leaning.NEUTRAL)


@dataclass(slots=True)
class Stated:
    """One delegation's stance; ``bracket`` is the bracketed text it concerns ("" = the item)."""

    delegation: str
    stance: str
    bracket: str = ""
    option: int | None = None
    detail: str = ""

    @property
    def side(self) -> tuple[str, int | None]:
        return side(self.stance, self.option)


_CHOOSING = {"support", "keep", "insert", "modify", "alternative", "prefer_option"}


def side(stance: str, option: int | None = None) -> tuple[str, int | None]:
    """Delegations on the same side hold the text, or propose the same kind of change.

    Keeping, using or proposing one option of an ``[A/B]`` bracket is preferring that option,
    however the comment put it ("Argentina – use 'B'", "Mexico – keep 'B'").
    """
    if option is not None and stance in _CHOOSING:
        return ("prefer_option", option)
    if leaning(stance) is Leaning.HOLD:
        return ("hold", None)
    return (stance, option)


def latest(stances: Iterable[Stated]) -> list[Stated]:
    """The last stance of each delegation on each target, in the order given (oldest first)."""
    last: dict[tuple[str, str], Stated] = {}
    for stated in stances:
        key = (stated.delegation, stated.bracket)
        last.pop(key, None)
        last[key] = stated
    return list(last.values())


@dataclass
class Placed:
    """Stances sorted by what they concern in the current text. ``lapsed`` ones name a bracket
    the text no longer has (it was resolved or rewritten)."""

    on_bracket: dict[int, list[Stated]] = field(default_factory=dict)
    on_item: list[Stated] = field(default_factory=list)
    lapsed: list[Stated] = field(default_factory=list)

    def current(self) -> list[Stated]:
        out = list(self.on_item)
        for stances in self.on_bracket.values():
            out.extend(stances)
        return out


def place(parsed: Parsed, stances: Sequence[Stated]) -> Placed:
    """Attach each stance to the first bracket whose text (brackets included) it names."""
    placed = Placed()
    if not stances:
        return placed
    by_text: dict[str, int] = {}
    for bracket in parsed.brackets:
        by_text.setdefault(bracket.text, bracket.index)
    for stated in stances:
        if not stated.bracket:
            placed.on_item.append(stated)
        elif stated.bracket in by_text:
            placed.on_bracket.setdefault(by_text[stated.bracket], []).append(stated)
        else:
            placed.lapsed.append(stated)
    return placed
