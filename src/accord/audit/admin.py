"""The audit trail in the admin: the secretariat reads it, nobody changes or deletes it."""

import json

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accord.audit.models import AuditEntry
from accord.web.admin_audit import ReadOnlyModelAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyModelAdmin):
    list_display = ("at", "actor_name", "action", "target_type", "target_repr", "conference")
    list_filter = ("action", "target_type", "conference")
    search_fields = ("actor_name", "action", "target_repr", "target_id")
    date_hierarchy = "at"
    list_select_related = ("conference",)
    fields = (
        "at",
        "actor",
        "actor_name",
        "action",
        "conference",
        "target_type",
        "target_id",
        "target_repr",
        "changes_display",
    )
    readonly_fields = fields
    actions = None

    @admin.display(description=_("what changed"))
    def changes_display(self, entry: AuditEntry) -> str:
        return format_html("<pre>{}</pre>", json.dumps(entry.changes, indent=2, ensure_ascii=False))
