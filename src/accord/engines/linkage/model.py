"""The linkage engine's typed inputs and outputs: the reference catalogue (SDG goals and
targets, WSIS action lines) and the suggestions made for a text."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("sdg_goal", "sdg_target", "wsis")
"""The kinds of suggestion, in the order ``Suggestions`` lists them."""


class LinkageError(ValueError):
    """Bad input to the linkage engine (an unknown method, a malformed catalogue)."""


class TargetFileError(LinkageError):
    """An SDG targets (or indicators) file that cannot be read: the message names the file,
    the place (line, JSON item, field) and what was expected there."""


@dataclass(frozen=True)
class Goal:
    """One of the 17 Sustainable Development Goals."""

    number: int
    name: str


@dataclass(frozen=True)
class Target:
    """An SDG target: ``code`` is always a string ("4.4", "1.a", "16.10")."""

    code: str
    goal: int
    description: str


@dataclass(frozen=True)
class Indicator:
    """An SDG indicator of the UN's global indicator framework: ``code`` such as "1.1.1",
    "1.a.1" or "8.10.1"; ``target`` the code of the target it measures ("1.1")."""

    code: str
    target: str
    description: str


@dataclass(frozen=True)
class SDGReference:
    """What one SDG reference file holds: its targets and its indicators, in file order.

    ``places`` says where each target and indicator was read, by code ("line 12",
    "item 3, targets[0], indicators[1]"), so a later check can point at the row."""

    targets: tuple[Target, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    places: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class ActionLine:
    """A WSIS action line, C1 to C11."""

    code: str
    title: str
    description: str


@dataclass(frozen=True)
class Catalogue:
    """What can be suggested. ``targets`` is empty unless target texts were imported."""

    goals: tuple[Goal, ...]
    targets: tuple[Target, ...]
    wsis: tuple[ActionLine, ...]


@dataclass(frozen=True)
class Suggestion:
    """One candidate link for a text.

    ``score`` is a calibrated confidence in 0..1 (the estimated chance that a person would
    accept the link), comparable across methods; ``evidence`` holds the phrases of the text
    that matched, as written there; ``reference`` the reference sentence most like the
    text, when there is one.
    """

    kind: str
    code: str
    score: float
    evidence: tuple[str, ...]
    reference: str = ""


@dataclass(frozen=True)
class Suggestions:
    """The suggestions for one text, each kind best first."""

    goals: tuple[Suggestion, ...] = ()
    targets: tuple[Suggestion, ...] = ()
    wsis: tuple[Suggestion, ...] = ()
    truncated: bool = field(default=False)
    """True when the text was longer than the engine reads (``text.MAX_CHARS``)."""

    def all(self) -> tuple[Suggestion, ...]:
        """Goals, then targets, then WSIS lines."""
        return self.goals + self.targets + self.wsis
