"""Bulk import of a target list from CSV or .xlsx, with a row-level error report.

By default nothing is imported while any row is bad; with ``good_rows_only=True`` the good
rows are imported and the bad ones reported; with ``dry_run=True`` the file is checked and
nothing is written. The rows are checked and written in one transaction, the list locked,
and the report says exactly what happened: never a silent half-import. Each imported invitee
gets an audit entry of their own (as when added one by one), the import one more.

An exported list imports back: its "state" column (and the "list" column of a whole
conference's export) are left out, and the report names them in ``ignored_columns``:
imported people start as identified on the list they are imported into.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.engagement import rules
from accord.engagement.enums import Gender
from accord.engagement.interfaces.tabular import read_table
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import ConstituentGroup, Country, MembershipCategory
from accord.rules import require

COLUMNS = (
    "name",
    "email",
    "organization",
    "country",
    "constituent group",
    "membership category",
    "gender",
    "star",
    "owner",
)
IGNORED = ("list", "state")
"""Columns of Accord's own exports that an import reads past (see the module doc)."""
ALIASES = {"e-mail": "email", "mail": "email", "organisation": "organization"}
REQUIRED = ("name", "email")
YES = {"yes", "y", "true", "1", "x", "★", "star"}
NO = {"", "no", "n", "false", "0"}


def _column(header: str) -> str:
    key = " ".join(header.strip().lower().replace("_", " ").replace("-", " ").split())
    key = ALIASES.get(header.strip().lower(), key)
    return "email" if key == "e mail" else key


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    filename: str = ""
    rows: int = 0
    importable: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    good_rows_only: bool = False
    dry_run: bool = False

    @property
    def bad_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    @property
    def nothing_imported(self) -> bool:
        return self.imported == 0

    @property
    def refused(self) -> bool:
        """Bad rows kept the whole file out: any bad row without ``good_rows_only``, or a
        bad header (row 1)."""
        return bool(self.errors) and (not self.good_rows_only or 1 in self.bad_rows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.filename,
            "rows": self.rows,
            "importable": self.importable,
            "imported": self.imported,
            "dry_run": self.dry_run,
            "good_rows_only": self.good_rows_only,
            "ignored_columns": self.ignored_columns,
            "errors": [{"row": e.row, "column": e.column, "reason": e.reason} for e in self.errors],
        }


class _Lookups:
    """Reference data by code and by name, loaded once per import."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        for country in Country.objects.select_related("region"):
            self.countries[country.iso3.lower()] = country
            self.countries[country.name.lower()] = country
        self.groups = {
            key: g for g in ConstituentGroup.objects.all() for key in (g.code, g.name.lower())
        }
        self.categories = {
            key: c for c in MembershipCategory.objects.all() for key in (c.code, c.name.lower())
        }
        self.users = {u.get_username().lower(): u for u in get_user_model().objects.all()}


def import_invitees(
    *,
    user: Any,
    target_list: TargetList,
    data: bytes,
    filename: str,
    good_rows_only: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Add the file's rows to ``target_list`` as identified invitees; see the module doc.
    ``importable`` counts the rows that would be (or were) imported."""
    require(
        rules.can_manage_list(user, target_list),
        gettext("Only the secretariat and the list's owner import invitees."),
    )
    table = read_table(data, filename)
    report = ImportReport(
        filename=filename, rows=len(table.rows), good_rows_only=good_rows_only, dry_run=dry_run
    )
    columns: dict[str, str] = {}
    for header in table.header:
        key = _column(header) if header else ""
        if key in IGNORED:
            report.ignored_columns.append(header)
        elif key in COLUMNS:
            columns[header] = key
        elif key:
            report.errors.append(
                RowError(1, header, f"unknown column; expected one of: {', '.join(COLUMNS)}")
            )
    present = set(columns.values())
    for key in REQUIRED:
        if key not in present:
            report.errors.append(RowError(1, key, "missing column"))
    if report.errors:  # a broken header makes every row doubtful: import nothing
        return report
    lookups = _Lookups()
    with transaction.atomic():
        # One import into a list at a time, each seeing the addresses already on it.
        TargetList.objects.select_for_update().filter(pk=target_list.pk).first()
        existing = set(target_list.invitees.values_list("email", flat=True))
        seen: dict[str, int] = {}
        good: list[Invitee] = []
        for number, raw in table.rows:
            cells = {columns[h]: v for h, v in raw.items() if h in columns}
            invitee, errors = _row(number, cells, target_list, lookups, existing, seen)
            report.errors.extend(errors)
            if invitee is not None and not errors:
                good.append(invitee)
        report.importable = 0 if report.refused else len(good)
        if report.refused or dry_run:
            return report
        Invitee.objects.bulk_create(good)
        report.imported = len(good)
        conference = target_list.conference
        for invitee in good:
            record(
                actor=user,
                action="engagement.invitee_added",
                target=invitee,
                conference=conference,
                changes={
                    "list": [None, target_list.name],
                    "email": [None, invitee.email],
                    "file": [None, filename],
                },
            )
        record(
            actor=user,
            action="engagement.invitees_imported",
            target=target_list,
            conference=conference,
            changes={
                "file": [None, filename],
                "imported": [None, report.imported],
                "bad_rows": [None, len(report.bad_rows)],
            },
        )
    return report


def _row(
    number: int,
    cells: dict[str, str],
    target_list: TargetList,
    lookups: _Lookups,
    existing: set[str],
    seen: dict[str, int],
) -> tuple[Invitee | None, list[RowError]]:
    errors: list[RowError] = []

    def bad(column: str, reason: str) -> None:
        errors.append(RowError(number, column, reason))

    name = cells.get("name", "")
    if not name:
        bad("name", "missing name")
    email = cells.get("email", "").lower()
    if not email:
        bad("email", "missing e-mail")
    else:
        try:
            validate_email(email)
        except ValidationError:
            bad("email", f"bad e-mail '{email}'")
        else:
            if email in existing:
                bad("email", f"duplicate e-mail: {email} is already on the list")
            elif email in seen:
                bad("email", f"duplicate e-mail: {email} is also in row {seen[email]}")
            else:
                seen[email] = number
    country = None
    if value := cells.get("country", ""):
        country = lookups.countries.get(value.lower())
        if country is None:
            bad("country", f"unknown country '{value}'")
    group = target_list.constituent_group
    if value := cells.get("constituent group", ""):
        group = lookups.groups.get(value.lower())
        if group is None:
            bad("constituent group", f"unknown constituent group '{value}'")
    category = None
    if value := cells.get("membership category", ""):
        category = lookups.categories.get(value.lower())
        if category is None:
            bad("membership category", f"unknown membership category '{value}'")
    gender = cells.get("gender", "").lower() or Gender.UNDISCLOSED
    if gender not in Gender.values:
        bad("gender", f"unknown gender '{gender}'; expected {', '.join(Gender.values)}")
    star_text = cells.get("star", "").lower()
    if star_text not in YES | NO:
        bad("star", f"'{star_text}' is neither yes nor no")
    owner = target_list.owner
    if value := cells.get("owner", ""):
        owner = lookups.users.get(value.lower())
        if owner is None:
            bad("owner", f"unknown user '{value}'")
    if errors:
        return None, errors
    return (
        Invitee(
            target_list=target_list,
            name=name,
            email=email,
            organization_name=cells.get("organization", ""),
            country=country,
            region=country.region if country else None,
            constituent_group=group,
            membership_category=category,
            gender=gender,
            star=star_text in YES,
            owner=owner,
        ),
        [],
    )
