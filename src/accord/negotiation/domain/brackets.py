"""A chair settles a bracket: keeps one option, keeps the text, or deletes it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.engines.brackets import Resolution, resolve
from accord.plans.domain.items import update_item
from accord.plans.domain.status import parse_text
from accord.plans.models import PlanItem


def resolution_from(choice: str) -> Resolution:
    """``keep``, ``delete`` or ``option:N`` (as forms, the API and the CLI spell it)."""
    if choice == "keep":
        return Resolution.keep()
    if choice == "delete":
        return Resolution.delete()
    head, _, number = choice.partition(":")
    if head == "option" and number.isdigit():
        return Resolution.keep_option(int(number))
    raise DomainError(
        gettext("Unknown resolution '%(choice)s'; expected keep, delete or option:N.")
        % {"choice": choice},
        field="resolution",
    )


def resolve_bracket(
    *, user: Any, item: PlanItem, index: int, choice: str, expected_revision: int
) -> PlanItem:
    """Settle bracket ``index`` of a draft item's text; nothing outside the bracket changes.

    Goes through ``update_item``, so the same people may do it, a stale revision is refused
    (StaleEdit), and the derived status is refreshed: stances on the settled bracket lapse.
    """
    brackets = parse_text(item.text).brackets
    try:
        text = resolve(item.text, index, resolution_from(choice))
    except ValueError as error:
        raise DomainError(
            gettext("%(code)s: %(error)s.") % {"code": item.code, "error": error}, field="bracket"
        ) from error
    if not text.strip():
        raise DomainError(
            gettext("Deleting that bracket leaves %(code)s without text; delete the item instead.")
            % {"code": item.code},
            field="resolution",
        )
    with transaction.atomic():
        updated = update_item(user=user, item=item, expected_revision=expected_revision, text=text)
        record(
            actor=user,
            action="negotiation.bracket_resolved",
            target=updated,
            conference=item.version.plan.conference,
            changes={"bracket": [brackets[index].text, None], "resolution": [None, choice]},
        )
    return updated
