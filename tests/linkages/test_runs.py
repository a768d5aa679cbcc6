"""Whole-plan suggestion runs: queued on commit, run by the task with the real engine, progress
saved, always ending done or failed; with and without the embedding model."""

import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engines.overlap import semantic
from accord.linkages import domain
from accord.linkages.domain import runs
from accord.linkages.enums import RunState
from accord.linkages.models import LinkSuggestion, SuggestionRun
from accord.linkages.queries import latest_run, pending_by_item, run_progress
from accord.plans import domain as plans
from accord.plans.enums import VersionState

pytestmark = pytest.mark.integration

needs_model = pytest.mark.skipif(
    not semantic.available(), reason="wordllama (pip install 'accord[semantic]') not installed"
)


def goals_by_code(version):
    found = pending_by_item(version)
    return {
        item.code: [s.target for s in found.get(item.pk, []) if s.type == "sdg"]
        for item in version.items.all()
    }


def test_run_suggests_for_every_item_and_finishes_done(admin, plan, run_all):
    run = run_all(admin, plan, method="lexical")

    assert (run.state, run.done, run.total, run.method, run.error) == (
        RunState.DONE,
        4,
        4,
        "lexical",
        "",
    )
    assert run.suggested == LinkSuggestion.objects.filter(item__version=plan).count()
    assert run.finished_at is not None
    assert [e.action for e in AuditEntry.objects.filter(target_type="linkages.suggestionrun")][
        ::-1
    ] == ["linkages.run_started", "linkages.run_done"]


def test_run_suggestions_are_sensible(admin, plan, run_all):
    run_all(admin, plan, method="lexical")

    goals = goals_by_code(plan)
    assert ("4" in goals["D.1-a"], "5" in goals["D.1-b"], "17" in goals["D.2-a"]) == (
        True,
        True,
        True,
    )


def test_run_keeps_decisions(admin, plan, run_all):
    run_all(admin, plan, method="lexical")
    skills = plan.items.get(code="D.1-a")
    first = skills.link_suggestions.order_by("-score").first()
    domain.reject_suggestion(user=admin, suggestion=first, reason="no")

    run_all(admin, plan, method="lexical")

    assert skills.link_suggestions.filter(type=first.type, target=first.target).get().state == (
        "rejected"
    )


def test_run_without_the_model_falls_back_to_lexical(admin, plan, run_all, without_model):
    run = run_all(admin, plan, method="hybrid")

    assert (run.state, run.method) == (RunState.DONE, "lexical")
    assert set(LinkSuggestion.objects.values_list("method", flat=True)) == {"lexical"}


@needs_model
def test_run_with_the_model_uses_hybrid(admin, plan, run_all):
    run = run_all(admin, plan, method="hybrid")

    assert (run.state, run.method) == (RunState.DONE, "hybrid")
    assert "4" in goals_by_code(plan)["D.1-a"]


def test_start_run_by_delegate_not_allowed(plan, delegate):
    with pytest.raises(NotAllowed):
        domain.start_suggestion_run(user=delegate, version=plan)

    assert SuggestionRun.objects.count() == 0


def test_start_run_while_one_is_queued_refused(admin, plan):
    first = domain.start_suggestion_run(user=admin, version=plan)  # not committed: stays queued

    with pytest.raises(DomainError) as raised:
        domain.start_suggestion_run(user=admin, version=plan)

    assert raised.value.message == (
        f"Links are already being suggested for version 1 (run {first.pk}, queued)."
    )


def test_start_run_unknown_method_refused(admin, plan):
    with pytest.raises(DomainError) as raised:
        domain.start_suggestion_run(user=admin, version=plan, method="magic")

    assert raised.value.field == "method"


def test_run_failure_is_recorded(admin, plan, run_all, monkeypatch):
    def broken(method):
        raise RuntimeError("catalogue unreadable")

    monkeypatch.setattr(runs, "current_suggester", broken)

    run = run_all(admin, plan)

    assert (run.state, run.error) == (
        RunState.FAILED,
        "Unexpected error (RuntimeError): catalogue unreadable",
    )
    assert LinkSuggestion.objects.count() == 0


def test_run_of_a_version_circulated_meanwhile_fails(admin, plan):
    run = domain.start_suggestion_run(user=admin, version=plan)
    plans.set_version_state(user=admin, version=plan, state=VersionState.CIRCULATED)

    finished = domain.run_suggestions(run_id=run.pk)

    assert (finished.state, finished.error) == (
        RunState.FAILED,
        "Version 1 is circulated; links are suggested for drafts.",
    )


def test_run_progress_and_latest_run(admin, plan, run_all):
    run = run_all(admin, plan, method="lexical")

    progress = run_progress(run)

    assert (progress.percent, progress.finished, progress.done, progress.total) == (
        100,
        True,
        4,
        4,
    )
    assert latest_run(plan) == run


def test_progress_is_saved_while_running(admin, plan, monkeypatch):
    seen = []
    real = runs._progress_saver

    def watching(run_id):
        save = real(run_id)

        def both(done, total):
            save(done, total)
            seen.append(SuggestionRun.objects.values_list("state", "done", "total").get(pk=run_id))

        return both

    monkeypatch.setattr(runs, "_progress_saver", watching)
    run = domain.start_suggestion_run(user=admin, version=plan, method="lexical")

    domain.run_suggestions(run_id=run.pk)

    assert seen == [("running", n, 4) for n in range(1, 5)]


def test_recover_interrupted_runs_ends_a_running_run_failed(admin, plan):
    run = domain.start_suggestion_run(user=admin, version=plan)
    SuggestionRun.objects.filter(pk=run.pk).update(state=RunState.RUNNING)

    line = domain.recover_interrupted_runs()

    run.refresh_from_db()
    assert (line, run.state, run.error) == (
        "Link suggestions: 0 queued again, 1 interrupted.",
        RunState.FAILED,
        "Interrupted: the server stopped while this ran. Start it again.",
    )
