"""One item of the Action Plan: its text with its brackets and who stands where, results
framework, linkages and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord import rules
from accord.audit.domain import history_of
from accord.conferences.models import Conference, Delegation
from accord.engines.brackets import Bracket
from accord.engines.consensus import Stated, place
from accord.negotiation.queries import item_positions
from accord.plans.domain.status import current_stances, parse_text
from accord.plans.enums import LinkageType, VersionState
from accord.plans.models import Linkage, PlanItem
from accord.plans.queries import item_detail
from accord.web.access import conference_for
from accord.web.bracket_markup import bracketed_html
from accord.web.errors import domain_errors
from accord.web.forms import ItemTextForm, PositionForm, StatusForm
from accord.web.views.context import conference_context
from accord.web.views.link_suggestions import suggestion_context


@dataclass(frozen=True)
class LinkageGroup:
    type: str
    label: str
    linkages: list[Linkage]


@dataclass(frozen=True)
class BracketStances:
    bracket: Bracket
    stances: list[Stated]


def linkage_groups(item: PlanItem) -> list[LinkageGroup]:
    """The item's (prefetched) linkages grouped by type, in the order the enum lists types."""
    groups = []
    for value, label in LinkageType.choices:
        links = [link for link in item.linkages.all() if link.type == value]
        if links:
            groups.append(LinkageGroup(value, str(label), links))
    return groups


def acting_delegations(user: Any, conference: Conference) -> list[tuple[int, str]]:
    """Whom the user may record positions for: their own delegations, or any for a chair."""
    who = rules.standing(user, conference)
    delegations = Delegation.objects.filter(conference=conference).select_related("organization")
    if not (who.secretariat or who.chair):
        delegations = delegations.filter(pk__in=who.delegation_ids)
    return [(d.pk, d.organization.name) for d in delegations]


def bracket_label(bracket: Bracket) -> str:
    text = bracket.text if len(bracket.text) <= 60 else bracket.text[:57] + "…]"
    return f"{bracket.index + 1}. {text}"


def item_page(
    request: HttpRequest, conference: Conference, item: PlanItem, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The item page; views that handle its forms pass bound forms back with their errors."""
    user = request.user
    participant = rules.standing(user, conference).participant
    parsed = parse_text(item.text)
    placed = place(parsed, current_stances([item]).get(item.pk, []))
    delegations = acting_delegations(user, conference) if participant else []
    editable = item.version.state == VersionState.DRAFT and rules.can_edit_plan(user, conference)
    brackets = [(b.index, bracket_label(b)) for b in parsed.brackets]
    context = conference_context(request, conference, "plan") | {
        "item": item,
        "version": item.version,
        "text_html": bracketed_html(parsed),
        "parsed": parsed,
        "brackets": [
            BracketStances(b, placed.on_bracket.get(b.index, [])) for b in parsed.brackets
        ],
        "item_stances": placed.on_item,
        "positions": item_positions(user, conference, item.version.number, item.code),
        "linkage_groups": linkage_groups(item),
        "show_history": participant,
        "history": list(history_of(item)) if participant else [],
        "can_resolve": editable,
        "can_set_status": rules.can_edit_plan(user, conference)
        and item.version.state != VersionState.PUBLISHED,
        "position_form": forms.get("position_form")
        or (PositionForm(delegations=delegations, brackets=brackets) if delegations else None),
        "status_form": forms.get("status_form")
        or StatusForm(
            initial={
                "status": item.status if item.status_source == "chair" else "",
                "note": item.status_note,
            }
        ),
        "text_form": forms.get("text_form")
        or (
            ItemTextForm(
                initial={
                    "text": item.text,
                    "expected_revision": item.revision,
                    "started_from": item.text,
                }
            )
            if editable
            else None
        ),
        "conflict": forms.get("conflict"),
        "error": forms.get("error"),
    }
    context |= suggestion_context(request, item)
    return render(request, "accord/item.html", context, status=status)


@domain_errors
def item(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    conference = conference_for(request, slug)
    return item_page(request, conference, item_detail(request.user, conference, number, code))
