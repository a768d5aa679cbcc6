"""The demo conference's regional priorities: three for each of the six RTOs, written for the
demo (not taken from any RTO's documents), several deliberately on the same themes across
regions (affordable connectivity, digital skills, cybersecurity) so the view of common
priorities has something to show, and some linked to the same plan item. Created through
the domain by the secretariat; Kenya's and Brazil's delegations act for ATU and CITEL."""

from __future__ import annotations

from typing import Any

from accord.conferences.models import Conference, Delegation
from accord.regional import domain

# RTO, code, title, text, linked plan items (identifiers in the newest version)
PRIORITIES = [
    ("ATU", "ATU-1", "Affordable broadband connectivity for rural communities",
     "Extend affordable broadband connectivity to rural and underserved communities, using "
     "universal service funds and community networks.", ["D.1-a", "D.1-b"]),
    ("ATU", "ATU-2", "Digital skills for young people and women",
     "Build the digital skills of young people and women through national training "
     "programmes and digital literacy in schools.", ["D.2-b"]),
    ("ATU", "ATU-3", "Spectrum harmonization across Africa",
     "Harmonize spectrum plans and cross-border coordination among African administrations.",
     ["D.3-b"]),
    ("CITEL", "CITEL-1", "Meaningful and affordable connectivity in rural areas",
     "Close the connectivity gap in rural and remote areas with affordable broadband and "
     "community networks financed by universal service funds.", ["D.1-a"]),
    ("CITEL", "CITEL-2", "Emergency telecommunications and disaster resilience",
     "Prepare national emergency telecommunication plans and early warning for hurricanes and "
     "earthquakes.", ["D.5-2"]),
    ("CITEL", "CITEL-3", "Consumer protection in digital markets",
     "Inform consumers on quality of service and tariffs, and resolve complaints quickly.",
     ["D.3-c"]),
    ("ASMG", "ASMG-1", "Cybersecurity and trust in the use of ICTs",
     "Strengthen national cybersecurity capabilities, computer incident response teams and "
     "trust in the use of ICTs.", ["D.5-b"]),
    ("ASMG", "ASMG-2", "Digital skills and capacity building for the digital economy",
     "Develop digital skills and capacity building for the digital economy, with training "
     "for young people and women.", []),
    ("ASMG", "ASMG-3", "Arabic digital content",
     "Promote the creation of local digital content and services in Arabic.", []),
    ("APT", "APT-1", "Affordable connectivity for small island states",
     "Bring affordable broadband connectivity to small island developing states and remote "
     "rural communities, including by satellite and submarine cables.", ["D.1-a"]),
    ("APT", "APT-2", "Smart villages and digital agriculture",
     "Use ICTs for agriculture, smart villages and rural development.", []),
    ("APT", "APT-3", "Disaster risk reduction with emergency telecommunications",
     "Plan emergency telecommunications and early warning systems for disaster risk "
     "reduction in the region.", ["D.5-2"]),
    ("RCC", "RCC-1", "Cybersecurity capacity and incident response",
     "Build national cybersecurity capacity and computer incident response teams, and raise "
     "trust and security in the use of ICTs.", ["D.5-b", "D.5-1"]),
    ("RCC", "RCC-2", "Digital transformation strategies",
     "Adopt national digital transformation strategies with costed action plans.", ["D.2-a"]),
    ("RCC", "RCC-3", "Quality of service monitoring",
     "Measure quality of service of mobile networks with common methods.", []),
    ("CEPT", "CEPT-1", "Cybersecurity and resilience of networks",
     "Improve the security and resilience of networks, national cybersecurity strategies and "
     "incident response teams.", ["D.5-b"]),
    ("CEPT", "CEPT-2", "Digital skills for all",
     "Equip people of all ages, especially women and young people, with digital skills "
     "through training and digital literacy programmes.", ["D.2-b"]),
    ("CEPT", "CEPT-3", "Accessibility of ICTs for persons with disabilities",
     "Make ICT products, public websites and procurement accessible to persons with "
     "disabilities.", ["D.5-a"]),
]  # fmt: skip

ACTING_FOR = {"ATU": "Kenya", "CITEL": "Brazil"}


def seed_regional_priorities(
    admin: Any, conference: Conference, delegations: dict[str, Delegation]
) -> None:
    """Every RTO's priorities, linked to items of the newest version of the plan."""
    version = conference.action_plan.versions.order_by("-number").first()
    items = {item.code: item for item in version.items.all()} if version else {}
    for rto, organization in ACTING_FOR.items():
        if organization in delegations:
            domain.mandate_delegation(user=admin, rto=rto, delegation=delegations[organization])
    for rto, code, title, text, links in PRIORITIES:
        domain.add_priority(
            user=admin,
            conference=conference,
            rto=rto,
            code=code,
            title=title,
            text=text,
            plan_items=[items[c] for c in links if c in items],
        )
