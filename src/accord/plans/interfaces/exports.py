"""Export a plan version in each format the document engine writes; shared by CLI and web."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from accord.engines.documents import json_io
from accord.engines.documents.html_writer import to_html
from accord.engines.documents.markdown_writer import to_markdown
from accord.plans.interfaces.working_document import version_as_document
from accord.plans.models import PlanVersion


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str


FORMATS = {
    "docx": Format(
        ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "json": Format(".json", "application/json"),
    "html": Format(".html", "text/html; charset=utf-8"),
    "md": Format(".md", "text/markdown; charset=utf-8"),
    "pdf": Format(".pdf", "application/pdf"),
}


def export_filename(version: PlanVersion, fmt: str) -> str:
    return f"{version.plan.conference.slug}-action-plan-v{version.number}{FORMATS[fmt].extension}"


def export_version(version: PlanVersion, fmt: str) -> bytes:
    """The version as a file in ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    document = version_as_document(version)
    if fmt == "json":
        return json.dumps(json_io.dump(document), ensure_ascii=False, indent=2).encode()
    if fmt == "html":
        return to_html(document).encode()
    if fmt == "md":
        return to_markdown(document).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{FORMATS[fmt].extension}"
        if fmt == "pdf":
            from accord.engines.documents.pdf_writer import write_pdf

            write_pdf(document, path)
        else:
            from accord.engines.documents.docx_writer import write_docx

            write_docx(document, path)
        return path.read_bytes()
