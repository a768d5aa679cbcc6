import datetime as dt

import pytest

from accord.core.errors import DomainError, NotAllowed
from accord.engagement.domain.deadlines import (
    Deadline,
    deadline_for,
    deadlines,
    months_before,
    overdue_steps,
    set_deadline_rule,
)
from tests import factories

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2027, 6, 5), 12, D(2026, 6, 5)),
        (D(2027, 3, 31), 1, D(2027, 2, 28)),
        (D(2028, 3, 31), 1, D(2028, 2, 29)),
        (D(2028, 2, 29), 12, D(2027, 2, 28)),
        (D(2027, 1, 31), 2, D(2026, 11, 30)),
        (D(2027, 8, 31), 6, D(2027, 2, 28)),
        (D(2027, 1, 15), 13, D(2025, 12, 15)),
        (D(2027, 5, 31), 0, D(2027, 5, 31)),
    ],
)
def test_months_before_clamps_to_month_end(day, months, expected):
    assert months_before(day, months) == expected


def test_deadline_for_subtracts_months_then_days():
    assert deadline_for(D(2027, 3, 31), months=1, days=10) == D(2027, 2, 18)


def test_deadlines_default_rules(db, admin):
    conference = factories.make_conference(admin, start_date=D(2027, 8, 31), end_date=D(2027, 9, 9))
    assert deadlines(conference) == [
        Deadline("invited", 12, 0, D(2026, 8, 31)),
        Deadline("confirmed", 6, 0, D(2027, 2, 28)),
        Deadline("registered", 1, 0, D(2027, 7, 31)),
    ]


def test_set_deadline_rule_overrides_default_and_is_audited(admin, conference):
    set_deadline_rule(
        user=admin, conference=conference, step="confirmed", months_before=3, days_before=5
    )
    set_deadline_rule(user=admin, conference=conference, step="confirmed", months_before=4)
    assert [(d.step, d.due) for d in deadlines(conference)] == [
        ("invited", D(2026, 6, 5)),
        ("confirmed", D(2027, 2, 5)),
        ("registered", D(2027, 5, 5)),
    ]
    from accord.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="engagement.deadline_set").count() == 2


def test_set_deadline_rule_refuses_unknown_step(admin, conference):
    with pytest.raises(DomainError, match="Unknown step 'attended'"):
        set_deadline_rule(user=admin, conference=conference, step="attended", months_before=1)


def test_set_deadline_rule_refuses_list_owner(conference, owner):
    with pytest.raises(NotAllowed):
        set_deadline_rule(user=owner, conference=conference, step="invited", months_before=1)


def test_overdue_steps_counts_passed_deadlines_not_reached():
    schedule = [
        Deadline("invited", 12, 0, D(2026, 6, 5)),
        Deadline("confirmed", 6, 0, D(2026, 12, 5)),
        Deadline("registered", 1, 0, D(2027, 5, 5)),
    ]
    assert overdue_steps("identified", schedule, D(2026, 6, 5)) == []
    assert overdue_steps("identified", schedule, D(2026, 6, 6)) == ["invited"]
    assert overdue_steps("invited", schedule, D(2027, 1, 1)) == ["confirmed"]
    assert overdue_steps("identified", schedule, D(2027, 6, 1)) == [
        "invited",
        "confirmed",
        "registered",
    ]
    assert overdue_steps("declined", schedule, D(2027, 6, 1)) == []
    assert overdue_steps("registered", schedule, D(2027, 6, 1)) == []
