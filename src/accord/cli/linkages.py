"""``accord link-suggest``: which SDGs, SDG targets and WSIS action lines the texts of a file
serve, scored, best first. It reads the file; the database only for imported SDG targets."""

from __future__ import annotations

import codecs
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import CliError, one_line, progress_bar, reports_errors, setup_django

PROGRESS_FROM = 200
"""Files of at least this many texts show a progress bar on stderr (when it is a terminal)."""
NO_ITEMS = "no recognisable priorities or items"  # read_document's message for a plain file
NO_TARGETS = (
    "no SDG targets to suggest (give --targets FILE, or import them with "
    "'accord import-reference sdg-targets FILE'); goals and WSIS lines only"
)


class Method(StrEnum):
    lexical = "lexical"
    semantic = "semantic"
    hybrid = "hybrid"


@reports_errors
def link_suggest(
    path: Annotated[
        Path,
        typer.Argument(
            help="A working document (.docx or its text export), or a text file with one "
            "text per line.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", min=1, max=50, help="Suggestions per kind and text.")
    ] = 3,
    method: Annotated[
        Method | None,
        typer.Option(
            "--method",
            case_sensitive=False,
            help="How texts are matched; hybrid when the embedding model is installed, "
            "else lexical.",
            show_default=False,
        ),
    ] = None,
    targets: Annotated[
        Path | None,
        typer.Option(
            "--targets",
            help="SDG targets file (the UN's CSV or JSON); else the targets imported into "
            "the database.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object: the suggestions per text.")
    ] = False,
) -> None:
    """Suggest the SDG goals, SDG targets and WSIS action lines each text serves.

    Each item of a working document is a text, named by its id; a text file gives one text
    per line, named by its line number (blank lines are skipped). Only suggestions above
    the engine's calibrated confidence are listed, best first. Warnings go to stderr.
    """
    from accord.engines.linkage import LinkageError, Suggester, builtin_catalogue

    texts = texts_of(path)
    catalogue_targets = _targets(targets)
    if not catalogue_targets:
        typer.echo(f"accord: warning: {NO_TARGETS}", err=True)
    chosen = str(method) if method is not None else "hybrid"
    try:
        suggester = Suggester(builtin_catalogue(catalogue_targets), method=chosen)
        with progress_bar("Suggesting links", len(texts), shown_from=PROGRESS_FROM) as report:
            found = suggester.suggest_many([text for _, text in texts], top=top, progress=report)
    except LinkageError as error:
        raise CliError(str(error)) from None
    if method is not None and suggester.method != chosen:
        typer.echo(
            f"accord: warning: the {chosen} method needs the embedding model, which is not "
            f"installed (pip install 'accord[semantic]'); used {suggester.method}",
            err=True,
        )
    result = suggestion_report([text_id for text_id, _ in texts], found)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    for line in _listing(result, dict(texts), suggester.method):
        typer.echo(line)


def texts_of(path: Path) -> list[tuple[str, str]]:
    """(id, text) pairs: a working document's items, else the file's non-blank lines numbered
    from 1. DocumentError for a file that cannot be read."""
    from accord.engines.documents.errors import DocumentError
    from accord.engines.documents.reader import read_document

    try:
        document = read_document(path)
    except DocumentError as error:
        if not error.message.startswith(NO_ITEMS) or _is_zip(path):
            raise
        lines = [
            (str(number), line.strip())
            for number, line in enumerate(_decode(path.read_bytes()).splitlines(), start=1)
            if line.strip()
        ]
        if not lines:
            raise CliError(f"{path}: no text to read.") from None
        return lines
    return [(item.id, item.text) for item in document.items()]


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _decode(data: bytes) -> str:
    """By byte-order mark, else UTF-8, else Windows-1252, as the document reader decodes."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _targets(path: Path | None) -> list[Any]:
    """SDG targets from ``path``, else from the database (none when it is not set up)."""
    if path is not None:
        from accord.engines.linkage import TargetFileError, read_sdg_targets

        try:
            return list(read_sdg_targets(path, name=str(path)))
        except TargetFileError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(f"{path}: {error.strerror or error}.") from None
    setup_django()
    from django.db import DatabaseError

    from accord.linkages.domain.suggester import catalogue_targets

    try:
        return catalogue_targets()
    except DatabaseError:  # no database yet, or not migrated: no imported targets
        return []


def suggestion_report(ids: list[str], found: list[Any]) -> dict[str, Any]:
    """The JSON object: per text, each kind best first, scores to 4 decimals."""
    return {
        "items": [
            {
                "id": text_id,
                "sdg_goals": [
                    {"goal": int(s.code), "score": round(s.score, 4)} for s in result.goals
                ],
                "sdg_targets": [
                    {"target": s.code, "score": round(s.score, 4)} for s in result.targets
                ],
                "wsis": [{"line": s.code, "score": round(s.score, 4)} for s in result.wsis],
            }
            for text_id, result in zip(ids, found, strict=True)
        ]
    }


def _listing(report: dict[str, Any], texts: dict[str, str], method: str) -> list[str]:
    lines = []
    for entry in report["items"]:
        lines.append(f"{entry['id']}  {one_line(texts[entry['id']])}")
        for label, key, field in (
            ("SDG goals", "sdg_goals", "goal"),
            ("SDG targets", "sdg_targets", "target"),
            ("WSIS lines", "wsis", "line"),
        ):
            found = ", ".join(f"{s[field]} ({s['score']:.2f})" for s in entry[key]) or "—"
            lines.append(f"    {label + ':':<13}{found}")
    count = len(report["items"])
    lines.append(f"{count} {'text' if count == 1 else 'texts'} ({method}).")
    return lines
