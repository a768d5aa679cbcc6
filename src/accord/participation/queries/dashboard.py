"""Who takes part: per dimension, registered (approved) and attended counts and shares per value,
against the secretariat's targets and beside a previous conference's shares.

Counts come from one GROUP BY query per dimension, so the number of queries does not grow with
the number of registrations. Registrations without a value count under ``unknown``; shares are
percent of all registered (or attended) participants, unknown included, rounded to 0.1.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext as _

from accord import rules
from accord.conferences.models import Conference
from accord.engagement.enums import RegistrationState
from accord.engagement.models import Registration
from accord.participation import rules as participation_rules
from accord.participation.domain.codes import all_values
from accord.participation.enums import UNKNOWN, Dimension
from accord.participation.models import ParticipationTarget, PastParticipation

# The registration's field holding each dimension's code.
REGISTRATION_KEYS = {
    Dimension.CONSTITUENT_GROUP: "constituent_group__code",
    Dimension.REGION: "region__code",
    Dimension.GENDER: "gender",
    Dimension.MEMBERSHIP_CATEGORY: "membership_category__code",
}


def share_of(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


@dataclass(frozen=True)
class ValueFigures:
    value: str
    name: str
    registered: int
    attended: int
    registered_share: float
    attended_share: float
    target: float | None = None
    past_registered_share: float | None = None
    past_attended_share: float | None = None

    @property
    def met(self) -> bool | None:
        """Whether the registered share reaches the target; None without a target."""
        return None if self.target is None else self.registered_share >= self.target

    @property
    def gap(self) -> float | None:
        """Points still missing to reach the target (0 when met); None without a target."""
        if self.target is None:
            return None
        return round(max(self.target - self.registered_share, 0.0), 1)


@dataclass(frozen=True)
class DimensionFigures:
    dimension: str
    label: str
    registered: int
    attended: int
    values: list[ValueFigures] = field(default_factory=list)

    @property
    def targets(self) -> list[ValueFigures]:
        return [value for value in self.values if value.target is not None]


@dataclass(frozen=True)
class Dashboard:
    conference: Conference
    registered: int
    attended: int
    dimensions: list[DimensionFigures]
    past_label: str | None
    past_labels: list[str]

    def headlines(self) -> list[str]:
        """One sentence per target, e.g. 'Private sector: 12% of registered (target 30%;
        WTDC-22: 21%)'."""
        return [text for _dimension, _value, text in self.headline_rows()]

    def headline_rows(self) -> list[tuple[str, ValueFigures, str]]:
        """``(dimension, value figures, sentence)`` per target, for the page."""
        return [
            (dimension.dimension, value, headline(value, self.past_label))
            for dimension in self.dimensions
            for value in dimension.targets
        ]


def _percent(number: float) -> str:
    return f"{number:g}%"


def headline(value: ValueFigures, past_label: str | None) -> str:
    text = _("%(name)s: %(share)s of registered (target %(target)s") % {
        "name": value.name,
        "share": _percent(value.registered_share),
        "target": _percent(value.target or 0.0),
    }
    if past_label and value.past_registered_share is not None:
        text += f"; {past_label}: {_percent(value.past_registered_share)}"
    return text + ")"


def _registrations(conference: Conference) -> QuerySet[Registration]:
    """The conference's registered (approved) participants."""
    return Registration.objects.filter(conference=conference, state=RegistrationState.APPROVED)


def _counts(conference: Conference) -> dict[str, dict[str, tuple[int, int]]]:
    """``{dimension: {code or unknown: (registered, attended)}}``, one query per dimension."""
    registrations = _registrations(conference)
    counts: dict[str, dict[str, tuple[int, int]]] = {d: {} for d in Dimension.values}
    for dimension, key in REGISTRATION_KEYS.items():
        rows = (
            registrations.order_by()
            .values(key)
            .annotate(registered=Count("id"), attended=Count("id", filter=Q(attended=True)))
        )
        for row in rows:
            code = row[key] or UNKNOWN
            before = counts[dimension].get(code, (0, 0))
            counts[dimension][code] = (before[0] + row["registered"], before[1] + row["attended"])
    return counts


def past_labels(conference: Conference) -> list[str]:
    """The previous conferences imported, most recently imported first."""
    rows = (
        PastParticipation.objects.filter(conference=conference)
        .values("label")
        .annotate(latest=Max("imported_at"), first=Max("id"))
        .order_by("-latest", "-first")
    )
    return [row["label"] for row in rows]


def _past(conference: Conference, label: str | None) -> dict[str, dict[str, tuple[int, int]]]:
    past: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    if label is None:
        return past
    for row in PastParticipation.objects.filter(conference=conference, label=label):
        past[row.dimension][row.value] = (row.registered, row.attended)
    return past


def participation_dashboard(
    user: Any, conference: Conference, *, compare_with: str | None = None
) -> Dashboard:
    """The figures of every dimension, compared with ``compare_with`` (a previous conference's
    label) or else the most recently imported one. Participants only (aggregates, no names)."""
    rules.require(
        participation_rules.can_view_participation(user, conference),
        _("Only the conference's participants see its participation figures."),
    )
    labels = past_labels(conference)
    label = compare_with if compare_with in labels else (labels[0] if labels else None)
    counts = _counts(conference)
    past = _past(conference, label)
    targets: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for target in ParticipationTarget.objects.filter(conference=conference):
        targets[target.dimension][target.value] = target.share
    names = all_values()
    dimensions = []
    registered_all = attended_all = 0
    for dimension, label_text in Dimension.choices:
        found = counts[dimension]
        registered = sum(r for r, _a in found.values())
        attended = sum(a for _r, a in found.values())
        registered_all, attended_all = max(registered_all, registered), max(attended_all, attended)
        past_rows = past.get(dimension, {})
        past_registered = sum(r for r, _a in past_rows.values())
        past_attended = sum(a for _r, a in past_rows.values())
        listed = list(names[dimension])
        known = {code for code, _name in listed}
        extra = sorted(
            code for code in set(found) | set(past_rows) if code not in known and code != UNKNOWN
        )
        listed += [(code, code) for code in extra]
        if UNKNOWN in found or UNKNOWN in past_rows:
            listed.append((UNKNOWN, _("Unknown")))
        values = []
        for code, name in listed:
            r, a = found.get(code, (0, 0))
            pr = past_rows.get(code)
            goal = targets[dimension].get(code)
            values.append(
                ValueFigures(
                    value=code,
                    name=name,
                    registered=r,
                    attended=a,
                    registered_share=share_of(r, registered),
                    attended_share=share_of(a, attended),
                    target=float(goal) if goal is not None else None,
                    past_registered_share=share_of(pr[0], past_registered) if pr else None,
                    past_attended_share=share_of(pr[1], past_attended) if pr else None,
                )
            )
        dimensions.append(
            DimensionFigures(
                dimension=dimension,
                label=str(label_text),
                registered=registered,
                attended=attended,
                values=values,
            )
        )
    return Dashboard(
        conference=conference,
        registered=registered_all,
        attended=attended_all,
        dimensions=dimensions,
        past_label=label,
        past_labels=labels,
    )
