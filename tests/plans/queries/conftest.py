"""A small plan with links of every kind, the same one the linkage query tests count on."""

from __future__ import annotations

import pytest

from accord.plans import domain as plans
from accord.plans.enums import LinkageType

LINKS = {
    "D.1-a": [("sdg", "4"), ("sdg", "9"), ("sdg_target", "4.4"), ("wsis", "C4")],
    "D.1-1": [("sdg_target", "9.c"), ("wsis", "C2")],
    "D.1-b": [("sdg", "9"), ("sdg_target", "9.1"), ("wsis", "C2")],
    "D.2-a": [("sdg", "17"), ("resolution", "Res. 37")],
    "D.2-b": [("regional_initiative", "AFR RI 1")],
}
"""D.2-1 has no link at all."""


def link_items(admin, version, links=LINKS):
    for item in version.items.all():
        for type_, target in links.get(item.code, []):
            plans.add_linkage(user=admin, item=item, type=LinkageType(type_), target=target)


@pytest.fixture
def linked(admin, draft):
    """The ``draft`` fixture's version (D.1 and D.2, three items each) with ``LINKS``."""
    link_items(admin, draft)
    return draft
