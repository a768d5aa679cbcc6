"""The demo's invitation pipeline: three target lists (a short list of stars among them),
invitees at every step, two registrations (one pending, one approved) and, since the demo
conference opens in June 2027, invitations already overdue. Fictional people only."""

from __future__ import annotations

from typing import Any

from accord.conferences.models import Conference
from accord.engagement.domain import pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.models import Invitee
from accord.reference.models import ConstituentGroup, Country

# (list name, constituent group, [(name, e-mail, organization, country, star, state)])
LISTS: list[tuple[str, str, list[tuple[str, str, str, str, bool, str]]]] = [
    (
        "Private sector leaders",
        "private_sector",
        [
            (
                "Amara Okafor",
                "amara.okafor@invite.example",
                "Sahel Mobile",
                "NGA",
                True,
                "confirmed",
            ),
            (
                "Jonas Lindqvist",
                "jonas.lindqvist@invite.example",
                "Nordfiber",
                "SWE",
                True,
                "invited",
            ),
            (
                "Mei Tanaka",
                "mei.tanaka@invite.example",
                "Pacific Satlink",
                "JPN",
                False,
                "identified",
            ),
            ("Carlos Ruiz", "carlos.ruiz@invite.example", "Andes Cloud", "CHL", False, "declined"),
            (
                "Priya Nair",
                "priya.nair@invite.example",
                "Monsoon Networks",
                "IND",
                True,
                "identified",
            ),
        ],
    ),
    (
        "Governments and regulators",
        "government",
        [
            (
                "Fatou Diop",
                "fatou.diop@invite.example",
                "Ministry of Digital Economy",
                "SEN",
                True,
                "invited",
            ),
            (
                "Lucas Moreau",
                "lucas.moreau@invite.example",
                "Telecom Regulatory Office",
                "FRA",
                False,
                "identified",
            ),
        ],
    ),
    (
        "Academia and civil society",
        "academia",
        [
            (
                "Nadia Haddad",
                "nadia.haddad@invite.example",
                "Institute of Connectivity",
                "JOR",
                False,
                "confirmed",
            ),
            (
                "Tomás Silva",
                "tomas.silva@invite.example",
                "Open Access Coalition",
                "BRA",
                False,
                "identified",
            ),
        ],
    ),
]


def seed_engagement(admin: Any, conference: Conference) -> None:
    groups = {g.code: g for g in ConstituentGroup.objects.all()}
    countries = {c.iso3: c for c in Country.objects.select_related("region")}
    for list_name, group, people in LISTS:
        target_list = pipeline.create_target_list(
            user=admin,
            conference=conference,
            name=list_name,
            constituent_group=groups.get(group),
            owner=admin,
        )
        for name, email, organization, iso3, star, state in people:
            invitee = pipeline.add_invitee(
                user=admin,
                target_list=target_list,
                name=name,
                email=email,
                organization_name=organization,
                country=countries.get(iso3),
                star=star,
            )
            if state != "identified":
                pipeline.move_invitee(user=admin, invitee=invitee, state=state)
    confirmed = list(
        Invitee.objects.filter(
            target_list__conference=conference, state="confirmed"
        ).select_related("target_list", "constituent_group", "region")
    )
    for index, invitee in enumerate(confirmed):
        registered = registration_domain.register(
            conference=conference,
            invitee=invitee,
            form=registration_domain.RegistrationForm(
                name=invitee.name,
                email=invitee.email,
                organization_name=invitee.organization_name,
                region=invitee.region,
                constituent_group=invitee.constituent_group,
                gender="undisclosed",
            ),
        )
        if index == 0:
            registration_domain.decide(
                user=admin, registration=registered, approve=True, notify=False
            )
