"""Load the reference data the project ships, idempotently: the same files give the same rows."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.db import models, transaction

from accord.audit.domain import record
from accord.engines.linkage import wsis_descriptions
from accord.reference import models as ref

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _upsert(model: type[models.Model], key: dict[str, Any], values: dict[str, Any]) -> int:
    """Create or update one row; audit and count it only when something changed."""
    obj = model._default_manager.filter(**key).first()
    if obj is None:
        obj = model._default_manager.create(**key, **values)
        record(actor=None, action="reference.created", target=obj, changes=values_as_text(values))
        return 1
    changed = {
        name: [str(getattr(obj, name)), str(value)]
        for name, value in values.items()
        if getattr(obj, name) != value
    }
    if changed:
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(values))
        record(actor=None, action="reference.updated", target=obj, changes=changed)
        return 1
    return 0


def values_as_text(values: dict[str, Any]) -> dict[str, str]:
    return {name: str(value) for name, value in values.items()}


def _load_regions() -> int:
    return sum(
        _upsert(ref.Region, {"code": r["code"]}, {"name": r["name"]}) for r in _rows("regions.csv")
    )


def _load_countries() -> int:
    regions = {region.code: region for region in ref.Region.objects.all()}
    return sum(
        _upsert(
            ref.Country, {"iso3": r["iso3"]}, {"name": r["name"], "region": regions[r["region"]]}
        )
        for r in _rows("member_states.csv")
    )


def _load_rtos() -> int:
    regions = {region.code: region for region in ref.Region.objects.all()}
    return sum(
        _upsert(
            ref.RegionalOrganization,
            {"code": r["code"]},
            {"name": r["name"], "region": regions[r["region"]]},
        )
        for r in _rows("rtos.csv")
    )


def _load_coded(model: type[models.Model], filename: str) -> Callable[[], int]:
    def load() -> int:
        return sum(
            _upsert(model, {"code": r["code"]}, {"name": r["name"]}) for r in _rows(filename)
        )

    return load


def _load_sdgs() -> int:
    return sum(
        _upsert(ref.SDG, {"number": int(r["number"])}, {"short_name": r["short_name"]})
        for r in _rows("sdgs.csv")
    )


def _load_wsis() -> int:
    """Titles from our file, descriptions (written by the team) from the linkage engine, which
    matches item texts against them."""
    descriptions = wsis_descriptions()
    return sum(
        _upsert(
            ref.WSISActionLine,
            {"code": r["code"]},
            {
                "number": int(r["number"]),
                "title": r["title"],
                "description": descriptions.get(r["code"], ""),
            },
        )
        for r in _rows("wsis_action_lines.csv")
    )


LOADERS: tuple[tuple[str, Callable[[], int]], ...] = (
    ("regions", _load_regions),
    ("member states", _load_countries),
    ("RTOs", _load_rtos),
    ("membership categories", _load_coded(ref.MembershipCategory, "membership_categories.csv")),
    ("constituent groups", _load_coded(ref.ConstituentGroup, "constituent_groups.csv")),
    ("SDGs", _load_sdgs),
    ("WSIS action lines", _load_wsis),
)


def load_reference_data() -> dict[str, int]:
    """Create or update every reference table from the shipped files; count changed rows per table.

    Run after every ``migrate`` (post_migrate signal) and by ``accord manage load_reference``.
    """
    with transaction.atomic():
        return {name: load() for name, load in LOADERS}
