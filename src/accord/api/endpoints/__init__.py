"""Thin endpoints: find what the caller may see, call the domain, shape the answer."""
