"""Web forms of invitations and registration; the domain checks what they collect."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.engagement.enums import Gender, InviteeState
from accord.reference.models import ConstituentGroup, MembershipCategory, Region


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organization_name = forms.CharField(label=_("Organization"), max_length=200, required=False)
    constituent_group = forms.ModelChoiceField(
        ConstituentGroup.objects.all(), label=_("Constituent group"), required=False
    )
    membership_category = forms.ModelChoiceField(
        MembershipCategory.objects.all(), label=_("Membership category"), required=False
    )
    region = forms.ModelChoiceField(Region.objects.all(), label=_("Region"), required=False)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"), choices=Gender.choices, initial=Gender.UNDISCLOSED
    )
    credentials = forms.FileField(
        label=_("Credentials letter (government delegates; PDF, PNG or JPEG)"), required=False
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or .xlsx file"))
    good_rows_only = forms.BooleanField(
        label=_("Import the good rows only, leaving out the bad ones"), required=False
    )


class MoveForm(forms.Form):
    state = forms.ChoiceField(label=_("Move to"), choices=InviteeState.choices)
    reason = forms.CharField(label=_("Reason (for a move back)"), required=False)
