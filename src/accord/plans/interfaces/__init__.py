"""Adapters from the Action Plan to other formats (JSON for the API and the CLI)."""
