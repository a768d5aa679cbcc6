"""Delegations × open brackets: who said what on each bracket still in the text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.engines.brackets import Parsed
from accord.engines.consensus.stances import Leaning, Placed, Stated, leaning, place, side


@dataclass(slots=True)
class Column:
    """One open bracket: the item it is in, its index in that item, its text and options."""

    item: str
    index: int
    text: str
    options: tuple[str, ...]


@dataclass(slots=True)
class Cell:
    stance: str
    option: int | None = None
    detail: str = ""
    whole_item: bool = False
    """Stated on the whole item rather than this bracket."""


@dataclass
class Matrix:
    columns: list[Column] = field(default_factory=list)
    delegations: list[str] = field(default_factory=list)
    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)
    """(delegation, column number) → its stance."""

    def row(self, delegation: str) -> list[Cell | None]:
        return [self.cells.get((delegation, n)) for n in range(len(self.columns))]


def bracket_matrix(items: Iterable[tuple[str, Parsed, Sequence[Stated] | Placed]]) -> Matrix:
    """Every bracket of every item, with each delegation's current stance on it.

    A stance on a bracket fills its cell; a stance on the whole item fills the cells of that
    item's brackets where the delegation said nothing more precise, marked ``whole_item``.
    Each item comes with its current stances, or with them already ``place``d.
    """
    matrix = Matrix()
    columns, cells = matrix.columns, matrix.cells
    names: set[str] = set()
    for code, parsed, stances in items:
        if not parsed.brackets:
            continue
        placed = stances if isinstance(stances, Placed) else place(parsed, stances)
        on_bracket = placed.on_bracket
        on_item = [(s.delegation, Cell(s.stance, s.option, s.detail, True)) for s in placed.on_item]
        names.update(who for who, _ in on_item)
        for bracket in parsed.brackets:
            n = len(columns)
            columns.append(Column(code, bracket.index, bracket.text, bracket.options))
            if on_bracket and bracket.index in on_bracket:
                for stated in on_bracket[bracket.index]:
                    cells[(stated.delegation, n)] = Cell(
                        stated.stance, stated.option, stated.detail
                    )
                    names.add(stated.delegation)
                for who, cell in on_item:
                    if (who, n) not in cells:
                        cells[(who, n)] = cell
            else:
                for who, cell in on_item:
                    cells[(who, n)] = cell
    matrix.delegations = sorted(names, key=str.casefold)
    return matrix


def standing_alone(matrix: Matrix) -> list[tuple[Column, str, Cell]]:
    """Brackets one delegation alone keeps open: without its stance the others would agree
    (and at least two others spoke), or it is the only one to speak and wants a change.

    "Would agree" is ``status.disagree`` on the others, counted rather than recomputed: nobody
    else objects, and the others stand on at most one side.
    """
    by_column: dict[int, list[tuple[str, Cell, Leaning]]] = {}
    for (delegation, n), cell in matrix.cells.items():
        pull = leaning(cell.stance)
        if pull is not Leaning.NEUTRAL:
            by_column.setdefault(n, []).append((delegation, cell, pull))
    alone = []
    for n in sorted(by_column):
        speaking = by_column[n]
        if len(speaking) == 1:
            holders = [who for who, _, pull in speaking if pull is not Leaning.HOLD]
        elif len(speaking) >= 3:
            holders = _sole_obstacles(speaking)
        else:
            holders = []
        for who in sorted(holders, key=str.casefold):
            alone.append((matrix.columns[n], who, matrix.cells[(who, n)]))
    return alone


def _sole_obstacles(speaking: list[tuple[str, Cell, Leaning]]) -> list[str]:
    objections = sum(pull is Leaning.OBJECT for _, _, pull in speaking)
    sides = Counter(
        side(cell.stance, cell.option) for _, cell, pull in speaking if pull is not Leaning.OBJECT
    )
    if objections == 0 and len(sides) <= 1:
        return []  # they agree: nobody keeps the bracket open
    holders = []
    for who, cell, pull in speaking:
        others_object = objections - (pull is Leaning.OBJECT)
        if pull is Leaning.OBJECT:
            others_sides = len(sides)  # an objection takes no side
        else:
            others_sides = len(sides) - (sides[side(cell.stance, cell.option)] == 1)
        if not others_object and others_sides <= 1:
            holders.append(who)
    return holders
