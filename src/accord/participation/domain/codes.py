"""The values each dimension takes, with their names: reference tables' codes, and the
registration's gender choices."""

from __future__ import annotations

from accord.engagement.enums import Gender
from accord.participation.enums import Dimension
from accord.reference.models import ConstituentGroup, MembershipCategory, Region


def gender_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in Gender.choices]


def values_of(dimension: str) -> list[tuple[str, str]]:
    """``(code, name)`` of every value of ``dimension``, in the reference order (one query)."""
    if dimension == Dimension.GENDER:
        return gender_choices()
    model = {
        Dimension.REGION: Region,
        Dimension.CONSTITUENT_GROUP: ConstituentGroup,
        Dimension.MEMBERSHIP_CATEGORY: MembershipCategory,
    }.get(Dimension(dimension))
    if model is None:  # pragma: no cover - every dimension is listed above
        return []
    ordering = ["id"] if model is Region else []
    rows = model._default_manager.order_by(*ordering).values_list("code", "name")
    return [(str(code), str(name)) for code, name in rows]


def all_values() -> dict[str, list[tuple[str, str]]]:
    """Every dimension's values (three queries)."""
    return {dimension: values_of(dimension) for dimension in Dimension.values}
