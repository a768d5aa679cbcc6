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
    conference_versions,
    current_version,
    plan_outline,
    priority_items,
)
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context
from accord.web.views.exports import Download, downloads


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
    loaded, versions = conference_versions(request.user, slug)
    conference = conference_for(request, slug, loaded=loaded)
    number = requested_version(request)
    context = conference_context(request, conference, "plan")
    try:
        version = choose_version(conference, versions, number)
    except NotFound:
        if number is not None:
            raise
        return render(request, "accord/plan_empty.html", context)
    opened = sorted(set(request.GET.getlist("open")))
    can_import = rules.can_edit_plan(request.user, conference)
    context |= {
        "version": version,
        "versions": versions,
        "outline": Outline(version, opened),
        "opened": opened,
        # Everything the cached page body shows besides the version's own content.
        "page_key": page_key(versions, opened, can_import),
        "can_import": can_import,
    }
    return render(request, "accord/plan.html", context)


def page_key(versions: list[PlanVersion], opened: list[str], can_import: bool) -> str:
    """What, beside the version shown and its ``changed_at``, the cached body depends on: the
    versions this visitor may choose from (a label, state or title edit shows at once), the
    opened priorities and the import button."""
    listed = "|".join(f"{v.pk}:{v.number}:{v.state}:{v.label}" for v in versions)
    title = versions[0].plan.title if versions else ""
    return f"{title}|{listed}|{' '.join(opened)}|{int(can_import)}"


class Outline:
    """The priorities (and opened priorities' items) and the download links of the page, read
    only if the template's cached body for this version state is missing."""

    def __init__(self, version: PlanVersion, opened: list[str]) -> None:
        self.version = version
        self.opened = opened

    @cached_property
    def downloads(self) -> list[Download]:
        return downloads(self.version)

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
