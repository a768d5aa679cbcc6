"""Import reference data from files the project does not ship: the UN's SDG targets and
indicators, and the secretariat's lists (strategic-plan goals and targets, resolutions,
regional initiatives, study Questions).

Imports are upserts keyed by code: importing the same file twice changes nothing, a newer
file updates what changed, and entries missing from a file are kept (a partial list never
deletes). All or nothing: a bad file writes nothing and the error names the file and the
place. Only the secretariat (or an operator) imports. Each row created or changed is
audited; a dry run does the same work inside a transaction it rolls back, so it reports
exactly what an import would change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.engines.linkage import SDGReference, TargetFileError, read_sdg_reference
from accord.reference.enums import EntryKind
from accord.reference.interfaces.lists import ListFileError, read_list
from accord.reference.models import SDG, ReferenceEntry, SDGIndicator, SDGTarget
from accord.reference.rules import can_import_reference
from accord.rules import require

SDG_TARGETS = "sdg_target"


@dataclass(frozen=True)
class ImportCounts:
    """What an import changed in one table, by code."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": list(self.created),
            "updated": list(self.updated),
            "unchanged": self.unchanged,
        }


@dataclass(frozen=True)
class ImportReport:
    """What an import changed (or, for a dry run, would change), by code.

    ``created``, ``updated`` and ``unchanged`` count the rows of ``kind`` (the targets, for
    an SDG import); ``indicators`` the SDG indicators the same file carried (``None`` for
    the other imports)."""

    kind: str
    source: str
    dry_run: bool
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    indicators: ImportCounts | None = None

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        """The keys scripts read (``accord import-reference --json``); SDG imports add
        ``"indicators": {"created", "updated", "unchanged"}``."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "source": self.source,
            "dry_run": self.dry_run,
            "created": list(self.created),
            "updated": list(self.updated),
            "unchanged": self.unchanged,
        }
        if self.indicators is not None:
            data["indicators"] = self.indicators.as_dict()
        return data


def _source_name(source: str | Path | bytes, name: str) -> str:
    if name:
        return Path(name).name
    return "upload" if isinstance(source, bytes) else Path(source).name


def _upsert(
    *,
    user: Any,
    model: type[models.Model],
    key: dict[str, Any],
    values: dict[str, Any],
    created: list[str],
    updated: list[str],
    code: str,
    related: tuple[str, ...] = (),
) -> bool:
    """Create or update one row, auditing it; False when nothing changed. ``related``: the
    foreign keys among ``values``, read with the row to compare them."""
    rows = model._default_manager.filter(**key)
    obj = (rows.select_related(*related) if related else rows).first()
    if obj is None:
        obj = model._default_manager.create(**key, **values)
        record(
            actor=user,
            action="reference.created",
            target=obj,
            changes={name: [None, str(value)] for name, value in values.items()},
        )
        created.append(code)
        return True
    changed = {
        name: [str(getattr(obj, name)), str(value)]
        for name, value in values.items()
        if getattr(obj, name) != value and name not in {"imported_at", "source"}
    }
    if not changed:
        return False
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save(update_fields=list(values))
    record(actor=user, action="reference.updated", target=obj, changes=changed)
    updated.append(code)
    return True


def import_sdg_targets(
    *, user: Any, source: str | Path | bytes, name: str = "", dry_run: bool = False
) -> ImportReport:
    """Create or update SDG targets, and the indicators the file carries, from a file in any
    format the linkage engine reads (the UN's CSV or JSON lists, its SDG API's goal, target
    or indicator lists, or ``{"goal", "target", "description"}`` records), so items can be
    linked to targets and suggestions can name them. An indicator's target must be in the
    file or imported before; targets are stored first, in the same transaction."""
    require(can_import_reference(user), gettext("Only the secretariat imports reference data."))
    filename = _source_name(source, name)
    try:
        reference = read_sdg_reference(source, name=filename)
    except TargetFileError as error:
        raise DomainError(str(error), field="file") from error
    except OSError as error:
        raise DomainError(
            gettext("%(filename)s: %(value)s")
            % {"filename": filename, "value": error.strerror or error},
            field="file",
        ) from error
    targets, indicators = reference.targets, reference.indicators
    if not targets and not indicators:
        raise DomainError(
            gettext("%(filename)s: no SDG targets or indicators found.") % {"filename": filename},
            field="file",
        )
    goals = {goal.number: goal for goal in SDG.objects.all()}
    for target in targets:
        if target.goal not in goals:
            raise DomainError(
                gettext(
                    "%(filename)s: target %(code)s names goal %(goal)s; "
                    "expected a goal from 1 to 17."
                )
                % {"filename": filename, "code": target.code, "goal": target.goal},
                field="file",
            )
        if not target.code.startswith(f"{target.goal}."):
            raise DomainError(
                gettext("%(filename)s: target %(code)s is not a target of goal %(goal)s.")
                % {"filename": filename, "code": target.code, "goal": target.goal},
                field="file",
            )
    _check_indicator_targets(reference, filename)
    target_rows = [
        ({"code": t.code}, {"goal": goals[t.goal], "description": t.description}, t.code)
        for t in targets
    ]
    with transaction.atomic():
        target_counts = _upsert_rows(user=user, model=SDGTarget, rows=target_rows)
        stored = SDGTarget.objects.in_bulk(
            {indicator.target for indicator in indicators}, field_name="code"
        )
        indicator_counts = _upsert_rows(
            user=user,
            model=SDGIndicator,
            rows=[
                (
                    {"code": i.code},
                    {"target": stored[i.target], "description": i.description},
                    i.code,
                )
                for i in indicators
            ],
            related=("target",),
        )
        if dry_run:
            transaction.set_rollback(True)
    return ImportReport(
        kind=SDG_TARGETS,
        source=filename,
        dry_run=dry_run,
        created=target_counts.created,
        updated=target_counts.updated,
        unchanged=target_counts.unchanged,
        indicators=indicator_counts,
    )


def _check_indicator_targets(reference: SDGReference, filename: str) -> None:
    """Every indicator's target is in the file or already imported (an indicator file may
    follow a targets file)."""
    known = {target.code for target in reference.targets}
    missing = {i.target for i in reference.indicators} - known
    if missing:
        known |= set(SDGTarget.objects.filter(code__in=missing).values_list("code", flat=True))
    for indicator in reference.indicators:
        if indicator.target not in known:
            place = reference.places.get(indicator.code)
            raise DomainError(
                gettext(
                    "%(filename)s: %(value)sindicator %(code)s "
                    "measures target %(target)s, which is neither in the file nor "
                    "imported; expected the file to carry the target, or the targets to be "
                    "imported first."
                )
                % {
                    "filename": filename,
                    "value": place + ": " if place else "",
                    "code": indicator.code,
                    "target": indicator.target,
                },
                field="file",
            )


def import_reference_entries(
    *,
    user: Any,
    kind: str,
    source: str | Path | bytes,
    name: str = "",
    dry_run: bool = False,
) -> ImportReport:
    """Create or update the entries of one of the secretariat's lists from a CSV file
    (``code,title[,text]``), a Word document or plain text (one entry per numbered item);
    linkages of that type are then checked against them."""
    require(can_import_reference(user), gettext("Only the secretariat imports reference data."))
    if kind not in EntryKind.values:
        raise DomainError(
            gettext("Unknown list '%(kind)s'; expected one of %(join)s.")
            % {"kind": kind, "join": ", ".join(EntryKind.values)},
            field="kind",
        )
    filename = _source_name(source, name)
    try:
        entries = read_list(source, name=filename)
    except ListFileError as error:
        raise DomainError(str(error), field="file") from error
    except OSError as error:
        raise DomainError(
            gettext("%(filename)s: %(value)s")
            % {"filename": filename, "value": error.strerror or error},
            field="file",
        ) from error
    now = timezone.now()
    rows = [
        (
            {"kind": kind, "code": entry.code},
            {
                "title": entry.title,
                "text": entry.text,
                "source": filename[:255],
                "imported_at": now,
            },
            entry.code,
        )
        for entry in entries
    ]
    return _store(
        user=user, model=ReferenceEntry, rows=rows, kind=kind, filename=filename, dry_run=dry_run
    )


def _store(
    *,
    user: Any,
    model: type[models.Model],
    rows: Iterable[tuple[dict[str, Any], dict[str, Any], str]],
    kind: str,
    filename: str,
    dry_run: bool,
) -> ImportReport:
    """Upsert every row in one transaction, rolled back for a dry run."""
    with transaction.atomic():
        counts = _upsert_rows(user=user, model=model, rows=rows)
        if dry_run:
            transaction.set_rollback(True)
    return ImportReport(
        kind=kind,
        source=filename,
        dry_run=dry_run,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
    )


def _upsert_rows(
    *,
    user: Any,
    model: type[models.Model],
    rows: Iterable[tuple[dict[str, Any], dict[str, Any], str]],
    related: tuple[str, ...] = (),
) -> ImportCounts:
    """Upsert rows of one table; the caller owns the transaction."""
    created: list[str] = []
    updated: list[str] = []
    unchanged = 0
    for key, values, code in rows:
        unchanged += not _upsert(
            user=user,
            model=model,
            key=key,
            values=values,
            created=created,
            updated=updated,
            code=code,
            related=related,
        )
    return ImportCounts(created=created, updated=updated, unchanged=unchanged)
