"""Thin views: each reads through the plan queries and the rules, then renders a template."""
