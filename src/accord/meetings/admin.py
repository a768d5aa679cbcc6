"""Meetings, their documents, coordinators and contributions in the admin, read-only: every
write goes through ``accord.meetings.domain``, which checks the rules (deadlines, symbols,
who acts for whom) and appends to the audit trail."""

from django.contrib import admin

from accord.meetings import models as m
from accord.web.admin_audit import ReadOnlyModelAdmin


@admin.register(m.Meeting)
class MeetingAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "title", "kind", "region", "starts_on", "ends_on", "conference")
    list_filter = ("kind", "conference")
    search_fields = ("code", "title", "city", "country")
    list_select_related = ("region", "conference")


@admin.register(m.AgendaItem)
class AgendaItemAdmin(ReadOnlyModelAdmin):
    list_display = ("meeting", "number", "title")
    list_filter = ("meeting__conference",)
    search_fields = ("number", "title", "meeting__code")
    list_select_related = ("meeting",)


@admin.register(m.MeetingDocument)
class MeetingDocumentAdmin(ReadOnlyModelAdmin):
    list_display = ("symbol", "title", "kind", "meeting", "uploaded_at")
    list_filter = ("kind", "meeting__conference")
    search_fields = ("symbol", "title")
    list_select_related = ("meeting",)


@admin.register(m.Coordinator)
class CoordinatorAdmin(ReadOnlyModelAdmin):
    list_display = ("person", "region", "topic", "priority", "conference")
    list_filter = ("topic", "region", "conference")
    search_fields = ("person__name",)
    list_select_related = ("person", "region", "priority", "conference")


@admin.register(m.MandatedRepresentative)
class MandatedRepresentativeAdmin(ReadOnlyModelAdmin):
    list_display = ("person", "region", "meeting", "delegation")
    list_filter = ("region", "meeting__conference")
    search_fields = ("person__name", "meeting__code")
    list_select_related = ("person", "region", "meeting", "delegation__organization")


@admin.register(m.CalendarFeed)
class CalendarFeedAdmin(ReadOnlyModelAdmin):
    """Without the salt: with the server's secret it would give the private address."""

    list_display = ("delegation", "created_by", "created_at")
    exclude = ("salt",)
    list_select_related = ("delegation__organization", "created_by")


@admin.register(m.Submission)
class SubmissionAdmin(ReadOnlyModelAdmin):
    list_display = ("__str__", "title", "meeting", "delegation", "status", "late", "submitted_at")
    list_filter = ("status", "late", "meeting__conference")
    search_fields = ("symbol", "title", "delegation__organization__name")
    list_select_related = ("meeting", "delegation__organization")
