"""Forms of the web pages: they check the shape of the input; the domain decides the rest."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accord.engines.documents.reader import MAX_BYTES

# What the file chooser offers; the reader looks at the content, not at the name.
DOCUMENT_TYPES = ",".join(
    [
        ".docx",
        ".txt",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/plain",
    ]
)


class DocumentUploadForm(forms.Form):
    """A working document to stage for import, and the label of the version it would become.

    Empty files pass: the reader refuses them with a message that names the file.
    """

    file = forms.FileField(
        label=_("Working document"),
        help_text=format_lazy(
            _("A Word document (.docx) or Word's plain-text export (.txt), up to {size} MB."),
            size=MAX_BYTES // 2**20,
        ),
        allow_empty_file=True,
        max_length=255,
        error_messages={
            "required": _("Choose the working document to upload."),
            "max_length": _("The file name is too long; rename the file and upload it again."),
        },
        widget=forms.FileInput(attrs={"accept": DOCUMENT_TYPES}),
    )
    label = forms.CharField(
        label=_("Version label (optional)"),
        help_text=_("Names the new version, e.g. “After the Africa RPM”."),
        required=False,
        max_length=200,
    )
