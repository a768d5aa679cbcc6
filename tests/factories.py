"""Build test data through the domain functions, as users would."""

from __future__ import annotations

import datetime as dt
from itertools import count
from typing import Any

from accord.conferences import domain as people
from accord.conferences.enums import Role
from accord.conferences.models import Conference, Delegation
from accord.plans import domain as plans
from accord.plans.enums import ItemKind, ItemStatus
from accord.plans.models import PlanVersion

_seq = count(1)
PASSWORD = "a-test-password-1"


def make_secretariat(username: str | None = None) -> Any:
    username = username or f"secretariat{next(_seq)}"
    return people.create_secretariat_account(
        username=username,
        name=f"Sec {username}",
        email=f"{username}@example.org",
        password=PASSWORD,
    ).user


def make_conference(admin: Any, slug: str | None = None, **fields: Any) -> Conference:
    slug = slug or f"conf-{next(_seq)}"
    values = {
        "name": f"Conference {slug}",
        "short_name": slug.upper(),
        "start_date": dt.date(2027, 6, 5),
        "end_date": dt.date(2027, 6, 16),
        "venue": "Port Verde",
    } | fields
    return people.create_conference(user=admin, slug=slug, **values)


def make_user(admin: Any, username: str, **fields: Any) -> Any:
    return people.create_person(
        user=admin,
        name=f"{username.title()} Person",
        email=f"{username}@example.org",
        username=username,
        password=PASSWORD,
        **fields,
    ).user


def make_chair(admin: Any, conference: Conference, username: str = "chair") -> Any:
    account = make_user(admin, username)
    people.appoint(user=admin, conference=conference, account=account, role=Role.CHAIR)
    return account


def make_observer(admin: Any, conference: Conference, username: str = "observer") -> Any:
    account = make_user(admin, username)
    people.appoint(user=admin, conference=conference, account=account, role=Role.OBSERVER)
    return account


def make_delegation(
    admin: Any, conference: Conference, country_iso3: str = "KEN", name: str | None = None
) -> Delegation:
    organization = people.create_organization(
        user=admin,
        name=name or f"Administration {country_iso3} {next(_seq)}",
        category="member_state",
        country=country_iso3,
        constituent_group="government",
    )
    return people.create_delegation(user=admin, conference=conference, organization=organization)


def make_delegate(admin: Any, delegation: Delegation, username: str) -> Any:
    person = people.create_person(
        user=admin,
        name=f"{username.title()} Delegate",
        email=f"{username}@example.org",
        organization=delegation.organization,
        username=username,
        password=PASSWORD,
    )
    people.add_delegation_member(user=admin, delegation=delegation, person=person)
    return person.user


def make_plan_version(
    admin: Any, conference: Conference, priorities: int = 2, items_per_priority: int = 3
) -> PlanVersion:
    """A draft version with outcomes and outputs in all three statuses."""
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Draft")
    statuses = list(ItemStatus.values)
    for p in range(1, priorities + 1):
        priority = plans.add_priority(
            user=admin, version=version, code=f"D.{p}", title=f"Priority {p}"
        )
        outcome = None
        for i in range(items_per_priority):
            is_outcome = i % 2 == 0
            item = plans.add_item(
                user=admin,
                priority=priority,
                kind=ItemKind.OUTCOME if is_outcome else ItemKind.OUTPUT,
                code=f"D.{p}-{'abcdefghijklmnopqrstuvwxyz'[i // 2] if is_outcome else i // 2 + 1}",
                text=f"Text of item {i} under priority {p} about broadband connectivity",
                status=statuses[i % 3],
                outcome=None if is_outcome else outcome,
            )
            outcome = item if is_outcome else outcome
    return version


def make_plan_of(admin: Any, conference: Conference, texts: dict[str, str]) -> PlanVersion:
    """A draft version with one outcome per ``texts`` entry (code → text), under priorities
    named by the code's prefix ("D.1-a" → "D.1")."""
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Draft")
    priorities = {}
    for code, text in texts.items():
        prefix = code.split("-")[0]
        if prefix not in priorities:
            priorities[prefix] = plans.add_priority(
                user=admin, version=version, code=prefix, title=f"Priority {prefix}"
            )
        plans.add_item(
            user=admin, priority=priorities[prefix], kind=ItemKind.OUTCOME, code=code, text=text
        )
    return version


def make_participant_registration(
    conference: Conference,
    *,
    name: str = "Participant",
    region: str | None = None,
    group: str | None = None,
    category: str | None = None,
    gender: str = "undisclosed",
    state: str = "approved",
    attended: bool = False,
) -> Any:
    """A registration with the given reference codes (None leaves the value missing); built
    directly, as the figures only read it."""
    from accord.engagement.models import Registration
    from accord.reference.models import ConstituentGroup, MembershipCategory, Region

    return Registration.objects.create(
        conference=conference,
        name=name,
        email=f"{name.lower().replace(' ', '.')}.{next(_seq)}@example.org",  # one a person
        region=Region.objects.get(code=region) if region else None,
        constituent_group=ConstituentGroup.objects.get(code=group) if group else None,
        membership_category=MembershipCategory.objects.get(code=category) if category else None,
        gender=gender,
        state=state,
        attended=attended,
    )


CONTRIBUTION_TXT = (
    "Regional priorities – contribution of Kenya\n"
    "\n"
    "Summary:\n"
    "A short contribution to the regional preparatory meeting.\n"
    "\n"
    'P.1 Affordable access: Expand affordable access in rural areas.\tComment by Ann Lee: Canada – add "meaningful"\n'
    "\tPriority 1 Outputs and Outcomes agreed upon by the drafting group\n"
    "\n"
    "\tOutcomes\n"
    "\tOutputs\n"
    "\n"
    "\tP.1-a: Increased coverage of broadband networks in rural areas\n"
    'P.1-b: Strengthened universal service funds\tComment by Ann Lee: Mexico – insertion of "strengthened"\n'
    "\tP.1-1: Regional studies on the cost of backhaul\n"
    "\n"
    "\tPriority 1 Outputs and Outcomes indicated for further discussion (12 March)\n"
    "\n"
    "\tOutcomes\n"
    "\tOutputs\n"
    "\n"
    "\tP.1-c: [Improved affordability of devices through [reduced import duties/targeted subsidies]]"
    '\tComment by Ann Lee: Canada – remove "reduced import duties"\n'
    "Mexico – keep both\n"
    "\tNone\n"
    "\n"
    "\n"
    "P.2 Digital skills: Foster digital skills for all\n"
    "\tPriority 2 Outputs and Outcomes agreed upon by the drafting group\n"
    "\n"
    "\tOutcomes\n"
    "\tOutputs\n"
    "\n"
    "\tP.2-a: Strengthened national digital skills strategies\n"
    "\tP.2-1: Online training platform\tComment by Tom Ray: Suggestion to move to P.1 (Canada)\n"
    "P.2 -2: Toolkit for measuring digital skills\n"
).encode()
"""A small working document (invented) as a contribution's .txt: what the document engine
reads in it is ``CONTRIBUTION_READING``."""

CONTRIBUTION_READING = {
    "priorities": 2,
    "items": 7,
    "comments": 4,
    "positions": 5,
    "brackets": 2,
    "warnings": 1,
}
"""P.1-a/b/c, P.1-1, P.2-a, P.2-1, P.2-2; four comments; Canada and Mexico twice and Canada on
P.1; the nested brackets of P.1-c; the 'P.2 -2' identifier read as 'P.2-2'."""


def contribution_file(name: str = "contribution.txt", content: bytes = CONTRIBUTION_TXT) -> Any:
    """An uploaded contribution the document engine reads (a .txt working document)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
