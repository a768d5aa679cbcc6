"""Who holds which position on which text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.negotiation.enums import (
    AmendmentKind,
    ContributionState,
    Decision,
    PositionSource,
    Stance,
)


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
    bracket = models.TextField(
        _("bracket"),
        blank=True,
        help_text=_("The bracketed text it concerns, brackets included; empty: the whole item."),
    )
    option = models.PositiveSmallIntegerField(
        _("option"), null=True, blank=True, help_text=_("For 'prefers an option': which, from 1.")
    )
    item_revision = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "The item's revision when stated: a position on the whole item lapses "
            "when its text changes."
        ),
    )
    stance = models.CharField(_("stance"), max_length=20, choices=Stance)
    detail = models.TextField(_("detail"), blank=True)
    quoted = models.TextField(_("text concerned"), blank=True)
    source = models.CharField(_("source"), max_length=20, choices=PositionSource)
    source_text = models.TextField(_("as stated"), blank=True)
    comment = models.ForeignKey(
        "plans.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    contribution = models.ForeignKey(
        "Contribution", null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    stated_at = models.DateTimeField(_("stated"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        # Current stances read a version's positions in the order they were stated.
        indexes = [models.Index(fields=["version", "stated_at", "id"], name="position_in_order")]
        verbose_name = _("position")

    def __str__(self) -> str:
        return f"{self.delegation_name}: {self.get_stance_display()}"


class Contribution(models.Model):
    """Proposed changes to a plan version from a delegation, its co-sponsors, or an RTO for
    its region. Kept whatever becomes of them: rejected amendments stay on record."""

    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="contributions"
    )
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    delegation = models.ForeignKey(
        "conferences.Delegation", on_delete=models.PROTECT, related_name="contributions"
    )
    cosponsors = models.ManyToManyField(
        "conferences.Delegation", blank=True, related_name="cosponsored_contributions"
    )
    on_behalf_of = models.ForeignKey(
        "reference.RegionalOrganization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The RTO, when it is a common proposal of its region."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ContributionState, default=ContributionState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version", "id"]
        verbose_name = _("contribution")

    def __str__(self) -> str:
        return self.reference or self.title


class Amendment(models.Model):
    """One proposed change in a contribution: add, modify, delete or move an item.

    ``base_text`` and ``base_revision`` keep the item as the proposer saw it, so the edit can be
    shown as a redline and merged even after the text moved on.
    """

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="amendments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AmendmentKind)
    item = models.ForeignKey(
        "plans.PlanItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amendments",
        help_text=_("The item modified, deleted or moved (in the contribution's version)."),
    )
    item_code = models.CharField(_("identifier"), max_length=20)
    item_kind = models.CharField(_("item kind"), max_length=10, blank=True)
    priority = models.ForeignKey(
        "plans.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where an added or moved item goes."),
    )
    base_text = models.TextField(_("text proposed against"), blank=True)
    base_revision = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(_("proposed text"), blank=True)
    note = models.TextField(_("explanation"), blank=True)
    order = models.PositiveIntegerField(default=0)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("reason"), blank=True)
    merged_into = models.ForeignKey(
        "plans.PlanVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["contribution", "order", "id"]
        verbose_name = _("amendment")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.item_code}"
