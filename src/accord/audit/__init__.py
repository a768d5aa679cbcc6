"""Append-only audit trail: who changed what, and when."""
