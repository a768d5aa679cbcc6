"""Reads of streamlining: corpora, runs, and a finished run's clusters as the page shows them.

A run keeps every pair the engine found; pairs dismissed since (in this run or an earlier one)
are left out here, when read, so a dismissal takes effect at once and in every later run, and
clusters are the connected groups of the pairs that remain.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.engines import overlap
from accord.streamlining.models import AnalysisRun, Corpus, Dismissal

Key = tuple[str, str]
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def pair_key(a: str, b: str) -> Key:
    """Pairs are named in sorted order, whichever way round they were found."""
    return (a, b) if a < b else (b, a)


def corpora_of(conference: Conference) -> QuerySet[Corpus]:
    return Corpus.objects.filter(conference=conference).annotate(n_texts=Count("texts"))


def runs_of(conference: Conference) -> QuerySet[AnalysisRun]:
    return AnalysisRun.objects.filter(conference=conference).select_related("version", "created_by")


def find_run(conference: Conference, run_id: int) -> AnalysisRun:
    run = (
        AnalysisRun.objects.filter(conference=conference, pk=run_id)
        .select_related("version__plan__conference", "conference")
        .first()
    )
    if run is None:
        raise NotFound(
            gettext("%(conference)s has no analysis %(run_id)s.")
            % {"conference": conference, "run_id": run_id},
            field="run",
        )
    return run


def find_dismissal(conference: Conference, dismissal_id: int) -> Dismissal:
    dismissal = Dismissal.objects.filter(conference=conference, pk=dismissal_id).first()
    if dismissal is None:
        raise NotFound(
            gettext("%(conference)s has no dismissed pair %(dismissal_id)s.")
            % {"conference": conference, "dismissal_id": dismissal_id},
            field="dismissal",
        )
    return dismissal


def dismissals_of(conference: Conference) -> dict[Key, Dismissal]:
    return {
        (d.text_a, d.text_b): d
        for d in Dismissal.objects.filter(conference=conference).select_related("dismissed_by")
    }


@dataclass(frozen=True)
class Segment:
    """A piece of a text: ``shared`` with the other text, ``only`` in this one, or plain."""

    text: str
    kind: str = ""


@dataclass(frozen=True)
class PairView:
    a: str
    b: str
    score: float
    shared: list[str]
    a_segments: list[Segment] = field(default_factory=list)
    b_segments: list[Segment] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return pair_key(self.a, self.b)


@dataclass(frozen=True)
class TextView:
    id: str
    text: str
    kind: str
    source: str
    is_item: bool


@dataclass(frozen=True)
class ClusterView:
    index: int
    texts: list[TextView]
    pairs: list[PairView]

    @property
    def n_items(self) -> int:
        return sum(1 for t in self.texts if t.is_item)


@dataclass(frozen=True)
class DismissedView:
    pair: Mapping[str, Any]
    dismissal: Dismissal


def _components(pairs: list[Mapping[str, Any]], order: Mapping[str, int]) -> list[list[str]]:
    """Connected groups of texts linked by pairs, each in corpus order; groups by their best
    pair's score, highest first (pairs come sorted by score)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[root(pair["a"])] = root(pair["b"])
    groups: dict[str, list[str]] = {}
    for pair in pairs:  # first seen = best score
        for text_id in (pair["a"], pair["b"]):
            groups.setdefault(root(text_id), [])
    for text_id in parent:
        groups[root(text_id)].append(text_id)
    return [sorted(set(g), key=lambda t: order.get(t, len(order))) for g in groups.values()]


def visible_clusters(
    run: AnalysisRun, dismissed: Collection[Key]
) -> list[tuple[list[str], list[Mapping[str, Any]]]]:
    """The run's clusters, after leaving out dismissed pairs: (text ids, their pairs)."""
    result = run.result or {}
    order = {t["id"]: n for n, t in enumerate(result.get("texts", []))}
    pairs = [p for p in result.get("pairs", []) if pair_key(p["a"], p["b"]) not in dismissed]
    clusters = _components(pairs, order)
    member = {text_id: n for n, ids in enumerate(clusters) for text_id in ids}
    pairs_of: list[list[Mapping[str, Any]]] = [[] for _ in clusters]
    for pair in pairs:
        pairs_of[member[pair["a"]]].append(pair)
    return list(zip(clusters, pairs_of, strict=True))


def _segments(text: str, spans: Iterable[tuple[int, int]], only: set[str]) -> list[Segment]:
    """Cut ``text`` into shared spans, words only this side has, and the rest."""
    pieces: list[Segment] = []

    def plain(part: str) -> None:
        last = 0
        for match in WORD.finditer(part):
            if match.group().casefold() in only:
                if match.start() > last:
                    pieces.append(Segment(part[last : match.start()]))
                pieces.append(Segment(match.group(), "only"))
                last = match.end()
        if last < len(part):
            pieces.append(Segment(part[last:]))

    position = 0
    for start, end in sorted(spans):
        if start < position:  # overlapping spans: keep the first
            continue
        plain(text[position:start])
        pieces.append(Segment(text[start:end], "shared"))
        position = end
    plain(text[position:])
    return pieces


def explain_pair(pair: Mapping[str, Any], texts: Mapping[str, str]) -> PairView:
    a_text, b_text = texts.get(pair["a"], ""), texts.get(pair["b"], "")
    why = overlap.explain(a_text, b_text)
    return PairView(
        a=pair["a"],
        b=pair["b"],
        score=pair["score"],
        shared=list(pair.get("shared", [])),
        a_segments=_segments(
            a_text, (s[1] for s in why.shared), {w.casefold() for w in why.only_a}
        ),
        b_segments=_segments(
            b_text, (s[2] for s in why.shared), {w.casefold() for w in why.only_b}
        ),
    )


def run_clusters(run: AnalysisRun, dismissals: Mapping[Key, Dismissal]) -> list[ClusterView]:
    """What the run page shows: each cluster's texts and its pairs, explained. No queries."""
    result = run.result or {}
    texts = {t["id"]: t for t in result.get("texts", [])}
    bodies = {text_id: t["text"] for text_id, t in texts.items()}
    views = []
    for index, (ids, pairs) in enumerate(visible_clusters(run, dismissals)):
        views.append(
            ClusterView(
                index=index,
                texts=[
                    TextView(
                        id=i,
                        text=texts[i]["text"],
                        kind=texts[i].get("kind", ""),
                        source=texts[i].get("source", ""),
                        is_item=texts[i].get("item", False),
                    )
                    for i in ids
                ],
                pairs=[explain_pair(p, bodies) for p in pairs],
            )
        )
    return views


def dismissed_in(run: AnalysisRun, dismissals: Mapping[Key, Dismissal]) -> list[DismissedView]:
    """The run's pairs that someone dismissed, with the reason."""
    return [
        DismissedView(pair=p, dismissal=dismissals[key])
        for p in (run.result or {}).get("pairs", [])
        if (key := pair_key(p["a"], p["b"])) in dismissals
    ]
