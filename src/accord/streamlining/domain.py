"""Writes of streamlining: import a corpus, start and run an analysis, dismiss a pair, and
turn a cluster into a draft contribution that merges its plan items.

Only the secretariat and chairs streamline (``rules.can_streamline``). Every write is atomic
and audited; the analysis itself runs as a background task, enqueued once its run is
committed, and always ends "done" or "failed", never stuck "running".
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.core.runs import INTERRUPTED, requeue_or_end, throttled
from accord.engines import overlap
from accord.engines.documents.errors import DocumentError
from accord.negotiation.domain import add_amendment, create_contribution
from accord.negotiation.enums import AmendmentKind
from accord.negotiation.models import Contribution
from accord.plans.models import PlanVersion
from accord.rules import require
from accord.streamlining import tasks
from accord.streamlining.enums import CorpusKind, Method, RunState
from accord.streamlining.models import AnalysisRun, Corpus, CorpusText, Dismissal
from accord.streamlining.queries import dismissals_of, pair_key, visible_clusters
from accord.streamlining.rules import can_streamline

logger = logging.getLogger(__name__)


def _require_streamliner(user: Any, conference: Conference) -> None:
    require(
        can_streamline(user, conference), gettext("Only the secretariat and chairs streamline.")
    )


# --- Corpora ------------------------------------------------------------------------------------


def _read(path_or_file: str | Path | IO[bytes]) -> tuple[str, list[Any]]:
    """The file's name and its texts; an upload is read through a temporary copy, since the
    engine reads paths (and picks the format by the suffix)."""
    from accord.engines.overlap.corpus import read_corpus  # the engine is written alongside

    if isinstance(path_or_file, str | Path):
        path = Path(path_or_file)
        return path.name, read_corpus(path)
    name = Path(getattr(path_or_file, "name", "") or "upload.txt").name
    fd, temporary = tempfile.mkstemp(suffix=Path(name).suffix or ".txt")
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in getattr(path_or_file, "chunks", lambda: [path_or_file.read()])():
                handle.write(chunk)
        return name, read_corpus(Path(temporary))
    finally:
        os.unlink(temporary)


def import_corpus(
    *,
    user: Any,
    conference: Conference,
    path_or_file: str | Path | IO[bytes],
    kind: str,
    name: str,
) -> Corpus:
    """Store the numbered texts of a file (resolutions, Questions, regional priorities…) to
    compare with the plan. All or nothing: a bad file writes nothing and the error names the
    file and the place. Audited."""
    _require_streamliner(user, conference)
    name = name.strip()
    if not name:
        raise DomainError(gettext("Give the corpus a name."), field="name")
    if len(name) > 100:
        raise DomainError(gettext("The name is longer than 100 characters."), field="name")
    if kind not in CorpusKind.values:
        raise DomainError(
            gettext("Unknown kind '%(kind)s'; expected one of %(join)s.")
            % {"kind": kind, "join": ", ".join(CorpusKind.values)},
            field="kind",
        )
    if Corpus.objects.filter(conference=conference, name=name).exists():
        raise DomainError(
            gettext("%(conference)s already has a corpus named '%(name)s'.")
            % {"conference": conference, "name": name},
            field="name",
        )
    filename = Path(str(getattr(path_or_file, "name", path_or_file))).name
    try:
        filename, texts = _read(path_or_file)
    except DocumentError as error:
        raise DomainError(str(error), field="file") from error
    except (overlap.OverlapError, ValueError, OSError) as error:
        raise DomainError(
            gettext("%(filename)s: %(error)s") % {"filename": filename, "error": error},
            field="file",
        ) from error
    if not texts:
        raise DomainError(
            gettext("%(filename)s: no numbered text found.") % {"filename": filename}, field="file"
        )
    seen: set[str] = set()
    for text in texts:
        if text.id in seen:
            raise DomainError(
                gettext("%(filename)s: number %(id)s is used twice.")
                % {"filename": filename, "id": text.id},
                field="file",
            )
        if len(text.id) > 60:
            raise DomainError(
                gettext("%(filename)s: number '%(value)s…' is too long.")
                % {"filename": filename, "value": text.id[:60]},
                field="file",
            )
        seen.add(text.id)
    with transaction.atomic():
        corpus = Corpus.objects.create(
            conference=conference,
            kind=kind,
            name=name,
            source_name=filename[:255],
            imported_by=user_or_none(user),
        )
        CorpusText.objects.bulk_create(
            CorpusText(corpus=corpus, number=_number(t.id), text=t.text, order=n)
            for n, t in enumerate(texts)
        )
        record(
            actor=user,
            action="streamlining.corpus_imported",
            target=corpus,
            conference=conference,
            changes={"file": [None, filename], "kind": [None, kind], "texts": [None, len(texts)]},
        )
    return corpus


# --- Analyses -----------------------------------------------------------------------------------


def start_analysis(
    *,
    user: Any,
    conference: Conference,
    version: PlanVersion,
    corpora: Iterable[Corpus] = (),
    method: str = Method.LEXICAL,
    threshold: float | None = None,
) -> AnalysisRun:
    """Queue a comparison of the version's items with each other and with ``corpora``; the
    background task starts once the run is committed. Audited."""
    _require_streamliner(user, conference)
    if version.plan.conference_id != conference.pk:
        raise DomainError(
            gettext("Version %(number)s is not a version of %(conference)s.")
            % {"number": version.number, "conference": conference},
            field="version",
        )
    chosen = list(corpora)
    for corpus in chosen:
        if corpus.conference_id != conference.pk:
            raise DomainError(
                gettext("The corpus %(corpus)s is not at %(conference)s.")
                % {"corpus": corpus, "conference": conference},
                field="corpora",
            )
    if method not in Method.values:
        raise DomainError(
            gettext("Unknown method '%(method)s'; expected one of %(join)s.")
            % {"method": method, "join": ", ".join(Method.values)},
            field="method",
        )
    if threshold is not None and not 0 < threshold <= 1:
        raise DomainError(
            gettext("The threshold is a number above 0 and at most 1."), field="threshold"
        )
    with transaction.atomic():
        run = AnalysisRun.objects.create(
            conference=conference,
            version=version,
            method=method,
            threshold=threshold,
            created_by=user_or_none(user),
        )
        run.corpora.set(chosen)
        record(
            actor=user,
            action="streamlining.analysis_started",
            target=run,
            conference=conference,
            changes={
                "version": [None, version.number],
                "corpora": [None, sorted(c.name for c in chosen)],
                "method": [None, method],
                "threshold": [None, threshold],
            },
        )
        transaction.on_commit(lambda: tasks.analyse.enqueue(run.pk))
    return run


def _texts_of(run: AnalysisRun) -> list[Any]:
    """The version's items (named by their code), then each corpus's texts (``name:number``)."""
    texts = [
        overlap.Text(id=item.code, text=item.text, kind=item.kind, source="plan")
        for item in run.version.items.order_by("priority__order", "order", "id")
    ]
    for corpus in run.corpora.order_by("name"):
        texts.extend(
            overlap.Text(
                id=f"{corpus.name}:{t.number}", text=t.text, kind=corpus.kind, source=corpus.name
            )
            for t in corpus.texts.all()
        )
    return texts


def _progress_saver(run_id: int) -> Any:
    """A callback for the engine that saves the run's progress now and then."""
    return throttled(
        lambda done, total: AnalysisRun.objects.filter(pk=run_id).update(
            progress_done=done, progress_total=total
        )
    )


def _finish(run: AnalysisRun, state: str, **fields: Any) -> None:
    with transaction.atomic():
        for name, value in fields.items():
            setattr(run, name, value)
        run.state = state
        run.finished_at = timezone.now()
        run.save(update_fields=["state", "finished_at", *fields])
        record(
            actor=None,
            action=f"streamlining.analysis_{state}",
            target=run,
            conference=run.conference,
            changes={"state": [RunState.RUNNING, state]}
            | ({"error": [None, run.error]} if run.error else {}),
        )


def run_analysis(*, run_id: int) -> AnalysisRun:
    """The task's body: compare the run's texts and store what the engine found, with the
    texts of every pair as they are now. Runs a queued run once; any error ends the run
    "failed" with its message, so no run stays "running"."""
    run = AnalysisRun.objects.select_related("version", "conference").get(pk=run_id)
    if run.state != RunState.QUEUED:
        return run
    run.state = RunState.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["state", "started_at"])
    try:
        texts = _texts_of(run)
        found = overlap.find_overlaps(
            texts,
            method=run.method,
            threshold=run.threshold,
            progress=_progress_saver(run.pk),
        )
        paired = {p.a for p in found.pairs} | {p.b for p in found.pairs}
        result = {
            "texts": [
                {
                    "id": t.id,
                    "text": t.text,
                    "kind": t.kind,
                    "source": t.source,
                    "item": t.source == "plan",
                }
                for t in texts
                if t.id in paired
            ],
            "pairs": [
                {
                    "a": p.a,
                    "b": p.b,
                    "score": round(p.score, 4),
                    "lexical": round(p.lexical, 4),
                    "semantic": None if p.semantic is None else round(p.semantic, 4),
                    "shared": list(p.shared),
                }
                for p in found.pairs
            ],
            "clusters": [list(c) for c in found.clusters],
            "warnings": list(found.warnings),
        }
    except Exception as error:  # any failure must end the run, not leave it running
        logger.exception("Analysis %s failed", run_id)
        message = error.message if isinstance(error, DomainError) else str(error)
        if not isinstance(error, overlap.OverlapError | DomainError):
            message = f"Unexpected error ({type(error).__name__}): {message}"
        run.refresh_from_db(fields=["progress_done", "progress_total"])
        _finish(run, RunState.FAILED, error=message[:2000])
        return run
    run.refresh_from_db(fields=["progress_done", "progress_total"])
    total = max(run.progress_total, 1)
    _finish(run, RunState.DONE, result=result, progress_done=total, progress_total=total)
    return run


def recover_interrupted_runs() -> str:
    """After a restart of the serving process (see ``accord.core.recovery``): queue again the
    runs it had queued, end "failed" those it was running. Audited through ``_finish``."""
    return requeue_or_end(
        AnalysisRun.objects.select_related("conference"),
        enqueue=tasks.analyse.enqueue,
        end=lambda run: _finish(run, RunState.FAILED, error=INTERRUPTED),
        label="Overlap analyses",
    )


# --- Judging pairs and clusters -----------------------------------------------------------------


def dismiss_pair(*, user: Any, conference: Conference, a: str, b: str, reason: str) -> Dismissal:
    """Record that two texts should not be merged, and why; every run of the conference then
    leaves the pair out. Audited."""
    _require_streamliner(user, conference)
    reason = reason.strip()
    if not reason:
        raise DomainError(gettext("Say why the pair is dismissed."), field="reason")
    a, b = a.strip(), b.strip()
    if not a or not b or a == b:
        raise DomainError(gettext("Name two different texts."), field="a")
    text_a, text_b = pair_key(a, b)
    if Dismissal.objects.filter(conference=conference, text_a=text_a, text_b=text_b).exists():
        raise DomainError(
            gettext("%(text_a)s and %(text_b)s are already dismissed.")
            % {"text_a": text_a, "text_b": text_b},
            field="a",
        )
    with transaction.atomic():
        dismissal = Dismissal.objects.create(
            conference=conference,
            text_a=text_a,
            text_b=text_b,
            reason=reason,
            dismissed_by=user_or_none(user),
        )
        record(
            actor=user,
            action="streamlining.pair_dismissed",
            target=dismissal,
            conference=conference,
            changes={"pair": [None, f"{text_a} / {text_b}"], "reason": [None, reason]},
        )
    return dismissal


def restore_pair(*, user: Any, dismissal: Dismissal) -> None:
    """Undo a dismissal: the pair shows again in every run that found it. Audited, with the
    reason it had, so the trail keeps what was said."""
    conference = dismissal.conference
    _require_streamliner(user, conference)
    with transaction.atomic():
        record(
            actor=user,
            action="streamlining.pair_restored",
            target=dismissal,
            conference=conference,
            changes={
                "pair": [f"{dismissal.text_a} / {dismissal.text_b}", None],
                "reason": [dismissal.reason, None],
            },
        )
        dismissal.delete()


def propose_merge(
    *, user: Any, run: AnalysisRun, cluster_index: int, delegation: Delegation
) -> Contribution:
    """Draft a contribution by ``delegation`` on the analysed version that merges the plan
    items of one cluster: the first takes the merged text (every distinct phrase once, for
    people to edit), the others are deleted. Texts from corpora are cited in the note, not
    merged. Chairs and the secretariat may draft for any delegation. Audited."""
    conference = run.conference
    _require_streamliner(user, conference)
    if run.state != RunState.DONE:
        raise DomainError(gettext("The analysis has not finished."), field="cluster")
    clusters = visible_clusters(run, dismissals_of(conference))
    if not 0 <= cluster_index < len(clusters):
        raise DomainError(gettext("There is no such cluster in this analysis."), field="cluster")
    ids, _pairs = clusters[cluster_index]
    by_code = {item.code: item for item in run.version.items.filter(code__in=ids)}
    items = [by_code[i] for i in ids if i in by_code]
    if len(items) < 2:
        raise DomainError(
            gettext(
                "This cluster holds fewer than two items of the plan: there is nothing to merge."
            ),
            field="cluster",
        )
    others = [i for i in ids if i not in by_code]
    merged = overlap.merged_draft([item.text for item in items]).strip()
    codes = ", ".join(item.code for item in items)
    note = f"Streamlining analysis {run.pk}" + (
        f"; overlaps also with {', '.join(others)}." if others else "."
    )
    with transaction.atomic():
        contribution = create_contribution(
            user=user,
            version=run.version,
            delegation=delegation,
            title=f"Merge {codes}"[:300],
            summary=f"Merges overlapping items {codes} into {items[0].code}. {note}",
        )
        first, rest = items[0], items[1:]
        if merged and merged != first.text:
            add_amendment(
                user=user,
                contribution=contribution,
                kind=AmendmentKind.MODIFY,
                item=first,
                text=merged,
                note=note,
            )
        for item in rest:
            add_amendment(
                user=user,
                contribution=contribution,
                kind=AmendmentKind.DELETE,
                item=item,
                note=f"Merged into {first.code}. {note}",
            )
        record(
            actor=user,
            action="streamlining.merge_proposed",
            target=run,
            conference=conference,
            changes={"cluster": [None, ids], "contribution": [None, contribution.pk]},
        )
    return contribution


def _number(text_id: str) -> str:
    """``resolutions:12`` → ``12``: the corpus reader prefixes the file's stem, the corpus
    already has a name."""
    return text_id.rsplit(":", 1)[-1]
