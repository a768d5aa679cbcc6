"""Conferences and who takes part, in the admin; every write is audited."""

from django.contrib import admin

from accord.conferences import models as m
from accord.web.admin_audit import AuditedModelAdmin


@admin.register(m.Conference)
class ConferenceAdmin(AuditedModelAdmin):
    list_display = ("short_name", "name", "phase", "start_date", "end_date", "venue", "is_public")
    list_filter = ("phase", "is_public")
    search_fields = ("slug", "name", "short_name", "venue")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("short_name",)}


@admin.register(m.Organization)
class OrganizationAdmin(AuditedModelAdmin):
    list_display = ("name", "short_name", "category", "country", "region", "constituent_group")
    list_filter = ("category", "region", "constituent_group")
    search_fields = ("name", "short_name", "country__name")
    list_select_related = ("category", "country", "region", "constituent_group")
    autocomplete_fields = ("country",)


@admin.register(m.Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ("name", "email", "organization", "user")
    list_filter = ("gender",)
    search_fields = ("name", "email", "organization__name", "user__username")
    list_select_related = ("organization", "user")
    autocomplete_fields = ("organization",)
    raw_id_fields = ("user",)


@admin.register(m.Delegation)
class DelegationAdmin(AuditedModelAdmin):
    list_display = ("organization", "conference", "head")
    list_filter = ("conference",)
    search_fields = ("organization__name", "head__name")
    list_select_related = ("organization", "conference", "head")
    autocomplete_fields = ("organization", "head")


@admin.register(m.DelegationMembership)
class DelegationMembershipAdmin(AuditedModelAdmin):
    list_display = ("person", "delegation")
    list_filter = ("delegation__conference",)
    search_fields = ("person__name", "delegation__organization__name")
    list_select_related = ("person", "delegation__organization", "delegation__conference")
    autocomplete_fields = ("person",)


@admin.register(m.Appointment)
class AppointmentAdmin(AuditedModelAdmin):
    list_display = ("user", "role", "body", "conference")
    list_filter = ("conference", "role")
    search_fields = ("user__username", "user__first_name", "user__last_name", "body")
    list_select_related = ("user", "conference")
    raw_id_fields = ("user",)
