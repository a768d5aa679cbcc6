"""anchor and option_of with the sample's comments."""

import pytest

from accord.engines.brackets import anchor, option_of, parse
from tests.engines.brackets.samples import P1_D, P2_3, P3_3, P3_C

pytestmark = pytest.mark.unit


def test_anchor_canada_remove_on_p1_d_is_the_inner_bracket_option_1():
    parsed = parse(P1_D)

    bracket = anchor(parsed, "reduced import duties")

    assert bracket is parsed.brackets[1]
    assert option_of(bracket, "reduced import duties") == 1


def test_anchor_argentina_use_on_p2_3_is_option_2():
    parsed = parse(P2_3)

    bracket = anchor(parsed, "digital transformation of society")

    assert bracket is parsed.brackets[0]
    assert option_of(bracket, "digital transformation of society") == 2


def test_anchor_quote_outside_every_bracket_is_none():
    assert anchor(parse(P2_3), "train-the-trainer programmes") is None


def test_anchor_without_quote_is_none():
    assert anchor(parse(P3_3), None) is None
    assert anchor(parse(P3_3), "  ") is None


def test_anchor_ignores_case_whitespace_quote_marks_and_nested_brackets():
    parsed = parse(P1_D)

    assert anchor(parsed, "“Reduced  IMPORT\nduties”") is parsed.brackets[1]
    assert anchor(parsed, "devices through reduced import duties") is parsed.brackets[0]


def test_anchor_first_of_equally_deep_brackets():
    parsed = parse("[fund] and [fund]")

    assert anchor(parsed, "fund") is parsed.brackets[0]


def test_option_of_or_alternative():
    (bracket,) = parse(P3_C).brackets

    assert option_of(bracket, "Strengthened coordination") == 2
    assert option_of(bracket, "connectivity fund") is None  # both options contain it


def test_option_of_no_match_or_no_quote_is_none():
    inner = parse(P1_D).brackets[1]

    assert option_of(inner, "tax holidays") is None
    assert option_of(inner, None) is None


def test_option_of_exact_wins_over_containment():
    (bracket,) = parse("[fund/regional fund]").brackets

    assert option_of(bracket, "fund") == 1
    assert option_of(bracket, "regional") == 2
