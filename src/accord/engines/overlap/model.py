"""The overlap engine's inputs and outputs: plain dataclasses, no Django."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class OverlapError(ValueError):
    """Input the engine cannot work on (duplicate ids, a text that is not a string…)."""


class SemanticUnavailable(RuntimeError):
    """Raised by the semantic path when its model cannot be loaded; the lexical path then
    answers instead, with a warning."""


@dataclass(frozen=True)
class Text:
    """One text of a corpus: a plan item, a resolution, a study Question, a priority…"""

    id: str
    text: str
    kind: str = ""
    source: str = ""


@dataclass(frozen=True)
class Pair:
    """Two overlapping texts; ``a`` comes before ``b`` in the corpus.

    ``score`` is what the method ranks by; ``lexical`` is always computed, ``semantic`` only
    by the semantic and hybrid methods. ``shared`` lists the phrases both texts have.
    """

    a: str
    b: str
    score: float
    lexical: float
    semantic: float | None = None
    shared: tuple[str, ...] = ()


@dataclass
class OverlapResult:
    """Pairs by score (highest first) and clusters of texts linked by pairs."""

    pairs: list[Pair] = field(default_factory=list)
    clusters: list[list[str]] = field(default_factory=list)
    method: str = "lexical"
    warnings: list[str] = field(default_factory=list)


class Shared(NamedTuple):
    """A phrase both texts have, with its character span in each (``a[start:end]``)."""

    phrase: str
    a: tuple[int, int]
    b: tuple[int, int]


@dataclass(frozen=True)
class Explanation:
    """Why two texts match: the phrases they share, aligned, and the words only one has."""

    shared: tuple[Shared, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


def check_corpus(texts: Sequence[Text]) -> None:
    """Refuse what would give a misleading answer: a non-Text item, a text that is not a
    string, an empty or repeated id (pairs and clusters name texts by id)."""
    seen: set[str] = set()
    for number, item in enumerate(texts, start=1):
        if not isinstance(item, Text):
            raise OverlapError(
                f"item {number} of the corpus is a {type(item).__name__}, not a Text"
            )
        if not isinstance(item.id, str) or not item.id:
            raise OverlapError(f"item {number} of the corpus has no id (got {item.id!r})")
        if not isinstance(item.text, str):
            raise OverlapError(
                f"the text of '{item.id}' is a {type(item.text).__name__}, not a string"
            )
        if item.id in seen:
            raise OverlapError(f"the id '{item.id}' is used by more than one text")
        seen.add(item.id)
