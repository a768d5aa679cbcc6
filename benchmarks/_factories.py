"""Minimal data builders for the benchmarks, through the domain functions."""

from __future__ import annotations

import datetime as dt

from accord.conferences import domain as people


def make_admin():
    return people.create_secretariat_account(
        username="bench",
        name="Bench Secretariat",
        email="bench@example.org",
        password="bench-pass-1",
    ).user


def make_conference(admin, slug: str):
    return people.create_conference(
        user=admin,
        slug=slug,
        name=f"Benchmark {slug}",
        short_name=slug.upper(),
        start_date=dt.date(2027, 6, 5),
        end_date=dt.date(2027, 6, 16),
    )
