"""The redline between two versions of the Action Plan: on a page, word by word per priority,
and as a Word document with tracked changes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.negotiation.queries import compare_by_priority, redline_docx
from accord.negotiation.queries.compare import DOCX_CONTENT_TYPE
from accord.plans.models import PlanVersion
from accord.plans.queries import visible_versions
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context


def _number(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404("No such version.")
    return int(raw)


def chosen_pair(
    request: HttpRequest, conference: Conference, versions: list[PlanVersion]
) -> tuple[int, int]:
    """``?from=N&to=M``; by default the newest readable version against the one it was based
    on (or the one before it)."""
    if not versions:
        raise NotFound(
            gettext("%(conference)s has no version of its Action Plan that you may read.")
            % {"conference": conference}
        )
    numbers = sorted(v.number for v in versions)
    new = _number(request, "to") or numbers[-1]
    old = _number(request, "from")
    if old is None:
        based_on = next((v.based_on_id for v in versions if v.number == new), None)
        by_id = {v.pk: v.number for v in versions}
        earlier = [n for n in numbers if n < new]
        old = by_id.get(based_on) if based_on in by_id else (earlier[-1] if earlier else new)
    return old, new


@domain_errors
@require_safe
def plan_compare(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    versions = list(visible_versions(request.user, conference).order_by("-number"))
    old, new = chosen_pair(request, conference, versions)
    comparison = compare_by_priority(request.user, conference, old, new)
    query = urlencode({"from": old, "to": new})
    context = conference_context(request, conference, "plan") | {
        "versions": versions,
        "comparison": comparison,
        "docx_url": f"{reverse('plan_compare_docx', args=[slug])}?{query}",
    }
    return render(request, "accord/compare/compare.html", context)


@domain_errors
@require_safe
def plan_compare_docx(request: HttpRequest, slug: str) -> HttpResponse:
    """The redline as a .docx download; versions the visitor may not read are not there."""
    conference = conference_for(request, slug)
    versions = list(visible_versions(request.user, conference))
    old, new = chosen_pair(request, conference, versions)
    content, filename = redline_docx(request.user, conference, old, new)
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    patch_cache_control(response, private=True)  # drafts are for some eyes only
    return response
