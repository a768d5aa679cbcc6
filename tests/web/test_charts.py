import pytest

from accord.plans.models import PlanItem, Priority
from accord.plans.queries import PriorityView, StatusCounts
from accord.web.charts import LABEL_WIDTH, PADDING, WIDTH, status_chart

pytestmark = pytest.mark.unit


def view(code, *statuses):
    items = [PlanItem(status=s) for s in statuses]
    return PriorityView(Priority(code=code, title=f"Title {code}"), StatusCounts.of(items), items)


def test_status_chart_scales_bars_to_largest_priority():
    tree = [view("D.1", "agreed", "agreed", "disputed", "disputed"), view("D.2", "agreed")]

    chart = status_chart(tree)

    start = LABEL_WIDTH + PADDING
    full = WIDTH - start - 40 - PADDING
    first, second = chart.rows
    assert [(s.status, s.count, s.x, s.width) for s in first.segments] == [
        ("agreed", 2, start, full / 2),
        ("disputed", 2, start + full / 2, full / 2),
    ]
    assert [(s.status, s.width) for s in second.segments] == [("agreed", full / 4)]
    assert chart.height == 2 * PADDING + 2 * 30


def test_status_chart_mirrors_bars_right_to_left():
    tree = [view("D.1", "agreed", "undisputed_change")]

    chart = status_chart(tree, rtl=True)

    start = LABEL_WIDTH + PADDING
    full = WIDTH - start - 40 - PADDING
    agreed, changed = chart.rows[0].segments
    assert agreed.x == WIDTH - start - full / 2
    assert changed.x == WIDTH - start - full
    assert (chart.rows[0].label_x, chart.label_anchor) == (WIDTH, "end")


def test_status_chart_of_empty_priorities_is_empty():
    chart = status_chart([view("D.1")])

    assert chart.empty is True
    assert chart.rows[0].segments == []
