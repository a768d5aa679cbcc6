"""Where consensus stands on the Action Plan (charts, the delegations × brackets matrix, who
stands alone, convergence across versions) and everything one delegation has said.

A large plan has thousands of open brackets: the matrix shows them a page of columns at a
time (``?page=``), of all priorities or one (``?priority=``), so the page stays readable and
quick however large the plan.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _

from accord.conferences.models import Delegation
from accord.core.errors import NotFound
from accord.engines.consensus import Cell, Column, leaning
from accord.negotiation.enums import Stance
from accord.negotiation.queries import Consensus, consensus_of, convergence, delegation_record
from accord.web.access import conference_for
from accord.web.consensus_charts import bracket_chart, convergence_chart
from accord.web.errors import domain_errors
from accord.web.views.context import conference_context

MATRIX_PAGE = 50
"""Brackets (columns) per page of the matrix: a large plan has thousands."""
ALONE_LIMIT = 100
"""Standing-alone entries listed on the page; the API lists them all."""
WIDE = 10
"""Beyond this many columns, the page says the table scrolls sideways."""
HEADER_CHARS = 28

ABBREVIATIONS = {
    Stance.SUPPORT: gettext_lazy("Sup"),
    Stance.OPPOSE: gettext_lazy("Opp"),
    Stance.KEEP: gettext_lazy("Keep"),
    Stance.REMOVE: gettext_lazy("Rem"),
    Stance.INSERT: gettext_lazy("Ins"),
    Stance.MODIFY: gettext_lazy("Mod"),
    Stance.PREFER_OPTION: gettext_lazy("Opt"),
    Stance.ALTERNATIVE: gettext_lazy("Alt"),
    Stance.MERGE_MOVE: gettext_lazy("Move"),
    Stance.RESERVATION: gettext_lazy("Res"),
    Stance.OTHER: gettext_lazy("Oth"),
}


def _number(request: HttpRequest, name: str) -> int | None:
    """``?name=N``; a malformed number is a page that is not there."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404(f"No such {name}.")
    return int(raw)


def stance_label(stance: str, option: int | None = None) -> str:
    label = str(Stance(stance).label) if stance in Stance.values else stance
    return f"{label} ({option})" if option is not None else label


@dataclass(frozen=True)
class StanceCell:
    abbreviation: str
    title: str
    leaning: str
    whole_item: bool


def stance_cell(cell: Cell) -> StanceCell:
    """Abbreviated for the grid; the title and the hidden text say it in full."""
    abbreviation = str(ABBREVIATIONS.get(cell.stance, cell.stance))  # type: ignore[call-overload]
    if cell.option is not None:
        abbreviation = f"{abbreviation} {cell.option}"
    title = stance_label(cell.stance, cell.option)
    if cell.detail:
        title = f"{title}: {cell.detail}"
    if cell.whole_item:
        title = _("%(stance)s (on the whole item)") % {"stance": title}
    return StanceCell(abbreviation, title, leaning(cell.stance).value, cell.whole_item)


@dataclass(frozen=True)
class Group:
    item: str
    span: int


@dataclass(frozen=True)
class Header:
    column: Column
    short: str


@dataclass(frozen=True)
class Row:
    name: str
    delegation_id: int | None
    cells: list[StanceCell | None]


@dataclass(frozen=True)
class MatrixTable:
    priority: str
    """The priority shown, or "" for all."""
    page: int
    pages: int
    first: int
    """1-based number of the first column shown, among ``total``."""
    total: int
    groups: list[Group]
    headers: list[Header]
    rows: list[Row]

    @property
    def last(self) -> int:
        return self.first + len(self.headers) - 1

    @property
    def wide(self) -> bool:
        return len(self.headers) > WIDE


def matrix_table(data: Consensus, priority: str, page: int) -> MatrixTable:
    """Page ``page`` of the columns of ``priority`` (all priorities when empty), with only the
    delegations that said something on them; Http404 past the last page."""
    matrix = data.matrix
    chosen = [n for n, code in enumerate(data.column_priority) if not priority or code == priority]
    pages = max(1, -(-len(chosen) // MATRIX_PAGE))
    if not 1 <= page <= pages:
        raise Http404("No such page of the matrix.")
    numbers = chosen[(page - 1) * MATRIX_PAGE : page * MATRIX_PAGE]
    groups: list[Group] = []
    for n in numbers:
        item = matrix.columns[n].item
        if groups and groups[-1].item == item:
            groups[-1] = Group(item, groups[-1].span + 1)
        else:
            groups.append(Group(item, 1))
    rows = []
    for name in matrix.delegations:
        cells = [matrix.cells.get((name, n)) for n in numbers]
        if any(cells):
            rows.append(
                Row(
                    name,
                    data.delegation_ids.get(name),
                    [stance_cell(cell) if cell else None for cell in cells],
                )
            )
    headers = [Header(matrix.columns[n], _shorten(matrix.columns[n].text)) for n in numbers]
    first = (page - 1) * MATRIX_PAGE + 1
    return MatrixTable(priority, page, pages, first, len(chosen), groups, headers, rows)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= HEADER_CHARS:
        return text
    return text[: HEADER_CHARS - 2].rstrip() + "…]"


@domain_errors
def consensus(request: HttpRequest, slug: str) -> HttpResponse:
    conference = conference_for(request, slug)
    number = _number(request, "v")
    context = conference_context(request, conference, "consensus")
    try:
        data = consensus_of(request.user, conference, number)
    except NotFound:
        if number is not None:
            raise
        return render(request, "accord/consensus/consensus.html", context)
    priority = request.GET.get("priority", "").strip()
    if priority and priority not in {p.code for p in data.priorities}:
        raise Http404("No such priority.")
    with_brackets = Counter(data.column_priority)
    page = _number(request, "page")
    points = convergence(request.user, conference)
    rtl = get_language_bidi()
    context |= {
        "data": data,
        "version": data.version,
        "chart": bracket_chart(data.priorities, rtl=rtl),
        "points": points,
        "line_chart": convergence_chart(points, rtl=rtl),
        "table": matrix_table(data, priority, 1 if page is None else page),
        "matrix_priorities": [
            (p.code, with_brackets[p.code]) for p in data.priorities if with_brackets[p.code]
        ],
        "alone": [
            (entry, data.delegation_ids.get(entry.delegation), stance_cell(entry.cell))
            for entry in data.alone[:ALONE_LIMIT]
        ],
        "alone_more": max(0, len(data.alone) - ALONE_LIMIT),
    }
    return render(request, "accord/consensus/consensus.html", context)


@domain_errors
def delegation(request: HttpRequest, slug: str, delegation_id: int) -> HttpResponse:
    conference = conference_for(request, slug)
    found = (
        Delegation.objects.filter(conference=conference, pk=delegation_id)
        .select_related("organization")
        .first()
    )
    if found is None:
        raise Http404("No such delegation.")
    context = conference_context(request, conference, "consensus") | {
        "delegation": found,
        "record": delegation_record(request.user, conference, found),
    }
    return render(request, "accord/consensus/delegation.html", context)
