"""Target lists and the invitation pipeline: overview with a funnel chart, a list's invitees
with filters and overdue steps, moves, import/export, and sending invitations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.engagement import rules
from accord.engagement.domain import imports, invitations, pipeline
from accord.engagement.enums import InviteeState
from accord.engagement.interfaces.forms import ImportForm, MoveForm
from accord.engagement.models import InvitationBatch, Invitee, TargetList
from accord.engagement.queries.batches import batch_progress, find_batch
from accord.engagement.queries.exports import export_target_list
from accord.engagement.queries.pipeline import (
    find_invitee,
    find_target_list,
    invitee_rows,
    overview,
    visible_invitees,
)
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context
from accord.web.views.registration import CONTENT_TYPES

TEMPLATES = "accord/engagement/"
BAR_WIDTH = 360


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: float


def funnel(totals: dict[str, int]) -> list[Bar]:
    """One bar per pipeline step, scaled to the largest; drawn by the template as SVG."""
    top = max(totals.values(), default=0) or 1
    return [
        Bar(str(label), totals[value], 8 + 26 * i, BAR_WIDTH * totals[value] / top)
        for i, (value, label) in enumerate(InviteeState.choices)
    ]


def _conference(request: HttpRequest, slug: str) -> Conference:
    conference = get_object_or_404(Conference, slug=slug)
    if not rules.can_view_engagement(request.user, conference):
        raise PermissionDenied("Invitations are the secretariat's and list owners' business.")
    return conference


def _target_list(request: HttpRequest, slug: str, list_id: int) -> TargetList:
    """The list, if the user manages it or owns one of its invitees (else 403; 404 if none)."""
    try:
        return find_target_list(request.user, _conference(request, slug), list_id)
    except NotFound as error:
        raise Http404(error.message) from error


def _invitee(request: HttpRequest, slug: str, invitee_id: int) -> Invitee:
    """The invitee, if the user manages them (else 403; 404 if there is none)."""
    try:
        return find_invitee(request.user, _conference(request, slug), invitee_id)
    except NotFound as error:
        raise Http404(error.message) from error


def _context(request: HttpRequest, conference: Conference, **more: Any) -> dict[str, Any]:
    return (
        conference_context(request, conference, "invitations")
        | {
            "can_decide": rules.can_decide_registrations(request.user, conference),
            "can_manage_all": rules.can_manage_engagement(request.user, conference),
        }
        | more
    )


@login_required
def lists(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _conference(request, slug)
    data = overview(request.user, conference)
    context = _context(
        request,
        conference,
        overview=data,
        bars=funnel(data.totals),
        states=InviteeState.choices,
        chart_height=8 + 26 * len(InviteeState.values),
        batches=InvitationBatch.objects.filter(conference=conference)[:5]
        if rules.can_manage_engagement(request.user, conference)
        else [],
    )
    return render(request, TEMPLATES + "lists.html", context)


def _flag(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


@login_required
def list_detail(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    target_list = _target_list(request, slug, list_id)
    conference = target_list.conference
    state = request.GET.get("state", "")
    rows = invitee_rows(
        target_list,
        user=request.user,
        state=state if state in InviteeState.values else "",
        star=_flag(request.GET.get("star", "")),
        owner=request.GET.get("owner", ""),
        overdue_only=request.GET.get("overdue") == "1",
    )
    context = _context(
        request,
        conference,
        target_list=target_list,
        rows=rows,
        states=InviteeState.choices,
        filters=request.GET,
        can_manage=rules.can_manage_list(request.user, target_list),
        can_edit_list=rules.can_edit_list(request.user, target_list),
        import_form=ImportForm(),
        move_form=MoveForm(),
    )
    return render(request, TEMPLATES + "list.html", context)


@login_required
def list_import(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    target_list = _target_list(request, slug, list_id)
    if not rules.can_manage_list(request.user, target_list):
        raise PermissionDenied("Only the secretariat and the list's owner import invitees.")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with reported_on(form):
            report = imports.import_invitees(
                user=request.user,
                target_list=target_list,
                data=upload.read(),
                filename=upload.name,
                good_rows_only=form.cleaned_data["good_rows_only"],
            )
    context = _context(
        request, target_list.conference, target_list=target_list, form=form, report=report
    )
    status = 400 if form.errors or (report and report.errors and report.nothing_imported) else 200
    return render(request, TEMPLATES + "import.html", context, status=status)


@login_required
def list_export(request: HttpRequest, slug: str, list_id: int, fmt: str) -> HttpResponse:
    target_list = _target_list(request, slug, list_id)
    if fmt not in CONTENT_TYPES:
        raise Http404("Unknown format.")
    response = HttpResponse(
        export_target_list(target_list, fmt, user=request.user), content_type=CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="target-list-{target_list.pk}.{fmt}"'
    return response


@login_required
@require_POST
def invitee_move(request: HttpRequest, slug: str, invitee_id: int) -> HttpResponse:
    invitee = _invitee(request, slug, invitee_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            pipeline.move_invitee(
                user=request.user,
                invitee=invitee,
                state=form.cleaned_data["state"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("%(name)s moved.") % {"name": invitee.name})
        except NotAllowed:
            raise
        except DomainError as error:
            messages.error(request, error.message)
    return redirect(reverse("engagement_list", args=[slug, invitee.target_list_id]))


@login_required
@require_POST
def send(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    """Queue invitations to the ticked invitees; "confirm" must be ticked as well."""
    target_list = _target_list(request, slug, list_id)
    chosen = visible_invitees(request.user, target_list).filter(
        pk__in=request.POST.getlist("invitee")
    )
    url = reverse("engagement_list", args=[slug, target_list.pk])
    if request.POST.get("confirm") != "1":
        return render(
            request,
            TEMPLATES + "send_confirm.html",
            _context(request, target_list.conference, target_list=target_list, chosen=chosen),
        )
    try:
        batch = invitations.queue_invitations(
            user=request.user,
            conference=target_list.conference,
            invitees=chosen.select_related("target_list__conference"),
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
    except NotAllowed:
        raise
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(url)
    progress = batch_progress(batch)
    messages.success(
        request,
        _("Invitations queued: %(n)s (sent so far %(sent)s, failed %(failed)s).")
        % {"n": progress.total, "sent": progress.sent, "failed": progress.failed},
    )
    return redirect(reverse("engagement_batch", args=[slug, batch.pk]))


@login_required
@domain_errors
def batch_detail(request: HttpRequest, slug: str, batch_id: int) -> HttpResponse:
    """A batch's page: its progress bar, refreshing itself until the batch ends, then the
    e-mails that failed and why."""
    conference = _conference(request, slug)
    batch = find_batch(request.user, conference, batch_id)
    context = _context(
        request, conference, progress=batch_progress(batch, with_failures=True), batch=batch
    )
    return render(request, TEMPLATES + "batch.html", context)


@login_required
@domain_errors
def batch_progress_fragment(request: HttpRequest, slug: str, batch_id: int) -> HttpResponse:
    """The progress bar, polled by htmx; once the batch ends, htmx reloads the whole page
    (which then lists the failures)."""
    conference = _conference(request, slug)
    batch = find_batch(request.user, conference, batch_id)
    progress = batch_progress(batch)
    response = render(
        request,
        TEMPLATES + "_batch_progress.html",
        {"conference": conference, "batch": batch, "progress": progress},
    )
    if progress.finished and wants_fragment(request):
        response["HX-Refresh"] = "true"
    return vary_on_htmx(response)
