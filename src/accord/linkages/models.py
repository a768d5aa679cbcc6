"""Suggested links of plan items (with the engine's evidence and what people decided) and the
background runs that suggest links for a whole plan version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.linkages.enums import Method, RunState, SuggestionState
from accord.plans.enums import LinkageType

SUGGESTED_TYPES = (LinkageType.SDG, LinkageType.SDG_TARGET, LinkageType.WSIS)
"""The linkage types the engine suggests; the others come from the secretariat's lists."""


class LinkSuggestion(models.Model):
    """A link the engine suggests for an item, kept once per (item, type, target): pending
    until someone accepts it (a Linkage is made) or rejects it (it is not suggested again)."""

    item = models.ForeignKey(
        "plans.PlanItem", on_delete=models.CASCADE, related_name="link_suggestions"
    )
    type = models.CharField(
        _("type"), max_length=30, choices=[(t.value, t.label) for t in SUGGESTED_TYPES]
    )
    target = models.CharField(_("target"), max_length=60)
    score = models.FloatField(_("score"))
    evidence = models.JSONField(
        _("evidence"), default=list, blank=True, help_text=_("The phrases that matched.")
    )
    reference = models.TextField(
        _("reference"), blank=True, help_text=_("The most similar reference sentence.")
    )
    method = models.CharField(_("method"), max_length=20, choices=Method)
    state = models.CharField(
        _("state"), max_length=20, choices=SuggestionState, default=SuggestionState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)

    class Meta:
        ordering = ["item", "-score", "type", "target"]
        constraints = [
            models.UniqueConstraint(fields=["item", "type", "target"], name="suggestion_once"),
            models.CheckConstraint(
                condition=models.Q(type__in=[t.value for t in SUGGESTED_TYPES]),
                name="suggestion_type_suggested",
            ),
        ]
        indexes = [models.Index(fields=["item", "state"])]
        verbose_name = _("link suggestion")

    def __str__(self) -> str:
        return f"{self.item} → {self.get_type_display()} {self.target} ({self.state})"


class SuggestionRun(models.Model):
    """Suggestions for every item of a version, made by a background task; ``done`` of
    ``total`` items so far."""

    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="suggestion_runs"
    )
    state = models.CharField(_("state"), max_length=20, choices=RunState, default=RunState.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    method = models.CharField(_("method"), max_length=20, choices=Method, default=Method.HYBRID)
    suggested = models.PositiveIntegerField(
        default=0, help_text=_("Pending suggestions when the run finished.")
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("suggestion run")

    def __str__(self) -> str:
        return f"Suggestions {self.pk} for version {self.version_id}"

    @property
    def finished(self) -> bool:
        return self.state in {RunState.DONE, RunState.FAILED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.state == RunState.DONE else 0
        return min(100, round(100 * self.done / self.total))
