"""Target lists of people to invite, their pipeline, deadline rules, invitation e-mails and
registrations. Thin: the rules live in ``domain/``, the reads in ``queries/``."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.engagement.enums import (
    BatchState,
    DeadlineStep,
    Gender,
    InviteeState,
    RegistrationState,
    SendState,
)


def credentials_storage() -> FileSystemStorage:
    """Credentials letters live in the data directory, outside MEDIA_ROOT: never served
    directly, only through the secretariat's download view."""
    return FileSystemStorage(location=settings.DATA_DIR / "credentials", base_url=None)


class EngagementSettings(models.Model):
    """Per-conference switches for registration (one row, created on first use)."""

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="engagement_settings"
    )
    open_registration = models.BooleanField(
        _("open registration"),
        default=False,
        help_text=_("Anyone may register without a personal invitation link."),
    )

    def __str__(self) -> str:
        return f"engagement settings of {self.conference}"


class TargetList(models.Model):
    """People the secretariat (or the list's owner) means to invite, e.g. private-sector CEOs."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="target_lists"
    )
    name = models.CharField(_("name"), max_length=200)
    constituent_group = models.ForeignKey(
        "reference.ConstituentGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="target_lists",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_target_lists",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["conference", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "name"], name="target_list_name_once")
        ]
        verbose_name = _("target list")

    def __str__(self) -> str:
        return self.name


class Invitee(models.Model):
    """One person on a target list and how far they have come in the pipeline."""

    target_list = models.ForeignKey(TargetList, on_delete=models.CASCADE, related_name="invitees")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organization_name = models.CharField(_("organization"), max_length=200, blank=True)
    organization = models.ForeignKey(
        "conferences.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitees",
    )
    country = models.ForeignKey(
        "reference.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        "reference.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    constituent_group = models.ForeignKey(
        "reference.ConstituentGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    membership_category = models.ForeignKey(
        "reference.MembershipCategory",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender, default=Gender.UNDISCLOSED
    )
    star = models.BooleanField(_("star"), default=False, help_text=_("On the short list."))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_invitees",
    )
    notes = models.TextField(_("notes"), blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=InviteeState, default=InviteeState.IDENTIFIED
    )
    identified_at = models.DateTimeField(_("identified"), default=timezone.now)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["target_list", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["target_list", "email"], name="invitee_email_once_per_list"
            )
        ]
        verbose_name = _("invitee")

    def __str__(self) -> str:
        return self.name


class DeadlineRule(models.Model):
    """A step must be reached ``months_before`` months and ``days_before`` days before the
    conference opens (e.g. invitations 12 months before)."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="deadline_rules"
    )
    step = models.CharField(_("step"), max_length=12, choices=DeadlineStep)
    months_before = models.PositiveSmallIntegerField(_("months before opening"), default=0)
    days_before = models.PositiveSmallIntegerField(_("days before opening"), default=0)

    class Meta:
        ordering = ["conference", "-months_before", "-days_before"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "step"], name="deadline_rule_once")
        ]
        verbose_name = _("deadline rule")

    def __str__(self) -> str:
        return f"{self.step}: {self.months_before} months {self.days_before} days before"


class InvitationBatch(models.Model):
    """Invitations sent together, by one background task; its sends carry each result."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="invitation_batches"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=BatchState, default=BatchState.QUEUED)
    finished_at = models.DateTimeField(null=True, blank=True)
    base_url = models.CharField(
        max_length=300, help_text=_("Where the personal links point, from the queuing request.")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation batch")
        verbose_name_plural = _("invitation batches")

    def __str__(self) -> str:
        return f"invitations #{self.pk}"


class InvitationSend(models.Model):
    """One invitation e-mail to one invitee, with its outcome (failures kept, not lost)."""

    batch = models.ForeignKey(InvitationBatch, on_delete=models.CASCADE, related_name="sends")
    invitee = models.ForeignKey(Invitee, on_delete=models.CASCADE, related_name="sends")
    email = models.EmailField()
    state = models.CharField(max_length=10, choices=SendState, default=SendState.QUEUED)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "id"]
        verbose_name = _("invitation e-mail")

    def __str__(self) -> str:
        return f"{self.email} ({self.state})"


class Registration(models.Model):
    """Someone asking to take part in a conference; "registered" means approved."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="registrations"
    )
    invitee = models.ForeignKey(
        Invitee, null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organization_name = models.CharField(_("organization"), max_length=200, blank=True)
    region = models.ForeignKey(
        "reference.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    constituent_group = models.ForeignKey(
        "reference.ConstituentGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    membership_category = models.ForeignKey(
        "reference.MembershipCategory",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender, default=Gender.UNDISCLOSED
    )
    state = models.CharField(
        _("state"), max_length=10, choices=RegistrationState, default=RegistrationState.PENDING
    )
    attended = models.BooleanField(_("attended"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    credentials = models.FileField(
        _("credentials letter"), storage=credentials_storage, upload_to="%Y", blank=True
    )
    credentials_name = models.CharField(max_length=255, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("reason"), blank=True)
    decision_emailed_at = models.DateTimeField(null=True, blank=True)
    decision_email_error = models.TextField(blank=True)

    class Meta:
        ordering = ["conference", "-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "email"],
                condition=models.Q(state__in=["pending", "approved"]),
                name="registration_live_once_per_email",
            )
        ]
        verbose_name = _("registration")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
