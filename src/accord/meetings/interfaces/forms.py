"""Web forms of the meeting pages: they check the shape of the input; the domain decides the
rest (and its refusals are shown next to the field they name)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.conferences.models import Conference, Delegation, Organization, Person
from accord.meetings.enums import DocumentKind, MeetingKind, Topic
from accord.meetings.models import Meeting
from accord.negotiation.models import Contribution
from accord.plans.models import PlanVersion, Priority
from accord.reference.models import Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RegionChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Region.objects.order_by("name"), to_field_name="code", **kwargs)


class PersonChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=Person.objects.select_related("organization").order_by("name"), **kwargs
        )

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.organization})" if obj.organization_id else obj.name


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    code = forms.CharField(
        label=_("Short name"), max_length=30, help_text=_("e.g. RPM-AFR; prefixes its documents.")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    region = RegionChoice(
        label=_("Region"),
        required=False,
        help_text=_("Required for a regional meeting; empty for interregional ones."),
    )
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE)
    timezone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        initial="UTC",
        help_text=_("An IANA name, e.g. Africa/Nairobi."),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    online = forms.BooleanField(label=_("Online (or hybrid)"), required=False)
    online_url = forms.URLField(
        label=_("Address to join online"), max_length=500, required=False, assume_scheme="https"
    )
    chair = PersonChoice(label=_("Chair"), required=False)
    back_to_back_with = forms.ModelChoiceField(
        label=_("Back to back with"), queryset=Meeting.objects.none(), required=False
    )
    contribution_days_before = forms.IntegerField(
        label=_("Contribution deadline, in days before the first day"),
        min_value=0,
        max_value=365,
        initial=14,
    )
    representatives_per_region = forms.IntegerField(
        label=_("Mandated representatives per region (interregional meetings)"),
        min_value=1,
        max_value=20,
        initial=2,
    )

    def __init__(
        self, *args: Any, conference: Conference, meeting: Meeting | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        others = Meeting.objects.filter(conference=conference).order_by("starts_on", "code")
        if meeting is not None:
            others = others.exclude(pk=meeting.pk)
        self.fields["back_to_back_with"].queryset = others

    @staticmethod
    def initial_for(meeting: Meeting) -> dict[str, Any]:
        return {
            "kind": meeting.kind,
            "code": meeting.code,
            "title": meeting.title,
            "region": meeting.region.code if meeting.region else None,
            "starts_on": meeting.starts_on,
            "ends_on": meeting.ends_on,
            "timezone": meeting.timezone,
            "city": meeting.city,
            "country": meeting.country,
            "online": meeting.online,
            "online_url": meeting.online_url,
            "chair": meeting.chair_id,
            "back_to_back_with": meeting.back_to_back_with_id,
            "contribution_days_before": meeting.contribution_days_before,
            "representatives_per_region": meeting.representatives_per_region,
        }


class MeetingFilterForm(forms.Form):
    """The list's filters (GET); an unknown value is ignored, not an error."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *MeetingKind.choices], required=False
    )
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [
            ("", _("All regions")),
            ("none", _("Interregional")),
            *Region.objects.order_by("name").values_list("code", "name"),
        ]


class AgendaForm(forms.Form):
    agenda = forms.CharField(
        label=_("Agenda, one item a line"),
        help_text=_(
            "Write “number | title”, or “number | title | D.1, D.1-a” to link the item to "
            "priorities and items of the Action Plan."
        ),
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
        required=False,
    )


class DocumentForm(forms.Form):
    symbol = forms.CharField(label=_("Symbol"), max_length=60)
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File (optional)"), required=False, max_length=255)
    contribution = forms.ModelChoiceField(
        label=_("Contribution to the Action Plan it carries (optional)"),
        queryset=Contribution.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contribution"].queryset = Contribution.objects.filter(
            version__plan__conference=conference, submitted_at__isnull=False
        ).order_by("reference", "id")


class CoordinatorForm(forms.Form):
    region = RegionChoice(label=_("Region"))
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    priority = forms.ModelChoiceField(
        label=_("Priority (for the topic 'Action Plan priority')"),
        queryset=Priority.objects.none(),
        required=False,
    )
    person = PersonChoice(label=_("Coordinator"))
    organization = forms.ModelChoiceField(
        label=_("On behalf of (optional; default: their organization)"),
        queryset=Organization.objects.order_by("name"),
        required=False,
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version = (
            PlanVersion.objects.filter(plan__conference=conference).order_by("-number").first()
        )
        if version is not None:
            self.fields["priority"].queryset = version.priorities.order_by("order", "id")


class DelegationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.organization)


class RepresentativeForm(forms.Form):
    region = RegionChoice(label=_("Region"))
    person = PersonChoice(label=_("Representative"))
    delegation = DelegationChoice(
        label=_("Delegation (optional)"), queryset=Delegation.objects.none(), required=False
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = Delegation.objects.filter(
            conference=conference
        ).select_related("organization")
