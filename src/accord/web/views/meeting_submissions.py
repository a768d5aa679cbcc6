"""The "Contributions" tab of a meeting: the contributions the user may see with their status
and lateness, a form for delegates to start one, and the buttons that submit, withdraw,
accept or admit it. Every write calls ``accord.meetings.domain.submissions``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.meetings import submission_rules
from accord.meetings.domain import submissions as domain
from accord.meetings.models import Meeting, Submission, SubmissionStatus
from accord.meetings.queries import find_meeting
from accord.meetings.queries import submissions as queries
from accord.negotiation.models import Contribution
from accord.reference.models import RegionalOrganization
from accord.web.access import conference_for
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect
from accord.web.views.context import conference_context


class SubmissionForm(forms.Form):
    delegation = forms.ModelChoiceField(
        label=gettext_lazy("Delegation"), queryset=Delegation.objects.none()
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    file = forms.FileField(
        label=gettext_lazy("Document"),
        help_text=gettext_lazy(
            ".docx, .pdf or .txt, up to 10 MB. A .docx or .txt is read as a working document "
            "(priorities, items, comments); a PDF is stored as it is."
        ),
    )
    cosponsors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Co-sponsors"), queryset=Delegation.objects.none(), required=False
    )
    on_behalf_of = forms.ModelChoiceField(
        label=gettext_lazy("On behalf of the region (RTO)"),
        queryset=RegionalOrganization.objects.order_by("code"),
        required=False,
    )
    contribution = forms.ModelChoiceField(
        label=gettext_lazy("Proposed changes to the plan (optional)"),
        queryset=Contribution.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = queries.delegations_for(user, meeting)
        field: Any = self.fields["delegation"]
        field.queryset = Delegation.objects.filter(pk__in=[d.pk for d in own]).select_related(
            "organization"
        )
        if len(own) == 1:
            field.initial = own[0].pk
        cosponsors: Any = self.fields["cosponsors"]
        cosponsors.queryset = Delegation.objects.filter(
            conference=meeting.conference
        ).select_related("organization")
        contributions: Any = self.fields["contribution"]
        contributions.queryset = Contribution.objects.filter(
            version__plan__conference=meeting.conference,
            delegation__in=own,
        ).order_by("id")


class SubmissionEditForm(forms.Form):
    """A draft's title, a replacement document and its co-sponsors."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    file = forms.FileField(
        label=gettext_lazy("Replace the document (optional)"),
        help_text=gettext_lazy(".docx, .pdf or .txt, up to 10 MB; empty keeps the current one."),
        required=False,
    )
    cosponsors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Co-sponsors"), queryset=Delegation.objects.none(), required=False
    )

    def __init__(self, *args: Any, submission: Submission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cosponsors: Any = self.fields["cosponsors"]
        cosponsors.queryset = (
            Delegation.objects.filter(conference=submission.meeting.conference)
            .exclude(pk=submission.delegation_id)
            .select_related("organization")
            .order_by("organization__name")
        )
        cosponsors.label_from_instance = lambda d: d.organization.name

    @staticmethod
    def initial_for(submission: Submission) -> dict[str, Any]:
        return {
            "title": submission.title,
            "cosponsors": [d.pk for d in submission.cosponsors.all()],
        }


def _context(request: HttpRequest, conference: Conference, meeting: Meeting) -> dict[str, Any]:
    return conference_context(request, conference, "meetings") | {
        "meeting": meeting,
        "here": _("Contributions"),
        "participant": rules.standing(request.user, conference).participant,
        "can_decide": submission_rules.can_decide(request.user, conference),
    }


def _page(
    request: HttpRequest,
    conference: Conference,
    meeting: Meeting,
    form: SubmissionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    listing = queries.submissions_of(user, meeting)
    if form is None and queries.delegations_for(user, meeting):
        form = SubmissionForm(user=user, meeting=meeting)
    rows = [
        {
            "row": row,
            "can_submit": submission_rules.can_submit(user, row.submission),
            "can_edit": submission_rules.can_edit(user, row.submission),
        }
        for row in listing.rows
    ]
    context = _context(request, conference, meeting) | {
        "listing": listing,
        "rows": rows,
        "form": form,
        "statuses": SubmissionStatus,
    }
    return render(request, "accord/meetings/submissions.html", context, status=status)


@domain_errors
@require_GET
def meeting_submissions(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    meeting = find_meeting(request.user, conference, meeting_id)
    return _page(request, conference, meeting)


@domain_errors
@require_POST
def submission_create(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    meeting = find_meeting(request.user, conference, meeting_id)
    form = SubmissionForm(request.POST, request.FILES, user=request.user, meeting=meeting)
    if form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            made = domain.create_submission(
                user=request.user,
                meeting=meeting,
                delegation=data["delegation"],
                title=data["title"],
                file=data["file"],
                cosponsors=list(data["cosponsors"]),
                on_behalf_of=data["on_behalf_of"],
                contribution=data["contribution"],
            )
            messages.success(request, _("Saved the draft “%(title)s”.") % {"title": made.title})
            return redirect(request, reverse("meeting_submissions", args=[slug, meeting.pk]))
    return _page(request, conference, meeting, form=form, status=400)


@domain_errors
@require_http_methods(["GET", "POST"])
def submission_edit(
    request: HttpRequest, slug: str, meeting_id: int, submission_id: int
) -> HttpResponse:
    """A draft's authors change its title, document or co-sponsors before submitting it."""
    conference = conference_for(request, slug)
    meeting = find_meeting(request.user, conference, meeting_id)
    submission = queries.find_submission(request.user, meeting, submission_id)
    rules.require(
        submission_rules.is_author(request.user, submission),
        _("Only the authors of a contribution change its draft."),
    )
    form = SubmissionEditForm(
        request.POST or None,
        request.FILES or None,
        submission=submission,
        initial=SubmissionEditForm.initial_for(submission),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            domain.update_submission(
                user=request.user,
                submission=submission,
                title=data["title"],
                file=data["file"],
                cosponsors=list(data["cosponsors"]),
            )
            messages.success(request, _("Saved the draft “%(title)s”.") % {"title": data["title"]})
            return redirect(request, reverse("meeting_submissions", args=[slug, meeting.pk]))
    context = _context(request, conference, meeting) | {
        "form": form,
        "submission": submission,
        "editable": submission.status == SubmissionStatus.DRAFT,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "accord/meetings/submission_edit.html", context, status=status)


ACTIONS = {
    "submit": (domain.submit_submission, gettext_lazy("Submitted as %(symbol)s.")),
    "withdraw": (domain.withdraw_submission, gettext_lazy("Withdrew %(symbol)s.")),
    "accept": (domain.accept_submission, gettext_lazy("Accepted %(symbol)s for the meeting.")),
    "admit": (
        domain.admit_late_submission,
        gettext_lazy("Admitted %(symbol)s despite the deadline."),
    ),
}


@domain_errors
@require_POST
def submission_action(
    request: HttpRequest, slug: str, meeting_id: int, submission_id: int, action: str
) -> HttpResponse:
    """Submit, withdraw, accept or admit; a refusal shows as a message on the list."""
    if action not in ACTIONS:
        raise Http404(_("There is no such action."))
    conference = conference_for(request, slug)
    meeting = find_meeting(request.user, conference, meeting_id)
    submission = queries.find_submission(request.user, meeting, submission_id)
    write, message = ACTIONS[action]
    try:
        done: Submission = write(user=request.user, submission=submission)
    except (NotFound, NotAllowed):
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(message) % {"symbol": done.symbol or done.title})
    return redirect(request, reverse("meeting_submissions", args=[slug, meeting.pk]))


@require_GET
def submission_download(
    request: HttpRequest, slug: str, meeting_id: int, submission_id: int
) -> HttpResponseBase:
    conference = conference_for(request, slug)
    try:
        meeting = find_meeting(request.user, conference, meeting_id)
        submission = queries.find_submission(request.user, meeting, submission_id)
    except NotFound as error:
        raise Http404(error.message) from error
    if not submission.file:
        raise Http404(_("This contribution has no document yet."))
    try:
        handle = submission.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The document of this contribution is missing.")) from error
    return FileResponse(handle, as_attachment=True, filename=submission.original_name)
