"""The Action Plan of a conference as a tree of priorities and items, one version at a time."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.core.errors import NotFound
from accord.plans.queries import StatusCounts, current_version, plan_tree, visible_versions
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context


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
    try:
        version = current_version(request.user, conference, number)
    except NotFound:
        if number is not None:
            raise
        return render(request, "accord/plan_empty.html", context)
    tree = plan_tree(version)
    context |= {
        "version": version,
        "versions": list(visible_versions(request.user, conference).order_by("-number")),
        "tree": tree,
        "totals": StatusCounts.of([item for view in tree for item in view.items]),
    }
    return render(request, "accord/plan.html", context)
