"""Delegations × open brackets: who said what on each bracket still in the text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.engines.brackets import Parsed
from accord.engines.consensus.stances import Leaning, Stated, leaning, place
from accord.engines.consensus.status import disagree


@dataclass(frozen=True, slots=True)
class Column:
    """One open bracket: the item it is in, its index in that item, its text and options."""

    item: str
    index: int
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
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


def bracket_matrix(items: Iterable[tuple[str, Parsed, Sequence[Stated]]]) -> Matrix:
    """Every bracket of every item, with each delegation's current stance on it.

    A stance on a bracket fills its cell; a stance on the whole item fills the cells of that
    item's brackets where the delegation said nothing more precise, marked ``whole_item``.
    """
    matrix = Matrix()
    names: set[str] = set()
    for code, parsed, stances in items:
        if not parsed.brackets:
            continue
        placed = place(parsed, stances)
        for bracket in parsed.brackets:
            n = len(matrix.columns)
            matrix.columns.append(Column(code, bracket.index, bracket.text, bracket.options))
            for stated in placed.on_bracket.get(bracket.index, ()):
                matrix.cells[(stated.delegation, n)] = Cell(
                    stated.stance, stated.option, stated.detail
                )
                names.add(stated.delegation)
            for stated in placed.on_item:
                matrix.cells.setdefault(
                    (stated.delegation, n),
                    Cell(stated.stance, stated.option, stated.detail, whole_item=True),
                )
                names.add(stated.delegation)
    matrix.delegations = sorted(names, key=str.casefold)
    return matrix


def standing_alone(matrix: Matrix) -> list[tuple[Column, str, Cell]]:
    """Brackets one delegation alone keeps open: without its stance the others would agree
    (and at least two others spoke), or it is the only one to speak and wants a change."""
    by_column: dict[int, list[Stated]] = {}
    for (delegation, n), cell in matrix.cells.items():
        by_column.setdefault(n, []).append(Stated(delegation, cell.stance, option=cell.option))
    alone = []
    for n, said in sorted(by_column.items()):
        speaking = [s for s in said if leaning(s.stance) is not Leaning.NEUTRAL]
        if len(speaking) == 1 and leaning(speaking[0].stance) is not Leaning.HOLD:
            holders = speaking
        elif len(speaking) >= 3 and disagree(speaking):
            holders = [s for s in speaking if not disagree([o for o in speaking if o is not s])]
        else:
            holders = []
        for stated in sorted(holders, key=lambda s: s.delegation.casefold()):
            alone.append(
                (matrix.columns[n], stated.delegation, matrix.cells[(stated.delegation, n)])
            )
    return alone
