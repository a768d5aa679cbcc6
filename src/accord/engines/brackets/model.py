"""The typed results of parsing brackets: runs of plain text, brackets, and the parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from accord.engines.documents.bracket_spans import Unbalanced

__all__ = ["Bracket", "Node", "Parsed", "Resolution", "TextRun", "Unbalanced"]


@dataclass(frozen=True, slots=True)
class TextRun:
    """Text outside any bracket of its level; ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """A matched ``[ ... ]``. Offsets are into the parsed source, brackets included.

    ``children`` cover the text between the brackets; ``options`` are the alternatives
    offered at this bracket's own level (one element, the stripped inner text, when the
    bracket offers no alternative).
    """

    index: int
    start: int
    end: int
    depth: int
    children: tuple[Node, ...]
    options: tuple[str, ...]
    source: str = field(repr=False)

    @property
    def text(self) -> str:
        return self.source[self.start : self.end]

    @property
    def inner(self) -> str:
        return self.source[self.start + 1 : self.end - 1]


type Node = TextRun | Bracket


@dataclass(frozen=True, slots=True)
class Parsed:
    """A text as a tree of runs and brackets, plus what is still open in it."""

    source: str
    nodes: tuple[Node, ...]
    brackets: tuple[Bracket, ...]
    unbalanced: tuple[Unbalanced, ...]
    alternatives: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        """True while anything is left to negotiate: a bracket, a stray bracket, an OR."""
        return bool(self.brackets or self.unbalanced or self.alternatives)


@dataclass(frozen=True, slots=True)
class Resolution:
    """How to settle one bracket: keep one option, keep everything, or delete it."""

    kind: Literal["keep_option", "keep", "delete"]
    option: int | None = None

    @classmethod
    def keep_option(cls, n: int) -> Resolution:
        """Option ``n`` (1-based) of an ``[A/B]`` bracket replaces the whole bracket."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"options are numbered from 1; got {n!r}")
        return cls("keep_option", n)

    @classmethod
    def keep(cls) -> Resolution:
        """Drop the brackets, keep everything inside ("keep" or "keep both")."""
        return cls("keep")

    @classmethod
    def delete(cls) -> Resolution:
        """Remove the bracket with its content."""
        return cls("delete")
