"""Accord: prepare, negotiate, convene and follow up an intergovernmental development conference."""

__version__ = "0.1.0"
