"""A conference with ten registered participants (two pending and one rejected ignored)."""

from __future__ import annotations

import pytest

from tests.factories import make_participant_registration

# name, region, constituent group, membership category, gender, attended
REGISTERED = [
    ("P1", "AFR", "private_sector", "sector_member", "female", True),
    ("P2", "AFR", "government", "member_state", "male", True),
    ("P3", "AFR", "government", "member_state", "female", False),
    ("P4", "EUR", "private_sector", "sector_member", "male", True),
    ("P5", "EUR", "academia", "academia", "female", True),
    ("P6", "ASP", "government", "member_state", "male", False),
    ("P7", "ASP", "civil_society", None, "other", True),
    ("P8", None, "government", "member_state", "undisclosed", False),
    ("P9", "AMS", None, None, "female", True),
    ("P10", "ARB", "private_sector", "sector_member", "male", False),
]

PAST_CSV = (
    "Dimension,Value,Registered,Attended\n"
    "constituent_group,private_sector,21,15\n"
    "constituent_group,government,79,60\n"
    "gender,female,30,20\n"
    "gender,male,70,55\n"
)


def register(conference, rows=REGISTERED):
    for name, region, group, category, gender, attended in rows:
        make_participant_registration(
            conference,
            name=name,
            region=region,
            group=group,
            category=category,
            gender=gender,
            attended=attended,
        )


@pytest.fixture
def registrations(conference):
    register(conference)
    make_participant_registration(
        conference, name="Pending", region="EUR", group="private_sector", state="pending"
    )
    make_participant_registration(
        conference,
        name="Rejected",
        region="AFR",
        group="government",
        state="rejected",
        attended=True,
    )
    return conference
