"""The participation dashboard: registered and attended shares per dimension against the
secretariat's targets and a previous conference, with the forms that set targets and import
the previous conference's CSV (the secretariat). Aggregates only, never a name."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accord import rules
from accord.conferences.models import Conference
from accord.participation import domain
from accord.participation import rules as participation_rules
from accord.participation.domain.codes import all_values
from accord.participation.domain.past import PastImport
from accord.participation.enums import Dimension
from accord.participation.interfaces.forms import PastUploadForm, TargetsForm
from accord.participation.models import ParticipationTarget
from accord.participation.queries import participation_dashboard
from accord.web.access import conference_for
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect
from accord.web.participation_charts import share_chart
from accord.web.views.context import conference_context


def _target_forms(
    conference: Conference, data: Any = None, posted: str | None = None
) -> dict[str, TargetsForm]:
    current: dict[str, dict[str, Any]] = {d: {} for d in Dimension.values}
    for target in ParticipationTarget.objects.filter(conference=conference):
        current[target.dimension][target.value] = target.share
    values = all_values()
    return {
        dimension: TargetsForm(
            data if dimension == posted else None,
            values=values[dimension],
            current=current[dimension],
            prefix=dimension,
        )
        for dimension in Dimension.values
    }


def _page(
    request: HttpRequest,
    conference: Conference,
    *,
    target_forms: dict[str, TargetsForm] | None = None,
    upload_form: PastUploadForm | None = None,
    report: PastImport | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    dashboard = participation_dashboard(user, conference, compare_with=request.GET.get("compare"))
    manage = participation_rules.can_manage_participation(user, conference)
    forms = (target_forms or _target_forms(conference)) if manage else {}
    rtl = get_language_bidi()
    sections = [
        {
            "figures": figures,
            "chart": share_chart(figures, rtl=rtl),
            "form": forms.get(figures.dimension),
        }
        for figures in dashboard.dimensions
    ]
    context = conference_context(request, conference, "participation") | {
        "dashboard": dashboard,
        "sections": sections,
        "can_manage": manage,
        "upload_form": (upload_form or PastUploadForm()) if manage else None,
        "report": report,
    }
    return render(request, "accord/participation/dashboard.html", context, status=status)


@domain_errors
@require_GET
def participation(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    return _page(request, conference)


def _manager(request: HttpRequest, slug: str) -> Conference:
    conference = conference_for(request, slug)
    rules.require(
        participation_rules.can_manage_participation(request.user, conference),
        _("Only the secretariat changes participation targets and previous figures."),
    )
    return conference


@domain_errors
@require_POST
def participation_targets(request: HttpRequest, slug: str, dimension: str) -> HttpResponse:
    conference = _manager(request, slug)
    if dimension not in Dimension.values:
        raise Http404("No such dimension.")
    forms = _target_forms(conference, request.POST, posted=dimension)
    form = forms[dimension]
    if form.is_valid():
        with reported_on(form):
            domain.set_targets(
                user=request.user,
                conference=conference,
                dimension=dimension,
                shares=dict(form.cleaned_data),
            )
            messages.success(
                request,
                _("Saved the %(dimension)s targets.")
                % {"dimension": Dimension(dimension).label.lower()},
            )
            return redirect(request, reverse("participation", args=[slug]) + f"#{dimension}")
    return _page(request, conference, target_forms=forms, status=400)


@domain_errors
@require_POST
def participation_past(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _manager(request, slug)
    form = PastUploadForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        with reported_on(form):
            report = domain.import_past_participation(
                user=request.user,
                conference=conference,
                label=form.cleaned_data["label"],
                data=upload.read(),
                file_name=upload.name,
            )
            if report.ok:
                messages.success(
                    request,
                    _("Imported %(count)d rows of %(label)s.")
                    % {"count": report.imported, "label": report.label},
                )
                return redirect(request, reverse("participation", args=[slug]) + "#previous")
    return _page(request, conference, upload_form=form, report=report, status=400)
