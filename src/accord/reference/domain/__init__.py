"""Writes of reference data: the tables the project ships (loaded after every migrate) and the
lists imported from files (SDG targets, the secretariat's lists)."""

from accord.reference.domain.imports import (
    ImportReport,
    import_reference_entries,
    import_sdg_targets,
)
from accord.reference.domain.shipped import load_reference_data

__all__ = [
    "ImportReport",
    "import_reference_entries",
    "import_sdg_targets",
    "load_reference_data",
]
