"""Who takes part in a conference, and in which capacity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.conferences.enums import Gender, Phase, Role


class Conference(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    start_date = models.DateField(_("opening date"))
    end_date = models.DateField(_("closing date"))
    phase = models.CharField(_("phase"), max_length=20, choices=Phase, default=Phase.PREPARATION)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown to visitors who are not signed in.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="conference_dates_in_order",
            )
        ]
        verbose_name = _("conference")

    def __str__(self) -> str:
        return self.short_name


class Organization(models.Model):
    """A Member State administration, Sector Member, Associate, academia member or other body."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    category = models.ForeignKey(
        "reference.MembershipCategory", on_delete=models.PROTECT, related_name="organizations"
    )
    country = models.ForeignKey(
        "reference.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    region = models.ForeignKey(
        "reference.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    constituent_group = models.ForeignKey(
        "reference.ConstituentGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A person, with or without a user account (most invitees never sign in)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class Delegation(models.Model):
    """An organization taking part in one conference; its members act for it."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegations")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="delegations"
    )
    head = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    members = models.ManyToManyField(
        Person, through="DelegationMembership", related_name="delegations"
    )

    class Meta:
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "organization"], name="one_delegation_per_organization"
            )
        ]
        verbose_name = _("delegation")

    def __str__(self) -> str:
        return f"{self.organization} ({self.conference})"


class DelegationMembership(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"], name="member_once_per_delegation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.delegation}"


class Appointment(models.Model):
    """A user's role at a conference other than delegate: chair (of a body) or observer."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="appointments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appointments"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    body = models.CharField(
        _("body"), max_length=200, blank=True, help_text=_("e.g. Working Group 1, Plenary")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "user", "role", "body"], name="appointment_once"
            )
        ]
        verbose_name = _("appointment")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} {self.body}".strip()
