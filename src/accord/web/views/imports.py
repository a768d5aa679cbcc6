"""Import a working document from the browser: upload it, read the dry-run report, then confirm
or discard. Every step calls a domain function in ``accord.plans.domain.uploads``."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accord import rules
from accord.core.errors import DomainError, NotAllowed
from accord.engines.documents import model as doc
from accord.plans.domain.imports import derive_status
from accord.plans.domain.uploads import (
    confirm_upload,
    discard_upload,
    find_upload,
    review_upload,
    stage_document,
    staged_uploads,
)
from accord.plans.enums import ItemKind, Section
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.forms import DocumentUploadForm
from accord.web.htmx import redirect
from accord.web.views.context import conference_context


@dataclass(frozen=True)
class FoundItem:
    """One item as the report lists it: what was read, and the status it would get."""

    id: str
    kind: str
    section: str
    status: str
    derived: bool
    comments: int
    positions: int
    text: str


@dataclass(frozen=True)
class FoundPriority:
    id: str
    title: str
    items: list[FoundItem]


def found_priorities(document: doc.WorkingDocument) -> list[FoundPriority]:
    """The document's priorities and items, with labels and counts ready for the template."""
    return [
        FoundPriority(
            id=objective.id,
            title=objective.title,
            items=[
                FoundItem(
                    id=item.id,
                    kind=str(ItemKind(item.kind).label),
                    section=str(Section(str(item.section)).label),
                    status=derive_status(item),
                    derived=item.status is None,
                    comments=len(item.all_comments()),
                    positions=len(item.positions),
                    text=item.text,
                )
                for item in objective.items
            ],
        )
        for objective in document.objectives
    ]


@domain_errors
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest, slug: str) -> HttpResponse:
    """The upload form; a good file is staged and its report shown, a bad one is named."""
    conference = conference_for(request, slug)
    rules.require(
        rules.can_edit_plan(request.user, conference),
        _("Only the secretariat or a chair imports a working document."),
    )
    form = DocumentUploadForm()
    if request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                upload, _report, _document = stage_document(
                    user=request.user,
                    conference=conference,
                    uploaded_file=form.cleaned_data["file"],
                    label=form.cleaned_data["label"],
                )
            except DomainError as error:
                # The editor was checked above; a refusal here is about this import (e.g. only
                # the secretariat creates a first plan), so it is shown on the form.
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return redirect(request, reverse("plan_import_report", args=[slug, upload.pk]))
    context = conference_context(request, conference, "plan") | {
        "form": form,
        "staged": staged_uploads(user=request.user, conference=conference),
    }
    return render(request, "accord/plan_import.html", context)


@domain_errors
def plan_import_report(request: HttpRequest, slug: str, upload_id: int) -> HttpResponse:
    """What importing the staged file would create, its warnings, and the items it holds."""
    conference = conference_for(request, slug)
    upload = find_upload(user=request.user, conference=conference, upload_id=upload_id)
    report, priorities, problem = None, [], ""
    if upload.state == upload.State.STAGED:
        try:
            report, document = review_upload(user=request.user, upload=upload)
        except NotAllowed:
            raise
        except DomainError as error:  # e.g. the plan changed so that the import would fail
            problem = error.message
        else:
            priorities = found_priorities(document)
    context = conference_context(request, conference, "plan") | {
        "upload": upload,
        "report": report,
        "priorities": priorities,
        "problem": problem,
    }
    return render(request, "accord/plan_import_report.html", context)


@domain_errors
@require_POST
def plan_import_confirm(request: HttpRequest, slug: str, upload_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    upload = find_upload(user=request.user, conference=conference, upload_id=upload_id)
    try:
        report = confirm_upload(user=request.user, upload=upload)
    except NotAllowed:
        raise
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(request, reverse("plan_import_report", args=[slug, upload.pk]))
    messages.success(
        request,
        _("%(file)s was imported as version %(number)d of the Action Plan, a draft.")
        % {"file": upload.original_name, "number": report.version_number},
    )
    return redirect(request, f"{reverse('plan', args=[slug])}?version={report.version_number}")


@domain_errors
@require_POST
def plan_import_discard(request: HttpRequest, slug: str, upload_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    upload = find_upload(user=request.user, conference=conference, upload_id=upload_id)
    try:
        discard_upload(user=request.user, upload=upload)
    except NotAllowed:
        raise
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(request, reverse("plan_import_report", args=[slug, upload.pk]))
    messages.success(
        request,
        _("%(file)s was discarded; nothing was imported.") % {"file": upload.original_name},
    )
    return redirect(request, reverse("conference", args=[slug]))
