"""``accord invitations import|export|status|send``: target lists and invitations, as the
operator (the secretariat's rights). Each command calls the same domain function or query
as the web pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import (
    EXIT_ERROR,
    CliError,
    ConferenceOption,
    operator_conference,
    progress_bar,
    read_input,
    reports_errors,
    setup_django,
    write_output,
)

invitations_app = typer.Typer(
    help="Target lists and invitations: import and export invitees, the pipeline's counts, "
    "send invitations.",
    no_args_is_help=True,
)

ListOption = Annotated[
    str, typer.Option("--list", help="The target list: its name (any case) or its id.")
]
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
PROGRESS_FROM = 20
"""Batches of at least this many e-mails show a progress bar (at a terminal)."""


def _target_list(conference: Any, value: str) -> Any:
    from accord.core.actors import operator
    from accord.engagement.queries.pipeline import find_target_list_named

    return find_target_list_named(operator(), conference, value)


def _say(line: str) -> None:
    typer.echo(f"accord: {line}", err=True)


@invitations_app.command("import")
@reports_errors
def invitations_import(
    path: Annotated[
        Path, typer.Argument(help="A CSV (UTF-8) or .xlsx file; row 1 names the columns.")
    ],
    target: ListOption,
    conference: ConferenceOption = None,
    good_rows_only: Annotated[
        bool,
        typer.Option("--good-rows-only", help="Import the good rows, leaving out the bad ones."),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; write nothing.")] = False,
    as_json: AsJson = False,
) -> None:
    """Add a file's people to a target list as identified invitees. Columns: name, email,
    organization, country, constituent group, membership category, gender, star, owner.
    A bad row (named with its number and column on stderr) keeps the whole file out, unless
    --good-rows-only (a bad header always does); then the status is 2 and nothing is
    written."""
    setup_django()
    from accord.core.actors import operator
    from accord.engagement.domain.imports import import_invitees

    target_list = _target_list(operator_conference(conference), target)
    report = import_invitees(
        user=operator(),
        target_list=target_list,
        data=read_input(path),
        filename=path.name,
        good_rows_only=good_rows_only,
        dry_run=dry_run,
    )
    if as_json:
        typer.echo(json.dumps(report.as_dict() | {"list": target_list.name}, ensure_ascii=False))
    else:
        _print_import(report, target_list.name)
    for error in report.errors:
        where = "header" if error.row == 1 else f"row {error.row}"
        _say(f"{path.name} {where}, {error.column}: {error.reason}")
    if report.refused:
        bad = len(report.bad_rows)
        hint = "" if 1 in report.bad_rows else " (--good-rows-only imports the others)"
        _say(f"{path.name}: {bad} bad row{'s' * (bad != 1)}; nothing was imported{hint}.")
        raise typer.Exit(EXIT_ERROR)


def _print_import(report: Any, list_name: str) -> None:
    name = report.filename
    if report.refused:
        return
    if report.dry_run:
        typer.echo(f"{name}: {report.rows} rows; {report.importable} to import into '{list_name}'.")
    else:
        typer.echo(f"{name}: {report.rows} rows; {report.imported} imported into '{list_name}'.")
    if report.errors:
        typer.echo(f"{name}: {len(report.bad_rows)} bad rows left out.")
    for column in report.ignored_columns:
        typer.echo(f"{name}: column '{column}' left out; imported people start as identified.")
    if report.dry_run:
        typer.echo("Dry run: nothing was written.")


@invitations_app.command("export")
@reports_errors
def invitations_export(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write: .csv or .xlsx.")
    ],
    conference: ConferenceOption = None,
    target: Annotated[
        str | None,
        typer.Option("--list", help="Only this list (name or id), in the import's columns."),
    ] = None,
) -> None:
    """Write the invitees, with their state, as CSV or .xlsx (by the file's suffix): one list
    (it imports back), or every list of the conference with a "list" column first."""
    setup_django()
    from accord.engagement.interfaces.tabular import FORMATS
    from accord.engagement.models import Invitee
    from accord.engagement.queries.exports import export_conference_invitees, export_target_list

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CliError(f"{output}: the file name should end with .csv or .xlsx.")
    chosen = operator_conference(conference)
    if target is None:
        data = export_conference_invitees(chosen, fmt)
        count = Invitee.objects.filter(target_list__conference=chosen).count()
        what = chosen.slug
    else:
        from accord.core.actors import operator

        target_list = _target_list(chosen, target)
        data = export_target_list(target_list, fmt, user=operator())
        count = target_list.invitees.count()
        what = f"'{target_list.name}'"
    write_output(output, data)
    typer.echo(f"Wrote {count} invitees of {what} to {output} ({len(data):,} bytes).")


@invitations_app.command("status")
@reports_errors
def invitations_status(conference: ConferenceOption = None, as_json: AsJson = False) -> None:
    """The pipeline: the deadlines, each list's invitees per state and how many are overdue
    (past the deadline of a step they have not reached), and the overdue per owner."""
    setup_django()
    from accord.core.actors import operator
    from accord.engagement.enums import InviteeState
    from accord.engagement.interfaces.pipeline_json import overview_as_dict
    from accord.engagement.queries.pipeline import overview

    chosen = operator_conference(conference)
    data = overview(operator(), chosen)
    if as_json:
        typer.echo(json.dumps({"conference": chosen.slug} | overview_as_dict(data)))
        return
    due = ", ".join(f"{d.step} {d.due.isoformat()}" for d in data.schedule)
    typer.echo(f"Deadlines: {due}")
    typer.echo("\t".join(("list", "owner", *InviteeState.values, "total", "overdue")))
    for s in data.lists:
        owner = s.target_list.owner.get_username() if s.target_list.owner else "-"
        counts = [str(s.counts[state]) for state in InviteeState.values]
        typer.echo("\t".join((s.target_list.name, owner, *counts, str(s.total), str(s.overdue))))
    totals = [str(data.totals[state]) for state in InviteeState.values]
    overdue = sum(s.overdue for s in data.lists)
    typer.echo("\t".join(("all lists", "", *totals, str(sum(data.totals.values())), str(overdue))))
    if data.overdue_by_owner:
        by_owner = ", ".join(f"{owner} {count}" for owner, count in data.overdue_by_owner)
        typer.echo(f"Overdue by owner: {by_owner}")


@invitations_app.command("send")
@reports_errors
def invitations_send(
    target: ListOption,
    base_url: Annotated[
        str,
        typer.Option(
            help="Where the personal registration links point, e.g. https://accord.example.org."
        ),
    ],
    conference: ConferenceOption = None,
    state: Annotated[
        str, typer.Option(help="Invite those in this state: identified, invited or confirmed.")
    ] = "identified",
    email: Annotated[
        list[str] | None,
        typer.Option(help="Only this invitee (repeat for several); all in --state otherwise."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say who would be invited; send nothing.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Send the invitation e-mails of a list now, with a progress bar at a terminal; each
    result is recorded (the batch's page shows it too). Failures are listed on stderr and
    make the status 2; the failed invitees stay where they were, to be invited again."""
    setup_django()
    from accord.core.actors import operator
    from accord.engagement.domain.invitations import queue_invitations, run_batch
    from accord.engagement.queries.batches import batch_progress
    from accord.engagement.queries.pipeline import invitees_to_invite

    target_list = _target_list(operator_conference(conference), target)
    chosen = invitees_to_invite(operator(), target_list, state, email or ())
    if dry_run:
        if as_json:
            invitees = [{"name": i.name, "email": i.email} for i in chosen]
            typer.echo(
                json.dumps({"list": target_list.name, "invitees": invitees, "dry_run": True})
            )
        else:
            for invitee in chosen:
                typer.echo(f"{invitee.name} <{invitee.email}>")
            typer.echo(f"Dry run: {len(chosen)} invitations to send; nothing was sent.")
        return
    batch = queue_invitations(
        user=operator(),
        conference=target_list.conference,
        invitees=chosen,
        base_url=base_url,
        background=False,
    )
    with progress_bar("Sending invitations", len(chosen), shown_from=PROGRESS_FROM) as report:
        run_batch(batch_id=batch.pk, progress=report)
    progress = batch_progress(batch, with_failures=True)
    if as_json:
        failures = [{"email": f.email, "error": f.error} for f in progress.failures]
        result = {
            "batch": batch.pk,
            "list": target_list.name,
            "total": progress.total,
            "sent": progress.sent,
            "failed": progress.failed,
            "failures": failures,
        }
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(
            f"Batch {batch.pk}: {progress.sent} of {progress.total} invitations sent for "
            f"'{target_list.name}', {progress.failed} failed."
        )
    for failure in progress.failures:
        _say(f"not sent to {failure.email}: {failure.error}")
    if progress.failed:
        raise typer.Exit(EXIT_ERROR)
