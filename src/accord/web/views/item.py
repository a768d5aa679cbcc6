"""One item of the Action Plan: its text, results framework, linkages and history."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord import rules
from accord.audit.domain import history_of
from accord.plans.enums import LinkageType
from accord.plans.models import Linkage, PlanItem
from accord.plans.queries import item_detail
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context


@dataclass(frozen=True)
class LinkageGroup:
    type: str
    label: str
    linkages: list[Linkage]


def linkage_groups(item: PlanItem) -> list[LinkageGroup]:
    """The item's (prefetched) linkages grouped by type, in the order the enum lists types."""
    groups = []
    for value, label in LinkageType.choices:
        links = [link for link in item.linkages.all() if link.type == value]
        if links:
            groups.append(LinkageGroup(value, str(label), links))
    return groups


@domain_errors
def item(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    conference = conference_for(request, slug)
    found = item_detail(request.user, conference, number, code)
    participant = rules.standing(request.user, conference).participant
    context = conference_context(request, conference, "plan") | {
        "item": found,
        "version": found.version,
        "linkage_groups": linkage_groups(found),
        "show_history": participant,
        "history": list(history_of(found)) if participant else [],
    }
    return render(request, "accord/item.html", context)
