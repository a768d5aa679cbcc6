"""A negotiation to contribute to, built through the domain functions: a circulated version of
the plan, three delegations with a delegate each, a chair and an observer."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from accord.negotiation import domain
from accord.negotiation.models import Contribution
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from accord.plans.models import PlanVersion
from tests import factories

D1A = "Promote affordable broadband connectivity in rural areas"
D1_1 = "Training on spectrum management for regulators"


def negotiation(admin: Any, conference: Any, version: PlanVersion) -> SimpleNamespace:
    """``version`` (the ``draft`` fixture: D.1 and D.2 with items D.x-a, D.x-1, D.x-b) with
    D.1-a and D.1-1 given readable texts, then circulated."""
    for code, text in (("D.1-a", D1A), ("D.1-1", D1_1)):
        item = version.items.get(code=code)
        plans.update_item(user=admin, item=item, expected_revision=item.revision, text=text)
    plans.set_version_state(user=admin, version=version, state=VersionState.CIRCULATED)
    kenya = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    brazil = factories.make_delegation(admin, conference, "BRA", name="Brazil")
    france = factories.make_delegation(admin, conference, "FRA", name="France")
    version.refresh_from_db()
    return SimpleNamespace(
        version=version,
        kenya=kenya,
        brazil=brazil,
        france=france,
        kenyan=factories.make_delegate(admin, kenya, "kenyan"),
        brazilian=factories.make_delegate(admin, brazil, "brazilian"),
        french=factories.make_delegate(admin, france, "french"),
        chair=factories.make_chair(admin, conference),
        observer=factories.make_observer(admin, conference),
    )


def contribute(
    user: Any,
    version: PlanVersion,
    delegation: Any,
    *amendments: dict[str, Any],
    submit: bool = True,
    title: str = "Proposal",
    **fields: Any,
) -> Contribution:
    """A contribution with ``amendments`` (keyword arguments of ``add_amendment``; ``item`` and
    ``priority`` may be given as codes), submitted unless ``submit`` is false."""
    contribution = domain.create_contribution(
        user=user, version=version, delegation=delegation, title=title, **fields
    )
    for amendment in amendments:
        values = dict(amendment)
        if isinstance(values.get("item"), str):
            values["item"] = version.items.get(code=values["item"])
        if isinstance(values.get("priority"), str):
            values["priority"] = version.priorities.get(code=values["priority"])
        domain.add_amendment(user=user, contribution=contribution, **values)
    if submit:
        domain.submit_contribution(user=user, contribution=contribution)
    contribution.refresh_from_db()
    return contribution


def modify(code: str, text: str, **more: Any) -> dict[str, Any]:
    return {"kind": "modify", "item": code, "text": text, **more}


def delete(code: str) -> dict[str, Any]:
    return {"kind": "delete", "item": code}


def move(code: str, priority: str) -> dict[str, Any]:
    return {"kind": "move", "item": code, "priority": priority}


def add(code: str, priority: str, text: str, item_kind: str = "output") -> dict[str, Any]:
    return {
        "kind": "add",
        "item_code": code,
        "priority": priority,
        "text": text,
        "item_kind": item_kind,
    }


def accept_all(user: Any, contribution: Contribution) -> None:
    for amendment in contribution.amendments.all():
        domain.decide_amendment(user=user, amendment=amendment, decision="accepted")
