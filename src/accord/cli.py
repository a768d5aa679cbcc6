"""The ``accord`` command: run the demo or the server, read the plan, manage API tokens.

Thin: each command parses its arguments, sets Django up (lazily, so ``accord --help`` stays
fast), calls the domain or a query, and prints. Expected errors print one line on stderr and
exit with status 2; stdout carries only the result, so scripts can pipe it.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import textwrap
from collections.abc import Callable
from typing import Annotated, Any

import typer

EXIT_ERROR = 2
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

app = typer.Typer(
    name="accord",
    help="Accord: prepare, negotiate, convene and follow up a development conference.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # joins the lines of a docstring paragraph in --help
)
plan_app = typer.Typer(help="Read the Action Plan.", rich_markup_mode="markdown")
token_app = typer.Typer(
    help="Create, list and revoke API tokens (for scripts using /api/).",
    rich_markup_mode="markdown",
)
app.add_typer(plan_app, name="plan")
app.add_typer(token_app, name="token")


class CliError(Exception):
    """A problem to report in one line (bad input the argument parser cannot see)."""


def fail(message: str) -> typer.Exit:
    """Print ``message`` on stderr; return the Exit to raise (status 2)."""
    typer.echo(f"accord: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def setup_django() -> None:
    """Configure Django on first use; settings read ACCORD_DATA_DIR and DATABASE_URL then."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django

    django.setup()


def reports_errors[F: Callable[..., Any]](command: F) -> F:
    """Turn the errors a user can cause into one line on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from django.db import OperationalError, ProgrammingError

        from accord.core.errors import DomainError

        try:
            return command(*args, **kwargs)
        except (DomainError, CliError) as error:
            raise fail(str(error)) from None
        except (OperationalError, ProgrammingError) as error:  # no tables, or no server
            detail = (str(error).strip() or type(error).__name__).splitlines()[0]
            hint = "run 'accord manage migrate'"
            raise fail(f"The database is not ready ({detail}); {hint}.") from None

    return wrapper  # type: ignore[return-value]


# --- demo and server --------------------------------------------------------------------------


@app.command()
@reports_errors
def demo(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
    seed_only: Annotated[
        bool, typer.Option("--seed-only", help="Create the demo data, then stop without serving.")
    ] = False,
) -> None:
    """Migrate, seed the demo conference (once), print its accounts, and serve on 127.0.0.1."""
    setup_django()
    from django.core.management import call_command

    from accord.demo.seed import seed_demo

    call_command("migrate", interactive=False, verbosity=0)
    result = seed_demo()
    conference = result.conference
    state = "created" if result.created else "already there, left as it was"
    typer.echo(f"Demo conference {conference.short_name} ({conference.slug}): {state}.")
    typer.echo("Demo accounts (sign in with these; demo passwords are not secret):")
    width = max(len(c.username) for c in result.credentials)
    for credential in result.credentials:
        acts_for = f"  for {credential.acts_for}" if credential.acts_for else ""
        typer.echo(
            f"  {credential.role:<12} {credential.username:<{width}}  "
            f"password {credential.password}{acts_for}"
        )
    if not seed_only:
        _serve("127.0.0.1", port)


@app.command()
@reports_errors
def serve(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. For other hosts, also set ACCORD_ALLOWED_HOSTS "
            "to the name clients use."
        ),
    ] = "127.0.0.1",
) -> None:
    """Serve Accord with waitress (static files included); stop with Ctrl+C."""
    setup_django()
    _serve(host, port)


def _serve(host: str, port: int) -> None:
    from django.conf import settings
    from waitress import serve as waitress_serve

    # WhiteNoise warns at start-up when the folder for collected static files is missing.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    from accord.wsgi import application

    if host not in LOCAL_HOSTS and host not in settings.ALLOWED_HOSTS:
        typer.echo(
            f"accord: note: ACCORD_ALLOWED_HOSTS is {','.join(settings.ALLOWED_HOSTS)}; "
            "add the host name clients use, or they will get 'Bad Request (400)'.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Accord is running at http://{shown}:{port}/ (API docs at /api/docs).")
    typer.echo("Press Ctrl+C to stop.")
    try:
        waitress_serve(application, host=host, port=port, ident="accord")
    except OSError as error:
        raise CliError(f"Cannot listen on {host}:{port}: {error.strerror or error}.") from None


# --- plan -------------------------------------------------------------------------------------


@plan_app.command("show")
@reports_errors
def plan_show(
    conference: Annotated[
        str | None,
        typer.Option(help="The conference's slug; may be left out when there is only one."),
    ] = None,
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

    chosen = _operator_version(_operator_conference(conference), version)
    if as_json:
        typer.echo(json.dumps(plan_as_dict(chosen), ensure_ascii=False, indent=2))
    else:
        _print_tree(chosen)


def _operator_conference(slug: str | None) -> Any:
    from accord.conferences.models import Conference

    slugs = list(Conference.objects.order_by("slug").values_list("slug", flat=True))
    if slug is not None:
        found = Conference.objects.filter(slug=slug).first()
        if found is None:
            known = ", ".join(slugs) or "none yet"
            raise CliError(f"No conference '{slug}' (conferences: {known}).")
        return found
    if not slugs:
        raise CliError("There is no conference yet; try 'accord demo --seed-only'.")
    if len(slugs) > 1:
        raise CliError(f"Several conferences; choose one with --conference: {', '.join(slugs)}.")
    return Conference.objects.get(slug=slugs[0])


def _operator_version(conference: Any, number: int | None) -> Any:
    from accord.plans.models import PlanVersion

    versions = PlanVersion.objects.filter(plan__conference=conference).select_related(
        "plan__conference"
    )
    numbers = list(versions.order_by("number").values_list("number", flat=True))
    if not numbers:
        raise CliError(f"{conference.slug} has no Action Plan version yet.")
    if number is None:
        number = numbers[-1]
    elif number not in numbers:
        listed = ", ".join(str(n) for n in numbers)
        raise CliError(f"{conference.slug} has no version {number} (versions: {listed}).")
    return versions.get(number=number)


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
            links = ", ".join(f"{link.type} {link.target}" for link in item.linkages.all())
            if links:
                typer.echo(f"      linked to: {links}")


# --- tokens -----------------------------------------------------------------------------------


@token_app.command("create")
@reports_errors
def token_create(
    username: Annotated[str, typer.Argument(help="The account the token acts as.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "API token",
) -> None:
    """Create a token and print its key (only on stdout, and only now: it is stored hashed)."""
    setup_django()
    from accord.api.domain import create_api_token

    token, key = create_api_token(user=_account(username), name=name)
    typer.echo(key)
    typer.echo(
        f"Token {token.pk} '{token.name}' created for {username}; keep the key now, "
        "it is not shown again. Send it as 'Authorization: Bearer <key>'.",
        err=True,
    )


@token_app.command("list")
@reports_errors
def token_list(
    username: Annotated[str | None, typer.Argument(help="Only this account's tokens.")] = None,
) -> None:
    """List tokens (never their keys): id, account, name, key prefix, last use, state."""
    setup_django()
    from accord.api.models import ApiToken

    tokens = ApiToken.objects.select_related("user").order_by("id")
    if username is not None:
        tokens = tokens.filter(user=_account(username))
    for token in tokens:
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
        state = "revoked" if token.revoked else "active"
        typer.echo(
            f"{token.pk}\t{token.user.get_username()}\t{token.name}\t{token.prefix}…\t{used}\t{state}"
        )


@token_app.command("revoke")
@reports_errors
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The id shown by 'token list'.")],
) -> None:
    """Revoke a token for good; requests sending it get 401 from then on."""
    setup_django()
    from accord.api.domain import find_token, revoke_api_token

    token = revoke_api_token(token=find_token(token_id))
    typer.echo(f"Token {token.pk} '{token.name}' of {token.user.get_username()} is revoked.")


def _account(username: str) -> Any:
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(username=username).first()
    if account is None:
        raise CliError(f"No account '{username}'.")
    return account


# --- Django pass-through ----------------------------------------------------------------------


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
