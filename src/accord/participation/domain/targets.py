"""Targets the secretariat sets per dimension (e.g. private sector at least 30% of the
registered participants, women at least 40%)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.participation import rules as participation_rules
from accord.participation.domain.codes import values_of
from accord.participation.enums import Dimension
from accord.participation.models import ParticipationTarget

HUNDRED = Decimal(100)


def _dimension(dimension: str) -> str:
    if dimension not in Dimension.values:
        raise DomainError(
            gettext("Unknown dimension '%(dimension)s'; expected one of %(join)s.")
            % {"dimension": dimension, "join": ", ".join(Dimension.values)},
            field="dimension",
        )
    return dimension


def _share(value: Any, code: str) -> Decimal | None:
    """A percentage between 0 and 100 with at most one decimal; None or blank means no target."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        share = Decimal(str(value).strip())
    except InvalidOperation:
        raise DomainError(
            gettext("The target for '%(code)s' must be a number of percent, not '%(value)s'.")
            % {"code": code, "value": value},
            field=code,
        ) from None
    if not share.is_finite() or share < 0 or share > HUNDRED:
        raise DomainError(
            gettext("The target for '%(code)s' must be between 0 and 100 percent, not %(value)s.")
            % {"code": code, "value": value},
            field=code,
        )
    if share != share.quantize(Decimal("0.1")):
        raise DomainError(
            gettext("The target for '%(code)s' takes at most one decimal, not %(value)s.")
            % {"code": code, "value": value},
            field=code,
        )
    return share.quantize(Decimal("0.1"))


def set_targets(
    *,
    user: Any,
    conference: Conference,
    dimension: str,
    shares: Mapping[str, Any],
) -> list[ParticipationTarget]:
    """Set (or, with a blank or None share, remove) the targets of some values of one dimension;
    values not named keep theirs. The dimension's targets may sum to 100% at most, since each
    is a minimum share of the same participants. Secretariat only. Side effects: the targets,
    one audit entry per change. Returns the dimension's targets after the change."""
    rules.require(
        participation_rules.can_manage_participation(user, conference),
        gettext("Only the secretariat sets participation targets."),
    )
    dimension = _dimension(dimension)
    known = {code for code, _name in values_of(dimension)}
    wanted: dict[str, Decimal | None] = {}
    for code, value in shares.items():
        if code not in known:
            raise DomainError(
                gettext("Unknown %(lower)s '%(code)s'; expected one of %(join)s.")
                % {
                    "lower": Dimension(dimension).label.lower(),
                    "code": code,
                    "join": ", ".join(sorted(known)),
                },
                field="value",
            )
        wanted[code] = _share(value, code)
    with transaction.atomic():
        current = {
            target.value: target
            for target in ParticipationTarget.objects.select_for_update().filter(
                conference=conference, dimension=dimension
            )
        }
        after = {code: target.share for code, target in current.items()}
        for code, share in wanted.items():
            if share is None:
                after.pop(code, None)
            else:
                after[code] = share
        total = sum(after.values(), Decimal(0))
        if total > HUNDRED:
            raise DomainError(
                gettext(
                    "The %(lower)s targets add up to %(total)s%%; "
                    "together they may not exceed 100%%."
                )
                % {"lower": Dimension(dimension).label.lower(), "total": total},
                field="share",
            )
        for code, share in wanted.items():
            target = current.get(code)
            old = target.share if target is not None else None
            if share == old:
                continue
            if share is None:
                if target is None:
                    continue
                record(
                    actor=user,
                    action="participation.target_removed",
                    target=target,
                    conference=conference,
                    changes={"share": [str(old), None]},
                )
                target.delete()
            elif target is None:
                target = ParticipationTarget.objects.create(
                    conference=conference, dimension=dimension, value=code, share=share
                )
                record(
                    actor=user,
                    action="participation.target_set",
                    target=target,
                    conference=conference,
                    changes={"dimension": [None, dimension], "share": [None, str(share)]},
                )
            else:
                target.share = share
                target.save(update_fields=["share"])
                record(
                    actor=user,
                    action="participation.target_set",
                    target=target,
                    conference=conference,
                    changes={"share": [str(old), str(share)]},
                )
    return list(
        ParticipationTarget.objects.filter(conference=conference, dimension=dimension).order_by(
            "value"
        )
    )


def set_target(
    *, user: Any, conference: Conference, dimension: str, value: str, share: Any
) -> ParticipationTarget | None:
    """Set one target (None or blank removes it); see ``set_targets``."""
    targets = set_targets(
        user=user, conference=conference, dimension=dimension, shares={value: share}
    )
    return next((t for t in targets if t.value == value), None)
