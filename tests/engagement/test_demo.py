import datetime as dt

from accord.engagement.models import Registration
from accord.engagement.queries.pipeline import overview


def test_demo_has_pipeline_with_overdue_items(demo):
    from django.contrib.auth.models import User

    from accord.conferences.models import Conference

    conference = Conference.objects.get(slug="ddc-27")
    admin = User.objects.get(username="secretariat")
    data = overview(admin, conference, today=dt.date(2026, 12, 1))
    assert [s.target_list.name for s in data.lists] == [
        "Academia and civil society",
        "Governments and regulators",
        "Private sector leaders",
    ]
    assert data.totals == {
        "identified": 4,
        "invited": 2,
        "confirmed": 1,
        "declined": 1,
        "registered": 1,
        "attended": 0,
    }
    assert sum(s.overdue for s in data.lists) == 4
    assert sorted(
        Registration.objects.filter(conference=conference).values_list("state", flat=True)
    ) == [
        "approved",
        "pending",
    ]
