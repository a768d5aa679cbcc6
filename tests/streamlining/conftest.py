"""A small plan with two near-duplicate outcomes and an unrelated one, built through the domain,
and a helper that starts an analysis and runs it (the immediate backend runs the task when
the transaction's on_commit callbacks run)."""

from __future__ import annotations

import importlib.util

import pytest

from accord.engines import overlap
from accord.streamlining import domain
from tests import factories

# The overlap engine is written alongside; until its API is in, the tests that need it wait.
needs_engine = pytest.mark.skipif(
    not all(hasattr(overlap, name) for name in ("find_overlaps", "explain", "merged_draft")),
    reason="accord.engines.overlap does not export find_overlaps/explain/merged_draft yet",
)
needs_reader = pytest.mark.skipif(
    importlib.util.find_spec("accord.engines.overlap.corpus") is None,
    reason="accord.engines.overlap.corpus.read_corpus is not written yet",
)

TEXTS = {
    "D.1-a": "Improve affordable broadband connectivity in rural and remote areas through "
    "infrastructure sharing, universal service funds and sound spectrum management policies",
    "D.1-b": "Strengthen the capacity of national computer incident response teams to "
    "protect critical information infrastructure against cyberattacks",
    "D.2-a": "Improve affordable broadband connectivity in remote and rural areas through "
    "infrastructure sharing, universal service funds and community networks",
}


def make_plan(admin, conference, texts=TEXTS):
    return factories.make_plan_of(admin, conference, texts)


@pytest.fixture
def plan(admin, conference):
    return make_plan(admin, conference)


def run_now(capture_on_commit, user, conference, version, **options):
    """Start an analysis and let its task run, as after the request's commit."""
    with capture_on_commit(execute=True):
        started = domain.start_analysis(
            user=user, conference=conference, version=version, **options
        )
    started.refresh_from_db()
    return started


@pytest.fixture
def analyse(django_capture_on_commit_callbacks):
    return lambda *args, **options: run_now(django_capture_on_commit_callbacks, *args, **options)


@pytest.fixture
def delegation(admin, conference):
    return factories.make_delegation(admin, conference, "KEN")
