"""The only place that writes participation targets and previous figures."""

from accord.participation.domain.past import (
    PastImport,
    import_past_participation,
    remove_past_participation,
)
from accord.participation.domain.targets import set_target, set_targets

__all__ = [
    "PastImport",
    "import_past_participation",
    "remove_past_participation",
    "set_target",
    "set_targets",
]
