"""Writes of the negotiation: positions, bracket resolutions, contributions."""

from accord.negotiation.domain.brackets import resolve_bracket
from accord.negotiation.domain.contributions import (
    add_amendment,
    create_contribution,
    decide_amendment,
    submit_contribution,
    withdraw_contribution,
)
from accord.negotiation.domain.merge import MergeConflict, merge_contributions
from accord.negotiation.domain.positions import record_position

__all__ = [
    "MergeConflict",
    "add_amendment",
    "create_contribution",
    "decide_amendment",
    "merge_contributions",
    "record_position",
    "resolve_bracket",
    "submit_contribution",
    "withdraw_contribution",
]
