"""Typed links from plan items to SDGs, SDG targets, WSIS lines, resolutions, initiatives…"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.plans.domain.items import require_draft_editor
from accord.plans.enums import LinkageType
from accord.plans.models import Linkage, PlanItem
from accord.reference.enums import EntryKind
from accord.reference.models import SDG, ReferenceEntry, SDGTarget, WSISActionLine

_SDG_TARGET = re.compile(r"^(\d{1,2})\.([1-9]\d?|[a-z])$")
# "Res. 37", "Resolution 37", "Q5/1", "Question 5/1", "Goal 2": the label before a code.
_LABEL = re.compile(
    r"^(?:resolution|res\.?|question|q\.?|regional initiative|initiative|ri|"
    r"strategic goal|goal|strategic target|target)\s*(?=\S*\d)",
    re.IGNORECASE,
)


def _entry_key(code: str) -> str:
    """What two spellings of one entry have in common: ``Res. 37`` and ``37`` → ``37``."""
    return _LABEL.sub("", " ".join(code.split())).casefold()


def _known_entry(type_: str, value: str, target: str) -> str:
    """For a list the secretariat imported: the entry's code as imported; otherwise the
    target as given (free text, checked by people)."""
    codes = list(ReferenceEntry.objects.filter(kind=type_).values_list("code", flat=True))
    if not codes:
        return value
    wanted = _entry_key(value)
    for code in codes:
        if code.casefold() == value.casefold() or _entry_key(code) == wanted:
            return code
    label = str(EntryKind(type_).label).lower()
    sample = ", ".join(codes[:8]) + (", …" if len(codes) > 8 else "")
    raise DomainError(
        gettext("'%(target)s' is not in the imported list (%(label)s: %(sample)s).")
        % {"target": target, "label": label, "sample": sample},
        field="target",
    )


def normalise_target(type_: str, target: str) -> str:
    """Check a linkage target against the reference data and return its canonical form.

    SDG goals are numbers 1–17 (``"SDG 9"`` → ``"9"``); targets look like ``9.c`` and must exist
    when the UN target list has been imported; WSIS lines are C1–C11. Strategic-plan goals,
    resolutions, regional initiatives and Questions must be in the secretariat's imported
    list once one is imported (``Res. 37`` finds entry ``37``), and are free text before.
    """
    value = " ".join(target.split())
    if not value:
        raise DomainError(gettext("The linkage target is empty."), field="target")
    if type_ == LinkageType.SDG:
        number = value.upper().removeprefix("SDG").strip()
        if not number.isdigit() or not SDG.objects.filter(number=int(number)).exists():
            raise DomainError(
                gettext("'%(target)s' is not an SDG; expected a number from 1 to 17.")
                % {"target": target},
                field="target",
            )
        return str(int(number))
    if type_ == LinkageType.SDG_TARGET:
        match = _SDG_TARGET.match(value.lower())
        if not match or not SDG.objects.filter(number=int(match.group(1))).exists():
            raise DomainError(
                gettext("'%(target)s' is not an SDG target; expected e.g. 9.c or 4.4.")
                % {"target": target},
                field="target",
            )
        code = f"{int(match.group(1))}.{match.group(2)}"
        if SDGTarget.objects.exists() and not SDGTarget.objects.filter(code=code).exists():
            raise DomainError(
                gettext("SDG target %(code)s does not exist.") % {"code": code}, field="target"
            )
        return code
    if type_ == LinkageType.WSIS:
        code = value.upper()
        if not WSISActionLine.objects.filter(code=code).exists():
            raise DomainError(
                gettext("'%(target)s' is not a WSIS action line; expected C1 to C11.")
                % {"target": target},
                field="target",
            )
        return code
    if type_ not in LinkageType.values:
        raise DomainError(
            gettext("Unknown linkage type '%(type)s'; expected one of %(values)s.")
            % {"type": type_, "values": LinkageType.values},
            field="type",
        )
    if type_ in EntryKind.values:
        return _known_entry(type_, value, target)
    return value


def add_linkage(*, user: Any, item: PlanItem, type: str, target: str, note: str = "") -> Linkage:
    """Link an item to what it serves; the same link twice is refused."""
    require_draft_editor(user, item.version)
    canonical = normalise_target(type, target)
    if item.linkages.filter(type=type, target=canonical).exists():
        raise DomainError(
            gettext("%(code)s is already linked to %(canonical)s.")
            % {"code": item.code, "canonical": canonical},
            field="target",
        )
    with transaction.atomic():
        linkage = Linkage.objects.create(item=item, type=type, target=canonical, note=note)
        record(
            actor=user,
            action="plan.linkage_added",
            target=item,
            conference=item.version.plan.conference,
            changes={"linkage": [None, f"{type}:{canonical}"]},
        )
    return linkage


def remove_linkage(*, user: Any, linkage: Linkage) -> None:
    item = linkage.item
    require_draft_editor(user, item.version)
    with transaction.atomic():
        description = f"{linkage.type}:{linkage.target}"
        linkage.delete()
        record(
            actor=user,
            action="plan.linkage_removed",
            target=item,
            conference=item.version.plan.conference,
            changes={"linkage": [description, None]},
        )
