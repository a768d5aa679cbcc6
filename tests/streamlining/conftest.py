"""A small plan with two near-duplicate outcomes and an unrelated one, built through the domain,
and a helper that starts an analysis and runs it (the immediate backend runs the task when
the transaction's on_commit callbacks run)."""

from __future__ import annotations

import importlib.util

import pytest

from accord.engines import overlap
from accord.plans import domain as plans
from accord.plans.enums import ItemKind
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
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Draft")
    priorities = {}
    for code, text in texts.items():
        prefix = code.split("-")[0]
        if prefix not in priorities:
            priorities[prefix] = plans.add_priority(
                user=admin, version=version, code=prefix, title=f"Priority {prefix}"
            )
        plans.add_item(
            user=admin, priority=priorities[prefix], kind=ItemKind.OUTCOME, code=code, text=text
        )
    return version


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
