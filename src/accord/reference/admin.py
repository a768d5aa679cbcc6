"""Reference data in the admin, read-only: it is loaded from ``reference/data`` after every
migrate, which would silently undo an edit made here."""

from django.contrib import admin

from accord.reference import models as ref
from accord.web.admin_audit import ReadOnlyModelAdmin


@admin.register(ref.Region)
class RegionAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(ref.Country)
class CountryAdmin(ReadOnlyModelAdmin):
    list_display = ("name", "iso3", "region")
    list_filter = ("region",)
    search_fields = ("name", "iso3")
    list_select_related = ("region",)


@admin.register(ref.RegionalOrganization)
class RegionalOrganizationAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")
    list_select_related = ("region",)


@admin.register(ref.MembershipCategory)
class MembershipCategoryAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(ref.ConstituentGroup)
class ConstituentGroupAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(ref.SDG)
class SDGAdmin(ReadOnlyModelAdmin):
    list_display = ("number", "short_name")
    search_fields = ("short_name",)


@admin.register(ref.SDGTarget)
class SDGTargetAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "goal", "description")
    list_filter = ("goal",)
    search_fields = ("code", "description")
    list_select_related = ("goal",)


@admin.register(ref.SDGIndicator)
class SDGIndicatorAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "target", "description")
    search_fields = ("code", "description")
    list_select_related = ("target",)


@admin.register(ref.WSISActionLine)
class WSISActionLineAdmin(ReadOnlyModelAdmin):
    list_display = ("code", "title")
    search_fields = ("code", "title", "description")


@admin.register(ref.ReferenceEntry)
class ReferenceEntryAdmin(ReadOnlyModelAdmin):
    """Imported with ``accord import-reference``; read-only like the rest."""

    list_display = ("kind", "code", "title", "source", "imported_at")
    list_filter = ("kind",)
    search_fields = ("code", "title", "text")
