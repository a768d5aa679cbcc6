"""Read delegations' positions out of comment text.

Comments record who asked for what, one statement a line: ``Canada – remove "reduced import
duties"``, ``Mexico - keep``, ``Text modification by Argentina``, ``Suggestion to move to P.3
(Canada)``. A statement yields a position when a delegation can be named: a known name (Member
States, Sector Members) or, failing that, a short run of capitalised words before the dash.
The stance is the earliest stance word in the statement; the quoted text, if any, is what it
concerns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from accord.engines.documents.model import Position, Stance

_SEPARATOR = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*|\s*:\s+")
_BY = re.compile(
    r"\b(?i:modification|modifications|amendment|amendments|proposal|insertion|deletion|"
    r"suggestion|request|text|change|changes)\s+(?i:by|from)\s+(?P<who>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5})",
)
_PAREN = re.compile(r"\((?P<who>[A-Z][^()]{1,60})\)")
_QUOTED = re.compile(r"[\"“”„«](?P<q>[^\"“”„«»]+)[\"“”»]|[‘'](?P<s>[^‘’']{2,})[’']")
_CONNECTORS = {
    "of",
    "and",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "del",
    "da",
    "do",
    "&",
    "for",
    "y",
    "et",
}
_NOT_A_NAME = {
    "if",
    "suggestion",
    "note",
    "agree",
    "agreed",
    "comment",
    "see",
    "the",
    "this",
    "it",
    "we",
    "text",
    "proposal",
    "editorial",
    "secretariat",
    "chair",
    "ok",
    "yes",
    "no",
    "also",
    "but",
}
_STANCE_WORDS: list[tuple[Stance, tuple[str, ...]]] = [
    (Stance.KEEP, ("keep", "retain", "maintain", "support", "supports", "preserve")),
    (Stance.REMOVE, ("remove", "removal", "delete", "deletion", "strike", "drop", "suppress")),
    (Stance.ALTERNATIVE, ("alternative", "use", "prefer", "prefers", "preference", "option")),
    (
        Stance.MERGE_MOVE,
        (
            "merge",
            "merging",
            "move",
            "moving",
            "combine",
            "relocate",
            "transfer",
            "overlap",
            "overlaps",
            "duplicate",
            "duplicates",
        ),
    ),
    (Stance.INSERT, ("add", "addition", "insert", "insertion", "include", "inclusion", "new")),
    (
        Stance.MODIFY,
        (
            "modify",
            "modification",
            "modifications",
            "amend",
            "amendment",
            "change",
            "changes",
            "replace",
            "reword",
            "rephrase",
            "edit",
            "edits",
            "revise",
        ),
    ),
]
_STANCE_OF = {word: stance for stance, words in _STANCE_WORDS for word in words}
_WORD = re.compile(r"[A-Za-z]+")
_PARTICLE = re.compile(r"^[a-z]['’][A-Z]")  # d'Ivoire, l'Union
_BY_END = re.compile(r"\s+(?:by|from)$")
_TRAILING_NOISE = re.compile(r"\s+(?:comment|comments|proposal|position|view)$", re.IGNORECASE)


def stance_of(statement: str) -> Stance:
    for word in _WORD.findall(statement.lower()):
        if word in _STANCE_OF:
            return _STANCE_OF[word]
    return Stance.OTHER


def quoted_text(statement: str) -> str | None:
    match = _QUOTED.search(statement)
    if not match:
        return None
    return (match["q"] or match["s"]).strip()


def _looks_like_name(candidate: str, known: set[str]) -> bool:
    if candidate.casefold() in known:
        return True
    words = candidate.split()
    if not 1 <= len(words) <= 6 or len(candidate) > 60 or any(map(str.isdigit, candidate)):
        return False
    first = words[0].casefold()
    if first in _NOT_A_NAME or first in _CONNECTORS:
        return False
    for word in words:
        if word.casefold() in _CONNECTORS or _PARTICLE.match(word):
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
    return True


def _split_statements(text: str) -> Iterable[str]:
    for line in text.splitlines():
        for part in line.split(";"):
            part = part.strip(" \t·•*")
            if part:
                yield part


def read_position(statement: str, known: set[str] | None = None) -> Position | None:
    """One statement → a position, or None when no delegation is named."""
    known = known or set()
    quoted = quoted_text(statement)
    by = _BY.search(statement)
    if by and _looks_like_name(by["who"].rstrip(".,"), known):
        who = by["who"].rstrip(".,")
        detail = quoted or _BY_END.sub("", statement[: by.start("who")].strip())
        return Position(who, stance_of(statement), detail, quoted, statement)
    parts = _SEPARATOR.split(statement, maxsplit=1)
    if len(parts) == 2:
        who = _TRAILING_NOISE.sub("", parts[0].strip())
        rest = parts[1].strip()
        if rest and _looks_like_name(who, known):
            return Position(who, stance_of(rest), quoted or rest, quoted, statement)
    paren = _PAREN.search(statement)
    if paren and _looks_like_name(paren["who"].strip(), known):
        who = paren["who"].strip()
        stance = stance_of(statement[: paren.start()])
        detail = quoted or statement[: paren.start()].strip().rstrip(",")
        return Position(who, stance, detail, quoted, statement)
    return None


def read_positions(comment_text: str, known: Iterable[str] = ()) -> list[Position]:
    """Every position a comment states, in order."""
    names = {name.casefold() for name in known}
    found = (read_position(statement, names) for statement in _split_statements(comment_text))
    return [position for position in found if position is not None]
