"""The demo conference's preparatory calendar, created through the domain functions.

As the first seed proposes: six regional preparatory meetings, three interregional ones held
back to back with the second, fourth and sixth, chaired by the conference's chair, each region
mandating two representatives (some places still open), and coordinators per region and topic
with visible gaps. Documents are listed without files, so seeding writes nothing to disk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.conferences.models import Conference, Person
from accord.meetings import domain
from accord.meetings.domain import AgendaEntry
from accord.meetings.enums import DocumentKind, MeetingKind, Topic
from accord.meetings.models import Meeting
from accord.negotiation.models import Contribution
from accord.plans.models import PlanVersion

D = dt.date

# code, region, first day, last day, city, country, time zone, chair's e-mail, online
RPMS = [
    ("RPM-CIS", "CIS", D(2026, 9, 15), D(2026, 9, 16), "Almaty", "Kazakhstan", "Asia/Almaty",
     "aigerim.seitkali@example.org", False),
    ("RPM-AFR", "AFR", D(2026, 10, 20), D(2026, 10, 22), "Nairobi", "Kenya", "Africa/Nairobi",
     "amina.wekesa@example.org", False),
    ("RPM-AMS", "AMS", D(2026, 11, 24), D(2026, 11, 26), "Brasília", "Brazil",
     "America/Sao_Paulo", "renata.albuquerque@example.org", True),
    ("RPM-ASP", "ASP", D(2027, 1, 19), D(2027, 1, 21), "Jakarta", "Indonesia", "Asia/Jakarta",
     "dewi.kartikasari@example.org", False),
    ("RPM-ARB", "ARB", D(2027, 2, 9), D(2027, 2, 11), "Cairo", "Egypt", "Africa/Cairo",
     "nadia.farouk@example.org", False),
    ("RPM-EUR", "EUR", D(2027, 3, 9), D(2027, 3, 11), "Lisbon", "Portugal", "Europe/Lisbon",
     "ines.valadares@example.org", True),
]  # fmt: skip
IPMS = [("IPM-1", "RPM-AFR", 1), ("IPM-2", "RPM-ASP", 2), ("IPM-3", "RPM-EUR", 3)]
REGION_NAMES = {
    "AFR": "Africa",
    "AMS": "the Americas",
    "ARB": "the Arab States",
    "ASP": "Asia and the Pacific",
    "CIS": "the CIS",
    "EUR": "Europe",
}

RPM_AGENDA = [
    AgendaEntry("1", "Opening of the meeting and adoption of the agenda"),
    AgendaEntry("2", "Review of the regional initiatives and their results"),
    AgendaEntry("3", "Regional priorities for the Action Plan: connectivity", ("D.1", "D.1-a")),
    AgendaEntry("4", "Digital transformation and inclusion", ("D.2", "D.5")),
    AgendaEntry("5", "Resolutions and study Questions: proposals of the region"),
    AgendaEntry("6", "Nomination of the region's coordinators and IPM representatives"),
    AgendaEntry("7", "Any other business"),
]
IPM_AGENDA = [
    AgendaEntry("1", "Opening by the Chair-designate and adoption of the agenda"),
    AgendaEntry("2", "Resolutions needing interregional consensus"),
    AgendaEntry("3", "Draft declaration of the conference"),
    AgendaEntry("4", "Study Group Questions: structure and allocation"),
    AgendaEntry("5", "Action Plan items still disputed", ("D.3", "D.4")),
    AgendaEntry("6", "Development projects needing funding", ("D.4-a",)),
    AgendaEntry("7", "Organization of the work of the conference"),
]

# IPM → region → e-mails of the representatives it mandated (places left open on purpose).
MANDATES: dict[str, dict[str, list[str]]] = {
    "IPM-1": {
        "AFR": ["amina.wekesa@example.org", "moussa.diallo-ndour@example.org"],
        "AMS": ["renata.albuquerque@example.org", "andres.villamarin@example.org"],
        "ARB": ["nadia.farouk@example.org"],
        "ASP": ["dewi.kartikasari@example.org", "mereani.tuilagi@example.org"],
        "CIS": ["aigerim.seitkali@example.org"],
        "EUR": ["ines.valadares@example.org"],
    },
    "IPM-2": {
        "AFR": ["joseph.kiprotich@example.org"],
        "ASP": ["rizal.prasetyo@example.org", "josaia.vunibola@example.org"],
        "CIS": ["daniyar.ospanbek@example.org"],
    },
}

# region → topic (or priority code) → e-mail of its coordinator; empty cells are the gaps.
COORDINATORS: dict[str, dict[str, str]] = {
    "AFR": {
        Topic.RESOLUTIONS: "amina.wekesa@example.org",
        Topic.DECLARATION: "moussa.diallo-ndour@example.org",
        Topic.QUESTIONS: "joseph.kiprotich@example.org",
        "D.1": "lydia.muthoni@example.org",
        "D.4": "awa.sarrel@example.org",
    },
    "AMS": {
        Topic.RESOLUTIONS: "renata.albuquerque@example.org",
        Topic.STRATEGIC_PLAN: "andres.villamarin@example.org",
        "D.1": "camila.teodoro@example.org",
        "D.3": "lucia.ocampo@example.org",
    },
    "ARB": {Topic.RESOLUTIONS: "karim.elsayed@example.org", "D.2": "hana.mansour@example.org"},
    "ASP": {
        Topic.DECLARATION: "dewi.kartikasari@example.org",
        Topic.QUESTIONS: "rizal.prasetyo@example.org",
        "D.5": "mereani.tuilagi@example.org",
    },
    "CIS": {Topic.RESOLUTIONS: "aigerim.seitkali@example.org", "D.2": "saule.amirkhan@example.org"},
    "EUR": {
        Topic.RESOLUTIONS: "ines.valadares@example.org",
        Topic.DECLARATION: "rui.carvalhal@example.org",
        Topic.STRATEGIC_PLAN: "ines.valadares@example.org",
    },
}


def _person(email: str) -> Person:
    return Person.objects.get(email=email)


def seed_meetings(admin: Any, conference: Conference, delegations: dict[str, Any]) -> None:
    """Schedule the preparatory calendar of the demo conference (see the module)."""
    chair = Person.objects.filter(user__appointments__conference=conference).first()
    advisory = domain.create_meeting(
        user=admin,
        conference=conference,
        kind=MeetingKind.ADVISORY_GROUP,
        code="TDAG-26",
        title="Advisory group: meeting before the conference",
        starts_on=D(2026, 5, 18),
        ends_on=D(2026, 5, 21),
        city="Port Verde",
        country="Examplia",
        contribution_days_before=21,
    )
    rpms: dict[str, Meeting] = {}
    for n, (code, region, first, last, city, country, tz, chair_email, online) in enumerate(
        RPMS, start=1
    ):
        rpms[code] = domain.create_meeting(
            user=admin,
            conference=conference,
            kind=MeetingKind.RPM,
            code=code,
            title=f"Regional preparatory meeting for {REGION_NAMES[region]} (RPM {n})",
            region=region,
            starts_on=first,
            ends_on=last,
            timezone=tz,
            city=city,
            country=country,
            online=online,
            online_url=f"https://meet.example.org/ddc-27/{code.lower()}" if online else "",
            chair=_person(chair_email),
        )
    ipms: dict[str, Meeting] = {}
    for code, partner_code, n in IPMS:
        partner = rpms[partner_code]
        ipms[code] = domain.create_meeting(
            user=admin,
            conference=conference,
            kind=MeetingKind.IPM,
            code=code,
            title=f"Interregional preparatory meeting {n}",
            starts_on=partner.ends_on + dt.timedelta(days=1),
            ends_on=partner.ends_on + dt.timedelta(days=2),
            timezone=partner.timezone,
            city=partner.city,
            country=partner.country,
            online=partner.online,
            online_url=partner.online_url.replace(partner_code.lower(), code.lower()),
            chair=chair,
            back_to_back_with=partner,
        )
    later = [
        (MeetingKind.WORKING_GROUP, "WG-AP", "Working group on the Action Plan", D(2027, 4, 20),
         D(2027, 4, 21)),
        (MeetingKind.DRAFTING_GROUP, "DG-DECL", "Drafting group on the declaration",
         D(2027, 5, 4), D(2027, 5, 4)),
    ]  # fmt: skip
    for kind, code, title, first, last in later:
        domain.create_meeting(
            user=admin,
            conference=conference,
            kind=kind,
            code=code,
            title=title,
            starts_on=first,
            ends_on=last,
            online=True,
            online_url=f"https://meet.example.org/ddc-27/{code.lower()}",
            chair=chair,
            contribution_days_before=10,
        )
    domain.create_meeting(
        user=admin,
        conference=conference,
        kind=MeetingKind.CONFERENCE,
        code=conference.short_name,
        title=conference.name,
        starts_on=conference.start_date,
        ends_on=conference.end_date,
        city="Port Verde",
        country="Examplia",
        chair=chair,
        contribution_days_before=28,
    )
    version = PlanVersion.objects.filter(plan__conference=conference).order_by("number").first()
    for meeting in rpms.values():
        domain.set_agenda(user=admin, meeting=meeting, entries=RPM_AGENDA, version=version)
    for meeting in ipms.values():
        domain.set_agenda(user=admin, meeting=meeting, entries=IPM_AGENDA, version=version)
    domain.set_agenda(
        user=admin,
        meeting=advisory,
        entries=[
            AgendaEntry("1", "Preparations for the conference"),
            AgendaEntry("2", "Draft Action Plan", ("D.1", "D.2", "D.3", "D.4", "D.5")),
        ],
        version=version,
    )
    _seed_documents(admin, conference, rpms, ipms)
    _seed_representatives(admin, ipms, delegations)
    _seed_coordinators(admin, conference, version)


def _seed_documents(
    admin: Any, conference: Conference, rpms: dict[str, Meeting], ipms: dict[str, Meeting]
) -> None:
    contributions = {
        c.reference: c
        for c in Contribution.objects.filter(
            version__plan__conference=conference, submitted_at__isnull=False
        )
    }
    documents = [
        (rpms["RPM-CIS"], DocumentKind.AGENDA, "Agenda of the meeting", None),
        (rpms["RPM-CIS"], DocumentKind.REPORT, "Report of the meeting", None),
        (rpms["RPM-AFR"], DocumentKind.AGENDA, "Agenda of the meeting", None),
        (rpms["RPM-AFR"], DocumentKind.CONTRIBUTION, "Common proposal on affordable devices",
         contributions.get("DDC-27/12")),
        (rpms["RPM-AFR"], DocumentKind.REPORT, "Report of the meeting", None),
        (ipms["IPM-1"], DocumentKind.INFORMATION, "Outcomes of the regional meetings so far",
         None),
        (rpms["RPM-AMS"], DocumentKind.AGENDA, "Agenda of the meeting", None),
        (rpms["RPM-AMS"], DocumentKind.CONTRIBUTION,
         "Proposals on consumer information and project finance", contributions.get("DDC-27/15")),
    ]  # fmt: skip
    for meeting, kind, title, contribution in documents:
        domain.attach_document(
            user=admin,
            meeting=meeting,
            symbol=domain.next_symbol(meeting),
            title=title,
            kind=kind,
            contribution=contribution,
        )


def _seed_representatives(
    admin: Any, ipms: dict[str, Meeting], delegations: dict[str, Any]
) -> None:
    by_email = {
        person.email: delegation
        for delegation in delegations.values()
        for person in delegation.members.all()
    }
    for code, regions in MANDATES.items():
        for region, emails in regions.items():
            for email in emails:
                domain.mandate_representative(
                    user=admin,
                    meeting=ipms[code],
                    region=region,
                    person=_person(email),
                    delegation=by_email.get(email),
                )


def _seed_coordinators(admin: Any, conference: Conference, version: PlanVersion | None) -> None:
    for region, cells in COORDINATORS.items():
        for topic, email in cells.items():
            is_priority = topic not in Topic.values
            domain.assign_coordinator(
                user=admin,
                conference=conference,
                region=region,
                topic=Topic.PRIORITY if is_priority else topic,
                priority=version.priorities.get(code=topic)
                if is_priority and version is not None
                else None,
                person=_person(email),
            )
