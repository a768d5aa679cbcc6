"""The Action Plan of a conference, kept as numbered versions of a priority → item tree."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.plans.enums import (
    ChangeKind,
    ItemKind,
    ItemStatus,
    LinkageType,
    Section,
    StatusSource,
    VersionState,
)


class ActionPlan(models.Model):
    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="action_plan"
    )
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("Action Plan")

    def __str__(self) -> str:
        return self.title


class PlanVersion(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=200, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=VersionState, default=VersionState.DRAFT
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("Last change to its priorities or items; keys the cached plan outline."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(
        _("source document"), max_length=300, blank=True, help_text=_("File it was imported from.")
    )
    extras = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("Document text outside the plan: preamble, trailing text, loose comments."),
    )

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="version_number_once_per_plan")
        ]
        verbose_name = _("plan version")

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class Priority(models.Model):
    """A thematic priority (objective), e.g. ``D.2 Digital transformation``."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="priorities")
    code = models.CharField(_("identifier"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Suggestions and remarks, one a line.")
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="priority_code_once_per_version"
            )
        ]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class PlanItem(models.Model):
    """An outcome (``D.2-e``) or output (``D.2-3``) under a priority."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="items")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind)
    code = models.CharField(_("identifier"), max_length=20)
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus, default=ItemStatus.AGREED
    )
    derived_status = models.CharField(
        _("status by the rule"),
        max_length=20,
        choices=ItemStatus,
        default=ItemStatus.AGREED,
        help_text=_("What brackets and positions say; 'status' differs when a chair set it."),
    )
    status_source = models.CharField(
        _("status set by"), max_length=20, choices=StatusSource, default=StatusSource.DERIVED
    )
    status_note = models.CharField(_("why the status was set"), max_length=300, blank=True)
    section = models.CharField(_("section"), max_length=20, choices=Section, default=Section.AGREED)
    outcome = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outputs",
        limit_choices_to={"kind": ItemKind.OUTCOME},
        help_text=_("For an output: the outcome it serves."),
    )
    revision = models.PositiveIntegerField(
        default=1,
        help_text=_("Increases with every change; a save based on an older one is refused."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["version", "priority__order", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="item_code_once_per_version")
        ]
        verbose_name = _("plan item")

    def __str__(self) -> str:
        return self.code


class KPI(models.Model):
    """A key performance indicator of an item, after the IATI results standard."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="kpis")
    indicator = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["item", "order", "id"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self) -> str:
        return self.indicator


class KPIPeriod(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=4, null=True, blank=True
    )

    class Meta:
        ordering = ["kpi", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="kpi_period_in_order"
            )
        ]
        verbose_name = _("KPI period")

    def __str__(self) -> str:
        return f"{self.kpi} {self.start}–{self.end}"


class Linkage(models.Model):
    """A typed link from an item to what it serves: an SDG, a WSIS line, a resolution…"""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="linkages")
    type = models.CharField(_("type"), max_length=30, choices=LinkageType)
    target = models.CharField(_("target"), max_length=60, help_text=_("e.g. 9, 9.c, C2, Res. 37"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["item", "type", "target"]
        constraints = [
            models.UniqueConstraint(fields=["item", "type", "target"], name="linkage_once")
        ]
        verbose_name = _("linkage")

    def __str__(self) -> str:
        return f"{self.item} → {self.get_type_display()} {self.target}"


class Comment(models.Model):
    """A comment from a working document, on a priority or an item; replies point to a parent."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="comments")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    item = models.ForeignKey(
        PlanItem, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.CharField(_("author"), max_length=200)
    initials = models.CharField(max_length=20, blank=True)
    text = models.TextField(_("text"))
    written_at = models.DateTimeField(_("written"), null=True, blank=True)
    anchor = models.TextField(_("commented text"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("comment")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"


class ProposedChange(models.Model):
    """A tracked insertion or deletion kept as a proposal, with offsets into the item text."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="proposed_changes")
    kind = models.CharField(_("kind"), max_length=10, choices=ChangeKind)
    text = models.TextField(_("text"))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    author = models.CharField(_("author"), max_length=200)
    proposed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["item", "start", "id"]
        verbose_name = _("proposed change")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author} in {self.item}"


class DocumentUpload(models.Model):
    """A working document uploaded to a conference and kept until an editor confirms or
    discards its import, so the dry-run report and the real import read the same file."""

    class State(models.TextChoices):
        STAGED = "staged", _("Staged")
        IMPORTED = "imported", _("Imported")
        DISCARDED = "discarded", _("Discarded")

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="document_uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when an operator staged it from the command line."),
    )
    file = models.FileField(_("file"), upload_to="uploads/%Y/%m/", max_length=255, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.STAGED)
    imported_version = models.ForeignKey(
        PlanVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(_("version label"), max_length=200, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document upload")

    def __str__(self) -> str:
        return self.original_name
