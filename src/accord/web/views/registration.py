"""Registration: the public form behind a personal link (or open registration), and the
secretariat's queue (approve, reject, attendance, credentials letters, export)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.engagement import rules
from accord.engagement.domain import registration as domain
from accord.engagement.domain.tokens import invitee_for
from accord.engagement.enums import RegistrationState
from accord.engagement.interfaces.forms import DecisionForm, RegistrationForm
from accord.engagement.models import Invitee, Registration
from accord.engagement.queries.exports import export_registrations
from accord.engagement.queries.registrations import registration_queue
from accord.web.errors import reported_on
from accord.web.views.context import conference_context

TEMPLATES = "accord/engagement/"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _register(
    request: HttpRequest, conference: Conference, invitee: Invitee | None
) -> HttpResponse:
    initial = (
        {
            "name": invitee.name,
            "email": invitee.email,
            "organization_name": invitee.organization_name,
            "constituent_group": invitee.constituent_group,
            "membership_category": invitee.membership_category,
            "region": invitee.region,
            "gender": invitee.gender,
        }
        if invitee
        else {}
    )
    form = RegistrationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            domain.register(
                conference=conference,
                invitee=invitee,
                form=domain.RegistrationForm(
                    name=data["name"],
                    email=data["email"],
                    organization_name=data["organization_name"],
                    region=data["region"],
                    constituent_group=data["constituent_group"],
                    membership_category=data["membership_category"],
                    gender=data["gender"],
                ),
                credentials=data["credentials"],
            )
        if not form.errors:
            return render(
                request,
                TEMPLATES + "registered.html",
                {"conference_name": conference.name, "email": data["email"]},
            )
    status = 400 if form.errors else 200
    return render(
        request,
        TEMPLATES + "register.html",
        {"form": form, "conference_name": conference.name, "invitee": invitee},
        status=status,
    )


def register_invited(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The personal link's form; a bad or expired link says so, without a form."""
    conference = get_object_or_404(Conference, slug=slug)
    try:
        invitee = invitee_for(token)
    except DomainError as error:
        return render(
            request, TEMPLATES + "link_invalid.html", {"message": error.message}, status=410
        )
    if invitee.target_list.conference_id != conference.pk:
        raise Http404("No such registration link.")
    return _register(request, conference, invitee)


def register_open(request: HttpRequest, slug: str) -> HttpResponse:
    conference = get_object_or_404(Conference, slug=slug)
    if not domain.open_registration(conference):
        raise Http404("Registration is by invitation.")
    return _register(request, conference, None)


def _secretariat_conference(request: HttpRequest, slug: str) -> Conference:
    conference = get_object_or_404(Conference, slug=slug)
    if not rules.can_decide_registrations(request.user, conference):
        raise PermissionDenied("Only the secretariat handles registrations.")
    return conference


@login_required
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _secretariat_conference(request, slug)
    state = request.GET.get("state", "")
    if state and state not in RegistrationState.values:
        state = ""
    context = conference_context(request, conference, "invitations") | {
        "registrations": registration_queue(conference, state),
        "state": state,
        "states": RegistrationState.choices,
        "decision_form": DecisionForm(),
    }
    return render(request, TEMPLATES + "queue.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, registration_id: int, action: str) -> HttpResponse:
    conference = _secretariat_conference(request, slug)
    registration = get_object_or_404(Registration, pk=registration_id, conference=conference)
    form = DecisionForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        if action == "approve":
            domain.decide(user=request.user, registration=registration, approve=True, reason=reason)
            messages.success(request, _("%(name)s is registered.") % {"name": registration.name})
        elif action == "reject":
            domain.decide(
                user=request.user, registration=registration, approve=False, reason=reason
            )
            messages.success(request, _("%(name)s is rejected.") % {"name": registration.name})
        elif action in ("attended", "absent"):
            domain.mark_attended(
                user=request.user, registration=registration, attended=action == "attended"
            )
            messages.success(
                request, _("Attendance of %(name)s saved.") % {"name": registration.name}
            )
        else:
            raise Http404("No such action.")
    except DomainError as error:
        if isinstance(error, PermissionDenied):
            raise
        messages.error(request, error.message)
    return redirect(reverse("engagement_queue", args=[conference.slug]))


@login_required
def credentials(request: HttpRequest, slug: str, registration_id: int) -> FileResponse:
    """The credentials letter, to the secretariat only, as an attachment."""
    conference = _secretariat_conference(request, slug)
    registration = get_object_or_404(Registration, pk=registration_id, conference=conference)
    if not registration.credentials:
        raise Http404("No credentials letter.")
    return FileResponse(
        registration.credentials.open("rb"),
        as_attachment=True,
        filename=registration.credentials_name or "credentials",
    )


@login_required
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    conference = _secretariat_conference(request, slug)
    if fmt not in CONTENT_TYPES:
        raise Http404("Unknown format.")
    response = HttpResponse(export_registrations(conference, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{conference.slug}-registrations.{fmt}"'
    )
    return response
