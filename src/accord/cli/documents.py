"""``accord import`` and ``accord export``: working documents in and out of a conference."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import (
    CliError,
    ConferenceOption,
    operator_conference,
    operator_version,
    reports_errors,
    setup_django,
    write_output,
)


class ExportFormat(StrEnum):
    docx = "docx"
    json = "json"
    html = "html"
    md = "md"
    pdf = "pdf"


@reports_errors
def import_document(
    path: Annotated[Path, typer.Argument(help="A .docx working document or its text export.")],
    conference: ConferenceOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read and check only; write nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object: what was read, with warnings.")
    ] = False,
    label: Annotated[str | None, typer.Option(help="Label of the new plan version.")] = None,
) -> None:
    """Import a working document as a new draft version of the conference's Action Plan.

    Runs as the operator (the secretariat's rights); the audit trail names your login. A dry
    run needs no conference: with none given (or none in the database) it only reads the file.
    """
    setup_django()
    from accord.engines.documents import json_io
    from accord.engines.documents.reader import read_document
    from accord.plans.domain.imports import import_working_document

    target = _import_target(conference, required=not dry_run)
    document = read_document(path, known_delegations=_known_delegations(target))
    report = None
    if target is not None:
        from accord.core.actors import operator

        report = import_working_document(
            user=operator(),
            conference=target,
            document=document,
            label=label or "",
            dry_run=dry_run,
        )
    if as_json:
        result = json_io.summary(document)
        if report is not None and not dry_run:
            result["imported"] = {"conference": target.slug, "version": report.version_number}
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    typer.echo(
        f"{path}: {len(document.objectives)} priorities, {len(document.items())} items, "
        f"{document.comment_count()} comments, {document.position_count()} positions, "
        f"{len(document.warnings)} warnings."
    )
    for warning in document.warnings:
        typer.echo(f"  warning ({warning.where}): {warning.message}")
    if report is None or dry_run:
        typer.echo("Dry run: nothing was written.")
    else:
        typer.echo(f"Imported as version {report.version_number} of {target.slug} (a draft).")


def _import_target(slug: str | None, *, required: bool) -> Any:
    """The conference to import into; for a dry run without one, None (read the file only)."""
    if required or slug is not None:
        return operator_conference(slug)
    try:
        return operator_conference(None)
    except CliError:
        return None
    except Exception:
        return None


def _known_delegations(conference: Any) -> list[str]:
    """Names that count as delegations even when they do not look like names."""
    if conference is None:
        return []
    from accord.conferences.models import Delegation

    names = Delegation.objects.filter(conference=conference).values_list(
        "organization__name", "organization__short_name"
    )
    return [name for pair in names for name in pair if name]


@reports_errors
def export_document(
    conference: Annotated[str, typer.Option(help="The conference's slug.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="The file format.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    version: Annotated[
        int | None, typer.Option(help="Version number; the newest version when left out.")
    ] = None,
) -> None:
    """Write a version of the Action Plan as .docx (colours, comments, tracked changes), JSON,
    HTML, Markdown or PDF."""
    setup_django()
    from accord.plans.interfaces.exports import export_version

    chosen = operator_version(operator_conference(conference), version)
    data = export_version(chosen, fmt.value)
    write_output(output, data)
    typer.echo(f"Wrote version {chosen.number} of {conference} to {output} ({len(data):,} bytes).")
