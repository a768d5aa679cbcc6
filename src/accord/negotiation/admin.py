"""Contributions and their amendments in the admin, for corrections by the secretariat; every
write is audited. Decisions and merges belong to the web pages and the API, which check the
rules (drafts stay with their authors, merged amendments are final)."""

from django.contrib import admin

from accord.negotiation import models as m
from accord.web.admin_audit import AuditedModelAdmin


class AmendmentInline(admin.TabularInline):
    model = m.Amendment
    fields = ("order", "kind", "item_code", "decision", "merged_into")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(m.Contribution)
class ContributionAdmin(AuditedModelAdmin):
    list_display = ("__str__", "title", "delegation", "version", "state", "submitted_at")
    list_filter = ("state", "version__plan__conference")
    search_fields = ("reference", "title", "delegation__organization__name")
    list_select_related = ("delegation__organization", "version__plan")
    raw_id_fields = ("version", "delegation", "created_by")
    filter_horizontal = ("cosponsors",)
    readonly_fields = ("created_at", "submitted_at")
    inlines = [AmendmentInline]


@admin.register(m.Amendment)
class AmendmentAdmin(AuditedModelAdmin):
    list_display = ("__str__", "contribution", "kind", "item_code", "decision", "merged_into")
    list_filter = ("kind", "decision", "contribution__version__plan__conference")
    search_fields = ("item_code", "text", "contribution__title", "contribution__reference")
    list_select_related = ("contribution", "merged_into__plan")
    raw_id_fields = ("contribution", "item", "priority", "decided_by", "merged_into")
    readonly_fields = ("decided_at",)
