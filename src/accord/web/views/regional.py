"""Regional priorities in the browser: each RTO's priorities against the cap, with a form for
those who write them and the secretariat's cap; the view of priorities common to several
regions, each grouping saying why; and a chart of priorities per region, shared or not.

Every write calls ``accord.regional.domain``; a refusal is shown next to the field it names.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.plans.models import PlanItem, PlanVersion
from accord.reference.models import RegionalOrganization
from accord.regional import domain, queries
from accord.regional import rules as regional_rules
from accord.regional.domain.priorities import MAX_CAP
from accord.regional.models import RegionalPriority
from accord.regional.queries.priorities import RtoPriorities
from accord.web.access import conference_for
from accord.web.charts import Bar, StatusChart, stacked_chart
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect
from accord.web.views.context import conference_context


def _newest_version(conference: Conference) -> PlanVersion | None:
    return PlanVersion.objects.filter(plan__conference=conference).order_by("-number").first()


class PriorityForm(forms.Form):
    rto = forms.ModelChoiceField(
        label=gettext_lazy("RTO"), queryset=RegionalOrganization.objects.none()
    )
    code = forms.CharField(label=gettext_lazy("Code"), max_length=20, help_text="e.g. ATU-1")
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea, required=False)
    plan_items = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Plan items it concerns"),
        queryset=PlanItem.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, conference: Conference, writable: set[int], **kw: Any):
        super().__init__(*args, **kw)
        rto: Any = self.fields["rto"]
        rto.queryset = RegionalOrganization.objects.filter(pk__in=writable).order_by("code")
        version = _newest_version(conference)
        items: Any = self.fields["plan_items"]
        items.queryset = (
            version.items.order_by("priority__order", "order", "id")
            if version
            else PlanItem.objects.none()
        )
        items.label_from_instance = lambda item: f"{item.code} {item.text[:70]}"


class PriorityEditForm(forms.Form):
    """A priority's title, text and linked plan items (its RTO and code stay)."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea, required=False)
    plan_items = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Plan items it concerns"),
        queryset=PlanItem.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, priority: RegionalPriority, **kw: Any):
        super().__init__(*args, **kw)
        version = _newest_version(priority.conference)
        linked = [item.pk for item in priority.plan_items.all()]
        items: Any = self.fields["plan_items"]
        # The newest version's items, and those already linked (perhaps of an older version),
        # so saving the form never drops a link the writer did not touch.
        items.queryset = (
            PlanItem.objects.filter(Q(version=version) | Q(pk__in=linked))
            .select_related("version")
            .order_by("version__number", "priority__order", "order", "id")
        )
        items.label_from_instance = lambda item: f"{item.code} {item.text[:70]}"

    @staticmethod
    def initial_for(priority: RegionalPriority) -> dict[str, Any]:
        return {
            "title": priority.title,
            "text": priority.text,
            "plan_items": [item.pk for item in priority.plan_items.all()],
        }


class DelegationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.organization)


class MandateForm(forms.Form):
    rto = forms.ModelChoiceField(
        label=gettext_lazy("RTO"), queryset=RegionalOrganization.objects.order_by("code")
    )
    delegation = DelegationChoice(
        label=gettext_lazy("Delegation acting for it"), queryset=Delegation.objects.none()
    )

    def __init__(self, *args: Any, conference: Conference, **kw: Any):
        super().__init__(*args, **kw)
        delegation: Any = self.fields["delegation"]
        delegation.queryset = (
            Delegation.objects.filter(conference=conference)
            .select_related("organization")
            .order_by("organization__name")
        )


class CapForm(forms.Form):
    cap = forms.IntegerField(
        label=gettext_lazy("Priorities per RTO"), min_value=1, max_value=MAX_CAP
    )


def chart_of(rows: list[RtoPriorities], shared_ids: set[int], *, rtl: bool = False) -> StatusChart:
    """Bars per region (its RTO): priorities shared with another region, then its own only."""
    bars = []
    for row in rows:
        shared = sum(1 for p in row.priorities if p.pk in shared_ids)
        parts = [
            ("shared", str(_("common to several regions")), shared),
            ("own", str(_("this region's only")), len(row.priorities) - shared),
        ]
        bars.append(Bar(code=row.rto.code, title=row.rto.region.name, parts=parts))
    return stacked_chart(bars, rtl=rtl)


def _context(request: HttpRequest, conference: Conference, tab: str) -> dict[str, Any]:
    return conference_context(request, conference, "regional") | {
        "tab": tab,
        "can_manage": regional_rules.can_manage(request.user, conference),
    }


def _page(
    request: HttpRequest,
    conference: Conference,
    *,
    form: PriorityForm | None = None,
    cap_form: CapForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    rows = queries.priorities_by_rto(user, conference)
    writable = {r.rto.pk for r in rows if r.writable}
    common = queries.common_priorities(user, conference)
    manage = regional_rules.can_manage(user, conference)
    context = _context(request, conference, "list") | {
        "rows": rows,
        "cap": domain.cap_of(conference),
        "shared_ids": common.shared_ids,
        "chart": chart_of(rows, common.shared_ids, rtl=get_language_bidi()),
        "form": form
        or (PriorityForm(conference=conference, writable=writable) if writable else None),
        "cap_form": cap_form
        or (CapForm(initial={"cap": domain.cap_of(conference)}) if manage else None),
    }
    return render(request, "accord/regional/list.html", context, status=status)


@domain_errors
@require_GET
def regional_priorities(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, conference_for(request, slug))


@domain_errors
@require_POST
def regional_priority_add(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    writable = regional_rules.rtos_written_by(request.user, conference)
    rules.require(bool(writable), _("Only those who act for an RTO write its priorities."))
    form = PriorityForm(request.POST, conference=conference, writable=writable)
    if form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            made = domain.add_priority(
                user=request.user,
                conference=conference,
                rto=data["rto"],
                code=data["code"],
                title=data["title"],
                text=data["text"],
                plan_items=list(data["plan_items"]),
            )
            messages.success(request, _("Added %(code)s.") % {"code": made.code})
            return redirect(request, reverse("regional_priorities", args=[slug]))
    return _page(request, conference, form=form, status=400)


@domain_errors
@require_POST
def regional_priority_remove(request: HttpRequest, slug: str, priority_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    priority = queries.find_priority(request.user, conference, priority_id)
    domain.remove_priority(user=request.user, priority=priority)
    messages.success(request, _("Removed %(code)s.") % {"code": priority.code})
    return redirect(request, reverse("regional_priorities", args=[slug]))


@domain_errors
@require_POST
def regional_cap(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    form = CapForm(request.POST)
    if form.is_valid():
        with reported_on(form):
            domain.set_cap(user=request.user, conference=conference, cap=form.cleaned_data["cap"])
            messages.success(request, _("Saved the number of priorities per RTO."))
            return redirect(request, reverse("regional_priorities", args=[slug]))
    return _page(request, conference, cap_form=form, status=400)


@domain_errors
@require_GET
def regional_common(request: HttpRequest, slug: str) -> HttpResponse:
    """The groupings of priorities common to several regions, each with its reason."""
    conference = conference_for(request, slug)
    common = queries.common_priorities(request.user, conference)
    context = _context(request, conference, "common") | {"common": common}
    return render(request, "accord/regional/common.html", context)


@domain_errors
@require_http_methods(["GET", "POST"])
def regional_priority_edit(request: HttpRequest, slug: str, priority_id: int) -> HttpResponse:
    """Change a priority's title, text and linked plan items (those who write for its RTO)."""
    conference = conference_for(request, slug)
    priority = queries.find_priority(request.user, conference, priority_id)
    rules.require(
        regional_rules.can_write_for_rto(request.user, conference, priority.rto),
        _("Only the secretariat and the delegations acting for %(rto)s write its priorities.")
        % {"rto": priority.rto.code},
    )
    form = PriorityEditForm(
        request.POST or None, priority=priority, initial=PriorityEditForm.initial_for(priority)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            domain.update_priority(
                user=request.user,
                priority=priority,
                title=data["title"],
                text=data["text"],
                plan_items=list(data["plan_items"]),
            )
            messages.success(request, _("Saved %(code)s.") % {"code": priority.code})
            url = reverse("regional_priorities", args=[slug]) + f"#priority-{priority.pk}"
            return redirect(request, url)
    context = _context(request, conference, "list") | {"form": form, "priority": priority}
    status = 400 if request.method == "POST" else 200
    return render(request, "accord/regional/edit.html", context, status=status)


def _mandates_page(
    request: HttpRequest, conference: Conference, form: MandateForm, status: int = 200
) -> HttpResponse:
    context = _context(request, conference, "mandates") | {
        "mandates": list(queries.mandates_of(request.user, conference)),
        "form": form,
    }
    return render(request, "accord/regional/mandates.html", context, status=status)


@domain_errors
@require_http_methods(["GET", "POST"])
def regional_mandates(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat's list of delegations acting for an RTO, with the form to add one."""
    conference = conference_for(request, slug)
    queries.mandates_of(request.user, conference)  # 403 before reading the form
    form = MandateForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported_on(form):
            domain.mandate_delegation(
                user=request.user, rto=data["rto"], delegation=data["delegation"]
            )
            messages.success(
                request,
                _("%(delegation)s now acts for %(rto)s.")
                % {"delegation": data["delegation"].organization, "rto": data["rto"].code},
            )
            return redirect(request, reverse("rto_mandates", args=[slug]))
    return _mandates_page(request, conference, form, 400 if request.method == "POST" else 200)


@domain_errors
@require_POST
def regional_mandate_revoke(request: HttpRequest, slug: str, mandate_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    mandate = queries.find_mandate(request.user, conference, mandate_id)
    domain.revoke_mandate(user=request.user, mandate=mandate)
    messages.success(
        request,
        _("%(delegation)s no longer acts for %(rto)s.")
        % {"delegation": mandate.delegation.organization, "rto": mandate.rto.code},
    )
    return redirect(request, reverse("rto_mandates", args=[slug]))
