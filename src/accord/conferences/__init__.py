"""Conferences, organizations, people, delegations and appointments."""
