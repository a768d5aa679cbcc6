"""An item's suggested links in the browser, with their evidence (accept or reject), and
suggesting links for the whole plan as a background run with a progress page. Suggestions
are seen and judged by whom ``accord.linkages.rules`` allows; every write calls
``accord.linkages.domain``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed
from accord.linkages import domain as suggesting
from accord.linkages import queries as suggested
from accord.linkages.models import LinkSuggestion
from accord.linkages.rules import can_judge_suggestions, can_view_suggestions
from accord.plans.enums import LinkageType, VersionState
from accord.plans.models import PlanItem, PlanVersion
from accord.plans.queries import choose_version, item_detail, visible_versions
from accord.reference.models import SDG, SDGTarget, WSISActionLine
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context

SECTION = "linkages"


def may_suggest(user: Any, version: PlanVersion) -> bool:
    """Suggestions are asked for and judged on drafts, by whom the rules allow."""
    return version.state == VersionState.DRAFT and can_judge_suggestions(user, version)


# --- An item's suggested links ------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    matched: bool


@dataclass(frozen=True)
class SuggestionRow:
    suggestion: LinkSuggestion
    label: str
    """``SDG 4``, ``SDG target 4.4``, ``WSIS C4``."""
    name: str
    """The goal's name, the target's text (when imported) or the action line's title."""
    percent: int
    evidence: list[str]
    segments: list[Segment]
    """The item's text with the evidence phrases marked."""


def highlight(text: str, phrases: list[str]) -> list[Segment]:
    """``text`` cut into plain and matched segments: every occurrence of each phrase, ignoring
    case; overlapping matches merge."""
    spans: list[tuple[int, int]] = []
    for phrase in {p.strip() for p in phrases if p.strip()}:
        for found in re.finditer(re.escape(phrase), text, re.IGNORECASE):
            spans.append(found.span())
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments, at = [], 0
    for start, end in merged:
        if start > at:
            segments.append(Segment(text[at:start], False))
        segments.append(Segment(text[start:end], True))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], False))
    return segments


def suggestion_rows(item: PlanItem, suggestions: list[LinkSuggestion]) -> list[SuggestionRow]:
    """Each suggestion with its target named and its evidence marked in the item's text;
    three queries when there are suggestions, none otherwise."""
    if not suggestions:
        return []
    goals = dict(SDG.objects.values_list("number", "short_name"))
    lines = dict(WSISActionLine.objects.values_list("code", "title"))
    codes = [s.target for s in suggestions if s.type == LinkageType.SDG_TARGET]
    targets = dict(SDGTarget.objects.filter(code__in=codes).values_list("code", "description"))
    rows = []
    for suggestion in suggestions:
        target = suggestion.target
        if suggestion.type == LinkageType.SDG:
            label = f"SDG {target}"
            name = goals.get(int(target), "") if target.isdigit() else ""
        elif suggestion.type == LinkageType.SDG_TARGET:
            label, name = _("SDG target %(code)s") % {"code": target}, targets.get(target, "")
        else:
            label, name = f"WSIS {target}", lines.get(target, "")
        evidence = [str(e) for e in suggestion.evidence or []]
        rows.append(
            SuggestionRow(
                suggestion=suggestion,
                label=label,
                name=name,
                percent=round(100 * suggestion.score),
                evidence=evidence,
                segments=highlight(item.text, evidence),
            )
        )
    return rows


def suggestion_context(request: HttpRequest, item: PlanItem) -> dict[str, Any]:
    """What the item page's "Suggested links" panel needs; nothing for whom may not see it."""
    version = item.version
    if not can_view_suggestions(request.user, version):
        return {"suggestions_shown": False}
    return {
        "suggestions_shown": True,
        "suggestion_rows": suggestion_rows(item, suggested.pending_suggestions(item)),
        "may_judge": may_suggest(request.user, version),
    }


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why (optional)"), max_length=2000, required=False, strip=True
    )


def _item(request: HttpRequest, slug: str, number: int, code: str) -> PlanItem:
    """The item, if the user may read its version and see its suggestions (403 otherwise)."""
    conference = conference_for(request, slug)
    item = item_detail(request.user, conference, number, code)
    suggested.require_viewer(request.user, item.version)
    return item


def _panel(
    request: HttpRequest, slug: str, item: PlanItem, *, done: str = "", error: str = ""
) -> HttpResponse:
    """After a change: htmx gets the panel and the item's links (swapped out of band); a plain
    form post is sent back to the item page with the message."""
    if not wants_fragment(request):
        if error:
            messages.error(request, error)
        elif done:
            messages.success(request, done)
        url = reverse("item", args=[slug, item.version.number, item.code])
        return redirect(request, f"{url}#suggestions-heading")
    fresh = item_detail(request.user, item.version.plan.conference, item.version.number, item.code)
    from accord.web.views.item import linkage_groups

    context = conference_context(request, fresh.version.plan.conference, "plan") | {
        "item": fresh,
        "version": fresh.version,
        "linkage_groups": linkage_groups(fresh),
        "suggestions_done": done,
        "suggestions_error": error,
        "oob": True,
        **suggestion_context(request, fresh),
    }
    # A refusal is shown in the panel: htmx swaps only successful answers.
    return vary_on_htmx(render(request, "accord/linkages/_suggestions_response.html", context))


def _attempt(call: Callable[[], Any]) -> tuple[Any, str]:
    """Run a domain write: its result, or the message of its refusal (a refusal of permission
    still propagates and answers 403)."""
    try:
        return call(), ""
    except NotAllowed:
        raise
    except DomainError as refusal:
        return None, refusal.message


@domain_errors
@require_POST
def item_suggest(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    """Ask the engine for links of one item."""
    item = _item(request, slug, number, code)
    found, error = _attempt(lambda: suggesting.suggest_links(user=request.user, item=item))
    if error:
        return _panel(request, slug, item, error=error)
    if found:
        done = ngettext("%(count)d link suggested.", "%(count)d links suggested.", len(found)) % {
            "count": len(found)
        }
    else:
        done = _("No link is suggested with enough confidence.")
    return _panel(request, slug, item, done=done)


@domain_errors
@require_POST
def suggestion_accept(
    request: HttpRequest, slug: str, number: int, code: str, suggestion_id: int
) -> HttpResponse:
    item = _item(request, slug, number, code)
    suggestion = suggested.find_suggestion(item, suggestion_id)
    _linkage, error = _attempt(
        lambda: suggesting.accept_suggestion(user=request.user, suggestion=suggestion)
    )
    done = _("Linked to %(type)s %(target)s.") % {
        "type": suggestion.get_type_display(),
        "target": suggestion.target,
    }
    return _panel(request, slug, item, done="" if error else done, error=error)


@domain_errors
@require_POST
def suggestion_reject(
    request: HttpRequest, slug: str, number: int, code: str, suggestion_id: int
) -> HttpResponse:
    item = _item(request, slug, number, code)
    suggestion = suggested.find_suggestion(item, suggestion_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _panel(request, slug, item, error=" ".join(str(e) for e in form.errors["reason"]))
    _rejected, error = _attempt(
        lambda: suggesting.reject_suggestion(
            user=request.user, suggestion=suggestion, reason=form.cleaned_data["reason"]
        )
    )
    done = _("Rejected %(type)s %(target)s; it will not be suggested again.") % {
        "type": suggestion.get_type_display(),
        "target": suggestion.target,
    }
    return _panel(request, slug, item, done="" if error else done, error=error)


# --- Suggesting for the whole plan ----------------------------------------------------------


@domain_errors
@require_POST
def linkage_run_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start suggesting links for every item of the version (``v`` in the form)."""
    conference = conference_for(request, slug)
    raw = request.POST.get("v", "").strip()
    if not raw.isdigit():
        raise Http404("No such version.")
    version = choose_version(conference, list(visible_versions(request.user, conference)), int(raw))
    run, error = _attempt(
        lambda: suggesting.start_suggestion_run(user=request.user, version=version)
    )
    if error:
        messages.error(request, error)
        url = reverse("linkage_coverage", args=[slug])
        return redirect(request, f"{url}?v={version.number}")
    return redirect(request, reverse("linkage_run", args=[slug, version.number, run.pk]))


def _run(request: HttpRequest, slug: str, number: int, run_id: int) -> tuple[Conference, Any]:
    conference = conference_for(request, slug)
    version = choose_version(conference, list(visible_versions(request.user, conference)), number)
    suggested.require_viewer(request.user, version)
    return conference, suggested.find_run(version, run_id)


@dataclass(frozen=True)
class PendingItem:
    code: str
    text: str
    count: int
    best: list[str]


def _pending_items(version: PlanVersion) -> list[PendingItem]:
    """Items with pending suggestions, in plan order, each with its three best: two queries."""
    pending = suggested.pending_by_item(version)
    if not pending:
        return []
    rows = (
        PlanItem.objects.filter(pk__in=list(pending))
        .order_by("priority__order", "priority_id", "order", "id")
        .values_list("pk", "code", "text")
    )
    return [
        PendingItem(
            code,
            text,
            len(pending[pk]),
            [f"{s.get_type_display()} {s.target}" for s in pending[pk][:3]],
        )
        for pk, code, text in rows
    ]


@domain_errors
@require_GET
def linkage_run(request: HttpRequest, slug: str, number: int, run_id: int) -> HttpResponse:
    """A run's progress while it runs; then the items with suggestions to judge."""
    conference, run = _run(request, slug, number, run_id)
    progress = suggested.run_progress(run)
    context = conference_context(request, conference, SECTION) | {
        "version": run.version,
        "run": run,
        "progress": progress,
        "pending": _pending_items(run.version) if progress.state == "done" else [],
    }
    return render(request, "accord/linkages/run.html", context)


@domain_errors
@require_GET
def linkage_run_progress(request: HttpRequest, slug: str, number: int, run_id: int) -> HttpResponse:
    """The progress bar, polled by htmx; once the run ends, htmx reloads the whole page."""
    conference, run = _run(request, slug, number, run_id)
    progress = suggested.run_progress(run)
    response = render(
        request,
        "accord/linkages/_run_progress.html",
        {"conference": conference, "version": run.version, "run": run, "progress": progress},
    )
    if progress.finished and wants_fragment(request):
        response["HX-Refresh"] = "true"
    return vary_on_htmx(response)
