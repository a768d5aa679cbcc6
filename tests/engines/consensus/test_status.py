import pytest

from accord.engines.brackets import parse
from accord.engines.consensus import Stated, item_status, latest, place

pytestmark = pytest.mark.unit

P1D = "[Improved affordability of devices through [reduced import duties/targeted subsidies]]"


def status(text, *stances, **flags):
    parsed = parse(text)
    return str(item_status(parsed, place(parsed, list(stances)).current(), **flags))


def test_status_open_bracket_is_disputed_even_without_positions():
    assert status(P1D) == "disputed"


def test_status_unbalanced_bracket_is_disputed():
    assert status("[Products and services on digital skills") == "disputed"


def test_status_whole_item_alternative_is_disputed():
    assert status("Established a fund OR Alternative P.3-c: Strengthened coordination") == (
        "disputed"
    )


def test_status_plain_text_without_stances_is_agreed():
    assert status("Increased coverage of broadband networks") == "agreed"


def test_status_one_unopposed_proposal_is_an_undisputed_change():
    assert status("Funds that are transparent", Stated("Mexico", "insert")) == "undisputed_change"


def test_status_proposal_against_a_delegation_keeping_the_text_is_disputed():
    text = "Annual report on connectivity financing"
    assert status(text, Stated("Canada", "remove"), Stated("Argentina", "keep")) == "disputed"


def test_status_two_different_proposals_are_disputed():
    text = "Annual report"
    assert status(text, Stated("Canada", "remove"), Stated("Chile", "modify")) == "disputed"


def test_status_same_proposal_from_two_delegations_is_undisputed():
    text = "Annual report"
    assert status(text, Stated("Canada", "remove"), Stated("Chile", "remove")) == (
        "undisputed_change"
    )


def test_status_objection_alone_is_disputed():
    assert status("Annual report", Stated("Canada", "oppose")) == "disputed"


def test_status_reservation_does_not_block_consensus():
    assert status("Annual report", Stated("Canada", "reservation")) == "agreed"


def test_status_changed_text_or_pending_changes_is_undisputed_change():
    assert status("Annual report", text_changed=True) == "undisputed_change"
    assert status("Annual report", pending_changes=True) == "undisputed_change"


def test_status_stance_on_a_bracket_no_longer_in_the_text_lapses():
    placed = place(parse("Annual report"), [Stated("Canada", "remove", bracket="[Annual]")])

    assert (placed.current(), [s.delegation for s in placed.lapsed]) == ([], ["Canada"])


def test_place_puts_each_stance_on_the_bracket_it_names():
    parsed = parse(P1D)
    inner = parsed.brackets[1].text
    placed = place(
        parsed,
        [Stated("Canada", "remove", bracket=inner, option=1), Stated("Globex", "remove")],
    )

    assert ({k: [s.delegation for s in v] for k, v in placed.on_bracket.items()}) == {1: ["Canada"]}
    assert [s.delegation for s in placed.on_item] == ["Globex"]


def test_latest_keeps_the_last_stance_of_each_delegation_per_target():
    stances = [
        Stated("Canada", "remove"),
        Stated("Mexico", "keep"),
        Stated("Canada", "keep"),
        Stated("Canada", "remove", bracket="[x]"),
    ]

    assert latest(stances) == [
        Stated("Mexico", "keep"),
        Stated("Canada", "keep"),
        Stated("Canada", "remove", bracket="[x]"),
    ]
