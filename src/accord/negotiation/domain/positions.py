"""Record what a delegation says about an item or one of its brackets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError, NotFound
from accord.negotiation.enums import PositionSource, Stance
from accord.negotiation.models import Contribution, Position
from accord.plans.domain.status import parse_text, refresh_statuses
from accord.plans.models import PlanItem


def _bracket_text(item: PlanItem, index: int | None, option: int | None) -> str:
    if index is None:
        if option is not None:
            raise DomainError(
                gettext("An option belongs to a bracket: say which one."), field="bracket"
            )
        return ""
    brackets = parse_text(item.text).brackets
    if not 0 <= index < len(brackets):
        raise DomainError(
            gettext("%(code)s has %(len)s bracket(s); there is no bracket %(index)s.")
            % {"code": item.code, "len": len(brackets), "index": index},
            field="bracket",
        )
    bracket = brackets[index]
    if option is not None and not 1 <= option <= len(bracket.options):
        raise DomainError(
            gettext(
                "Bracket %(index)s of %(code)s has %(len)s option(s); "
                "there is no option %(option)s."
            )
            % {"index": index, "code": item.code, "len": len(bracket.options), "option": option},
            field="option",
        )
    return bracket.text


def record_position(
    *,
    user: Any,
    item: PlanItem,
    delegation: Delegation,
    stance: str,
    bracket: int | None = None,
    option: int | None = None,
    detail: str = "",
    source: str = PositionSource.STATEMENT,
    stated_at: dt.datetime | None = None,
    contribution: Contribution | None = None,
) -> Position:
    """A delegation's stance on ``item`` or on its bracket number ``bracket`` (0-based, in the
    order ``engines.brackets.parse`` lists them), with where and when it was stated.

    Delegates record for their own delegation only; chairs and the secretariat for any, and the
    audit trail names who did. The item's derived status is refreshed. Raises NotAllowed,
    NotFound (item not visible), DomainError (bad stance, bracket or option).
    """
    version = item.version
    conference = version.plan.conference
    if not rules.can_view_version(user, version):
        raise NotFound(gettext("No item %(code)s here.") % {"code": item.code}, field="item")
    if delegation.conference_id != conference.pk:
        raise DomainError(
            gettext("%(delegation)s is not at %(conference)s.")
            % {"delegation": delegation, "conference": conference},
            field="delegation",
        )
    rules.require(
        rules.can_act_for_delegation(user, delegation),
        gettext("You record positions for your own delegation only."),
    )
    if stance not in Stance.values:
        raise DomainError(
            gettext("Unknown stance '%(stance)s'; expected one of %(join)s.")
            % {"stance": stance, "join": ", ".join(Stance.values)},
            field="stance",
        )
    if source not in PositionSource.values:
        raise DomainError(
            gettext("Unknown source '%(source)s'.") % {"source": source}, field="source"
        )
    if stance == Stance.PREFER_OPTION and option is None:
        raise DomainError(gettext("Say which option the delegation prefers."), field="option")
    bracket_text = _bracket_text(item, bracket, option)
    with transaction.atomic():
        position = Position.objects.create(
            version=version,
            item=item,
            delegation=delegation,
            delegation_name=delegation.organization.name,
            stance=stance,
            bracket=bracket_text,
            option=option,
            item_revision=item.revision,
            detail=detail.strip(),
            source=source,
            contribution=contribution,
            stated_at=stated_at or timezone.now(),
            recorded_by=user_or_none(user),
        )
        record(
            actor=user,
            action="negotiation.position_recorded",
            target=position,
            conference=conference,
            changes={
                "item": [None, item.code],
                "delegation": [None, position.delegation_name],
                "stance": [None, stance],
                "bracket": [None, bracket_text or None],
                "option": [None, option],
                "detail": [None, position.detail or None],
                "source": [None, source],
            },
        )
        refresh_statuses([item])
    return position
