"""The demo conference's participation targets and a previous conference's figures, set
through the domain like a secretariat would (the figures are invented for the demo)."""

from __future__ import annotations

from typing import Any

from accord.conferences.models import Conference
from accord.participation.domain import import_past_participation, set_targets
from accord.participation.enums import Dimension

TARGETS = {
    Dimension.CONSTITUENT_GROUP: {"private_sector": 30, "academia": 10},
    Dimension.GENDER: {"female": 40},
}

PREVIOUS = """dimension,value,registered,attended
constituent_group,government,610,560
constituent_group,private_sector,190,160
constituent_group,regulator,70,65
constituent_group,academia,25,20
constituent_group,civil_society,15,12
gender,female,300,270
gender,male,590,530
gender,undisclosed,20,17
"""


def seed_participation(admin: Any, conference: Conference) -> None:
    for dimension, shares in TARGETS.items():
        set_targets(user=admin, conference=conference, dimension=dimension, shares=shares)
    report = import_past_participation(
        user=admin, conference=conference, label="WTDC-22", data=PREVIOUS, file_name="demo.csv"
    )
    if not report.ok:
        raise ValueError(f"the demo's previous figures do not import: {report.errors}")
