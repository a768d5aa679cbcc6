import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engines import overlap
from accord.negotiation.models import Contribution
from accord.streamlining import domain
from accord.streamlining.enums import CorpusKind, RunState
from accord.streamlining.models import AnalysisRun, Corpus, CorpusText, Dismissal
from accord.streamlining.queries import dismissals_of, visible_clusters
from tests import factories
from tests.streamlining.conftest import needs_engine, needs_reader

pytestmark = pytest.mark.integration

RESOLUTIONS = (
    "1. Bridging the standardization gap between developed and developing countries\n"
    "2. Improve affordable broadband connectivity in rural and remote areas through "
    "infrastructure sharing and universal service funds\n"
)


@pytest.fixture
def resolutions(tmp_path):
    path = tmp_path / "resolutions.txt"
    path.write_text(RESOLUTIONS, encoding="utf-8")
    return path


@pytest.fixture
def delegate(admin, delegation):
    return factories.make_delegate(admin, delegation, "delegate")


@needs_reader
def test_import_corpus_stores_numbered_texts(admin, conference, resolutions):
    corpus = domain.import_corpus(
        user=admin,
        conference=conference,
        path_or_file=resolutions,
        kind=CorpusKind.RESOLUTIONS,
        name="Res",
    )

    assert (corpus.name, corpus.source_name) == ("Res", "resolutions.txt")
    assert [t.number for t in corpus.texts.all()] == ["1", "2"]
    assert AuditEntry.objects.filter(action="streamlining.corpus_imported").count() == 1


@needs_reader
def test_import_corpus_bad_file_writes_nothing(admin, conference, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a Word file")

    with pytest.raises(DomainError) as raised:
        domain.import_corpus(
            user=admin, conference=conference, path_or_file=bad, kind="resolutions", name="Res"
        )

    assert raised.value.field == "file"
    assert "bad.docx" in raised.value.message
    assert (Corpus.objects.count(), CorpusText.objects.count()) == (0, 0)


def test_import_corpus_by_delegate_not_allowed(conference, delegate, resolutions):
    with pytest.raises(NotAllowed):
        domain.import_corpus(
            user=delegate,
            conference=conference,
            path_or_file=resolutions,
            kind="resolutions",
            name="Res",
        )


def test_start_analysis_by_delegate_not_allowed(conference, plan, delegate):
    with pytest.raises(NotAllowed):
        domain.start_analysis(user=delegate, conference=conference, version=plan)

    assert AnalysisRun.objects.count() == 0


def test_dismiss_pair_by_delegate_not_allowed(conference, delegate):
    with pytest.raises(NotAllowed):
        domain.dismiss_pair(user=delegate, conference=conference, a="D.1-a", b="D.2-a", reason="x")


def test_dismiss_pair_without_reason_refused(admin, conference):
    with pytest.raises(DomainError) as raised:
        domain.dismiss_pair(user=admin, conference=conference, a="D.1-a", b="D.2-a", reason=" ")

    assert raised.value.field == "reason"
    assert Dismissal.objects.count() == 0


@needs_engine
def test_run_analysis_finds_near_duplicates_only(admin, conference, plan, analyse):
    run = analyse(admin, conference, plan)

    assert run.state == RunState.DONE
    assert [(p["a"], p["b"]) for p in run.result["pairs"]] == [("D.1-a", "D.2-a")]
    assert [ids for ids, _ in visible_clusters(run, {})] == [["D.1-a", "D.2-a"]]
    assert run.progress_done == run.progress_total
    assert run.finished_at is not None


@needs_engine
@needs_reader
def test_run_analysis_compares_with_corpora(admin, conference, plan, resolutions, analyse):
    corpus = domain.import_corpus(
        user=admin,
        conference=conference,
        path_or_file=resolutions,
        kind="resolutions",
        name="Res",
    )

    run = analyse(admin, conference, plan, corpora=[corpus])

    ids = {text_id for ids, _ in visible_clusters(run, {}) for text_id in ids}
    assert "Res:2" in ids
    assert "Res:1" not in ids


@needs_engine
def test_dismissed_pair_hidden_in_next_run(admin, conference, plan, analyse):
    domain.dismiss_pair(
        user=admin, conference=conference, a="D.2-a", b="D.1-a", reason="Different regions"
    )

    run = analyse(admin, conference, plan)

    assert visible_clusters(run, dismissals_of(conference)) == []
    dismissal = Dismissal.objects.get()
    assert (dismissal.text_a, dismissal.text_b, dismissal.reason) == (
        "D.1-a",
        "D.2-a",
        "Different regions",
    )


@needs_engine
def test_restore_pair_shows_it_again_and_keeps_the_trail(admin, conference, plan, analyse):
    run = analyse(admin, conference, plan)
    dismissal = domain.dismiss_pair(
        user=admin, conference=conference, a="D.1-a", b="D.2-a", reason="Different regions"
    )

    domain.restore_pair(user=admin, dismissal=dismissal)

    assert Dismissal.objects.count() == 0
    assert [ids for ids, _ in visible_clusters(run, dismissals_of(conference))] == [
        ["D.1-a", "D.2-a"]
    ]
    entry = AuditEntry.objects.get(action="streamlining.pair_restored")
    assert entry.changes == {
        "pair": ["D.1-a / D.2-a", None],
        "reason": ["Different regions", None],
    }


def test_restore_pair_by_delegate_not_allowed(admin, conference, delegate):
    dismissal = domain.dismiss_pair(
        user=admin, conference=conference, a="D.1-a", b="D.2-a", reason="Different regions"
    )

    with pytest.raises(NotAllowed):
        domain.restore_pair(user=delegate, dismissal=dismissal)

    assert Dismissal.objects.count() == 1


def test_run_analysis_failure_recorded(admin, conference, plan, analyse, monkeypatch):
    def broken(*args, **kwargs):
        raise overlap.OverlapError("the corpus is upside down")

    monkeypatch.setattr(overlap, "find_overlaps", broken, raising=False)

    run = analyse(admin, conference, plan)

    assert (run.state, run.error) == (RunState.FAILED, "the corpus is upside down")
    assert run.finished_at is not None


@needs_engine
def test_propose_merge_drafts_contribution(admin, conference, plan, delegation, analyse):
    run = analyse(admin, conference, plan)

    contribution = domain.propose_merge(user=admin, run=run, cluster_index=0, delegation=delegation)

    assert isinstance(contribution, Contribution)
    assert (contribution.state, contribution.version, contribution.delegation) == (
        "draft",
        plan,
        delegation,
    )
    amendments = [(a.kind, a.item_code) for a in contribution.amendments.all()]
    assert amendments == [("modify", "D.1-a"), ("delete", "D.2-a")]
    modify = contribution.amendments.get(kind="modify")
    assert (
        modify.text
        == overlap.merged_draft([plan.items.get(code=c).text for c in ("D.1-a", "D.2-a")]).strip()
    )


@needs_engine
def test_propose_merge_by_delegate_not_allowed(
    admin, conference, plan, delegate, delegation, analyse
):
    run = analyse(admin, conference, plan)

    with pytest.raises(NotAllowed):
        domain.propose_merge(user=delegate, run=run, cluster_index=0, delegation=delegation)


@needs_engine
def test_propose_merge_unknown_cluster_refused(admin, conference, plan, delegation, analyse):
    run = analyse(admin, conference, plan)

    with pytest.raises(DomainError) as raised:
        domain.propose_merge(user=admin, run=run, cluster_index=5, delegation=delegation)

    assert raised.value.field == "cluster"
