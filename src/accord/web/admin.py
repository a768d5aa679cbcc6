"""Admin pages for models that the web pages create.

Staged uploads change only through ``accord.plans.domain.uploads`` (which deletes files and
audits), so the secretariat may look at them here but not change them.
"""

from django.contrib import admin

from accord.plans.models import DocumentUpload
from accord.web.admin_audit import ReadOnlyModelAdmin


@admin.register(DocumentUpload)
class DocumentUploadAdmin(ReadOnlyModelAdmin):
    list_display = ("original_name", "conference", "state", "uploaded_by", "uploaded_at", "size")
    list_filter = ("state", "conference")
    search_fields = ("original_name", "label")
    list_select_related = ("conference", "uploaded_by")
    date_hierarchy = "uploaded_at"
