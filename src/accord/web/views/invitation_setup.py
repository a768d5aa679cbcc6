"""The secretariat's (and list owners') forms for invitations: a new target list, one more
invitee, the deadline rules with the dates they give, and open registration on or off.
Each calls one domain function; a refusal shows on the form and writes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.conferences.models import Conference
from accord.engagement import rules
from accord.engagement.domain import deadlines, pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.interfaces.forms import (
    DeadlinesForm,
    InviteeForm,
    OpenRegistrationForm,
    TargetListForm,
)
from accord.web.errors import reported_on
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.invitations import TEMPLATES, _conference, _context, _target_list


def _secretariat(request: HttpRequest, slug: str) -> Conference:
    conference = _conference(request, slug)
    if not rules.can_manage_engagement(request.user, conference):
        raise PermissionDenied("Only the secretariat changes this.")
    return conference


@login_required
def list_new(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _secretariat(request, slug)
    form = TargetListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            target_list = pipeline.create_target_list(
                user=request.user, conference=conference, **form.cleaned_data
            )
            messages.success(request, _("Target list “%(name)s” created.") % {"name": target_list})
            return redirect(request, reverse("engagement_list", args=[slug, target_list.pk]))
    status = 400 if form.errors else 200
    return render(
        request,
        TEMPLATES + "list_new.html",
        _context(request, conference, form=form),
        status=status,
    )


@login_required
def invitee_new(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    target_list = _target_list(request, slug, list_id)
    if not rules.can_manage_list(request.user, target_list):
        raise PermissionDenied("Only the secretariat and the list's owner add invitees.")
    form = InviteeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            invitee = pipeline.add_invitee(
                user=request.user, target_list=target_list, **form.cleaned_data
            )
            messages.success(request, _("%(name)s added.") % {"name": invitee.name})
            if "another" in request.POST:
                return redirect(request, reverse("engagement_invitee_new", args=[slug, list_id]))
            return redirect(request, reverse("engagement_list", args=[slug, list_id]))
    status = 400 if form.errors else 200
    context = _context(request, target_list.conference, target_list=target_list, form=form)
    return render(request, TEMPLATES + "invitee_new.html", context, status=status)


@login_required
def deadlines_and_registration(request: HttpRequest, slug: str) -> HttpResponse:
    """Deadline rules (with the dates they give) and open registration. An htmx GET with the
    form's values answers only the dates, as the user types."""
    conference = _secretariat(request, slug)
    schedule = deadlines.deadlines(conference)
    if request.method == "GET" and wants_fragment(request) and request.GET:
        preview = DeadlinesForm(request.GET, schedule=schedule)
        if preview.is_valid():
            schedule = _preview(conference, preview.values())
        response = render(
            request,
            TEMPLATES + "_deadline_dates.html",
            {"schedule": schedule, "preview_errors": preview.errors},
        )
        return vary_on_htmx(response)
    form = DeadlinesForm(request.POST or None, schedule=schedule)
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            deadlines.set_deadline_rules(
                user=request.user, conference=conference, values=form.values()
            )
            messages.success(request, _("Deadlines saved."))
            return redirect(request, reverse("engagement_settings", args=[slug]))
    return vary_on_htmx(_settings_page(request, conference, deadlines_form=form))


def _preview(
    conference: Conference, values: dict[str, tuple[int, int]]
) -> list[deadlines.Deadline]:
    return [
        deadlines.Deadline(
            step=step,
            months_before=months,
            days_before=days,
            due=deadlines.deadline_for(conference.start_date, months=months, days=days),
        )
        for step, (months, days) in values.items()
    ]


def _settings_page(
    request: HttpRequest,
    conference: Conference,
    *,
    deadlines_form: DeadlinesForm | None = None,
    registration_form: OpenRegistrationForm | None = None,
) -> HttpResponse:
    schedule = deadlines.deadlines(conference)
    deadlines_form = deadlines_form or DeadlinesForm(schedule=schedule)
    is_open = registration_domain.open_registration(conference)
    registration_form = registration_form or OpenRegistrationForm(initial={"open": is_open})
    context = _context(
        request,
        conference,
        schedule=schedule,
        deadlines_form=deadlines_form,
        registration_form=registration_form,
        is_open=is_open,
    )
    status = 400 if deadlines_form.errors or registration_form.errors else 200
    return render(request, TEMPLATES + "settings.html", context, status=status)


@login_required
@require_POST
def open_registration(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _secretariat(request, slug)
    form = OpenRegistrationForm(request.POST)
    if form.is_valid():
        with reported_on(form):
            registration_domain.set_open_registration(
                user=request.user, conference=conference, open=form.cleaned_data["open"]
            )
            messages.success(
                request,
                _("Registration is open to all.")
                if form.cleaned_data["open"]
                else _("Registration is by invitation only."),
            )
            return redirect(request, reverse("engagement_settings", args=[slug]))
    return _settings_page(request, conference, registration_form=form)
