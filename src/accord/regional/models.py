"""Regional priorities, the cap per RTO, and which delegations act for an RTO. Thin: the rules
live in ``domain/``, the reads in ``queries/``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

DEFAULT_CAP = 5
"""Priorities each RTO may bring to a conference unless the secretariat sets another cap."""


class RegionalSettings(models.Model):
    """A conference's settings for regional priorities (one row at most; absent = defaults)."""

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="regional_settings"
    )
    cap = models.PositiveSmallIntegerField(
        _("priorities per RTO"),
        default=DEFAULT_CAP,
        help_text=_("How many regional priorities each RTO may bring."),
    )
    updated_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("regional priorities settings")
        verbose_name_plural = _("regional priorities settings")

    def __str__(self) -> str:
        return f"Cap {self.cap} for {self.conference_id}"


class RtoMandate(models.Model):
    """The secretariat's record that a delegation acts for an RTO at a conference (e.g. the
    administration holding the RTO's chair): its delegates write the RTO's priorities."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="rto_mandates"
    )
    rto = models.ForeignKey(
        "reference.RegionalOrganization", on_delete=models.PROTECT, related_name="+"
    )
    delegation = models.ForeignKey(
        "conferences.Delegation", on_delete=models.CASCADE, related_name="rto_mandates"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["conference", "rto__code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "rto", "delegation"], name="rto_mandate_once"
            )
        ]
        verbose_name = _("delegation acting for an RTO")

    def __str__(self) -> str:
        return f"{self.delegation_id} for {self.rto_id}"


class RegionalPriority(models.Model):
    """One priority an RTO brings for its region, linked to the plan items it concerns."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="regional_priorities"
    )
    rto = models.ForeignKey(
        "reference.RegionalOrganization", on_delete=models.PROTECT, related_name="priorities"
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("e.g. ATU-1"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    plan_items = models.ManyToManyField(
        "plans.PlanItem", blank=True, related_name="regional_priorities"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["conference", "rto__code", "code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "rto", "code"], name="regional_priority_code_unique"
            )
        ]
        verbose_name = _("regional priority")
        verbose_name_plural = _("regional priorities")

    def __str__(self) -> str:
        return self.code
