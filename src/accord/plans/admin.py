"""The Action Plan in the admin; every write is audited.

The admin bypasses the domain's draft-only rule, so it is for corrections by the secretariat;
an item saved here gets a new revision, so an editor holding the old one is told of the change.
"""

from django.contrib import admin
from django.db.models import F

from accord.plans import models as m
from accord.web.admin_audit import AuditedModelAdmin


@admin.register(m.ActionPlan)
class ActionPlanAdmin(AuditedModelAdmin):
    list_display = ("title", "conference")
    search_fields = ("title", "conference__name", "conference__short_name")
    list_select_related = ("conference",)


@admin.register(m.PlanVersion)
class PlanVersionAdmin(AuditedModelAdmin):
    list_display = ("__str__", "number", "label", "state", "created_at", "created_by")
    list_filter = ("state", "plan__conference")
    search_fields = ("label", "plan__title")
    list_select_related = ("plan", "created_by")
    readonly_fields = ("created_at",)
    raw_id_fields = ("based_on", "created_by")


@admin.register(m.Priority)
class PriorityAdmin(AuditedModelAdmin):
    list_display = ("code", "title", "version", "order")
    list_filter = ("version__plan__conference", "version")
    search_fields = ("code", "title", "description")
    list_select_related = ("version__plan",)
    raw_id_fields = ("version",)


@admin.register(m.PlanItem)
class PlanItemAdmin(AuditedModelAdmin):
    list_display = ("code", "kind", "status", "priority", "version", "revision", "updated_at")
    list_filter = ("status", "kind", "version__plan__conference", "version")
    search_fields = ("code", "text", "priority__title")
    list_select_related = ("priority", "version__plan")
    readonly_fields = ("revision", "updated_at", "derived_status", "status_source", "status_note")
    raw_id_fields = ("version", "priority", "outcome")

    def save_model(self, request, obj, form, change) -> None:
        if change and form.changed_data:
            obj.revision = F("revision") + 1
        super().save_model(request, obj, form, change)
        obj.refresh_from_db(fields=["revision"])


@admin.register(m.KPI)
class KPIAdmin(AuditedModelAdmin):
    list_display = ("indicator", "unit", "item")
    list_filter = ("item__version__plan__conference",)
    search_fields = ("indicator", "item__code")
    list_select_related = ("item",)
    raw_id_fields = ("item",)


@admin.register(m.KPIPeriod)
class KPIPeriodAdmin(AuditedModelAdmin):
    list_display = ("kpi", "start", "end", "baseline", "target", "actual")
    list_filter = ("kpi__item__version__plan__conference",)
    search_fields = ("kpi__indicator", "kpi__item__code")
    list_select_related = ("kpi",)
    raw_id_fields = ("kpi",)


@admin.register(m.Linkage)
class LinkageAdmin(AuditedModelAdmin):
    list_display = ("item", "type", "target", "note")
    list_filter = ("type", "item__version__plan__conference")
    search_fields = ("target", "note", "item__code")
    list_select_related = ("item",)
    raw_id_fields = ("item",)


@admin.register(m.Comment)
class CommentAdmin(AuditedModelAdmin):
    list_display = ("author", "text", "version", "priority", "item", "written_at")
    list_filter = ("version__plan__conference", "version")
    search_fields = ("author", "text", "anchor", "item__code", "priority__code")
    list_select_related = ("version__plan", "priority", "item")
    raw_id_fields = ("version", "priority", "item", "parent")


@admin.register(m.ProposedChange)
class ProposedChangeAdmin(AuditedModelAdmin):
    list_display = ("item", "kind", "author", "text", "proposed_at")
    list_filter = ("kind", "item__version__plan__conference")
    search_fields = ("author", "text", "item__code")
    list_select_related = ("item",)
    raw_id_fields = ("item",)
