"""``accord plan show``."""

from __future__ import annotations

import json
import textwrap
from typing import Annotated, Any

import typer

from accord.cli.common import (
    ConferenceOption,
    operator_conference,
    operator_version,
    reports_errors,
    setup_django,
)

plan_app = typer.Typer(help="Read the Action Plan.", rich_markup_mode="markdown")


@plan_app.command("show")
@reports_errors
def plan_show(
    conference: ConferenceOption = None,
    version: Annotated[
        int | None, typer.Option(help="Version number; the newest version when left out.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the API's plan format).")
    ] = False,
) -> None:
    """Print the Action Plan as a tree, or as JSON with --json.

    This is an operator's tool run on the server, so it reads as the system: every version,
    drafts included, of every conference (public or not). The web and the API apply the
    visibility rules instead.
    """
    setup_django()
    from accord.plans.interfaces.plan_json import plan_as_dict

    chosen = operator_version(operator_conference(conference), version)
    if as_json:
        typer.echo(json.dumps(plan_as_dict(chosen), ensure_ascii=False, indent=2))
    else:
        _print_tree(chosen)


def _print_tree(version: Any) -> None:
    from accord.plans.queries import plan_tree

    views = plan_tree(version)
    label = f": {version.label}" if version.label else ""
    typer.echo(f"{version.plan.title}, version {version.number} ({version.state}){label}")
    for view in views:
        counts = view.counts
        typer.echo("")
        typer.echo(
            f"{view.priority.code}  {view.priority.title}  "
            f"[{counts.agreed} agreed, {counts.undisputed_change} changed, "
            f"{counts.disputed} disputed]"
        )
        for item in view.items:
            typer.echo(f"  {item.code}  {item.kind}, {item.status}")
            typer.echo(
                textwrap.fill(
                    item.text, width=100, initial_indent=" " * 6, subsequent_indent=" " * 6
                )
            )
            links = ", ".join(f"{link.type} {link.target}" for link in item.linkage_list)
            if links:
                typer.echo(f"      linked to: {links}")
