"""Adapters between files and reference data: the secretariat's lists."""
