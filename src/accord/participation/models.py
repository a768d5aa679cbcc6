"""Targets the secretariat sets, and a previous conference's figures to compare with."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.conferences.models import Conference
from accord.participation.enums import Dimension


class ParticipationTarget(models.Model):
    """``share`` percent of the registered participants should have ``value`` in ``dimension``
    (a minimum, e.g. private sector at least 30%)."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="participation_targets"
    )
    dimension = models.CharField(_("dimension"), max_length=30, choices=Dimension)
    value = models.CharField(_("value"), max_length=40)
    share = models.DecimalField(_("share (%)"), max_digits=4, decimal_places=1)

    class Meta:
        ordering = ["conference", "dimension", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "dimension", "value"], name="participation_target_once"
            ),
            models.CheckConstraint(
                condition=models.Q(share__gte=0, share__lte=100),
                name="participation_target_share_range",
            ),
        ]
        verbose_name = _("participation target")

    def __str__(self) -> str:
        return f"{self.dimension}={self.value} ≥ {self.share}%"


class PastParticipation(models.Model):
    """One row of a previous conference's figures (``label``, e.g. WTDC-22), imported from CSV
    to compare the current ``conference`` with."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="past_participation"
    )
    label = models.CharField(_("previous conference"), max_length=40)
    dimension = models.CharField(_("dimension"), max_length=30, choices=Dimension)
    value = models.CharField(_("value"), max_length=40)
    registered = models.PositiveIntegerField(_("registered"))
    attended = models.PositiveIntegerField(_("attended"))
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)

    class Meta:
        ordering = ["conference", "label", "dimension", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "label", "dimension", "value"],
                name="past_participation_once",
            )
        ]
        verbose_name = _("previous conference's participation")
        verbose_name_plural = _("previous conferences' participation")

    def __str__(self) -> str:
        return f"{self.label} {self.dimension}={self.value}: {self.registered}/{self.attended}"
