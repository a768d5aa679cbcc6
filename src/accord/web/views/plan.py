"""The Action Plan of a conference: priorities with their counts, items on demand.

The page lists priorities only; a priority's items arrive when it is opened (htmx), or with the
page when its code is in ``?open=`` (links, and visitors without JavaScript). A plan of
thousands of items thus costs no more to show than a plan of ten.
"""

from __future__ import annotations

from functools import cached_property

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord import rules
from accord.core.errors import NotFound
from accord.plans.models import PlanVersion
from accord.plans.queries import (
    PriorityView,
    StatusCounts,
    choose_version,
    current_version,
    plan_outline,
    priority_items,
    visible_versions,
)
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context
from accord.web.views.exports import downloads


def requested_version(request: HttpRequest) -> int | None:
    """The ``?version=N`` the visitor asked for; a malformed number is a page that is not there."""
    raw = request.GET.get("version", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404("No such version.")
    return int(raw)


@domain_errors
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    number = requested_version(request)
    context = conference_context(request, conference, "plan")
    versions = list(visible_versions(request.user, conference).order_by("-number"))
    try:
        version = choose_version(conference, versions, number)
    except NotFound:
        if number is not None:
            raise
        return render(request, "accord/plan_empty.html", context)
    opened = sorted(set(request.GET.getlist("open")))
    context |= {
        "version": version,
        "versions": versions,
        "outline": Outline(version, opened),
        "opened": opened,
        "opened_key": " ".join(opened),
        "downloads": downloads(version),
        "can_import": rules.can_edit_plan(request.user, conference),
    }
    return render(request, "accord/plan.html", context)


class Outline:
    """The priorities (and opened priorities' items) of the page, read only if the template's
    cached fragment for this version state is missing."""

    def __init__(self, version: PlanVersion, opened: list[str]) -> None:
        self.version = version
        self.opened = opened

    @cached_property
    def tree(self) -> list[PriorityView]:
        tree = plan_outline(self.version)
        return [
            priority_items(self.version, view.priority.code)
            if view.priority.code in self.opened
            else view
            for view in tree
        ]

    @cached_property
    def totals(self) -> StatusCounts:
        return sum((view.counts for view in self.tree), StatusCounts())


@domain_errors
def plan_priority(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    """The items of one priority: a fragment for htmx, else the plan page opened there."""
    conference = conference_for(request, slug)
    version = current_version(request.user, conference, number)
    view = priority_items(version, code)
    context = conference_context(request, conference, "plan") | {"version": version, "view": view}
    return render(request, "accord/plan.html#priority-items", context)
