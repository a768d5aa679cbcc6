"""``accord import-reference``: SDG targets and the secretariat's lists (strategic-plan goals
and targets, resolutions, regional initiatives, study Questions) from files, as the operator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import reports_errors, setup_django

reference_app = typer.Typer(
    help="Import reference data from files: SDG targets, and the secretariat's lists that "
    "linkages are checked against.",
    no_args_is_help=True,
)

FileArgument = Annotated[
    Path, typer.Argument(help="The file to import.", metavar="FILE", show_default=False)
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Read and check only; write nothing.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object: what changed.")]
LIST_HELP = (
    "A CSV file with the columns code,title[,text], or a Word document or plain text with one "
    "entry per numbered item ('1. Title', 'Resolution 37: Title', 'AFR1: Title'). Entries are "
    "created or updated by code; none is deleted."
)


def _print(report: Any, as_json: bool, what: str) -> None:
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    typer.echo(
        f"{report.source}: {report.total} {what}; {len(report.created)} new, "
        f"{len(report.updated)} updated, {report.unchanged} unchanged."
    )
    indicators = getattr(report, "indicators", None)
    if indicators is not None and indicators.total:
        typer.echo(
            f"{report.source}: {indicators.total} SDG indicators; {len(indicators.created)} "
            f"new, {len(indicators.updated)} updated, {indicators.unchanged} unchanged."
        )
    if report.dry_run:
        typer.echo("Dry run: nothing was written.")


@reference_app.command("sdg-targets")
@reports_errors
def sdg_targets(path: FileArgument, dry_run: DryRun = False, as_json: AsJson = False) -> None:
    """Import the SDG targets and their indicators (the UN's CSV or JSON lists), created or
    updated by code."""
    setup_django()
    from accord.core.actors import operator
    from accord.reference.domain import import_sdg_targets

    report = import_sdg_targets(user=operator(), source=path, name=path.name, dry_run=dry_run)
    _print(report, as_json, "SDG targets")


def _list_command(kind: str, name: str, what: str) -> None:
    @reference_app.command(
        name, help=f"Import {what}. {LIST_HELP}", short_help=f"Import {what} (CSV, Word, text)."
    )
    @reports_errors
    def command(path: FileArgument, dry_run: DryRun = False, as_json: AsJson = False) -> None:
        setup_django()
        from accord.core.actors import operator
        from accord.reference.domain import import_reference_entries

        report = import_reference_entries(
            user=operator(), kind=kind, source=path, name=path.name, dry_run=dry_run
        )
        _print(report, as_json, "entries")


_list_command("strategic_goal", "strategic-goals", "the strategic plan's goals and targets")
_list_command("resolution", "resolutions", "resolutions")
_list_command("regional_initiative", "regional-initiatives", "regional initiatives")
_list_command("question", "questions", "study Questions")
