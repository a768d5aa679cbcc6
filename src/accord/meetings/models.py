"""Meetings of a conference's cycle, their agendas and documents, and who coordinates or
represents each region. Thin: the rules live in ``domain/``, the reads in ``queries/``."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accord.meetings.enums import DocumentKind, MeetingKind, Topic


class Meeting(models.Model):
    """One meeting: an RPM, an IPM, a TDAG or working-group session, or the conference itself.

    Dates are the meeting's local calendar days (``timezone`` says which clock they follow).
    The contribution deadline is derived: ``contribution_days_before`` days before the start.
    """

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind)
    code = models.CharField(
        _("short name"), max_length=30, help_text=_("e.g. RPM-AFR; prefixes document symbols.")
    )
    title = models.CharField(_("title"), max_length=200)
    region = models.ForeignKey(
        "reference.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("Required for a regional preparatory meeting."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online meeting address"), max_length=500, blank=True)
    chair = models.ForeignKey(
        "conferences.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_meetings",
    )
    back_to_back_with = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="back_to_back_partners",
        help_text=_("The meeting held right before or after this one, at the same place."),
    )
    contribution_days_before = models.PositiveSmallIntegerField(
        _("contribution deadline (days before the start)"), default=14
    )
    representatives_per_region = models.PositiveSmallIntegerField(
        _("mandated representatives per region"),
        default=2,
        help_text=_("For an interregional meeting: how many each region mandates."),
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["conference", "starts_on", "ends_on", "code", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "code"], name="meeting_code_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="meeting_dates_in_order",
            ),
        ]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return self.code

    @property
    def contribution_deadline(self) -> dt.date:
        return self.starts_on - dt.timedelta(days=self.contribution_days_before)

    @property
    def venue(self) -> str:
        return ", ".join(part for part in (self.city, self.country) if part)

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class AgendaItem(models.Model):
    """An item of a meeting's agenda, linked to the parts of the Action Plan it discusses."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveIntegerField(default=0)
    priorities = models.ManyToManyField("plans.Priority", blank=True, related_name="agenda_items")
    plan_items = models.ManyToManyField("plans.PlanItem", blank=True, related_name="agenda_items")

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_number_unique")
        ]
        verbose_name = _("agenda item")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class MeetingDocument(models.Model):
    """A document of a meeting (contribution, report…), e.g. ``RPM-AFR/5``; its file is kept in
    the data directory, and a contribution may point to its negotiation counterpart."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    symbol = models.CharField(_("symbol"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind)
    file = models.FileField(_("file"), upload_to="meetings/%Y/%m/", max_length=255, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    contribution = models.ForeignKey(
        "negotiation.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_documents",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["meeting", "uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "symbol"], name="document_symbol_unique")
        ]
        verbose_name = _("meeting document")

    def __str__(self) -> str:
        return self.symbol


class Coordinator(models.Model):
    """Who coordinates a topic for a region: the contact other regions talk to."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="coordinators"
    )
    region = models.ForeignKey("reference.Region", on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic)
    priority = models.ForeignKey(
        "plans.Priority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="coordinators",
        help_text=_("For the topic 'Action Plan priority': which one."),
    )
    person = models.ForeignKey(
        "conferences.Person", on_delete=models.CASCADE, related_name="coordinations"
    )
    organization = models.ForeignKey(
        "conferences.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["conference", "region__name", "topic", "person__name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(topic=Topic.PRIORITY, priority__isnull=False)
                    | (~models.Q(topic=Topic.PRIORITY) & models.Q(priority__isnull=True))
                ),
                name="coordinator_priority_iff_topic",
            )
        ]
        verbose_name = _("coordinator")

    def __str__(self) -> str:
        return f"{self.person} ({self.region_id}, {self.topic})"


class MandatedRepresentative(models.Model):
    """A person a region mandates to speak for it at an interregional meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="representatives")
    region = models.ForeignKey("reference.Region", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "conferences.Person", on_delete=models.CASCADE, related_name="mandates"
    )
    delegation = models.ForeignKey(
        "conferences.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mandates",
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["meeting", "region__name", "person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="mandate_once_per_meeting")
        ]
        verbose_name = _("mandated representative")

    def __str__(self) -> str:
        return f"{self.person} for {self.region_id} at {self.meeting_id}"


class CalendarFeed(models.Model):
    """A delegation's private calendar address. The address carries a key derived from the
    server's secret and ``salt``: the database alone does not reveal it, and a new salt
    retires the old address."""

    delegation = models.OneToOneField(
        "conferences.Delegation", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    salt = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return f"Calendar of {self.delegation_id}"


class SubmissionStatus(models.TextChoices):
    """Where a contribution to a meeting stands. Lateness is a flag beside the status, not a
    status: a late contribution is kept and may still be admitted and accepted."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted for the meeting")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Submission(models.Model):
    """A delegation's contribution to a meeting (alone, with co-sponsors, or for its RTO's
    region): a document written as a draft, then submitted against the meeting's deadline.

    On submission it gets a symbol and becomes one of the meeting's documents (``document``);
    the file stays here too, so withdrawing never loses it. ``late`` is set once, when it is
    submitted after the end of the deadline day in the meeting's time zone."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="submissions")
    delegation = models.ForeignKey(
        "conferences.Delegation", on_delete=models.PROTECT, related_name="meeting_submissions"
    )
    cosponsors = models.ManyToManyField(
        "conferences.Delegation", blank=True, related_name="cosponsored_meeting_submissions"
    )
    on_behalf_of = models.ForeignKey(
        "reference.RegionalOrganization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The RTO, when it is a common contribution of its region."),
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"), upload_to="meetings/submissions/%Y/%m/", max_length=255, blank=True
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    reading = models.JSONField(
        _("what the document holds"),
        default=dict,
        blank=True,
        help_text=_(
            "Counts read by the document engine (priorities, items, comments, positions, "
            "brackets, warnings); empty for a PDF, which is stored unread."
        ),
    )
    contribution = models.ForeignKey(
        "negotiation.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_submissions",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus, default=SubmissionStatus.DRAFT
    )
    symbol = models.CharField(_("symbol"), max_length=60, blank=True)
    document = models.OneToOneField(
        MeetingDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    late = models.BooleanField(_("late"), default=False)
    admitted_at = models.DateTimeField(_("late contribution admitted"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "submitted_at", "created_at", "id"]
        verbose_name = _("contribution to a meeting")

    def __str__(self) -> str:
        return self.symbol or self.title

    @property
    def admitted(self) -> bool:
        return self.admitted_at is not None

    @property
    def reading_summary(self) -> str:
        """The list's one line on the document, e.g. "12 items, 5 comments, 4 positions,
        1 warning"; empty when it was not read."""
        if not self.reading:
            return ""
        shown = [
            (ngettext("%(n)d item", "%(n)d items", self.reading.get("items", 0)), "items"),
            (
                ngettext("%(n)d comment", "%(n)d comments", self.reading.get("comments", 0)),
                "comments",
            ),
            (
                ngettext("%(n)d position", "%(n)d positions", self.reading.get("positions", 0)),
                "positions",
            ),
        ]
        if self.reading.get("warnings", 0):
            shown.append(
                (ngettext("%(n)d warning", "%(n)d warnings", self.reading["warnings"]), "warnings")
            )
        return ", ".join(text % {"n": self.reading.get(key, 0)} for text, key in shown)
