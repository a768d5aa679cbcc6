"""Reference data the project writes itself (see ``data/``) or imports from official formats."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class WSISActionLine(models.Model):
    code = models.CharField(max_length=3, unique=True)
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["number"]
        verbose_name = _("WSIS action line")

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"
