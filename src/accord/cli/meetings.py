"""``accord meetings list|ical``: the preparatory meetings of a conference, as the operator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import (
    CliError,
    ConferenceOption,
    operator_conference,
    reports_errors,
    setup_django,
    write_output,
)

meetings_app = typer.Typer(
    help="Read the preparatory meetings: list them, write their calendar.",
    no_args_is_help=True,
)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@meetings_app.command("list")
@reports_errors
def meetings_list(
    conference: ConferenceOption = None,
    kind: Annotated[
        str | None, typer.Option(help="Only meetings of this kind, e.g. rpm, ipm.")
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(help="Only meetings of this region (AFR, AMS…), or 'none' for the others."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the API's meeting format).")
    ] = False,
) -> None:
    """List the meetings in date order: code, kind, dates, region, place, contribution
    deadline and title, one a line (tab-separated), or as JSON with --json."""
    setup_django()
    from accord.core.actors import operator
    from accord.meetings.enums import MeetingKind
    from accord.meetings.interfaces.meeting_json import meeting_as_dict, with_details
    from accord.meetings.queries import meetings_of

    chosen = operator_conference(conference)
    if kind is not None and kind not in MeetingKind.values:
        raise CliError(f"Unknown kind '{kind}'; expected one of {', '.join(MeetingKind.values)}.")
    code = None if region is None else ("none" if region.lower() == "none" else region.upper())
    user = operator()
    rows = list(with_details(user, chosen, meetings_of(user, chosen, kind=kind, region=code)))
    if as_json:
        result = {"conference": chosen.slug, "meetings": [meeting_as_dict(m) for m in rows]}
        typer.echo(json.dumps(result, ensure_ascii=False, default=_iso))
        return
    for m in rows:
        place = ", ".join(part for part in (m.city, m.country) if part)
        if m.online:
            place = f"{place} (and online)" if place else "online"
        typer.echo(
            "\t".join(
                (
                    m.code,
                    m.kind,
                    f"{m.starts_on.isoformat()}/{m.ends_on.isoformat()}",
                    m.region.code if m.region else "-",
                    place or "-",
                    f"contributions due {m.contribution_deadline.isoformat()}",
                    m.title,
                )
            )
        )


def _iso(value: Any) -> str:
    return value.isoformat()


@meetings_app.command("ical")
@reports_errors
def meetings_ical(
    output: Annotated[Path, typer.Option("-o", "--output", help="The .ics file to write.")],
    conference: ConferenceOption = None,
    delegation: Annotated[
        str | None,
        typer.Option(
            help="Only what concerns one delegation (its region's meetings and those of no "
            "single region): its country's ISO code (KEN), short name or name."
        ),
    ] = None,
    base_url: Annotated[
        str, typer.Option(help="Where the events' links point (the served application).")
    ] = DEFAULT_BASE_URL,
) -> None:
    """Write the iCalendar file the calendar feeds serve: every meeting, its contribution
    deadline and the conference itself."""
    setup_django()
    from accord.meetings.interfaces.feeds import conference_calendar

    chosen = operator_conference(conference)
    found = None if delegation is None else _delegation(chosen, delegation)
    if not base_url.startswith(("http://", "https://")):
        raise CliError(f"The links' address '{base_url}' must start with http(s)://.")
    root = base_url.rstrip("/")
    text, meetings = conference_calendar(chosen, found, lambda path: root + path)
    data = text.encode("utf-8")
    write_output(output, data)
    events = text.count("BEGIN:VEVENT")
    typer.echo(
        f"Wrote {meetings} meetings ({events} events) of {chosen.slug} to {output} "
        f"({len(data):,} bytes)."
    )


def _delegation(conference: Any, value: str) -> Any:
    """The conference's delegation named by its country's ISO code, its organization's short
    name or name (any case), or its id."""
    from accord.conferences.models import Delegation

    delegations = list(
        Delegation.objects.filter(conference=conference)
        .select_related("organization__country", "organization__region")
        .order_by("organization__name")
    )
    wanted = value.strip().casefold()

    def names(d: Any) -> set[str]:
        organization = d.organization
        found = {str(d.pk), organization.name.casefold()}
        if organization.short_name:
            found.add(organization.short_name.casefold())
        if organization.country is not None:
            found.add(organization.country.iso3.casefold())
        return found

    matches = [d for d in delegations if wanted in names(d)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(d.organization.name for d in matches)
        raise CliError(f"'{value}' names several delegations ({listed}); give one's name.")
    known = ", ".join(_label(d) for d in delegations) or "none yet"
    raise CliError(f"No delegation '{value}' at {conference.slug} (delegations: {known}).")


def _label(delegation: Any) -> str:
    organization = delegation.organization
    code = organization.country.iso3 if organization.country else organization.short_name
    return f"{code} {organization.name}" if code else organization.name
