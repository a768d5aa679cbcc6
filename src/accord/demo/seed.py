"""Seed the fictional Demo Development Conference from ``content.json``, idempotently."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from accord.conferences import domain as people
from accord.conferences.enums import Role
from accord.conferences.models import Conference
from accord.engagement.demo import seed_engagement
from accord.linkages import domain as linkages
from accord.linkages.queries import pending_suggestions
from accord.meetings.demo import seed_meetings
from accord.negotiation import domain as negotiation
from accord.participation.demo import seed_participation
from accord.plans import domain as plans
from accord.plans.domain.results import PeriodInput
from accord.plans.enums import VersionState
from accord.regional.demo import seed_regional_priorities

CONTENT = Path(__file__).resolve().parent / "content.json"


@dataclass(frozen=True)
class Credential:
    role: str
    username: str
    password: str
    acts_for: str = ""


@dataclass(frozen=True)
class SeedResult:
    conference: Conference
    created: bool
    credentials: list[Credential]


def demo_password(username: str) -> str:
    return f"{username}-demo"


def _credentials(content: dict[str, Any]) -> list[Credential]:
    accounts = content["accounts"]
    creds = [
        Credential(
            "secretariat",
            accounts["secretariat"]["username"],
            demo_password(accounts["secretariat"]["username"]),
        ),
        Credential(
            "chair", accounts["chair"]["username"], demo_password(accounts["chair"]["username"])
        ),
    ]
    creds += [
        Credential("delegate", d["username"], demo_password(d["username"]), d["delegation"])
        for d in accounts["delegates"]
    ]
    return creds


def seed_demo(path: Path = CONTENT) -> SeedResult:
    """Create the demo conference unless it exists; all or nothing."""
    content = json.loads(path.read_text(encoding="utf-8"))
    existing = Conference.objects.filter(slug=content["conference"]["slug"]).first()
    if existing is not None:
        return SeedResult(existing, False, _credentials(content))
    with transaction.atomic():
        conference = _seed(content)
    return SeedResult(conference, True, _credentials(content))


def _seed(content: dict[str, Any]) -> Conference:
    accounts = content["accounts"]
    sec = accounts["secretariat"]
    admin = people.create_secretariat_account(
        username=sec["username"],
        name=sec["name"],
        email=sec["email"],
        password=demo_password(sec["username"]),
    ).user
    info = content["conference"]
    conference = people.create_conference(
        user=admin,
        slug=info["slug"],
        name=info["name"],
        short_name=info["short_name"],
        venue=info["venue"],
        start_date=dt.date.fromisoformat(info["start_date"]),
        end_date=dt.date.fromisoformat(info["end_date"]),
        phase=info["phase"],
    )
    # Delegates with accounts are added below, once, as the person who signs in.
    with_accounts = {d["email"] for d in accounts["delegates"]}
    delegations = _seed_delegations(admin, conference, content["delegations"], with_accounts)
    chair = accounts["chair"]
    chair_person = people.create_person(
        user=admin,
        name=chair["name"],
        email=chair["email"],
        username=chair["username"],
        password=demo_password(chair["username"]),
    )
    people.appoint(
        user=admin,
        conference=conference,
        account=chair_person.user,
        role=Role.CHAIR,
        body="Working Group on the Action Plan",
    )
    for delegate in accounts["delegates"]:
        _seed_delegate(admin, delegations[delegate["delegation"]], delegate)
    _seed_plan(admin, conference, content, delegations)
    _seed_link_suggestions(chair_person.user, conference)
    seed_meetings(admin, conference, delegations)
    seed_regional_priorities(admin, conference, delegations)
    seed_engagement(admin, conference)
    seed_participation(admin, conference)
    return conference


def _seed_delegations(
    admin: Any, conference: Conference, rows: list[dict[str, Any]], skip_emails: set[str]
) -> dict[str, Any]:
    delegations = {}
    for row in rows:
        organization = people.create_organization(
            user=admin,
            name=row["organization"],
            category=row["category"],
            country=row["iso3"],
            region=row["region"],
            constituent_group=row["constituent_group"],
        )
        head = people.create_person(
            user=admin,
            name=row["head"]["name"],
            email=row["head"]["email"],
            organization=organization,
        )
        delegation = people.create_delegation(
            user=admin, conference=conference, organization=organization, head=head
        )
        for member in (m for m in row["members"] if m["email"] not in skip_emails):
            person = people.create_person(
                user=admin, name=member["name"], email=member["email"], organization=organization
            )
            people.add_delegation_member(user=admin, delegation=delegation, person=person)
        delegations[row["organization"]] = delegation
    return delegations


def _seed_delegate(admin: Any, delegation: Any, row: dict[str, Any]) -> None:
    account = people.create_person(
        user=admin,
        name=row["name"],
        email=row["email"],
        organization=delegation.organization,
        username=row["username"],
        password=demo_password(row["username"]),
    )
    people.add_delegation_member(user=admin, delegation=delegation, person=account)


def _seed_plan(
    admin: Any, conference: Conference, content: dict[str, Any], delegations: dict[str, Any]
) -> None:
    plan = plans.create_action_plan(
        user=admin, conference=conference, title=f"{conference.short_name} Action Plan"
    )
    base = plans.create_plan_version(user=admin, plan=plan, label=content["plan_label"])
    for entry in content["priorities"]:
        priority = plans.add_priority(
            user=admin,
            version=base,
            code=entry["code"],
            title=entry["title"],
            description=entry["description"],
        )
        outcomes = {}
        for row in entry["items"]:
            item = plans.add_item(
                user=admin,
                priority=priority,
                kind=row["kind"],
                code=row["code"],
                text=row["text"],
                outcome=outcomes.get(row.get("outcome")),
            )
            outcomes[item.code] = item
            for link in row["linkages"]:
                plans.add_linkage(user=admin, item=item, type=link["type"], target=link["target"])
            for kpi in row["kpis"]:
                plans.add_kpi(
                    user=admin,
                    item=item,
                    indicator=kpi["indicator"],
                    unit=kpi["unit"],
                    periods=[_period(p) for p in kpi["periods"]],
                )
    _seed_positions(admin, base, content["positions"], delegations)
    plans.set_version_state(user=admin, version=base, state=VersionState.PUBLISHED)
    _seed_contributions(admin, base, content["contributions"], delegations)
    plans.create_plan_version(
        user=admin,
        plan=plan,
        label="Working draft after the second regional meeting",
        based_on=base,
    )


def _seed_positions(
    admin: Any, version: Any, rows: list[dict[str, Any]], delegations: dict[str, Any]
) -> None:
    """Stances stated at the last meeting; the statuses follow from them and the brackets."""
    for row in rows:
        negotiation.record_position(
            user=admin,
            item=version.items.get(code=row["item"]),
            delegation=delegations[row["delegation"]],
            stance=row["stance"],
            bracket=row.get("bracket"),
            option=row.get("option"),
            detail=row.get("detail", ""),
        )


def _seed_contributions(
    admin: Any, version: Any, rows: list[dict[str, Any]], delegations: dict[str, Any]
) -> None:
    """Submitted proposals for the chair to merge, and one draft only Kenya sees."""
    for row in rows:
        contribution = negotiation.create_contribution(
            user=admin,
            version=version,
            delegation=delegations[row["delegation"]],
            title=row["title"],
            summary=row.get("summary", ""),
            reference=row.get("reference", ""),
            cosponsors=[delegations[name] for name in row.get("cosponsors", [])],
        )
        for change in row["amendments"]:
            code = change["item"]
            negotiation.add_amendment(
                user=admin,
                contribution=contribution,
                kind=change["kind"],
                item=None if change["kind"] == "add" else version.items.get(code=code),
                item_code=code if change["kind"] == "add" else "",
                item_kind=change.get("item_kind", ""),
                priority=version.priorities.get(code=change["priority"])
                if "priority" in change
                else None,
                text=change.get("text", ""),
                note=change.get("note", ""),
            )
        if row["submit"]:
            negotiation.submit_contribution(user=admin, contribution=contribution)


def _period(row: dict[str, Any]) -> PeriodInput:
    def number(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    return PeriodInput(
        start=dt.date.fromisoformat(row["start"]),
        end=dt.date.fromisoformat(row["end"]),
        baseline=number(row["baseline"]),
        target=number(row["target"]),
        actual=number(row["actual"]),
    )


ACCEPTED_SUGGESTIONS = 1
"""Per kind (goal, target, WSIS line), how many of the engine's best suggestions the chair
accepts on the working draft's items that have no link yet."""


def _seed_link_suggestions(chair: Any, conference: Conference) -> None:
    """The chair asks the engine for links on the working draft and accepts the best goal and
    WSIS line of the items nobody linked, so the coverage view and the map have suggested
    links next to the typed ones; the rest stays pending on the item pages. No reference
    data is imported (SDG target texts are not shipped), so no target is suggested."""
    working = conference.action_plan.versions.order_by("-number").first()
    for item in working.items.order_by("priority__order", "order", "id"):
        linked = item.linkages.exists()
        linkages.suggest_links(user=chair, item=item)
        if linked:
            continue
        taken: dict[str, int] = {}
        for suggestion in pending_suggestions(item):
            if taken.get(suggestion.type, 0) < ACCEPTED_SUGGESTIONS:
                linkages.accept_suggestion(user=chair, suggestion=suggestion)
                taken[suggestion.type] = taken.get(suggestion.type, 0) + 1
