"""The sample working document, imported, then negotiated bracket by bracket."""

from pathlib import Path

import pytest

from accord.core.errors import DomainError
from accord.engines.brackets import parse
from accord.engines.consensus import place
from accord.engines.documents.reader import read_document
from accord.negotiation.domain import resolve_bracket
from accord.negotiation.queries import convergence
from accord.plans import domain as plans
from accord.plans.domain.imports import import_working_document
from accord.plans.domain.status import current_stances
from accord.plans.models import PlanItem

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


def standing(item):
    """Each bracket's text with its stances, and the stances on the whole item."""
    parsed = parse(item.text)
    placed = place(parsed, current_stances([item]).get(item.pk, []))
    brackets = [
        (
            b.text,
            b.options,
            sorted((s.delegation, s.stance, s.option) for s in placed.on_bracket.get(b.index, [])),
        )
        for b in parsed.brackets
    ]
    on_item = sorted((s.delegation, s.stance) for s in placed.on_item)
    return brackets, on_item, len(parsed.unbalanced)


@pytest.fixture
def imported(admin, conference):
    report = import_working_document(
        user=admin, conference=conference, document=read_document(SAMPLE)
    )
    return conference.action_plan.versions.get(number=report.version_number)


def test_imported_sample_shows_the_open_brackets_and_positions_of_each_item(imported):
    items = {item.code: item for item in imported.items.all()}

    assert standing(items["P.1-d"]) == (
        [
            (
                "[Improved affordability of devices through [reduced import duties/targeted subsidies]]",
                (
                    "Improved affordability of devices through [reduced import duties/targeted subsidies]",
                ),
                [],
            ),
            (
                "[reduced import duties/targeted subsidies]",
                ("reduced import duties", "targeted subsidies"),
                [("Canada", "remove", 1)],
            ),
        ],
        [("Globex Telecom", "remove"), ("Mexico", "keep")],
        0,
    )
    assert standing(items["P.2-3"]) == (
        [
            (
                "[the digital economy/digital transformation of society]",
                ("the digital economy", "digital transformation of society"),
                [("Argentina", "alternative", 2)],
            )
        ],
        [("Acme Satellite", "remove"), ("Canada", "modify")],
        1,
    )
    assert standing(items["P.3-c"]) == (
        [
            (
                items["P.3-c"].text,
                (
                    "Established a regional connectivity fund administered by the secretariat",
                    "Strengthened coordination of existing connectivity funds in the region",
                ),
                [],
            )
        ],
        [("Brazil", "alternative"), ("Canada", "remove"), ("Mexico", "keep")],
        0,
    )
    assert standing(items["P.3-3"]) == (
        [
            (
                "[Annual report on connectivity financing in the region]",
                ("Annual report on connectivity financing in the region",),
                [],
            )
        ],
        [("Argentina", "keep"), ("Canada", "remove")],
        0,
    )
    assert {code for code, item in items.items() if parse(item.text).is_open} == {
        "P.1-d",
        "P.2-3",
        "P.3-c",
        "P.3-3",
    }


def test_resolving_the_sample_bracket_by_bracket_converges(admin, conference, imported):
    """Each meeting settles one bracket in a new version; statuses and the convergence chart
    follow."""
    version = imported
    statuses = []

    def next_version():
        nonlocal version
        version = plans.create_plan_version(user=admin, plan=version.plan, based_on=version)

    def settle(code, index, choice):
        item = version.items.get(code=code)
        resolve_bracket(
            user=admin, item=item, index=index, choice=choice, expected_revision=item.revision
        )
        item.refresh_from_db()
        statuses.append((version.number, code, item.text, item.status))

    next_version()
    settle("P.1-d", 1, "option:2")
    next_version()
    settle("P.1-d", 0, "keep")
    next_version()
    settle("P.3-c", 0, "option:2")
    next_version()
    with pytest.raises(DomainError, match="delete the item instead"):
        settle("P.3-3", 0, "delete")
    settle("P.3-3", 0, "keep")
    next_version()
    settle("P.2-3", 0, "option:2")
    item = version.items.get(code="P.2-3")
    plans.update_item(user=admin, item=item, expected_revision=item.revision, text=item.text[1:])

    assert statuses == [
        (2, "P.1-d", "[Improved affordability of devices through targeted subsidies]", "disputed"),
        (
            3,
            "P.1-d",
            "Improved affordability of devices through targeted subsidies",
            "undisputed_change",
        ),
        (
            4,
            "P.3-c",
            "Strengthened coordination of existing connectivity funds in the region",
            "undisputed_change",
        ),
        (5, "P.3-3", "Annual report on connectivity financing in the region", "undisputed_change"),
        (
            6,
            "P.2-3",
            "[Products and services on digital skills for digital transformation of society, including train-the-trainer programmes",
            "disputed",
        ),
    ]
    # Unbracketed P.2-3: Canada's and Acme's stances concerned the old text and lapsed.
    assert PlanItem.objects.get(pk=item.pk).status == "undisputed_change"
    # In the next version nothing has changed yet: the items settled earlier are agreed.
    next_version()
    assert set(version.items.values_list("status", flat=True)) == {"agreed", "undisputed_change"}
    assert {i.code for i in version.items.all() if i.status != "agreed"} == {
        "P.1-b",
        "P.1-2",
        "P.2-b",
        "P.2-2",
    }

    chart = [(p.number, p.open_brackets, p.disputed) for p in convergence(admin, conference)]
    assert chart == [(1, 6, 4), (2, 5, 4), (3, 4, 3), (4, 3, 2), (5, 2, 1), (6, 0, 0), (7, 0, 0)]
