"""The secretariat's (and list owners') forms for invitations: a new target list, one more
invitee, editing and deleting both, the deadline rules with the dates they give, and open
registration on or off. Each calls one domain function; a refusal shows on the form (or the
confirmation page) and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed
from accord.engagement import rules
from accord.engagement.domain import deadlines, editing, pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.interfaces.forms import (
    DeadlinesForm,
    InviteeForm,
    OpenRegistrationForm,
    TargetListForm,
    invitee_initial,
    target_list_initial,
)
from accord.web.errors import reported_on
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.invitations import (
    TEMPLATES,
    _conference,
    _context,
    _invitee,
    _target_list,
)


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


# --- Editing and deleting lists and invitees ---------------------------------------------------


@login_required
def list_edit(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    """Rename a list, change its group or owner (secretariat); the way to delete it."""
    target_list = _target_list(request, slug, list_id)
    if not rules.can_edit_list(request.user, target_list):
        raise PermissionDenied("Only the secretariat changes target lists.")
    form = TargetListForm(request.POST or None, initial=target_list_initial(target_list))
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            editing.update_target_list(
                user=request.user, target_list=target_list, **form.cleaned_data
            )
            messages.success(request, _("Target list “%(name)s” saved.") % {"name": target_list})
            return redirect(request, reverse("engagement_list", args=[slug, list_id]))
    context = _context(
        request,
        target_list.conference,
        target_list=target_list,
        form=form,
        refusal=editing.deletion_refusal(target_list),
    )
    status = 400 if form.errors else 200
    return render(request, TEMPLATES + "list_edit.html", context, status=status)


def _confirmed_deletion(
    request: HttpRequest,
    conference: Conference,
    *,
    refusal: str | None,
    delete: Callable[[], None],
    done: str,
    done_url: str,
    **page: Any,
) -> HttpResponse:
    """A GET asks (or says why it cannot be done); a POST does it, or shows the refusal."""
    if request.method == "POST" and refusal is None:
        try:
            delete()
        except NotAllowed:
            raise
        except DomainError as error:
            refusal = error.message
        else:
            messages.success(request, done)
            return redirect(request, done_url)
    context = _context(request, conference, refusal=refusal, **page)
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATES + "confirm_delete.html", context, status=status)


@login_required
def list_delete(request: HttpRequest, slug: str, list_id: int) -> HttpResponse:
    """Ask, then delete a list whose invitees were never invited (secretariat)."""
    target_list = _target_list(request, slug, list_id)
    if not rules.can_edit_list(request.user, target_list):
        raise PermissionDenied("Only the secretariat deletes target lists.")
    count = target_list.invitees.count()
    return _confirmed_deletion(
        request,
        target_list.conference,
        refusal=editing.deletion_refusal(target_list),
        delete=lambda: editing.delete_target_list(user=request.user, target_list=target_list),
        done=_("Target list “%(name)s” deleted.") % {"name": target_list.name},
        done_url=reverse("engagement_lists", args=[slug]),
        heading=_("Delete the list “%(name)s”?") % {"name": target_list.name},
        question=ngettext(
            "Its %(count)s invitee, never invited, goes with it.",
            "Its %(count)s invitees, never invited, go with it.",
            count,
        )
        % {"count": count},
        button=_("Delete the list"),
        back=reverse("engagement_list_edit", args=[slug, list_id]),
    )


@login_required
def invitee_edit(request: HttpRequest, slug: str, invitee_id: int) -> HttpResponse:
    """Change an invitee's details and star (whoever manages them); the way to remove them."""
    invitee = _invitee(request, slug, invitee_id)
    form = InviteeForm(request.POST or None, initial=invitee_initial(invitee))
    back = reverse("engagement_list", args=[slug, invitee.target_list_id])
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            editing.update_invitee(user=request.user, invitee=invitee, **form.cleaned_data)
            messages.success(request, _("%(name)s saved.") % {"name": invitee.name})
            return redirect(request, back)
    context = _context(
        request,
        invitee.target_list.conference,
        invitee=invitee,
        target_list=invitee.target_list,
        form=form,
        can_remove=rules.can_remove_invitee(request.user, invitee),
        refusal=editing.removal_refusal(invitee),
        back=back,
    )
    status = 400 if form.errors else 200
    return render(request, TEMPLATES + "invitee_edit.html", context, status=status)


@login_required
def invitee_remove(request: HttpRequest, slug: str, invitee_id: int) -> HttpResponse:
    """Ask, then take an invitee who was never invited off their list."""
    invitee = _invitee(request, slug, invitee_id)
    if not rules.can_remove_invitee(request.user, invitee):
        raise PermissionDenied("Only the secretariat and the list's owner remove invitees.")
    target_list = invitee.target_list
    return _confirmed_deletion(
        request,
        target_list.conference,
        refusal=editing.removal_refusal(invitee),
        delete=lambda: editing.remove_invitee(user=request.user, invitee=invitee),
        done=_("%(name)s removed from the list.") % {"name": invitee.name},
        done_url=reverse("engagement_list", args=[slug, target_list.pk]),
        heading=_("Remove %(name)s from “%(list)s”?")
        % {"name": invitee.name, "list": target_list.name},
        question=_("They were never invited; the audit trail keeps what they were."),
        button=_("Remove from the list"),
        back=reverse("engagement_invitee_edit", args=[slug, invitee_id]),
    )
