"""A small draft plan with items whose links are plain (digital skills, women and girls,
financing, cybersecurity), a scripted suggester for the domain's bookkeeping, and helpers to
run a whole-plan suggestion run and to simulate the embedding model's absence."""

from __future__ import annotations

import pytest

from accord.engines.linkage.model import Suggestion, Suggestions
from accord.linkages import domain
from tests import factories

TEXTS = {
    "D.1-a": "Strengthened national digital skills strategies, with training programmes for "
    "teachers and students in schools and universities",
    "D.1-b": "Increased participation of women and girls in ICT studies and careers",
    "D.2-a": "Additional financing mobilized from development banks and partners for "
    "connectivity projects in least developed countries",
    "D.2-b": "Strengthened national capability to detect and respond to cybersecurity "
    "incidents through computer incident response teams",
}


def make_plan(admin, conference, texts=TEXTS):
    return factories.make_plan_of(admin, conference, texts)


@pytest.fixture
def plan(admin, conference):
    return make_plan(admin, conference)


@pytest.fixture
def item(plan):
    return plan.items.get(code="D.1-a")


@pytest.fixture
def chair(admin, conference):
    return factories.make_chair(admin, conference)


@pytest.fixture
def delegate(admin, conference):
    return factories.make_delegate(admin, factories.make_delegation(admin, conference), "delegate")


@pytest.fixture(autouse=True)
def _fresh_suggesters():
    """Each test builds its own Suggester: the cache's key (row ids) repeats across tests
    whose rows were rolled back."""
    domain.forget_suggesters()
    yield
    domain.forget_suggesters()


class ScriptedSuggester:
    """Says what it is told, whatever the text: the domain's bookkeeping is under test."""

    method = "lexical"

    def __init__(self, *suggestions: tuple[str, str, float]) -> None:
        self.suggestions = [
            Suggestion(kind=kind, code=code, score=score, evidence=(f"phrase for {code}",))
            for kind, code, score in suggestions
        ]

    def suggest(self, text: str, top: int = 3, include_below: bool = False) -> Suggestions:
        def of(kind: str) -> tuple[Suggestion, ...]:
            chosen = [s for s in self.suggestions if s.kind == kind]
            return tuple(sorted(chosen, key=lambda s: -s.score)[:top])

        return Suggestions(goals=of("sdg_goal"), targets=of("sdg_target"), wsis=of("wsis"))


@pytest.fixture
def scripted():
    return ScriptedSuggester


@pytest.fixture
def run_all(django_capture_on_commit_callbacks):
    """Start a whole-plan run and let its task run, as after the request's commit."""

    def start(user, version, **options):
        with django_capture_on_commit_callbacks(execute=True):
            run = domain.start_suggestion_run(user=user, version=version, **options)
        run.refresh_from_db()
        return run

    return start


@pytest.fixture
def without_model(monkeypatch):
    """The embedding model is not installed: the semantic path is unavailable."""
    from accord.engines.overlap import semantic

    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "load", lambda: None)
    domain.forget_suggesters()
