"""Web forms of invitations and registration; the domain checks what they collect."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accord.engagement.domain.deadlines import Deadline
from accord.engagement.enums import DeadlineStep, Gender, InviteeState
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import ConstituentGroup, Country, MembershipCategory, Region


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


class UsernameField(forms.CharField):
    """An optional account named by its username (as the import's "owner" column)."""

    def clean(self, value: Any) -> Any:
        username = super().clean(value).strip()
        if not username:
            return None
        found = get_user_model().objects.filter(username__iexact=username).first()
        if found is None:
            raise forms.ValidationError(
                _("No account with the username '%(name)s'.") % {"name": username}
            )
        return found


class TargetListForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    constituent_group = forms.ModelChoiceField(
        ConstituentGroup.objects.all(), label=_("Constituent group"), required=False
    )
    owner = UsernameField(
        label=_("Owner (username)"),
        required=False,
        help_text=_("Who manages the list's invitees besides the secretariat."),
    )


class InviteeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organization_name = forms.CharField(label=_("Organization"), max_length=200, required=False)
    country = forms.ModelChoiceField(Country.objects.all(), label=_("Country"), required=False)
    region = forms.ModelChoiceField(
        Region.objects.all(),
        label=_("Region"),
        required=False,
        help_text=_("Left empty, the country's region."),
    )
    constituent_group = forms.ModelChoiceField(
        ConstituentGroup.objects.all(),
        label=_("Constituent group"),
        required=False,
        help_text=_("Left empty, the list's."),
    )
    membership_category = forms.ModelChoiceField(
        MembershipCategory.objects.all(), label=_("Membership category"), required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Gender.choices, initial=Gender.UNDISCLOSED
    )
    star = forms.BooleanField(label=_("Star (on the short list)"), required=False)
    owner = UsernameField(
        label=_("Owner (username)"), required=False, help_text=_("Left empty, the list's owner.")
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeadlinesForm(forms.Form):
    """Months and days before the opening, one pair of fields per pipeline step."""

    def __init__(self, *args: Any, schedule: list[Deadline], **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                key: value
                for d in schedule
                for key, value in (
                    (f"{d.step}_months", d.months_before),
                    (f"{d.step}_days", d.days_before),
                )
            },
        )
        super().__init__(*args, **kwargs)
        labels = dict(DeadlineStep.choices)
        for d in schedule:
            self.fields[f"{d.step}_months"] = forms.IntegerField(
                label=_("%(step)s: months before opening") % {"step": labels[d.step]},
                min_value=0,
                max_value=60,
            )
            self.fields[f"{d.step}_days"] = forms.IntegerField(
                label=_("%(step)s: days before opening") % {"step": labels[d.step]},
                min_value=0,
                max_value=366,
            )
        self.steps = [d.step for d in schedule]

    def values(self) -> dict[str, tuple[int, int]]:
        """``step → (months, days)`` of a valid form."""
        data = self.cleaned_data
        return {step: (data[f"{step}_months"], data[f"{step}_days"]) for step in self.steps}


class OpenRegistrationForm(forms.Form):
    open = forms.BooleanField(
        label=_("Open registration: anyone may register without a personal link"),
        required=False,
    )


def target_list_initial(target_list: TargetList) -> dict[str, Any]:
    """The edit form of a list, filled in with what it is now."""
    return {
        "name": target_list.name,
        "constituent_group": target_list.constituent_group_id,
        "owner": target_list.owner.get_username() if target_list.owner else "",
    }


def invitee_initial(invitee: Invitee) -> dict[str, Any]:
    """The edit form of an invitee, filled in with what they are now. A region that is the
    country's is left empty, so it follows the country when the country changes."""
    derived = invitee.country is not None and invitee.region_id == invitee.country.region_id
    return {
        "name": invitee.name,
        "email": invitee.email,
        "organization_name": invitee.organization_name,
        "country": invitee.country_id,
        "region": None if derived else invitee.region_id,
        "constituent_group": invitee.constituent_group_id,
        "membership_category": invitee.membership_category_id,
        "gender": invitee.gender,
        "star": invitee.star,
        "owner": invitee.owner.get_username() if invitee.owner else "",
        "notes": invitee.notes,
    }
