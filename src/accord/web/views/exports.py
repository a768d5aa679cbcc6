"""Download a plan version as a file, in each format the document engine writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from accord.plans.interfaces.exports import FORMATS, export_filename, export_version
from accord.plans.models import PlanVersion
from accord.plans.queries import current_version
from accord.web.access import conference_for
from accord.web.errors import domain_errors

# The order and names the plan page offers the formats in.
FORMAT_LABELS = {
    "docx": _("Word"),
    "pdf": _("PDF"),
    "html": _("HTML"),
    "md": _("Markdown"),
    "json": _("JSON"),
}


@dataclass(frozen=True)
class Download:
    fmt: str
    label: str
    extension: str
    url: str


def downloads(version: PlanVersion) -> list[Download]:
    """A link per format for the version shown; the caller has checked it may be read."""
    slug = version.plan.conference.slug
    return [
        Download(
            fmt,
            str(label),
            FORMATS[fmt].extension,
            reverse("plan_export", args=[slug, version.number, fmt]),
        )
        for fmt, label in FORMAT_LABELS.items()
        if fmt in FORMATS
    ]


@domain_errors
@require_safe
def plan_export(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    """The version as an attachment; a version the visitor may not read is not there (404)."""
    conference = conference_for(request, slug)
    if fmt not in FORMATS:
        raise Http404("No such format.")
    version = current_version(request.user, conference, number)
    response = HttpResponse(export_version(version, fmt), content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=export_filename(version, fmt)
    )
    # Drafts and circulated versions are for some eyes only: no shared cache keeps them.
    patch_cache_control(response, private=True)
    return response
