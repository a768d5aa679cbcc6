"""Reference data the project writes itself (see ``data/``) or imports from official formats."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.reference.enums import EntryKind


class Region(models.Model):
    code = models.CharField(max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """An ITU Member State."""

    iso3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="countries")

    class Meta:
        ordering = ["name"]
        verbose_name = _("Member State")
        verbose_name_plural = _("Member States")

    def __str__(self) -> str:
        return self.name


class RegionalOrganization(models.Model):
    """A regional telecommunication organization (RTO)."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="rtos")

    class Meta:
        ordering = ["code"]
        verbose_name = _("regional telecommunication organization")

    def __str__(self) -> str:
        return self.code


class MembershipCategory(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["id"]
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")

    def __str__(self) -> str:
        return self.name


class ConstituentGroup(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["id"]
        verbose_name = _("constituent group")

    def __str__(self) -> str:
        return self.name


class SDG(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    short_name = models.CharField(_("short name"), max_length=100)

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.short_name}"


class SDGTarget(models.Model):
    """An SDG target such as ``9.c``; imported from the UN's published lists, not shipped."""

    goal = models.ForeignKey(SDG, on_delete=models.PROTECT, related_name="targets")
    code = models.CharField(max_length=8, unique=True)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["goal__number", "id"]
        verbose_name = _("SDG target")

    def __str__(self) -> str:
        return self.code


class SDGIndicator(models.Model):
    """An SDG indicator such as ``9.c.1``, measuring one target; imported with the targets
    from the UN's published lists, not shipped."""

    target = models.ForeignKey(SDGTarget, on_delete=models.PROTECT, related_name="indicators")
    code = models.CharField(max_length=12, unique=True)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["target__goal__number", "target_id", "id"]
        verbose_name = _("SDG indicator")

    def __str__(self) -> str:
        return self.code


class WSISActionLine(models.Model):
    code = models.CharField(max_length=3, unique=True)
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Written by the team; shipped by the engine.")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("WSIS action line")

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"


class ReferenceEntry(models.Model):
    """One entry of a list the secretariat provides: a strategic-plan goal or target, a
    resolution, a regional initiative or a study Question. Imported from its files, so a
    linkage of the same type can be checked against it."""

    kind = models.CharField(_("kind"), max_length=30, choices=EntryKind)
    code = models.CharField(_("code"), max_length=60, help_text=_("e.g. 37, 1/1, AFR1, 2.1"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(_("file"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="reference_entry_once")
        ]
        verbose_name = _("reference entry")
        verbose_name_plural = _("reference entries")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"
