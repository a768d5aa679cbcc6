"""Corpora of texts to compare with the plan, analysis runs and their results, and the pairs a
person has judged not to overlap."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.streamlining.enums import CorpusKind, Method, RunState


class Corpus(models.Model):
    """Texts imported from one file (resolutions, study Questions, regional priorities…).

    Its texts are named ``<name>:<number>`` in analyses, so a name is unique per conference.
    """

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="corpora"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=CorpusKind)
    name = models.CharField(_("name"), max_length=100)
    source_name = models.CharField(_("file"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)

    class Meta:
        ordering = ["conference", "name"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "name"], name="corpus_name_unique")
        ]
        verbose_name = _("corpus")
        verbose_name_plural = _("corpora")

    def __str__(self) -> str:
        return self.name


class CorpusText(models.Model):
    corpus = models.ForeignKey(Corpus, on_delete=models.CASCADE, related_name="texts")
    number = models.CharField(_("number"), max_length=60)
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["corpus", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["corpus", "number"], name="corpus_text_unique")
        ]
        verbose_name = _("corpus text")

    def __str__(self) -> str:
        return f"{self.corpus.name}:{self.number}"


class AnalysisRun(models.Model):
    """One comparison of a plan version's items (and chosen corpora) with each other.

    ``result`` keeps what the engine found, with the texts as they were, so the page shows it
    without re-reading items that may have changed since: ``{"texts": {id: {"text", "kind",
    "source"}}, "pairs": [{"a", "b", "score", "lexical", "semantic", "shared"}], "clusters":
    [[id, ...]], "warnings": [str], "dismissed": [{"a", "b", "reason"}]}``.
    """

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="analysis_runs"
    )
    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="analysis_runs"
    )
    corpora = models.ManyToManyField(Corpus, blank=True, related_name="runs")
    method = models.CharField(_("method"), max_length=20, choices=Method, default=Method.LEXICAL)
    threshold = models.FloatField(_("threshold"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=RunState, default=RunState.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("analysis run")

    def __str__(self) -> str:
        return f"Analysis {self.pk} of version {self.version_id}"

    @property
    def finished(self) -> bool:
        return self.state in {RunState.DONE, RunState.FAILED}

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 100 if self.state == RunState.DONE else 0
        return min(100, round(100 * self.progress_done / self.progress_total))


class Dismissal(models.Model):
    """Two texts someone judged not to be worth merging; later runs leave the pair out.

    ``text_a`` sorts before ``text_b``, so a pair is found whichever way it is named.
    """

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="dismissals"
    )
    text_a = models.CharField(max_length=200)
    text_b = models.CharField(max_length=200)
    reason = models.TextField(_("reason"))
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["conference", "text_a", "text_b"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "text_a", "text_b"], name="dismissal_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(text_a__lt=models.F("text_b")), name="dismissal_ordered"
            ),
        ]
        verbose_name = _("dismissed pair")

    def __str__(self) -> str:
        return f"{self.text_a} / {self.text_b}"
