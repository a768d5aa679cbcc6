"""The consensus page and a delegation's page: content, access, and a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.negotiation.domain import record_position
from accord.plans import domain as plans
from accord.plans.enums import ItemKind, VersionState
from accord.web.views import consensus as consensus_view
from tests import factories
from tests.negotiation.test_consensus import negotiated

pytestmark = pytest.mark.integration


@pytest.fixture
def talks(admin, conference):
    return negotiated(admin, conference)


def page(client, *query):
    return client.get(
        reverse("consensus", args=["conf"]) + ("?" + "&".join(query) if query else "")
    )


def test_consensus_page_shows_published_version_to_anonymous(client, talks):
    response = page(client)

    assert response.status_code == 200
    assert response.context["version"] == talks.v1
    html = response.text
    assert "<h1>Where consensus stands</h1>" in html
    assert (
        '<span class="figure__value">5</span> <span class="figure__label">open brackets</span>'
        in html
    )
    assert [v.number for v in response.context["data"].versions] == [1]


def test_consensus_page_draws_bars_of_open_brackets_and_disputes_per_priority(client, talks):
    html = page(client).text

    assert html.count('<rect class="chart__bar chart__bar--open_brackets"') == 2
    assert html.count('<rect class="chart__bar chart__bar--disputed"') == 2
    assert "D.1: open brackets 3, disputed items 1. D.2: open brackets 2, disputed items 1." in html
    assert '<td><a href="/c/conf/plan/v1/items/D.2-a/">D.2-a</a></td>' in html


def test_consensus_page_matrix_has_delegation_rows_bracket_columns_and_stance_cells(client, talks):
    response = page(client)

    table = response.context["table"]
    assert [(g.item, g.span) for g in table.groups] == [("D.1-a", 3), ("D.2-a", 2)]
    assert [row.name for row in table.rows] == ["Brazil", "France", "Kenya"]
    html = response.text
    assert '<th scope="colgroup" colspan="3" class="matrix__item-code">' in html
    assert (
        '<td class="stance stance--change" title="Prefers an option (2): mobile first">'
        '<span aria-hidden="true">Opt 2</span>'
        '<span class="visually-hidden">Prefers an option (2): mobile first</span></td>'
    ) in html
    assert (
        html.count(
            '<td class="stance stance--hold stance--whole" title="Support (on the whole item)">'
            '<span aria-hidden="true">Sup*</span>'
        )
        == 3
    )
    assert f'<a href="/c/conf/delegations/{talks.kenya.pk}/">Kenya</a>' in html
    assert "scroll sideways" not in html


def test_consensus_page_lists_who_stands_alone(client, talks):
    html = page(client).text

    assert '<q class="alone__bracket">[women and girls]</q>:' in html
    assert [(e.delegation, e.column.text) for e, _, _ in page(client).context["alone"]] == [
        ("Kenya", "[women and girls]"),
        ("Brazil", "[and older persons]"),
    ]


def test_consensus_page_draws_convergence_across_versions_the_user_may_read(client, admin, talks):
    client.force_login(admin)

    response = page(client)

    assert response.context["version"] == talks.v3
    html = response.text
    assert 'points="46.0,24.0 337.0,99.2 628.0,174.4"' in html
    assert [t.label for t in response.context["line_chart"].versions] == ["v1", "v2", "v3"]
    assert '<text class="chart__label" x="337.0" y="232" text-anchor="middle">v2</text>' in html
    assert "Version 3: open brackets 1, disputed items 1." in html


def test_consensus_page_mirrors_charts_in_arabic(client, admin, talks):
    client.force_login(admin)
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})

    response = page(client)

    bars, line = response.context["chart"], response.context["line_chart"]
    assert (bars.label_anchor, bars.rows[0].label_x) == ("end", 640)
    assert [t.position for t in line.versions] == [594.0, 303.0, 12.0]  # oldest on the right
    assert '<html lang="ar" dir="rtl">' in response.text


def test_consensus_page_of_a_draft_is_not_found_for_a_delegate(client, admin, talks):
    client.force_login(factories.make_delegate(admin, talks.kenya, "kenyan"))

    assert page(client, "v=3").status_code == 404
    assert page(client, "v=2").status_code == 200


@pytest.mark.parametrize("query", ["v=2", "v=abc", "priority=D.9", "page=0", "page=x"])
def test_consensus_page_not_found_for_anonymous(client, talks, query):
    assert page(client, query).status_code == 404


def test_consensus_page_without_readable_version_says_so(client, admin, conference):
    plans.create_action_plan(user=admin, conference=conference, title="Action Plan")

    response = page(client)

    assert response.status_code == 200
    assert "No version of the Action Plan is available to you yet." in response.text


def test_consensus_page_of_private_conference_is_not_found_for_anonymous(client, admin):
    private = factories.make_conference(admin, slug="closed", is_public=False)
    negotiated(admin, private, versions=False)

    assert client.get(reverse("consensus", args=["closed"])).status_code == 404


def test_consensus_page_shows_one_priority_when_asked(client, talks):
    response = page(client, "priority=D.2")

    table = response.context["table"]
    assert [h.column.text for h in table.headers] == ["[women and girls]", "[and older persons]"]
    assert [row.name for row in table.rows] == ["Brazil", "France", "Kenya"]
    assert '<a href="?v=1&amp;priority=D.2#matrix-heading" aria-current="true">' in response.text


def test_consensus_page_pages_a_large_matrix(client, talks, monkeypatch):
    monkeypatch.setattr(consensus_view, "MATRIX_PAGE", 3)
    monkeypatch.setattr(consensus_view, "WIDE", 2)

    first, second = page(client), page(client, "page=2")

    assert [h.column.text for h in first.context["table"].headers] == [
        "[broadband/mobile]",
        "[in [rural] areas]",
        "[rural]",
    ]
    assert "Brackets 1–3 of 5" in first.text
    assert '<a rel="next" href="?v=1&amp;page=2#matrix-heading">Next brackets</a>' in first.text
    assert "The table has 3 bracket columns: scroll sideways to see them all." in first.text
    table = second.context["table"]
    assert [h.column.item for h in table.headers] == ["D.2-a", "D.2-a"]
    assert [row.name for row in table.rows] == ["Brazil", "France", "Kenya"]
    assert "Brackets 4–5 of 5" in second.text
    assert '<a rel="prev" href="?v=1&amp;page=1#matrix-heading">' in second.text
    assert page(client, "page=3").status_code == 404


def test_consensus_page_caps_the_standing_alone_list(client, talks, monkeypatch):
    monkeypatch.setattr(consensus_view, "ALONE_LIMIT", 1)

    response = page(client)

    assert len(response.context["alone"]) == 1
    assert "And 1 more (the API lists them all)." in response.text


def test_conference_and_plan_pages_link_to_the_consensus_page(client, talks):
    link = '<a href="/c/conf/consensus/?v=1">Where consensus stands</a>'

    assert link in client.get(reverse("conference", args=["conf"])).text
    assert "/c/conf/consensus/?v=1" in client.get(reverse("plan", args=["conf"])).text


def test_delegation_page_lists_what_it_said_per_version(client, admin, talks):
    client.force_login(admin)

    response = client.get(reverse("delegation", args=["conf", talks.kenya.pk]))

    assert response.status_code == 200
    assert [r.version.number for r in response.context["record"]] == [3, 2, 1]
    html = response.text
    assert "<h1>Kenya</h1>" in html
    assert '<a href="/c/conf/consensus/?v=3">Version 3</a>: Third' in html
    assert "<td>Prefers an option (option 1)</td>" in html
    assert html.count("lapsed: the text has changed") == 3  # [rural] in v3, [women…] in v2, v3


def test_delegation_page_shows_anonymous_only_published_versions(client, talks):
    response = client.get(reverse("delegation", args=["conf", talks.brazil.pk]))

    assert [r.version.number for r in response.context["record"]] == [1]


def test_delegation_page_of_another_conference_is_not_found(client, admin, talks):
    other = factories.make_conference(admin, slug="other")
    stranger = factories.make_delegation(admin, other, "PER", name="Peru")

    response = client.get(reverse("delegation", args=["conf", stranger.pk]))

    assert response.status_code == 404


def test_delegation_page_of_silent_delegation_says_so(client, admin, talks):
    senegal = factories.make_delegation(admin, talks.v1.plan.conference, "MLI", name="Mali")

    response = client.get(reverse("delegation", args=["conf", senegal.pk]))

    assert "This delegation has not said anything on a version you may read." in response.text


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def bracketed_plan(admin, slug, priorities, items, delegations):
    """A published version whose items each have two brackets, every delegation speaking on
    every item (on a bracket or the whole item)."""
    conference = factories.make_conference(admin, slug=slug)
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Draft")
    speakers = [
        factories.make_delegation(admin, conference, "KEN", name=f"Delegation {n} at {slug}")
        for n in range(delegations)
    ]
    for p in range(1, priorities + 1):
        priority = plans.add_priority(
            user=admin, version=version, code=f"D.{p}", title=f"Priority {p}"
        )
        for i in range(items):
            item = plans.add_item(
                user=admin,
                priority=priority,
                kind=ItemKind.OUTCOME,
                code=f"D.{p}-{i}",
                text=f"Item {i} to [deploy/finance] networks [in rural areas]",
            )
            for n, delegation in enumerate(speakers):
                item.refresh_from_db()
                record_position(
                    user=admin,
                    item=item,
                    delegation=delegation,
                    stance=("support", "remove", "prefer_option")[n % 3],
                    bracket=None if n % 3 == 0 else n % 2,
                    option=2 if n % 3 == 2 else None,
                )
    plans.set_version_state(user=admin, version=version, state=VersionState.PUBLISHED)
    return conference, speakers


@pytest.mark.parametrize("who", ["anonymous", "secretariat"])
def test_query_count_consensus_pages_independent_of_plan_size(client, admin, who):
    _, (small_delegation,) = bracketed_plan(admin, "small", 1, 1, 1)
    _, large_delegations = bracketed_plan(admin, "large", 3, 4, 4)
    if who == "secretariat":
        client.force_login(admin)

    small = count_queries(client, reverse("consensus", args=["small"]))
    large = count_queries(client, reverse("consensus", args=["large"]))
    small_record = count_queries(client, reverse("delegation", args=["small", small_delegation.pk]))
    large_record = count_queries(
        client, reverse("delegation", args=["large", large_delegations[1].pk])
    )

    assert small == large
    assert small_record == large_record
