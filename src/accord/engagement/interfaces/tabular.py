"""Read and write header-based tables as CSV or .xlsx (openpyxl). Rows are numbered as a
spreadsheet shows them: the header is row 1."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from accord.core.errors import DomainError

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number, {header: cell text})


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, filename: str) -> Table:
    """Read a CSV (UTF-8, optional BOM) or .xlsx (first sheet) file; skip blank rows."""
    lower = filename.lower()
    if lower.endswith(".xlsx"):
        raw = _xlsx_rows(data, filename)
    elif lower.endswith(".csv") or lower.endswith(".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DomainError(
                gettext("%(filename)s: not UTF-8 text (byte %(start)s); save it as CSV UTF-8.")
                % {"filename": filename, "start": error.start}
            ) from error
        raw = [list(row) for row in csv.reader(io.StringIO(text))]
    else:
        raise DomainError(
            gettext("%(filename)s: expected a .csv or .xlsx file.") % {"filename": filename}
        )
    if not raw or not any(_text(c) for c in raw[0]):
        raise DomainError(
            gettext("%(filename)s: row 1 should hold the column names; it is empty.")
            % {"filename": filename}
        )
    header = [_text(cell) for cell in raw[0]]
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        values = [_text(cell) for cell in cells]
        if not any(values):
            continue
        values += [""] * (len(header) - len(values))
        rows.append((number, {name: values[i] for i, name in enumerate(header) if name}))
    return Table(header=header, rows=rows)


def _xlsx_rows(data: bytes, filename: str) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise DomainError(
            gettext("%(filename)s: not a readable .xlsx workbook (%(error)s).")
            % {"filename": filename, "error": error}
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def write_table(header: Sequence[str], rows: Iterable[Sequence[object]], fmt: str) -> bytes:
    """CSV (UTF-8 with BOM, so spreadsheet programs read accents) or .xlsx bytes."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(list(header))
        for row in rows:
            sheet.append(["" if v is None else v for v in row])
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    raise DomainError(
        gettext("Unknown format '%(fmt)s'; expected one of %(join)s.")
        % {"fmt": fmt, "join": ", ".join(FORMATS)}
    )
