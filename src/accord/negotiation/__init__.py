"""Negotiating the text: delegations' positions (and, later, brackets and contributions)."""
