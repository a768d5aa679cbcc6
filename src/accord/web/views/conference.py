"""A conference's home: when and where, who takes part, and where the Action Plan stands."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi

from accord import rules
from accord.core.errors import NotFound
from accord.plans.queries import current_version, plan_outline
from accord.web.access import conference_for
from accord.web.charts import status_chart
from accord.web.errors import domain_errors
from accord.web.figures import key_figures
from accord.web.forms import DocumentUploadForm
from accord.web.views.context import conference_context


@domain_errors
def conference_home(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    try:
        version = current_version(request.user, conference)
    except NotFound:
        version, tree = None, None
    else:
        tree = plan_outline(version)
    context = conference_context(request, conference, "home") | {
        "version": version,
        "figures": key_figures(conference, tree),
        "chart": status_chart(tree, rtl=get_language_bidi()) if tree else None,
        "tree": tree,
        # Editors may import a working document from here.
        "import_form": (
            DocumentUploadForm() if rules.can_edit_plan(request.user, conference) else None
        ),
    }
    return render(request, "accord/conference.html", context)
