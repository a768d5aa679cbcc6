"""Web forms of the participation dashboard: they check the shape of the input; the domain
decides the rest (and its refusals are shown next to the field they name)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_CSV_BYTES = 1_000_000


class TargetsForm(forms.Form):
    """One percent field per value of a dimension; blank means no target."""

    def __init__(
        self,
        *args: Any,
        values: list[tuple[str, str]],
        current: dict[str, Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for code, name in values:
            self.fields[code] = forms.DecimalField(
                label=name,
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=1,
                initial=current.get(code),
                widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
            )


class PastUploadForm(forms.Form):
    label = forms.CharField(
        label=_("Previous conference"),
        max_length=40,
        help_text=_("e.g. WTDC-22; importing the same name again replaces its figures."),
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Header: dimension,value,registered,attended; values are reference codes."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload
