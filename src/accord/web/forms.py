"""Forms of the web pages: they check the shape of the input; the domain decides the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accord.engines.documents.reader import MAX_BYTES
from accord.negotiation.enums import PositionSource, Stance
from accord.plans.enums import ItemStatus

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


class PositionForm(forms.Form):
    """A delegation's stance on the item or one of its brackets. The choices of delegation and
    bracket are set per request: the delegations the user acts for, the brackets of the text."""

    delegation = forms.TypedChoiceField(label=_("Delegation"), coerce=int)
    bracket = forms.TypedChoiceField(label=_("On"), coerce=int, empty_value=None, required=False)
    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices)
    option = forms.IntegerField(label=_("Option (1, 2…)"), min_value=1, required=False)
    detail = forms.CharField(
        label=_("Detail or proposed text"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.ChoiceField(
        label=_("Stated in"), choices=PositionSource.choices, initial=PositionSource.STATEMENT
    )

    def __init__(
        self,
        *args: Any,
        delegations: list[tuple[int, str]],
        brackets: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].choices = delegations
        self.fields["bracket"].choices = [("", _("The whole item")), *brackets]


class ResolveForm(forms.Form):
    """How a chair settles one bracket: ``keep``, ``delete`` or ``option:N``."""

    bracket = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    choice = forms.CharField(max_length=20)
    expected_revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("As the rule says")), *ItemStatus.choices],
        required=False,
    )
    note = forms.CharField(label=_("Why"), max_length=300, required=False)


class ItemTextForm(forms.Form):
    """The item's text, with the revision and text the editor started from, so a save based on
    an outdated revision is refused and the other person's change shown."""

    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}))
    expected_revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    started_from = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
