"""The forms of the item page: record a position, settle a bracket, set the status, edit the
text. Each validates its form and calls one domain function; errors come back on the page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.conferences.models import Delegation
from accord.core.errors import DomainError, NotAllowed
from accord.engines.diff import diff_words
from accord.negotiation.domain import record_position, resolve_bracket
from accord.plans.domain import StaleEdit, update_item
from accord.plans.domain.status import clear_status_override, parse_text, set_item_status
from accord.plans.models import PlanItem
from accord.plans.queries import item_detail
from accord.web.access import conference_for
from accord.web.errors import domain_errors, report, reported_on
from accord.web.forms import ItemTextForm, PositionForm, ResolveForm, StatusForm
from accord.web.views.item import acting_delegations, bracket_label, item_page


def _back(item: PlanItem, anchor: str = "") -> HttpResponseRedirect:
    conference = item.version.plan.conference
    url = reverse("item", args=[conference.slug, item.version.number, item.code])
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""))


def _load(request: HttpRequest, slug: str, number: int, code: str) -> PlanItem:
    return item_detail(request.user, conference_for(request, slug), number, code)


@require_POST
@domain_errors
def item_position(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    item = _load(request, slug, number, code)
    conference = item.version.plan.conference
    form = PositionForm(
        request.POST,
        delegations=acting_delegations(request.user, conference),
        brackets=[(b.index, bracket_label(b)) for b in parse_text(item.text).brackets],
    )
    if form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            record_position(
                user=request.user,
                item=item,
                delegation=Delegation.objects.select_related("organization").get(
                    pk=data["delegation"], conference=conference
                ),
                stance=data["stance"],
                bracket=data["bracket"],
                option=data["option"],
                detail=data["detail"],
                source=data["source"],
            )
            messages.success(request, _("Position recorded."))
            return _back(item, "positions")
    return item_page(request, conference, item, status=400, position_form=form)


@require_POST
@domain_errors
def item_resolve(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    item = _load(request, slug, number, code)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        conference = item.version.plan.conference
        return item_page(request, conference, item, status=400, error=_("Invalid request."))
    try:
        resolve_bracket(
            user=request.user,
            item=item,
            index=form.cleaned_data["bracket"],
            choice=form.cleaned_data["choice"],
            expected_revision=form.cleaned_data["expected_revision"],
        )
    except NotAllowed:
        raise
    except DomainError as error:  # StaleEdit included: the page shows the current text
        item = _load(request, slug, number, code)
        status = 409 if isinstance(error, StaleEdit) else 400
        return item_page(
            request, item.version.plan.conference, item, status=status, error=error.message
        )
    messages.success(request, _("Bracket settled."))
    return _back(item)


@require_POST
@domain_errors
def item_status(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    item = _load(request, slug, number, code)
    form = StatusForm(request.POST)
    if form.is_valid():
        status, note = form.cleaned_data["status"], form.cleaned_data["note"]
        with reported_on(form):
            if status:
                set_item_status(user=request.user, item=item, status=status, note=note)
            else:
                clear_status_override(user=request.user, item=item)
            messages.success(request, _("Status saved."))
            return _back(item)
    return item_page(request, item.version.plan.conference, item, status=400, status_form=form)


@require_POST
@domain_errors
def item_edit(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    """Save a new text. When someone saved in between, nothing is overwritten: the page shows
    their change (from the text this editor started from to the current one) and keeps this
    editor's text in the form, now based on the current revision."""
    item = _load(request, slug, number, code)
    conference = item.version.plan.conference
    form = ItemTextForm(request.POST)
    if not form.is_valid():
        return item_page(request, conference, item, status=400, text_form=form)
    data = form.cleaned_data
    try:
        update_item(
            user=request.user,
            item=item,
            expected_revision=data["expected_revision"],
            text=data["text"],
        )
    except StaleEdit as stale:
        current = stale.current
        retry = ItemTextForm(
            initial={
                "text": data["text"],
                "expected_revision": current.revision,
                "started_from": current.text,
            }
        )
        item = _load(request, slug, number, code)
        conflict = {
            "message": stale.message,
            "ops": diff_words(data["started_from"] or "", current.text),
        }
        return item_page(request, conference, item, status=409, text_form=retry, conflict=conflict)
    except NotAllowed:
        raise
    except DomainError as error:
        report(form, error)
        return item_page(request, conference, item, status=400, text_form=form)
    messages.success(request, _("Text saved."))
    return _back(item)
