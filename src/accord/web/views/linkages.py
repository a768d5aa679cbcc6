"""Linkages in the browser: what a plan version serves (coverage charts of items per SDG goal
and WSIS action line, the targets covered, the items linked to nothing) and the map (a Sankey
chart priority → item → goal or line, filterable, downloadable as SVG or PNG). Reads follow
the plan's visibility (the public sees published versions only). An item's suggested links
and whole-plan runs are in ``link_suggestions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.linkages import queries as suggested
from accord.linkages.rules import can_view_suggestions
from accord.plans.models import PlanVersion
from accord.plans.queries import choose_version, visible_versions
from accord.plans.queries.coverage import coverage
from accord.plans.queries.linkage_map import LinkMap, MapKind, linkage_map
from accord.reference.models import SDG, WSISActionLine
from accord.web.access import conference_for
from accord.web.errors import domain_errors
from accord.web.htmx import vary_on_htmx, wants_fragment
from accord.web.linkage_charts import goal_chart, sankey_chart, standalone_style, wsis_chart
from accord.web.views.context import conference_context
from accord.web.views.link_suggestions import may_suggest

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
        "may_suggest": may_suggest(request.user, version),
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
