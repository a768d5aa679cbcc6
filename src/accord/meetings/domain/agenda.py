"""Set a meeting's agenda: numbered items, each linked to the priorities and items of the Action
Plan it discusses (named by their identifiers, e.g. ``D.1`` or ``D.1-a``).

The secretariat and the meeting's chair set it. The whole agenda is replaced at once, so an
edit never leaves half an agenda behind; audited with the old and new lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.meetings import rules as meeting_rules
from accord.meetings.models import AgendaItem, Meeting
from accord.plans.models import PlanItem, PlanVersion, Priority

MAX_ITEMS = 200


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item as written: its number, title and the plan identifiers it links to."""

    number: str
    title: str
    links: tuple[str, ...] = field(default_factory=tuple)


def _version_for(meeting: Meeting, version: PlanVersion | None) -> PlanVersion | None:
    if version is not None:
        if version.plan.conference_id != meeting.conference_id:
            raise DomainError(
                gettext("Version %(number)s is not a version of %(conference)s's plan.")
                % {"number": version.number, "conference": meeting.conference},
                field="version",
            )
        return version
    return (
        PlanVersion.objects.filter(plan__conference_id=meeting.conference_id)
        .order_by("-number")
        .first()
    )


def _check_entries(entries: Sequence[AgendaEntry]) -> list[AgendaEntry]:
    if len(entries) > MAX_ITEMS:
        raise DomainError(
            gettext("An agenda has at most %(max_items)s items.") % {"max_items": MAX_ITEMS},
            field="agenda",
        )
    seen: set[str] = set()
    cleaned = []
    for position, entry in enumerate(entries, start=1):
        where = f"Agenda item {entry.number or position}"
        number = (entry.number or "").strip()
        if not number:
            raise DomainError(
                gettext("Agenda item %(position)s has no number.") % {"position": position},
                field="agenda",
            )
        if len(number) > 20:
            raise DomainError(
                gettext("%(where)s: the number is longer than 20 characters.") % {"where": where},
                field="agenda",
            )
        if number in seen:
            raise DomainError(
                gettext("Agenda item number %(number)s is used twice.") % {"number": number},
                field="agenda",
            )
        seen.add(number)
        title = (entry.title or "").strip()
        if not title:
            raise DomainError(gettext("%(where)s has no title.") % {"where": where}, field="agenda")
        if len(title) > 300:
            raise DomainError(
                gettext("%(where)s: the title is longer than 300 characters.") % {"where": where},
                field="agenda",
            )
        links = tuple(dict.fromkeys(code.strip() for code in entry.links if code.strip()))
        cleaned.append(AgendaEntry(number=number, title=title, links=links))
    return cleaned


def set_agenda(
    *,
    user: Any,
    meeting: Meeting,
    entries: Sequence[AgendaEntry],
    version: PlanVersion | None = None,
) -> list[AgendaItem]:
    """Replace the meeting's agenda with ``entries``; their links are looked up in ``version``
    (default: the newest version of the conference's plan). An unknown identifier is refused,
    naming the agenda item. Side effects: the agenda items and their links, one audit entry."""
    rules.require(
        meeting_rules.can_edit_agenda(user, meeting),
        gettext("Only the secretariat and the meeting's chair set its agenda."),
    )
    cleaned = _check_entries(entries)
    wanted = {code for entry in cleaned for code in entry.links}
    plan_version = _version_for(meeting, version) if wanted else None
    priorities: dict[str, Priority] = {}
    items: dict[str, PlanItem] = {}
    if wanted:
        if plan_version is None:
            raise DomainError(
                gettext("%(conference)s has no Action Plan yet to link agenda items to.")
                % {"conference": meeting.conference},
                field="agenda",
            )
        priorities = {p.code: p for p in plan_version.priorities.filter(code__in=wanted)}
        items = {i.code: i for i in plan_version.items.filter(code__in=wanted)}
    for entry in cleaned:
        for code in entry.links:
            if code not in priorities and code not in items:
                assert plan_version is not None
                raise DomainError(
                    gettext(
                        "Agenda item %(number)s: version %(number2)s of the Action "
                        "Plan has no priority or item '%(code)s'."
                    )
                    % {"number": entry.number, "number2": plan_version.number, "code": code},
                    field="agenda",
                )
    before = [str(item) for item in meeting.agenda_items.order_by("order", "id")]
    with transaction.atomic():
        meeting.agenda_items.all().delete()
        created = AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=e.number, title=e.title, order=n)
            for n, e in enumerate(cleaned)
        )
        AgendaItem.priorities.through.objects.bulk_create(
            AgendaItem.priorities.through(agendaitem_id=item.pk, priority_id=priorities[code].pk)
            for item, entry in zip(created, cleaned, strict=True)
            for code in entry.links
            if code in priorities
        )
        AgendaItem.plan_items.through.objects.bulk_create(
            AgendaItem.plan_items.through(agendaitem_id=item.pk, planitem_id=items[code].pk)
            for item, entry in zip(created, cleaned, strict=True)
            for code in entry.links
            if code not in priorities
        )
        record(
            actor=user,
            action="meeting.agenda_set",
            target=meeting,
            conference=meeting.conference,
            changes={
                "agenda": [before, [str(item) for item in created]],
                "version": [None, plan_version.number if plan_version else None],
            },
        )
    return created


def parse_agenda(text: str) -> list[AgendaEntry]:
    """Read an agenda typed one item a line: ``number | title | D.1, D.1-a`` (the links are
    optional). Blank lines are skipped; a line without a title is refused, naming the line."""
    entries = []
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or len(parts) > 3 or not parts[0] or not parts[1]:
            raise DomainError(
                gettext(
                    "Line %(line_number)s: write 'number | title' or "
                    "'number | title | D.1, D.1-a', not '%(value)s'."
                )
                % {"line_number": line_number, "value": line[:60]},
                field="agenda",
            )
        links = tuple(parts[2].replace(";", ",").split(",")) if len(parts) == 3 else ()
        entries.append(AgendaEntry(number=parts[0], title=parts[1], links=links))
    return entries


def agenda_as_text(meeting: Meeting) -> str:
    """The agenda in ``parse_agenda``'s format, for editing."""
    lines = []
    for item in meeting.agenda_items.prefetch_related("priorities", "plan_items"):
        codes = [p.code for p in item.priorities.all()] + [i.code for i in item.plan_items.all()]
        lines.append(" | ".join([item.number, item.title, *([", ".join(codes)] if codes else [])]))
    return "\n".join(lines)
