"""Who holds which position on which text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.negotiation.enums import PositionSource, Stance


class Position(models.Model):
    """A delegation's stance on an item or a priority, with where it was stated.

    ``delegation_name`` keeps the name as stated; ``delegation`` links it when the conference
    has a delegation of that name (a comment may name one that has not registered).
    """

    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="positions"
    )
    priority = models.ForeignKey(
        "plans.Priority", null=True, blank=True, on_delete=models.CASCADE, related_name="positions"
    )
    item = models.ForeignKey(
        "plans.PlanItem", null=True, blank=True, on_delete=models.CASCADE, related_name="positions"
    )
    delegation = models.ForeignKey(
        "conferences.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    delegation_name = models.CharField(_("delegation"), max_length=200)
    stance = models.CharField(_("stance"), max_length=20, choices=Stance)
    detail = models.TextField(_("detail"), blank=True)
    quoted = models.TextField(_("text concerned"), blank=True)
    source = models.CharField(_("source"), max_length=20, choices=PositionSource)
    source_text = models.TextField(_("as stated"), blank=True)
    comment = models.ForeignKey(
        "plans.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    stated_at = models.DateTimeField(_("stated"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("position")

    def __str__(self) -> str:
        return f"{self.delegation_name}: {self.get_stance_display()}"
