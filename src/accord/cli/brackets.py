"""``accord brackets``: what is still in brackets in a working document, and who said what
about each bracket. It only reads the file: no database, so no Django set-up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import one_line, reports_errors


@reports_errors
def brackets(
    path: Annotated[Path, typer.Argument(help="A .docx working document or its text export.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object: items, brackets, warnings.")
    ] = False,
) -> None:
    """List every bracket of a working document with its options and the positions on it.

    A position that quotes words goes onto the innermost bracket holding them; the others
    stay on the item. Unclosed or stray brackets are reported as warnings.
    """
    from accord.engines.documents.reader import read_document

    report = bracket_report(read_document(path))
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
        return
    for line in _listing(report):
        typer.echo(line)


def bracket_report(document: Any) -> dict[str, Any]:
    """The JSON object: every item in document order with its brackets (pre-order, nested
    ones too) and positions, then the reader's warnings plus any unbalanced bracket."""
    from accord.engines.brackets import anchor, parse

    items: list[dict[str, Any]] = []
    warnings = [{"where": w.where, "message": w.message} for w in document.warnings]
    for item in document.items():
        parsed = parse(item.text)
        on_brackets: list[list[dict[str, str]]] = [[] for _ in parsed.brackets]
        on_item: list[dict[str, str]] = []
        for position in item.positions:
            bracket = anchor(parsed, position.quoted)
            stance = str(position.stance)
            if bracket is None:
                on_item.append(
                    {"delegation": position.delegation, "stance": stance, "detail": position.detail}
                )
            else:
                on_brackets[bracket.index].append(
                    {"delegation": position.delegation, "stance": stance}
                )
        items.append(
            {
                "id": item.id,
                "text": item.text,
                "brackets": [
                    {
                        "start": b.start,
                        "end": b.end,
                        "text": b.text,
                        "options": list(b.options),
                        "positions": on_brackets[b.index],
                    }
                    for b in parsed.brackets
                ],
                "positions": on_item,
            }
        )
        for stray in parsed.unbalanced:
            if not _reported(document.warnings, item.id, stray.message):
                warnings.append({"where": item.id, "message": stray.message})
    return {"items": items, "warnings": warnings}


def _reported(warnings: Any, item_id: str, message: str) -> bool:
    """Whether the reader already warned about this bracket (its 'where' names the item)."""
    return any(
        message in w.message and item_id in [part.strip() for part in w.where.split(",")]
        for w in warnings
    )


def _listing(report: dict[str, Any]) -> list[str]:
    """Items that have brackets, each bracket with its options and positions; then totals."""
    lines: list[str] = []
    open_items = [item for item in report["items"] if item["brackets"]]
    for item in open_items:
        lines.append(item["id"])
        for bracket in item["brackets"]:
            lines.append(f"  {bracket['start']}-{bracket['end']}: {one_line(bracket['text'])}")
            options = bracket["options"]
            if len(options) > 1:
                lines.extend(f"      option {n}: {one_line(o)}" for n, o in enumerate(options, 1))
            lines.extend(f"      {p['delegation']}: {p['stance']}" for p in bracket["positions"])
        lines.extend(
            f"  (item) {p['delegation']}: {p['stance']} – {one_line(p['detail'])}"
            for p in item["positions"]
        )
    count = sum(len(item["brackets"]) for item in report["items"])
    lines.append(
        f"{len(report['items'])} items, {len(open_items)} with brackets, {count} brackets, "
        f"{len(report['warnings'])} warnings."
    )
    lines.extend(f"  warning ({w['where']}): {w['message']}" for w in report["warnings"])
    return lines
