import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.engines.brackets import parse
from accord.engines.consensus import (
    Cell,
    Column,
    Leaning,
    Stated,
    bracket_matrix,
    leaning,
    standing_alone,
)
from accord.engines.consensus.status import disagree

pytestmark = pytest.mark.unit

P1D = "[Improved affordability of devices through [reduced import duties/targeted subsidies]]"
P33 = "[Annual report on connectivity financing in the region]"


def sample_matrix():
    p1d, p33 = parse(P1D), parse(P33)
    inner = p1d.brackets[1].text
    return bracket_matrix(
        [
            (
                "P.1-d",
                p1d,
                [
                    Stated("Canada", "remove", bracket=inner, option=1),
                    Stated("Mexico", "keep"),
                    Stated("Globex Telecom", "remove"),
                ],
            ),
            ("P.1-a", parse("No brackets here"), [Stated("Chile", "keep")]),
            ("P.3-3", p33, [Stated("Canada", "remove"), Stated("Argentina", "keep")]),
        ]
    )


def test_matrix_has_one_column_per_bracket_and_a_row_per_delegation_that_spoke():
    matrix = sample_matrix()

    assert [(c.item, c.index) for c in matrix.columns] == [("P.1-d", 0), ("P.1-d", 1), ("P.3-3", 0)]
    assert matrix.columns[1].options == ("reduced import duties", "targeted subsidies")
    assert matrix.delegations == ["Argentina", "Canada", "Globex Telecom", "Mexico"]


def test_matrix_cells_prefer_a_bracket_stance_and_mark_whole_item_ones():
    matrix = sample_matrix()

    assert matrix.row("Canada") == [None, Cell("remove", 1), Cell("remove", whole_item=True)]
    assert matrix.row("Mexico") == [
        Cell("keep", whole_item=True),
        Cell("keep", whole_item=True),
        None,
    ]


def test_standing_alone_is_empty_when_no_single_delegation_blocks():
    assert standing_alone(sample_matrix()) == []


def test_standing_alone_names_the_one_delegation_whose_stance_keeps_a_bracket_open():
    parsed = parse(P33)
    stances = [Stated("Canada", "remove")] + [
        Stated(n, "keep") for n in ("Argentina", "Chile", "Peru")
    ]

    alone = standing_alone(bracket_matrix([("P.3-3", parsed, stances)]))

    assert [(column.item, who, cell.stance) for column, who, cell in alone] == [
        ("P.3-3", "Canada", "remove")
    ]


def test_standing_alone_includes_a_bracket_only_one_delegation_speaks_on():
    parsed = parse("[Annual report]")
    alone = standing_alone(bracket_matrix([("X", parsed, [Stated("Canada", "remove")])]))

    assert alone == [
        (
            Column("X", 0, "[Annual report]", ("Annual report",)),
            "Canada",
            Cell("remove", whole_item=True),
        )
    ]


STANCES = ["support", "keep", "oppose", "remove", "modify", "prefer_option", "reservation"]


@given(
    st.lists(
        st.tuples(st.sampled_from(STANCES), st.sampled_from([None, 1, 2])), min_size=1, max_size=7
    )
)
def test_standing_alone_is_the_rule_applied_to_everyone_but_one(said):
    parsed = parse("[a/b]")
    stances = [
        Stated(f"D{n}", stance, bracket="[a/b]", option=option)
        for n, (stance, option) in enumerate(said)
    ]
    speaking = [s for s in stances if leaning(s.stance) is not Leaning.NEUTRAL]
    if len(speaking) == 1:
        expected = [s.delegation for s in speaking if leaning(s.stance) is not Leaning.HOLD]
    elif len(speaking) >= 3 and disagree(speaking):
        expected = [
            s.delegation for s in speaking if not disagree([o for o in speaking if o is not s])
        ]
    else:
        expected = []

    alone = standing_alone(bracket_matrix([("X", parsed, stances)]))

    assert [who for _column, who, _cell in alone] == sorted(expected)
