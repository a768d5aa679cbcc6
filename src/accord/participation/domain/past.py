"""Import a previous conference's participation figures to compare the current one with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.participation import rules as participation_rules
from accord.participation.domain.codes import all_values
from accord.participation.enums import UNKNOWN, Dimension
from accord.participation.interfaces.past_csv import PastRow, RowError, parse_past_csv
from accord.participation.models import PastParticipation

LABEL_MAX = 40


@dataclass(frozen=True)
class PastImport:
    """What an import did: ``errors`` non-empty means nothing was written."""

    label: str
    imported: int = 0
    replaced: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _canonical(rows: list[PastRow]) -> tuple[list[PastRow], list[RowError]]:
    """Check every code against the reference data; codes are matched in any case and stored as
    the reference writes them. ``unknown`` counts the participants without a value."""
    known = all_values()
    checked, errors = [], []
    for row in rows:
        if row.dimension not in Dimension.values:
            errors.append(
                RowError(
                    row.row,
                    "dimension",
                    f"unknown dimension '{row.dimension}'; expected one of "
                    f"{', '.join(Dimension.values)}",
                )
            )
            continue
        codes = {code.lower(): code for code, _name in known[row.dimension]}
        codes[UNKNOWN] = UNKNOWN
        code = codes.get(row.value.lower())
        if code is None:
            errors.append(
                RowError(
                    row.row,
                    "value",
                    f"unknown {row.dimension} code '{row.value}'; expected one of "
                    f"{', '.join(codes.values())}",
                )
            )
            continue
        checked.append(PastRow(row.row, row.dimension, code, row.registered, row.attended))
    return checked, errors


def import_past_participation(
    *, user: Any, conference: Conference, label: str, data: bytes | str, file_name: str = ""
) -> PastImport:
    """Import the figures of the previous conference ``label`` from CSV, all or nothing: any bad
    row (shape or unknown code) is reported with its row, column and reason and nothing is
    written. Re-importing a label replaces its figures. Secretariat only. Side effects: the rows,
    one audit entry."""
    rules.require(
        participation_rules.can_manage_participation(user, conference),
        gettext("Only the secretariat imports a previous conference's figures."),
    )
    label = " ".join((label or "").split())
    if not label:
        raise DomainError(gettext("Name the previous conference, e.g. WTDC-22."), field="label")
    if len(label) > LABEL_MAX:
        raise DomainError(
            gettext("The name of the previous conference takes at most %(label_max)s characters.")
            % {"label_max": LABEL_MAX},
            field="label",
        )
    parsed = parse_past_csv(data)
    rows, code_errors = _canonical(parsed.rows)
    errors = sorted(parsed.errors + code_errors, key=lambda e: (e.row, e.column))
    if errors:
        return PastImport(label=label, errors=errors)
    with transaction.atomic():
        existing = PastParticipation.objects.filter(conference=conference, label=label)
        replaced, _detail = existing.delete()
        PastParticipation.objects.bulk_create(
            PastParticipation(
                conference=conference,
                label=label,
                dimension=row.dimension,
                value=row.value,
                registered=row.registered,
                attended=row.attended,
            )
            for row in rows
        )
        record(
            actor=user,
            action="participation.past_imported",
            target=conference,
            conference=conference,
            changes={
                "label": [None, label],
                "rows": [replaced or None, len(rows)],
                "file": [None, file_name or None],
            },
        )
    return PastImport(label=label, imported=len(rows), replaced=replaced)


def remove_past_participation(*, user: Any, conference: Conference, label: str) -> int:
    """Forget a previous conference's figures. Secretariat only; audited."""
    rules.require(
        participation_rules.can_manage_participation(user, conference),
        gettext("Only the secretariat removes a previous conference's figures."),
    )
    with transaction.atomic():
        removed, _detail = PastParticipation.objects.filter(
            conference=conference, label=label
        ).delete()
        if removed:
            record(
                actor=user,
                action="participation.past_removed",
                target=conference,
                conference=conference,
                changes={"label": [label, None], "rows": [removed, None]},
            )
    return removed
