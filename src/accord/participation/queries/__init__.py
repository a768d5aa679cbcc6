"""Reads of participation figures."""

from accord.participation.queries.dashboard import (
    Dashboard,
    DimensionFigures,
    ValueFigures,
    participation_dashboard,
)

__all__ = ["Dashboard", "DimensionFigures", "ValueFigures", "participation_dashboard"]
