"""Adapters of linkage suggestions: their JSON form for the API and exports."""
