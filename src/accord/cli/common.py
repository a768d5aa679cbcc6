"""What every ``accord`` command shares: one-line errors, lazy Django set-up, how an operator
names a conference and a version, progress bars and one-line excerpts."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_ERROR = 2

ConferenceOption = Annotated[
    str | None,
    typer.Option(help="The conference's slug; may be left out when there is only one."),
]


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
        from accord.engines.documents.errors import DocumentError

        try:
            return command(*args, **kwargs)
        except (DomainError, CliError, DocumentError) as error:
            raise fail(str(error)) from None
        except (OperationalError, ProgrammingError) as error:  # no tables, or no server
            detail = (str(error).strip() or type(error).__name__).splitlines()[0]
            hint = "run 'accord manage migrate'"
            raise fail(f"The database is not ready ({detail}); {hint}.") from None

    return wrapper  # type: ignore[return-value]


def operator_conference(slug: str | None) -> Any:
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


def read_input(path: Path) -> bytes:
    """The bytes of a file given on the command line, or a one-line error naming it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise CliError(f"Cannot read {path}: {error.strerror or error}.") from None


def write_output(path: Path, data: bytes) -> None:
    """Write a command's output file, or fail in one line naming it."""
    try:
        path.write_bytes(data)
    except OSError as error:
        raise CliError(f"Cannot write {path}: {error.strerror or error}.") from None


def operator_version(conference: Any, number: int | None) -> Any:
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


@contextmanager
def progress_bar(
    label: str, count: int, *, shown_from: int
) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for work on ``count`` texts (from ``shown_from``) run at a
    terminal; else nothing (None), so scripts and pipes get clean output."""
    if count < shown_from or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield report


def one_line(text: str, width: int = 90) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
