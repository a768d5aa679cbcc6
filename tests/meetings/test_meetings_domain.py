"""Creating, changing and removing meetings: validation, permissions and the audit trail."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.meetings import domain
from accord.meetings.domain import submissions
from accord.meetings.enums import DocumentKind, MeetingKind
from accord.meetings.models import Meeting
from tests import factories
from tests.meetings.conftest import make_ipm, make_meeting

pytestmark = pytest.mark.integration


def test_create_meeting_stores_fields_and_derives_deadline(admin, conference):
    meeting = make_meeting(admin, conference, contribution_days_before=21)

    assert meeting.region.code == "AFR"
    assert meeting.venue == "Nairobi, Kenya"
    assert meeting.days == 3
    assert meeting.contribution_deadline == dt.date(2026, 9, 29)


def test_create_meeting_is_audited(admin, conference):
    meeting = make_meeting(admin, conference)

    entry = AuditEntry.objects.get(action="meeting.created", target_id=str(meeting.pk))
    assert entry.conference == conference
    assert entry.changes["code"] == [None, "RPM-AFR"]
    assert entry.changes["starts_on"] == [None, "2026-10-20"]


def test_create_meeting_default_deadline_is_fourteen_days_before(admin, conference):
    meeting = make_meeting(admin, conference)

    assert meeting.contribution_deadline == dt.date(2026, 10, 6)


def test_create_meeting_rpm_without_region_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, region=None)

    assert error.value.field == "region"
    assert error.value.message == "A regional preparatory meeting needs its region."


@pytest.mark.parametrize("kind", [MeetingKind.IPM, MeetingKind.CONFERENCE])
def test_create_meeting_interregional_with_region_refused(admin, conference, kind):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, kind=kind, region="AFR")

    assert error.value.field == "region"


def test_create_meeting_unknown_region_names_the_codes(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, region="XYZ")

    assert error.value.message == (
        "Unknown region 'XYZ'; expected one of AFR, AMS, ARB, ASP, CIS, EUR."
    )


def test_create_meeting_end_before_start_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, ends_on=dt.date(2026, 10, 19))

    assert error.value.field == "ends_on"
    assert error.value.message == "The last day (2026-10-19) is before the first (2026-10-20)."
    assert Meeting.objects.count() == 0


def test_create_meeting_one_day_meeting_allowed(admin, conference):
    meeting = make_meeting(admin, conference, ends_on=dt.date(2026, 10, 20))

    assert meeting.days == 1


def test_create_meeting_unknown_timezone_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, timezone="Mars/Olympus")

    assert error.value.field == "timezone"


def test_create_meeting_without_place_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, city="", country="")

    assert error.value.field == "city"


def test_create_meeting_online_needs_address(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, city="", online=True)

    assert error.value.field == "online_url"


def test_create_meeting_online_address_must_be_web(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, online=True, online_url="ftp://example.org/x")

    assert error.value.field == "online_url"


def test_create_meeting_online_only_allowed(admin, conference):
    meeting = make_meeting(
        admin, conference, city="", country="", online=True, online_url="https://meet.example.org/a"
    )

    assert meeting.venue == ""
    assert meeting.online is True


def test_create_meeting_duplicate_code_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, "RPM-AFR", region="AMS")

    assert error.value.field == "code"


def test_create_meeting_same_code_other_conference_allowed(admin, conference, rpm):
    other = factories.make_conference(admin, slug="other")

    assert make_meeting(admin, other, "RPM-AFR").code == "RPM-AFR"


def test_create_meeting_empty_title_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        make_meeting(admin, conference, title="  ")

    assert error.value.field == "title"


@pytest.mark.parametrize("who", ["delegate", "chair", "observer", "outsider"])
def test_create_meeting_refused_to_all_but_secretariat(admin, conference, who):
    if who == "delegate":
        user = factories.make_delegate(admin, factories.make_delegation(admin, conference), "d1")
    elif who == "chair":
        user = factories.make_chair(admin, conference)
    elif who == "observer":
        user = factories.make_observer(admin, conference)
    else:
        user = factories.make_user(admin, "outsider")

    with pytest.raises(NotAllowed):
        make_meeting(user, conference)

    assert Meeting.objects.count() == 0


# --- Back to back ------------------------------------------------------------------------------


def test_back_to_back_adjacent_same_venue_accepted(admin, conference, rpm):
    ipm = make_ipm(admin, conference, back_to_back_with=rpm)

    assert ipm.back_to_back_with == rpm
    assert list(rpm.back_to_back_partners.all()) == [ipm]


def test_back_to_back_gap_within_configured_days_accepted(admin, conference, rpm, settings):
    settings.ACCORD_BACK_TO_BACK_DAYS = 5
    ipm = make_ipm(
        admin,
        conference,
        back_to_back_with=rpm,
        starts_on=dt.date(2026, 10, 27),
        ends_on=dt.date(2026, 10, 28),
    )

    assert ipm.back_to_back_with == rpm


def test_back_to_back_starting_on_partners_last_day_accepted(admin, conference, rpm):
    """The RPM closes in the morning, the IPM opens in the afternoon."""
    ipm = make_ipm(admin, conference, back_to_back_with=rpm, starts_on=dt.date(2026, 10, 22))

    assert ipm.back_to_back_with == rpm


def test_back_to_back_too_far_apart_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        make_ipm(
            admin,
            conference,
            back_to_back_with=rpm,
            starts_on=dt.date(2026, 10, 27),
            ends_on=dt.date(2026, 10, 28),
        )

    assert error.value.field == "back_to_back_with"
    assert error.value.message == (
        "IPM-1 (2026-10-27 to 2026-10-28) and RPM-AFR (2026-10-20 to 2026-10-22) are 5 days "
        "apart; back-to-back meetings follow each other within 3 days."
    )


def test_back_to_back_overlapping_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        make_ipm(admin, conference, back_to_back_with=rpm, starts_on=dt.date(2026, 10, 21))

    assert "overlap" in error.value.message


def test_back_to_back_other_city_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        make_ipm(admin, conference, back_to_back_with=rpm, city="Dakar", country="Senegal")

    assert error.value.field == "back_to_back_with"
    assert error.value.message.startswith("RPM-AFR is held in Nairobi, Kenya, not in Dakar")


def test_back_to_back_other_city_accepted_when_online(admin, conference, rpm):
    ipm = make_ipm(
        admin,
        conference,
        back_to_back_with=rpm,
        city="",
        country="",
        online=True,
        online_url="https://meet.example.org/ipm",
    )

    assert ipm.back_to_back_with == rpm


def test_back_to_back_venue_compared_ignoring_case(admin, conference, rpm):
    ipm = make_ipm(admin, conference, back_to_back_with=rpm, city=" nairobi ", country="KENYA")

    assert ipm.back_to_back_with == rpm


def test_back_to_back_with_meeting_of_other_conference_refused(admin, conference, rpm):
    other = factories.make_conference(admin, slug="other")

    with pytest.raises(DomainError) as error:
        make_ipm(admin, other, back_to_back_with=rpm)

    assert error.value.message == "RPM-AFR is a meeting of another conference."


def test_update_meeting_with_itself_as_partner_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.update_meeting(user=admin, meeting=rpm, back_to_back_with=rpm)

    assert error.value.field == "back_to_back_with"
    rpm.refresh_from_db()
    assert rpm.back_to_back_with is None


def test_update_meeting_moving_partner_away_refused(admin, conference, rpm, ipm):
    """The IPM points to the RPM: moving the RPM a month earlier breaks the pair."""
    with pytest.raises(DomainError) as error:
        domain.update_meeting(
            user=admin,
            meeting=rpm,
            starts_on=dt.date(2026, 9, 20),
            ends_on=dt.date(2026, 9, 22),
        )

    assert error.value.field == "back_to_back_with"
    assert rpm.starts_on == dt.date(2026, 10, 20)  # the object is left as it was
    rpm.refresh_from_db()
    assert rpm.starts_on == dt.date(2026, 10, 20)


# --- Update and delete -------------------------------------------------------------------------


def test_update_meeting_audits_old_and_new(admin, conference, rpm):
    domain.update_meeting(user=admin, meeting=rpm, title="Africa RPM", contribution_days_before=7)

    rpm.refresh_from_db()
    assert rpm.title == "Africa RPM"
    entry = AuditEntry.objects.get(action="meeting.updated")
    assert entry.changes == {
        "title": ["Meeting RPM-AFR", "Africa RPM"],
        "contribution_days_before": [14, 7],
    }


def test_update_meeting_region_by_code(admin, conference, rpm):
    domain.update_meeting(user=admin, meeting=rpm, region="EUR", city="Lisbon", country="Portugal")

    rpm.refresh_from_db()
    assert rpm.region.code == "EUR"


def test_update_meeting_without_change_writes_nothing(admin, conference, rpm):
    domain.update_meeting(user=admin, meeting=rpm, title=rpm.title)

    assert AuditEntry.objects.filter(action="meeting.updated").count() == 0


def test_update_meeting_unknown_field_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.update_meeting(user=admin, meeting=rpm, conference=None)

    assert error.value.field == "conference"


def test_update_meeting_refused_to_chair(admin, conference, rpm, chair):
    with pytest.raises(NotAllowed):
        domain.update_meeting(user=chair, meeting=rpm, title="Changed")


def test_delete_meeting_unlinks_partner_and_deletes_files(
    admin, conference, rpm, ipm, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/1",
        title="Report",
        kind=DocumentKind.REPORT,
        file=SimpleUploadedFile("report.txt", b"The report."),
    )
    stored = tmp_path / document.file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        domain.delete_meeting(user=admin, meeting=rpm)

    ipm.refresh_from_db()
    assert ipm.back_to_back_with is None
    assert not stored.exists()
    assert list(Meeting.objects.values_list("code", flat=True)) == ["IPM-1"]
    assert AuditEntry.objects.filter(action="meeting.deleted").count() == 1


def test_delete_meeting_refused_to_delegate(admin, conference, rpm, delegate):
    with pytest.raises(NotAllowed):
        domain.delete_meeting(user=delegate, meeting=rpm)

    assert Meeting.objects.count() == 1


def test_delete_meeting_refused_while_it_holds_contributions(admin, conference, rpm, kenya):
    submissions.create_submission(user=admin, meeting=rpm, delegation=kenya, title="Proposal")

    with pytest.raises(DomainError) as error:
        domain.delete_meeting(user=admin, meeting=rpm)

    assert error.value.message == (
        "RPM-AFR holds 1 contribution(s) (1 draft); a meeting with contributions is kept: "
        "change its dates or place instead."
    )
    assert Meeting.objects.count() == 1
    assert not AuditEntry.objects.filter(action="meeting.deleted").exists()
