"""The ``accord`` command: run the demo or the server, read the plan, import and export
working documents, list the meetings and write their calendar, import, export and send
invitations, manage API tokens.

Thin: each command parses its arguments, sets Django up (lazily, so ``accord --help`` stays
fast), calls the domain or a query, and prints. Expected errors print one line on stderr and
exit with status 2; stdout carries only the result, so scripts can pipe it.
"""

from __future__ import annotations

import os
import sys

import typer

from accord.cli import brackets, documents, overlaps, serving
from accord.cli.common import EXIT_ERROR
from accord.cli.invitations import invitations_app
from accord.cli.linkages import link_suggest
from accord.cli.meetings import meetings_app
from accord.cli.plan import plan_app
from accord.cli.reference import reference_app
from accord.cli.tokens import token_app

app = typer.Typer(
    name="accord",
    help="Accord: prepare, negotiate, convene and follow up a development conference.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # joins the lines of a docstring paragraph in --help
)
app.add_typer(plan_app, name="plan")
app.add_typer(token_app, name="token")
app.add_typer(reference_app, name="import-reference")
app.add_typer(meetings_app, name="meetings")
app.add_typer(invitations_app, name="invitations")
app.command()(serving.demo)
app.command()(serving.serve)
app.command("import")(documents.import_document)
app.command("export")(documents.export_document)
app.command("brackets")(brackets.brackets)
app.command("overlaps")(overlaps.overlaps)
app.command("link-suggest")(link_suggest)


@app.command(
    context_settings={
        "allow_extra_args": True,
        "ignore_unknown_options": True,
        "help_option_names": [],
    },
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. 'accord manage migrate' or 'createsuperuser'."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["accord manage", *ctx.args])


# --- entry point ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Console script: run the app, reporting bad arguments in one line with status 2."""
    try:
        code = app(args=argv, prog_name="accord", standalone_mode=False)
    except typer.TyperException as error:  # bad arguments, unknown command or option
        context = getattr(error, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        typer.echo(f"accord: {error.format_message()}{hint}", err=True)
        sys.exit(getattr(error, "exit_code", EXIT_ERROR) or EXIT_ERROR)
    except typer.Abort:
        typer.echo("accord: Aborted.", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
