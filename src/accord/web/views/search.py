"""Full-text search over the current plan version: a page, or a fragment for htmx."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.core.errors import NotFound
from accord.plans.queries import current_version, search_items
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.htmx import vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context
from accord.web.views.plan import requested_version

RESULT_LIMIT = 50


@domain_errors
def search(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    number = requested_version(request)
    query = request.GET.get("q", "").strip()[:200]
    try:
        version = current_version(request.user, conference, number)
    except NotFound:
        if number is not None:
            raise
        version = None
    results = search_items(version, query, limit=RESULT_LIMIT) if version and query else []
    context = conference_context(request, conference, "search") | {
        "version": version,
        "query": query,
        "results": results,
        "limit_reached": len(results) == RESULT_LIMIT,
    }
    fragment = wants_fragment(request)
    context["fragment"] = fragment
    template = "accord/search.html#results" if fragment else "accord/search.html"
    return vary_on_htmx(render(request, template, context))
