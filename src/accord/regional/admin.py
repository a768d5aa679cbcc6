"""Regional priorities, the cap and the RTO mandates in the admin, read-only: every write goes
through ``accord.regional.domain``, which enforces the cap and appends to the audit trail."""

from django.contrib import admin

from accord.regional import models as m
from accord.web.admin_audit import ReadOnlyModelAdmin


@admin.register(m.RegionalPriority)
class RegionalPriorityAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "title", "rto", "conference", "updated_at")
    list_filter = ("rto", "conference")
    search_fields = ("code", "title", "text")
    list_select_related = ("rto", "conference")


@admin.register(m.RtoMandate)
class RtoMandateAdmin(ReadOnlyModelAdmin):
    list_display = ("rto", "delegation", "conference", "created_at")
    list_filter = ("rto", "conference")
    list_select_related = ("rto", "delegation__organization", "conference")


@admin.register(m.RegionalSettings)
class RegionalSettingsAdmin(ReadOnlyModelAdmin):
    list_display = ("conference", "cap", "updated_at")
    list_select_related = ("conference",)
