"""Linkages in the browser: what a plan version serves (coverage charts of items per SDG goal
and WSIS action line, the targets covered, the items linked to nothing), the map (a Sankey
chart priority → item → goal or line, filterable, downloadable as SVG or PNG), an item's
suggested links with their evidence (accept or reject), and suggesting links for the whole
plan as a background run with a progress page.

Reads follow the plan's visibility (the public sees published versions only); suggestions
are seen and judged by whom ``accord.linkages.rules`` allows. Every write calls
``accord.linkages.domain``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language_bidi, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.linkages import domain as suggesting
from accord.linkages import queries as suggested
from accord.linkages.models import LinkSuggestion
from accord.linkages.rules import can_judge_suggestions, can_view_suggestions
from accord.plans.enums import LinkageType, VersionState
from accord.plans.models import PlanItem, PlanVersion
from accord.plans.queries import choose_version, item_detail, visible_versions
from accord.plans.queries.coverage import coverage
from accord.plans.queries.linkage_map import LinkMap, MapKind, linkage_map
from accord.reference.models import SDG, SDGTarget, WSISActionLine
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.linkage_charts import goal_chart, sankey_chart, standalone_style, wsis_chart
from accord.web.views.context import conference_context

SECTION = "linkages"
KIND_LABELS = {"sdg": gettext_lazy("SDG goals"), "wsis": gettext_lazy("WSIS action lines")}


def _number(request: HttpRequest) -> int | None:
    """``?v=N``; a malformed number is a version that is not there."""
    raw = request.GET.get("v", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404("No such version.")
    return int(raw)


def _versions(request: HttpRequest, conference: Conference) -> tuple[list[PlanVersion], Any]:
    """The versions the user may read, and the one asked for (``?v=``) or the newest; the
    second is None when the user may read none and asked for none (an empty page)."""
    versions = list(visible_versions(request.user, conference))
    number = _number(request)
    try:
        return versions, choose_version(conference, versions, number)
    except NotFound:
        if number is not None:
            raise
        return versions, None


def _may_suggest(user: Any, version: PlanVersion) -> bool:
    return version.state == VersionState.DRAFT and can_judge_suggestions(user, version)


# --- Coverage -------------------------------------------------------------------------------


@domain_errors
@require_GET
def linkage_coverage(request: HttpRequest, slug: str) -> HttpResponse:
    """Which goals, targets and action lines a version serves, and which items serve none."""
    conference = conference_for(request, slug)
    versions, version = _versions(request, conference)
    context = conference_context(request, conference, SECTION) | {"versions": versions}
    if version is None:
        return render(request, "accord/linkages/coverage.html", context)
    data = coverage(version)
    rtl = get_language_bidi()
    sees_runs = can_view_suggestions(request.user, version)
    context |= {
        "version": version,
        "coverage": data,
        "goal_chart": goal_chart(data.goals, rtl=rtl),
        "wsis_chart": wsis_chart(data.wsis, rtl=rtl),
        "may_suggest": _may_suggest(request.user, version),
        "run": suggested.latest_run(version) if sees_runs else None,
        "png_names": {
            kind: f"{conference.slug}-{kind}-coverage-v{version.number}.png"
            for kind in ("sdg", "wsis")
        },
    }
    return render(request, "accord/linkages/coverage.html", context)


# --- Map --------------------------------------------------------------------------------------


class MapForm(forms.Form):
    """The map's filters; choices are those of the version shown."""

    v = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(
        label=gettext_lazy("Show links to"), choices=list(KIND_LABELS.items()), required=False
    )
    priority = forms.ChoiceField(label=gettext_lazy("Priority"), required=False)
    goal = forms.TypedChoiceField(
        label=gettext_lazy("SDG goal"), coerce=int, empty_value=None, required=False
    )
    line = forms.ChoiceField(label=gettext_lazy("WSIS action line"), required=False)

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self._choose("priority").choices = every + [
            (code, f"{code} {title}")
            for code, title in version.priorities.order_by("order", "id").values_list(
                "code", "title"
            )
        ]
        self._choose("goal").choices = every + [
            (str(number), f"SDG {number} {name}")
            for number, name in SDG.objects.order_by("number").values_list("number", "short_name")
        ]
        self._choose("line").choices = every + [
            (code, f"{code} {title}")
            for code, title in WSISActionLine.objects.order_by("number").values_list(
                "code", "title"
            )
        ]

    def _choose(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])


@dataclass(frozen=True)
class MapFilters:
    kind: MapKind
    priority: str | None
    goal: int | None
    line: str | None

    def query(self, version: PlanVersion) -> str:
        """The filters as a query string, for the download links of the map shown."""
        parts = [f"v={version.number}", f"kind={self.kind}"]
        if self.priority:
            parts.append(f"priority={self.priority}")
        if self.goal is not None and self.kind == "sdg":
            parts.append(f"goal={self.goal}")
        if self.line and self.kind == "wsis":
            parts.append(f"line={self.line}")
        return "&".join(parts)


def _map_filters(form: MapForm, *, strict: bool) -> tuple[MapFilters, str]:
    """The filters of a bound form, and what was left out: a choice the version does not
    offer (a priority of another version) is dropped with a notice, or, when ``strict``,
    is a map that is not there."""
    valid = form.is_valid()
    if not valid and strict:
        raise Http404(f"No such {next(iter(form.errors))} for the map.")
    data = form.cleaned_data
    kind: MapKind = "wsis" if data.get("kind") == "wsis" else "sdg"
    dropped = (
        ""
        if valid
        else _("Not offered for this version, so left out: %(fields)s.")
        % {
            "fields": ", ".join(
                str(form.fields[name].label) for name in form.errors if name in form.fields
            )
        }
    )
    filters = MapFilters(
        kind=kind,
        priority=data.get("priority") or None,
        goal=data.get("goal") if kind == "sdg" else None,
        line=(data.get("line") or None) if kind == "wsis" else None,
    )
    return filters, dropped


@dataclass(frozen=True)
class MapRow:
    priority: str
    item: str
    targets: list[str]


def map_rows(link_map: LinkMap) -> list[MapRow]:
    """The map as a table: each item shown with its priority and what it serves."""
    labels = {node.key: node.label for node in link_map.nodes}
    priority_of = {f.target: labels[f.source] for f in link_map.flows if f.source.startswith("p:")}
    targets: dict[str, list[str]] = {}
    for flow in link_map.flows:
        if flow.source.startswith("i:"):
            targets.setdefault(flow.source, []).append(labels[flow.target])
    return [MapRow(priority_of[key], labels[key], served) for key, served in targets.items()]


def _map_of(version: PlanVersion, filters: MapFilters) -> LinkMap:
    return linkage_map(
        version,
        priority=filters.priority,
        goal=filters.goal,
        line=filters.line,
        kind=filters.kind,
    )


def _chart(link_map: LinkMap) -> Any:
    headings = (_("Priorities"), _("Outcomes and outputs"), str(KIND_LABELS[link_map.kind]))
    return sankey_chart(link_map, headings=headings, rtl=get_language_bidi())


def _map_version(request: HttpRequest, slug: str) -> tuple[Conference, list[PlanVersion], Any]:
    conference = conference_for(request, slug)
    versions, version = _versions(request, conference)
    return conference, versions, version


@domain_errors
@require_GET
def linkage_map_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The map, filtered by a GET form; an htmx request gets the chart alone."""
    conference, versions, version = _map_version(request, slug)
    context = conference_context(request, conference, SECTION) | {"versions": versions}
    if version is None:
        return render(request, "accord/linkages/map.html", context)
    form = MapForm(request.GET or None, version=version)
    filters, dropped = MapFilters("sdg", None, None, None), ""
    if form.is_bound:
        filters, dropped = _map_filters(form, strict=False)
    else:
        form = MapForm(initial={"kind": "sdg"}, version=version)
    link_map = _map_of(version, filters)
    rows = map_rows(link_map)
    context |= {
        "version": version,
        "form": form,
        "filters": filters,
        "error": dropped,
        "query": filters.query(version),
        "link_map": link_map,
        "map_rows": rows,
        "links_shown": sum(len(row.targets) for row in rows),
        "chart": _chart(link_map),
        "kind_label": KIND_LABELS[filters.kind],
    }
    if wants_fragment(request):
        return vary_on_htmx(render(request, "accord/linkages/_map_region.html", context))
    return vary_on_htmx(render(request, "accord/linkages/map.html", context))


@domain_errors
@require_GET
def linkage_map_svg(request: HttpRequest, slug: str) -> HttpResponse:
    """The map as a standalone SVG file, styled like the page without its stylesheet."""
    conference, _versions_read, version = _map_version(request, slug)
    if version is None:
        raise Http404("No version of the Action Plan is available to you.")
    filters, _dropped = _map_filters(MapForm(request.GET, version=version), strict=True)
    link_map = _map_of(version, filters)
    body = render_to_string(
        "accord/linkages/_sankey_svg.html",
        {
            "chart": _chart(link_map),
            "map_rows": map_rows(link_map),
            "standalone": True,
            "style": standalone_style(),
            "conference": conference,
            "version": version,
        },
        request=request,
    )
    response = HttpResponse(body, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True,
        filename=f"{conference.slug}-linkage-map-v{version.number}-{filters.kind}.svg",
    )
    patch_cache_control(response, private=True)
    return response


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
        "may_judge": _may_suggest(request.user, version),
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
