"""Reads of regional priorities, each respecting the rules."""

from accord.regional.queries.common import (
    CommonPriorities,
    LinkGroup,
    OverlapGroup,
    OverlapLink,
    common_priorities,
)
from accord.regional.queries.mandates import find_mandate, mandates_of
from accord.regional.queries.priorities import (
    RtoPriorities,
    find_priority,
    priorities_by_rto,
    priorities_of,
)

__all__ = [
    "CommonPriorities",
    "LinkGroup",
    "OverlapGroup",
    "OverlapLink",
    "RtoPriorities",
    "common_priorities",
    "find_mandate",
    "find_priority",
    "mandates_of",
    "priorities_by_rto",
    "priorities_of",
]
