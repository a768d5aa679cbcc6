"""Turn a reader's blocks into a WorkingDocument: priorities, items, sections, comments,
positions, brackets, and a warning for everything normalised or suspicious on the way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from accord.engines.documents.authors import AuthorRegistry
from accord.engines.documents.blocks import Block
from accord.engines.documents.bracket_spans import scan_brackets
from accord.engines.documents.identifiers import Identifier, objective_id_of, parse_item_id
from accord.engines.documents.linkage_annex import ANNEX_TITLE
from accord.engines.documents.model import (
    Comment,
    Item,
    Objective,
    Section,
    TrackedChange,
    Warning,
    WorkingDocument,
)
from accord.engines.documents.positions import read_positions

_FURTHER = re.compile(
    r"further discussion|for discussion|under discussion|not (?:yet )?agreed|pending", re.I
)
_AGREED = re.compile(r"\bagreed\b", re.I)
_COLUMN_HEADER = re.compile(r"^(?:outcomes?|outputs?|expected outcomes?|key outputs?)$", re.I)
_NONE = re.compile(r"^(?:none|n/a|-|–)\.?$", re.I)
_NOTE = re.compile(r"^(?:suggestion|note|proposal)\s*\d*\s*:", re.I)
_RULE = re.compile(r"^[_\-=*]{5,}$")
_ALTERNATIVE = re.compile(r"^(?:OR|Or|or|Alternative\b.*)$", re.DOTALL)


@dataclass
class _State:
    doc: WorkingDocument
    authors: AuthorRegistry = field(default_factory=AuthorRegistry)
    objective: Objective | None = None
    section: Section = Section.AGREED
    item: Item | None = None
    item_cell: tuple[int, ...] | None = None
    seen_ids: dict[str, str] = field(default_factory=dict)
    ended: bool = False
    in_annex: bool = False

    def warn(self, where: str, message: str) -> None:
        self.doc.warnings.append(Warning(where, message))


def build(
    blocks: Iterable[Block], *, source: str = "", known_delegations: Iterable[str] = ()
) -> WorkingDocument:
    """Structure blocks into priorities and items; never raises on odd content, warns instead."""
    state = _State(WorkingDocument(title="", source=source))
    for block in blocks:
        _normalise_authors(state, block.comments, block.where)
        _take(state, block)
    _finish(state, list(known_delegations))
    return state.doc


def _take(state: _State, block: Block) -> None:
    text = block.text
    if state.in_annex or (state.objective is not None and text.strip() == ANNEX_TITLE):
        # The linkage annex an export adds after the body: its identifiers are not items.
        state.in_annex = True
        return
    item_id = parse_item_id(text)
    objective_id = None if item_id else objective_id_of(text)
    if item_id:
        _start_item(state, block, item_id)
    elif objective_id:
        _start_objective(state, block, objective_id)
    elif state.objective is None:
        if not state.doc.title and text and not block.comments:
            state.doc.title = text
        elif text:
            state.doc.preamble.append(text)
        state.doc.comments.extend(block.comments)
    elif _RULE.match(text) or state.ended:
        state.ended = True
        state.item = None
        if text and not _RULE.match(text):
            state.doc.trailing.append(text)
        state.doc.comments.extend(block.comments)
    elif _continues_item(state, block):
        _append_to_item(state, block)
    else:
        _take_marker(state, block)


def _take_marker(state: _State, block: Block) -> None:
    """Section headings, column headers, 'None' cells and notes between items."""
    text = block.text
    state.item = None
    if len(text) < 200 and _FURTHER.search(text):
        state.section = Section.FURTHER_DISCUSSION
    elif len(text) < 200 and _AGREED.search(text):
        state.section = Section.AGREED
    elif _COLUMN_HEADER.match(text) or _NONE.match(text):
        pass
    elif text:
        state.objective.notes.append(text)  # type: ignore[union-attr]
    state.objective.comments.extend(block.comments)  # type: ignore[union-attr]


def _start_objective(state: _State, block: Block, ident: Identifier) -> None:
    if ident.changed:
        state.warn(block.where, f"priority identifier '{ident.raw}' read as '{ident.canonical}'")
    state.objective = Objective(
        id=ident.canonical, title=ident.rest, comments=list(block.comments), where=block.where
    )
    state.doc.objectives.append(state.objective)
    state.section = Section.AGREED
    state.item = None


def _start_item(state: _State, block: Block, ident: Identifier) -> None:
    where = f"{block.where}, {ident.canonical}"
    if ident.changed:
        state.warn(where, f"identifier '{ident.raw}' read as '{ident.canonical}'")
    if state.objective is None:
        state.warn(
            where, f"item before any priority; placed under a new priority {ident.objective}"
        )
        state.objective = Objective(id=ident.objective, title="", where=block.where)
        state.doc.objectives.append(state.objective)
    elif ident.objective != state.objective.id:
        state.warn(
            where,
            f"listed under {state.objective.id} although its identifier suggests "
            f"{ident.objective}; kept where the document put it",
        )
    if ident.canonical in state.seen_ids:
        state.warn(
            where, f"{ident.canonical} appears again (first at {state.seen_ids[ident.canonical]})"
        )
    state.seen_ids.setdefault(ident.canonical, block.where)
    # The text follows the identifier: search from the end, or "D.1-a: a" finds the 'a' of
    # the label. (``rest`` is the stripped tail of the paragraph.)
    stripped = block.text.rstrip()
    if stripped.endswith(ident.rest):
        offset = len(stripped) - len(ident.rest)
    else:
        offset = len(block.text) - len(block.text.lstrip()) + block.text.lstrip().find(ident.rest)
    state.item = Item(
        id=ident.canonical,
        kind=ident.kind or "outcome",
        text=ident.rest,
        section=state.section,
        status=block.colour,
        comments=list(block.comments),
        changes=_shift(block.changes, -offset if ident.rest else -len(block.text)),
        where=block.where,
    )
    state.item_cell = block.cell
    state.objective.items.append(state.item)
    if not ident.rest:
        state.warn(where, "the item has no text")


def _continues_item(state: _State, block: Block) -> bool:
    """A paragraph without identifier in the same cell as an item continues its text
    (``OR`` / ``Alternative P.3-c: …``)."""
    if state.item is None or _NONE.match(block.text):
        return False
    same_cell = block.cell is not None and block.cell == state.item_cell
    return same_cell or bool(_ALTERNATIVE.match(block.text))


def _append_to_item(state: _State, block: Block) -> None:
    item = state.item
    assert item is not None
    if block.text:
        shift = len(item.text) + 1
        item.text = f"{item.text}\n{block.text}"
        item.changes.extend(_shift(block.changes, shift))
    item.comments.extend(block.comments)
    item.status = item.status or block.colour


def _shift(changes: list[TrackedChange], by: int) -> list[TrackedChange]:
    return [
        TrackedChange(c.kind, c.text, max(c.start + by, 0), max(c.end + by, 0), c.author, c.date)
        for c in changes
    ]


def _normalise_authors(state: _State, comments: list[Comment], where: str) -> None:
    for comment in comments:
        comment.raw_author = comment.raw_author or comment.author
        known = len(state.authors.renamed)
        comment.author = state.authors.canonical(comment.raw_author)
        if len(state.authors.renamed) > known:
            state.warn(
                where, f"comment author '{comment.raw_author.strip()}' read as '{comment.author}'"
            )
        _normalise_authors(state, comment.replies, where)


def _finish(state: _State, known: list[str]) -> None:
    doc = state.doc
    for objective in doc.objectives:
        objective.positions = _positions(objective.comments, known)
        for item in objective.items:
            item.brackets, stray = scan_brackets(item.text)
            for bracket in stray:
                state.warn(f"{item.where}, {item.id}", f"unbalanced bracket: {bracket.message}")
            item.positions = _positions(item.comments, known)
    if not doc.title and doc.objectives:
        doc.title = doc.objectives[0].title


def _positions(comments: list[Comment], known: list[str]) -> list:
    positions = []
    for comment in comments:
        positions.extend(read_positions(comment.text, known))
        positions.extend(_positions(comment.replies, known))
    return positions
