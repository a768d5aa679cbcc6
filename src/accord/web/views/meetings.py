"""Meetings in the browser: the list with its filters, a meeting's page (agenda, documents,
back-to-back partner, mandated representatives), the month calendar, the timeline of the
preparatory process, the coordinators matrix, the secretariat's forms, and the iCalendar feeds.

Every write calls ``accord.meetings.domain``; a refusal is shown next to the field it names.
Feeds: the conference's feed is as public as the conference; a delegation's feed is read either
signed in (whoever acts for the delegation) or through its private address, whose key a
calendar program can carry (see ``accord.meetings.queries.feeds``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.meetings import domain, queries
from accord.meetings import rules as meeting_rules
from accord.meetings.enums import MeetingKind
from accord.meetings.interfaces.feeds import conference_calendar
from accord.meetings.interfaces.forms import (
    AgendaForm,
    CoordinatorForm,
    DocumentForm,
    MeetingFilterForm,
    MeetingForm,
    RepresentativeForm,
)
from accord.meetings.interfaces.month import Span, month_grid, parse_month
from accord.meetings.interfaces.timeline import EntryInput, LaneInput, build_timeline
from accord.meetings.models import Meeting
from accord.reference.models import Region
from accord.web.access import conference_for
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context

INTERREGIONAL = "interregional"


def _manager(request: HttpRequest, slug: str) -> Conference:
    conference = conference_for(request, slug)
    rules.require(
        meeting_rules.can_manage_meetings(request.user, conference),
        _("Only the secretariat manages meetings."),
    )
    return conference


def _context(request: HttpRequest, conference: Conference, tab: str) -> dict[str, Any]:
    user = request.user
    return conference_context(request, conference, "meetings") | {
        "tab": tab,
        "can_manage": meeting_rules.can_manage_meetings(user, conference),
        "participant": meeting_rules.can_view_participants_only(user, conference),
    }


# --- The list -----------------------------------------------------------------------------------


def _feeds(request: HttpRequest, conference: Conference) -> list[dict[str, Any]]:
    """The delegations the user belongs to, with their private calendar address if issued."""
    ids = rules.standing(request.user, conference).delegation_ids
    if not ids:
        return []
    feeds = []
    for delegation in (
        Delegation.objects.filter(pk__in=ids)
        .select_related("organization", "calendar_feed")
        .order_by("organization__name")
    ):
        feed = getattr(delegation, "calendar_feed", None)
        url = None
        if feed is not None:
            url = request.build_absolute_uri(
                reverse(
                    "delegation_ical_private",
                    args=[conference.slug, delegation.pk, queries.feed_token(feed)],
                )
            )
        feeds.append({"delegation": delegation, "url": url})
    return feeds


@domain_errors
@require_GET
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
    """The meetings in date order, filtered by kind and region (htmx swaps the table)."""
    conference = conference_for(request, slug)
    filters = MeetingFilterForm(request.GET)
    kind = region = None
    if filters.is_valid():
        kind = filters.cleaned_data["kind"] or None
        region = filters.cleaned_data["region"] or None
    rows = list(queries.meetings_of(request.user, conference, kind=kind, region=region))
    context = _context(request, conference, "list") | {
        "meetings": rows,
        "filters": filters,
        "filtered": bool(kind or region),
        "feeds": _feeds(request, conference),
        "conference_feed": request.build_absolute_uri(reverse("meetings_ical", args=[slug])),
    }
    fragment = wants_fragment(request)
    template = "accord/meetings/list.html#table" if fragment else "accord/meetings/list.html"
    return vary_on_htmx(render(request, template, context))


# --- One meeting --------------------------------------------------------------------------------


def _meeting_page(
    request: HttpRequest,
    conference: Conference,
    meeting: Meeting,
    *,
    document_form: DocumentForm | None = None,
    representative_form: RepresentativeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    page = queries.meeting_page(user, meeting)
    manage = meeting_rules.can_manage_meetings(user, conference)
    context = _context(request, conference, "list") | {
        "meeting": meeting,
        "page": page,
        "can_edit_agenda": meeting_rules.can_edit_agenda(user, meeting),
        "document_form": (
            document_form
            or DocumentForm(conference=conference, initial={"symbol": domain.next_symbol(meeting)})
        )
        if manage
        else None,
        "representative_form": (representative_form or RepresentativeForm(conference=conference))
        if manage and meeting.kind == MeetingKind.IPM
        else None,
    }
    return render(request, "accord/meetings/detail.html", context, status=status)


@domain_errors
@require_GET
def meeting(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    return _meeting_page(request, conference, found)


def _meeting_changes(form: MeetingForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["region"] = data["region"].code if data["region"] else None
    return data


@domain_errors
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _manager(request, slug)
    form = MeetingForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            created = domain.create_meeting(
                user=request.user, conference=conference, **_meeting_changes(form)
            )
            messages.success(request, _("Scheduled %(code)s.") % {"code": created.code})
            return redirect(request, reverse("meeting", args=[slug, created.pk]))
    context = _context(request, conference, "list") | {"form": form, "meeting": None}
    status = 400 if request.method == "POST" else 200
    return render(request, "accord/meetings/form.html", context, status=status)


@domain_errors
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    form = MeetingForm(
        request.POST or None,
        conference=conference,
        meeting=found,
        initial=MeetingForm.initial_for(found),
    )
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            domain.update_meeting(user=request.user, meeting=found, **_meeting_changes(form))
            messages.success(request, _("Saved %(code)s.") % {"code": found.code})
            return redirect(request, reverse("meeting", args=[slug, found.pk]))
    context = _context(request, conference, "list") | {"form": form, "meeting": found}
    status = 400 if request.method == "POST" else 200
    return render(request, "accord/meetings/form.html", context, status=status)


@domain_errors
@require_POST
def meeting_delete(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    domain.delete_meeting(user=request.user, meeting=found)
    messages.success(request, _("Removed %(code)s.") % {"code": found.code})
    return redirect(request, reverse("meetings", args=[slug]))


@domain_errors
@require_http_methods(["GET", "POST"])
def meeting_agenda(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    """The agenda as text, one item a line, for the secretariat and the meeting's chair."""
    conference = conference_for(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    rules.require(
        meeting_rules.can_edit_agenda(request.user, found),
        _("Only the secretariat and the meeting's chair set its agenda."),
    )
    form = AgendaForm(request.POST or None, initial={"agenda": domain.agenda_as_text(found)})
    if request.method == "POST" and form.is_valid():
        with reported_on(form):
            entries = domain.parse_agenda(form.cleaned_data["agenda"])
            domain.set_agenda(user=request.user, meeting=found, entries=entries)
            messages.success(request, _("Saved the agenda of %(code)s.") % {"code": found.code})
            return redirect(request, reverse("meeting", args=[slug, found.pk]))
    context = _context(request, conference, "list") | {"form": form, "meeting": found}
    status = 400 if request.method == "POST" else 200
    return render(request, "accord/meetings/agenda.html", context, status=status)


# --- Documents and representatives ---------------------------------------------------------------


@domain_errors
@require_POST
def document_attach(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    form = DocumentForm(request.POST, request.FILES, conference=conference)
    if form.is_valid():
        with reported_on(form):
            document = domain.attach_document(user=request.user, meeting=found, **form.cleaned_data)
            messages.success(request, _("Attached %(symbol)s.") % {"symbol": document.symbol})
            return redirect(request, reverse("meeting", args=[slug, found.pk]) + "#documents")
    return _meeting_page(request, conference, found, document_form=form, status=400)


@domain_errors
@require_GET
def document_download(
    request: HttpRequest, slug: str, meeting_id: int, document_id: int
) -> HttpResponseBase:
    conference = conference_for(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    document = queries.visible_document(request.user, found, document_id)
    if not document.file:
        raise Http404(_("This document has no file."))
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file of this document is missing.")) from error
    return FileResponse(handle, as_attachment=True, filename=document.original_name)


@domain_errors
@require_POST
def document_remove(
    request: HttpRequest, slug: str, meeting_id: int, document_id: int
) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    document = queries.visible_document(request.user, found, document_id)
    domain.remove_document(user=request.user, document=document)
    messages.success(request, _("Removed %(symbol)s.") % {"symbol": document.symbol})
    return redirect(request, reverse("meeting", args=[slug, found.pk]) + "#documents")


@domain_errors
@require_POST
def representative_add(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    form = RepresentativeForm(request.POST, conference=conference)
    if form.is_valid():
        with reported_on(form):
            domain.mandate_representative(user=request.user, meeting=found, **form.cleaned_data)
            return redirect(request, reverse("meeting", args=[slug, found.pk]) + "#representatives")
    return _meeting_page(request, conference, found, representative_form=form, status=400)


@domain_errors
@require_POST
def representative_remove(
    request: HttpRequest, slug: str, meeting_id: int, representative_id: int
) -> HttpResponse:
    conference = _manager(request, slug)
    found = queries.find_meeting(request.user, conference, meeting_id)
    representative = queries.find_representative(found, representative_id)
    domain.withdraw_representative(user=request.user, representative=representative)
    return redirect(request, reverse("meeting", args=[slug, found.pk]) + "#representatives")


# --- Calendar and timeline -----------------------------------------------------------------------


def _spans(conference: Conference, rows: list[Meeting]) -> list[Span]:
    spans = []
    for row in rows:
        href = reverse("meeting", args=[conference.slug, row.pk])
        spans.append(
            Span(
                key=f"meeting-{row.pk}",
                label=row.code,
                title=f"{row.code}: {row.title}",
                first_day=row.starts_on,
                last_day=row.ends_on,
                kind=row.kind,
                href=href,
            )
        )
        spans.append(
            Span(
                key=f"deadline-{row.pk}",
                label=_("%(code)s deadline") % {"code": row.code},
                title=_("Last day for contributions to %(code)s") % {"code": row.code},
                first_day=row.contribution_deadline,
                last_day=row.contribution_deadline,
                kind="deadline",
                href=href,
            )
        )
    return spans


def _default_month(rows: list[Meeting], today: dt.date) -> dt.date:
    """The month of the meeting under way or next; else of the last one; else this month."""
    upcoming = [m for m in rows if m.ends_on >= today]
    if upcoming:
        return max(today, min(m.starts_on for m in upcoming)).replace(day=1)
    if rows:
        return max(m.starts_on for m in rows).replace(day=1)
    return today.replace(day=1)


@domain_errors
@require_GET
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """One month of meetings and deadlines; ``?month=YYYY-MM`` picks it (prev/next links)."""
    conference = conference_for(request, slug)
    rows = list(queries.meetings_of(request.user, conference))
    today = timezone.localdate()
    error, status = "", 200
    first = _default_month(rows, today)
    if requested := request.GET.get("month", "").strip():
        try:
            year, number = parse_month(requested)
        except ValueError as problem:
            error, status = str(problem), 400
        else:
            first = dt.date(year, number, 1)
    grid = month_grid(first.year, first.month, _spans(conference, rows), today=today)
    context = _context(request, conference, "calendar") | {
        "month": grid,
        "error": error,
        "has_meetings": bool(rows),
    }
    fragment = wants_fragment(request) and not error
    template = "accord/meetings/calendar.html#grid" if fragment else "accord/meetings/calendar.html"
    return vary_on_htmx(render(request, template, context, status=status))


@domain_errors
@require_GET
def timeline(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole preparatory process on one date axis: a lane per region, the interregional
    meetings above them, deadlines and the opening."""
    conference = conference_for(request, slug)
    rows = list(queries.meetings_of(request.user, conference))
    regions = list(Region.objects.order_by("name"))
    lanes = [LaneInput(INTERREGIONAL, _("Interregional"), _("Meetings of all regions"))] + [
        LaneInput(region.code, region.code, region.name) for region in regions
    ]
    entries = [
        EntryInput(
            key=f"meeting-{row.pk}",
            lane=row.region.code if row.region else INTERREGIONAL,
            label=row.code,
            title=f"{row.code}: {row.title} ({row.starts_on:%Y-%m-%d} – {row.ends_on:%Y-%m-%d})",
            kind=row.kind,
            first_day=row.starts_on,
            last_day=row.ends_on,
            href=reverse("meeting", args=[slug, row.pk]),
            deadline=row.contribution_deadline,
            deadline_title=_("Contributions to %(code)s due %(date)s")
            % {"code": row.code, "date": row.contribution_deadline.isoformat()},
        )
        for row in rows
    ]
    chart = build_timeline(
        lanes,
        entries,
        opening=conference.start_date,
        today=timezone.localdate(),
        rtl=get_language_bidi(),
    )
    context = _context(request, conference, "timeline") | {"chart": chart, "meetings": rows}
    return render(request, "accord/meetings/timeline.html", context)


# --- Coordinators -------------------------------------------------------------------------------


def _coordinators_page(
    request: HttpRequest,
    conference: Conference,
    *,
    form: CoordinatorForm | None = None,
    status: int = 200,
) -> HttpResponse:
    matrix = queries.coordinator_matrix(request.user, conference)
    context = _context(request, conference, "coordinators") | {
        "matrix": matrix,
        "form": (form or CoordinatorForm(conference=conference))
        if meeting_rules.can_manage_meetings(request.user, conference)
        else None,
    }
    return render(request, "accord/meetings/coordinators.html", context, status=status)


@domain_errors
@require_GET
def coordinators(request: HttpRequest, slug: str) -> HttpResponse:
    """Regions × topics: who coordinates each, and the gaps (participants only)."""
    return _coordinators_page(request, conference_for(request, slug))


@domain_errors
@require_POST
def coordinator_add(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _manager(request, slug)
    form = CoordinatorForm(request.POST, conference=conference)
    if form.is_valid():
        with reported_on(form):
            domain.assign_coordinator(user=request.user, conference=conference, **form.cleaned_data)
            return redirect(request, reverse("coordinators", args=[slug]))
    return _coordinators_page(request, conference, form=form, status=400)


@domain_errors
@require_POST
def coordinator_remove(request: HttpRequest, slug: str, coordinator_id: int) -> HttpResponse:
    conference = _manager(request, slug)
    coordinator = queries.find_coordinator(conference, coordinator_id)
    domain.remove_coordinator(user=request.user, coordinator=coordinator)
    return redirect(request, reverse("coordinators", args=[slug]))


# --- iCalendar feeds ----------------------------------------------------------------------------


def _ical(
    request: HttpRequest, conference: Conference, delegation: Delegation | None, *, private: bool
) -> HttpResponse:
    text, _count = conference_calendar(conference, delegation, request.build_absolute_uri)
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    suffix = f"-delegation-{delegation.pk}" if delegation else ""
    response["Content-Disposition"] = f'inline; filename="{conference.slug}-meetings{suffix}.ics"'
    if private:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@domain_errors
@require_GET
def conference_ical(request: HttpRequest, slug: str) -> HttpResponse:
    """All the conference's meetings and deadlines, for whoever may see the conference."""
    conference = conference_for(request, slug)
    return _ical(request, conference, None, private=not conference.is_public)


def _delegation(conference: Conference, delegation_id: int) -> Delegation:
    found = (
        Delegation.objects.select_related("organization__region", "conference")
        .filter(conference=conference, pk=delegation_id)
        .first()
    )
    if found is None:
        raise Http404(_("No such delegation."))
    return found


@domain_errors
@require_GET
def delegation_ical(request: HttpRequest, slug: str, delegation_id: int) -> HttpResponse:
    """The delegation's feed for a signed-in member (or its chairs and the secretariat)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    conference = conference_for(request, slug)
    delegation = _delegation(conference, delegation_id)
    rules.require(
        meeting_rules.can_use_delegation_feed(request.user, delegation),
        _("This calendar is for the members of the delegation."),
    )
    return _ical(request, conference, delegation, private=True)


@require_GET
def delegation_ical_private(
    request: HttpRequest, slug: str, delegation_id: int, token: str
) -> HttpResponse:
    """The delegation's feed for a calendar program: the key in the address is the credential.
    A wrong or retired key is a plain 404, the same as for a delegation that does not exist."""
    conference = Conference.objects.filter(slug=slug).first()
    feed = queries.feed_by_token(conference, delegation_id, token) if conference else None
    if conference is None or feed is None:
        raise Http404(_("No such calendar."))
    return _ical(request, conference, feed.delegation, private=True)


@domain_errors
@require_POST
def delegation_feed_issue(request: HttpRequest, slug: str, delegation_id: int) -> HttpResponse:
    """Create the delegation's private calendar address, or replace it."""
    conference = conference_for(request, slug)
    delegation = _delegation(conference, delegation_id)
    domain.issue_calendar_feed(user=request.user, delegation=delegation)
    messages.success(
        request,
        _(
            "A new private calendar address for %(delegation)s is ready; the old one, if any, "
            "no longer works."
        )
        % {"delegation": delegation.organization},
    )
    return redirect(request, reverse("meetings", args=[slug]) + "#feeds")
