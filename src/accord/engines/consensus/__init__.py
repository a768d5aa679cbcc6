"""Where consensus stands: the status rule and the delegation × bracket matrix (no Django).

Inputs are parsed item texts (``engines.brackets``) and delegations' current stances; the
Django side loads rows and calls these, so the rule can be tested and benchmarked alone.
"""

from accord.engines.consensus.matrix import Cell, Column, Matrix, bracket_matrix, standing_alone
from accord.engines.consensus.stances import Leaning, Placed, Stated, latest, leaning, place
from accord.engines.consensus.status import Status, item_status

__all__ = [
    "Cell",
    "Column",
    "Leaning",
    "Matrix",
    "Placed",
    "Stated",
    "Status",
    "bracket_matrix",
    "item_status",
    "latest",
    "leaning",
    "place",
    "standing_alone",
]
