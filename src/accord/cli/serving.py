"""``accord demo`` and ``accord serve``."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import CliError, reports_errors, setup_django

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


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
    from accord.core.recovery import recover_after_restart
    from accord.wsgi import application

    for line in recover_after_restart():
        typer.echo(line)

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
