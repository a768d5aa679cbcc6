"""Contributions in the browser: the list of a version's contributions, writing one (its
amendments, then submitting it), and the chair's merge page, where amendments are accepted or
rejected and the accepted ones merged into a new version. Every write calls a domain function
in ``accord.negotiation.domain``; a refusal is shown next to the field it concerns."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError, NotAllowed
from accord.negotiation import domain
from accord.negotiation.enums import AmendmentKind, ContributionState, Decision
from accord.negotiation.queries import (
    contributions_of,
    find_amendment,
    find_contribution,
    merge_board,
)
from accord.negotiation.queries.contributions import BoardEntry, delegations_for, redline
from accord.negotiation.rules import (
    can_edit_contribution,
    can_submit_contribution,
)
from accord.plans.enums import ItemKind
from accord.plans.models import PlanItem, PlanVersion, Priority
from accord.plans.queries import current_version
from accord.reference.models import RegionalOrganization
from accord.web.access import conference_for
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context

# --- Forms: they check the shape of the input; the domain decides the rest -----------------


class DelegationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.organization)


class DelegationsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.organization)


class ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        text = obj.text if len(obj.text) <= 80 else obj.text[:79] + "…"
        return f"{obj.code} – {text}"


class PriorityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.title}"


class ContributionForm(forms.Form):
    delegation = DelegationChoice(
        label=gettext_lazy("Submitted by"), queryset=Delegation.objects.none()
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    reference = forms.CharField(
        label=gettext_lazy("Reference (optional)"),
        help_text=gettext_lazy("The document's symbol, e.g. WTDC-27/12."),
        required=False,
        max_length=60,
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    cosponsors = DelegationsChoice(
        label=gettext_lazy("Co-sponsors (optional)"),
        help_text=gettext_lazy("Their members see and write the draft with you."),
        queryset=Delegation.objects.none(),
        required=False,
    )
    on_behalf_of = forms.ModelChoiceField(
        label=gettext_lazy("Common proposal of (optional)"),
        help_text=gettext_lazy("The RTO whose region proposes it."),
        queryset=RegionalOrganization.objects.select_related("region"),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = delegations_for(user, conference)
        self.fields["delegation"].queryset = own
        if len(own) == 1:
            self.fields["delegation"].initial = own[0]
        self.fields["cosponsors"].queryset = Delegation.objects.filter(
            conference=conference
        ).select_related("organization")


class AmendmentForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Change"), choices=AmendmentKind.choices)
    item = ItemChoice(
        label=gettext_lazy("Item"),
        help_text=gettext_lazy("The item to modify, delete or move."),
        queryset=PlanItem.objects.none(),
        to_field_name="code",
        required=False,
    )
    text = forms.CharField(
        label=gettext_lazy("Proposed text"),
        help_text=gettext_lazy("For a modification or a new item."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    priority = PriorityChoice(
        label=gettext_lazy("Priority"),
        help_text=gettext_lazy("Where a moved or new item goes."),
        queryset=Priority.objects.none(),
        to_field_name="code",
        required=False,
    )
    item_code = forms.CharField(
        label=gettext_lazy("New item's identifier"), max_length=20, required=False
    )
    item_kind = forms.ChoiceField(
        label=gettext_lazy("New item's kind"),
        choices=[("", "—"), *ItemKind.choices],
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Explanation (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = version.items.order_by("priority__order", "order", "id")
        self.fields["priority"].queryset = version.priorities.order_by("order", "id")


class ItemTextForm(forms.Form):
    """Start a modification from the item's current text (a GET form: nothing is written)."""

    item = ItemChoice(
        label=gettext_lazy("Item to modify"),
        queryset=PlanItem.objects.none(),
        to_field_name="code",
    )

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = version.items.order_by("priority__order", "order", "id")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices)
    note = forms.CharField(required=False, max_length=2000)


# --- Pages ------------------------------------------------------------------------------------


@domain_errors
@require_http_methods(["GET", "POST"])
def contributions(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The contributions to a version the user may see, and a form to start one."""
    conference = conference_for(request, slug)
    version = current_version(request.user, conference, number)
    may_write = request.user.is_authenticated and delegations_for(request.user, conference).exists()
    form = ContributionForm(user=request.user, conference=conference) if may_write else None
    if request.method == "POST":
        rules.require(may_write, _("Only delegates, chairs and the secretariat contribute."))
        form = ContributionForm(request.POST, user=request.user, conference=conference)
        if form.is_valid():
            with reported_on(form):
                contribution = domain.create_contribution(
                    user=request.user, version=version, **form.cleaned_data
                )
                messages.success(
                    request, _("Draft created: only its authors see it until it is submitted.")
                )
                return redirect(request, reverse("contribution", args=[slug, contribution.pk]))
    context = conference_context(request, conference, "plan") | {
        "version": version,
        "contributions": contributions_of(request.user, version),
        "form": form,
        "can_merge": rules.can_edit_plan(request.user, conference),
    }
    return render(request, "accord/contributions/list.html", context)


def _amendment_form_initial(request: HttpRequest, version: PlanVersion) -> dict[str, Any]:
    """``?item=CODE`` starts a modification prefilled with the item's current text."""
    code = request.GET.get("item", "").strip()
    item = version.items.filter(code=code).first() if code else None
    if item is None:
        return {"kind": AmendmentKind.MODIFY}
    return {"kind": AmendmentKind.MODIFY, "item": item.code, "text": item.text}


@domain_errors
@require_http_methods(["GET", "POST"])
def contribution(request: HttpRequest, slug: str, contribution_id: int) -> HttpResponse:
    """One contribution with its amendments as redlines; its authors add amendments here."""
    conference = conference_for(request, slug)
    found = find_contribution(request.user, conference, contribution_id)
    version = found.version
    editable = can_edit_contribution(request.user, found)
    form = None
    if editable:
        form = AmendmentForm(initial=_amendment_form_initial(request, version), version=version)
    if request.method == "POST":
        rules.require(editable, _("Only the authors of a draft change it."))
        form = AmendmentForm(request.POST, version=version)
        if form.is_valid():
            with reported_on(form):
                domain.add_amendment(user=request.user, contribution=found, **form.cleaned_data)
                messages.success(request, _("Amendment added."))
                return redirect(request, reverse("contribution", args=[slug, found.pk]))
    context = conference_context(request, conference, "plan") | {
        "version": version,
        "contribution": found,
        "form": form,
        "item_form": (
            ItemTextForm(
                initial={"item": request.GET.get("item")}, version=version, auto_id="start_%s"
            )
            if editable
            else None
        ),
        "can_submit": found.state == ContributionState.DRAFT
        and can_submit_contribution(request.user, found),
        "can_withdraw": found.state != ContributionState.WITHDRAWN
        and can_submit_contribution(request.user, found),
    }
    return render(request, "accord/contributions/detail.html", context)


def _state_change(request: HttpRequest, slug: str, contribution_id: int, action: Any) -> Any:
    conference = conference_for(request, slug)
    found = find_contribution(request.user, conference, contribution_id)
    try:
        action(user=request.user, contribution=found)
    except NotAllowed:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(request, reverse("contribution", args=[slug, found.pk]))


@domain_errors
@require_POST
def contribution_submit(request: HttpRequest, slug: str, contribution_id: int) -> HttpResponse:
    return _state_change(request, slug, contribution_id, domain.submit_contribution)


@domain_errors
@require_POST
def contribution_withdraw(request: HttpRequest, slug: str, contribution_id: int) -> HttpResponse:
    return _state_change(request, slug, contribution_id, domain.withdraw_contribution)


@domain_errors
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The chair's board: competing amendments together, a decision per amendment, and the
    merge of the accepted ones into a new version (then the redline from this one)."""
    conference = conference_for(request, slug)
    version = current_version(request.user, conference, number)
    board = merge_board(request.user, version)
    problem = ""
    if request.method == "POST":
        try:
            merged = domain.merge_contributions(
                user=request.user, version=version, label=request.POST.get("label", "")
            )
        except NotAllowed:
            raise
        except DomainError as error:
            problem = error.message
        else:
            messages.success(
                request,
                _("Version %(number)d was created with the accepted amendments.")
                % {"number": merged.number},
            )
            url = reverse("plan_compare", args=[slug])
            return redirect(request, f"{url}?from={version.number}&to={merged.number}")
    context = conference_context(request, conference, "plan") | {
        "version": version,
        "board": board,
        "problem": problem,
    }
    return render(request, "accord/contributions/merge.html", context)


@domain_errors
@require_POST
def amendment_decide(request: HttpRequest, slug: str, amendment_id: int) -> HttpResponse:
    """Accept, reject or reset one amendment; htmx swaps the board entry, else back to the
    board."""
    conference = conference_for(request, slug)
    amendment = find_amendment(request.user, conference, amendment_id)
    version = amendment.contribution.version
    form = DecisionForm(request.POST)
    problem = ""
    if not form.is_valid():
        problem = _("Choose accept, reject or pending.")
    else:
        try:
            domain.decide_amendment(user=request.user, amendment=amendment, **form.cleaned_data)
        except NotAllowed:
            raise
        except DomainError as error:
            problem = error.message
    if not wants_fragment(request):
        if problem:
            messages.error(request, problem)
        return redirect(request, reverse("merge", args=[slug, version.number]))
    board = merge_board(request.user, version)  # the entry with what it competes with
    entry = next(
        (e for g in board.groups for e in g.entries if e.amendment.pk == amendment.pk),
        BoardEntry(amendment, redline(amendment)),  # merged meanwhile: no longer on the board
    )
    context = conference_context(request, conference, "plan") | {
        "version": version,
        "entry": entry,
        "entry_problem": problem,
    }
    return vary_on_htmx(render(request, "accord/contributions/merge.html#board-entry", context))
