"""Read a previous conference's figures from CSV: header ``dimension,value,registered,attended``
(any case, any order), one row per value. Checks the file's shape; the domain checks the codes.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

COLUMNS = ("dimension", "value", "registered", "attended")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass(frozen=True)
class PastRow:
    row: int
    dimension: str
    value: str
    registered: int
    attended: int


@dataclass(frozen=True)
class ParsedCsv:
    rows: list[PastRow]
    errors: list[RowError]


def _decode(data: bytes | str) -> str | None:
    if isinstance(data, str):
        return data
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _count(raw: str, row: int, column: str, errors: list[RowError]) -> int | None:
    text = raw.strip()
    if not text:
        errors.append(RowError(row, column, "is empty; expected a whole number"))
        return None
    try:
        number = int(text)
    except ValueError:
        errors.append(RowError(row, column, f"'{text}' is not a whole number"))
        return None
    if number < 0:
        errors.append(RowError(row, column, f"{number} is negative"))
        return None
    return number


def parse_past_csv(data: bytes | str) -> ParsedCsv:
    """Every row the file holds, and every problem found (several per row when there are)."""
    text = _decode(data)
    if text is None:
        return ParsedCsv([], [RowError(1, "file", "is not text in UTF-8 or Windows-1252")])
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        return ParsedCsv(
            [], [RowError(1, "header", f"the file is empty; expected {','.join(COLUMNS)}")]
        )
    names = [cell.strip().lower() for cell in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        return ParsedCsv(
            [],
            [
                RowError(1, column, f"the header lacks this column; expected {','.join(COLUMNS)}")
                for column in missing
            ],
        )
    where = {column: names.index(column) for column in COLUMNS}
    rows: list[PastRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = cells + [""] * (len(names) - len(cells))
        found = len(errors)
        dimension = cells[where["dimension"]].strip().lower()
        value = cells[where["value"]].strip()
        if not dimension:
            errors.append(RowError(number, "dimension", "is empty"))
        if not value:
            errors.append(RowError(number, "value", "is empty"))
        registered = _count(cells[where["registered"]], number, "registered", errors)
        attended = _count(cells[where["attended"]], number, "attended", errors)
        if registered is not None and attended is not None and attended > registered:
            errors.append(
                RowError(number, "attended", f"{attended} is more than the {registered} registered")
            )
        if dimension and value:
            key = (dimension, value.lower())
            if key in seen:
                errors.append(
                    RowError(number, "value", f"'{value}' repeats row {seen[key]} of {dimension}")
                )
            else:
                seen[key] = number
        if len(errors) == found and registered is not None and attended is not None:
            rows.append(PastRow(number, dimension, value, registered, attended))
    if not rows and not errors:
        errors.append(RowError(2, "file", "holds no rows after the header"))
    return ParsedCsv(rows, errors)
