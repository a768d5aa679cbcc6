"""The slash rule and the OR rule, both ways, with texts from the sample and the seeds."""

import pytest

from accord.engines.brackets import COMPOUNDS, parse
from tests.engines.brackets.samples import P1_TITLE, P3_C

pytestmark = pytest.mark.unit


def _options(text, **kwargs):
    return [bracket.options for bracket in parse(text, **kwargs).brackets]


def test_slash_in_bracket_separates_alternatives():
    assert _options("[reduced import duties/targeted subsidies]") == [
        ("reduced import duties", "targeted subsidies")
    ]
    assert _options("[the digital economy/digital transformation of society]") == [
        ("the digital economy", "digital transformation of society")
    ]


def test_slash_spaced_separates_even_in_a_compound():
    assert _options("[regional / area office]") == [("regional", "area office")]
    assert _options("[telecommunication / ICT]") == [("telecommunication", "ICT")]


def test_slash_outside_brackets_never_splits():
    parsed = parse(P1_TITLE)

    assert (parsed.brackets, parsed.alternatives, parsed.is_open) == ((), (), False)


def test_slash_in_known_compound_does_not_separate():
    text = "[deployment of telecommunication/ICT infrastructure and services]"

    assert _options(text) == [("deployment of telecommunication/ICT infrastructure and services",)]


@pytest.mark.parametrize(
    "text",
    [
        "[adoption of telecommunications/ICTs.]",
        "[ICT/telecommunication services]",
        "[(Telecommunication/ICT) professionals]",
        "[partners and/or donors]",
        "[his/her delegation]",
        "[He/She shall report]",
    ],
)
def test_slash_in_compound_variants_does_not_separate(text):
    assert _options(text) == [(text[1:-1],)]


def test_slash_between_numbers_and_in_dates_does_not_separate():
    assert _options("[two thirds (2/3) of Member States by 12/03/2026]") == [
        ("two thirds (2/3) of Member States by 12/03/2026",)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[see https://www.itu.int/en/ITU-D/Pages/default.aspx]",
        "[see www.itu.int/wtdc]",
        "[see itu.int/go/wtdc]",
        "[Document TDAG-20/37-E]",
        "[Document WTDC-22/INF/1-E]",
        "[the relevant Res./Rec. of the Sector]",
    ],
)
def test_slash_in_urls_paths_and_document_references_does_not_separate(text):
    assert _options(text) == [(text[1:-1],)]


def test_slash_in_ordinary_seed_words_separates():
    assert _options("[new/finalized project proposals]") == [("new", "finalized project proposals")]
    assert _options("[ITU strategic plan and goals/targets]") == [
        ("ITU strategic plan and goals", "targets")
    ]


def test_slash_compounds_extend_per_call():
    text = "[new/finalized project proposals]"

    assert _options(text, extra_compounds=["new/finalized"]) == [(text[1:-1],)]
    assert _options(text) == [("new", "finalized project proposals")]


def test_slash_compounds_are_documented_constants():
    assert {"telecommunication/ICT", "and/or", "his/her", "he/she"} <= COMPOUNDS


def test_slash_three_options():
    assert _options("[Africa/Americas/Arab States]") == [("Africa", "Americas", "Arab States")]


def test_slash_next_to_nested_bracket_separates_the_parent():
    assert _options("[[regional]/[national] plans]") == [
        ("[regional]", "[national] plans"),
        ("regional",),
        ("national",),
    ]


def test_slash_inside_child_does_not_split_parent():
    assert _options("[a [b/c] d]") == [("a [b/c] d",), ("b", "c")]


def test_or_line_in_bracket_separates_options_without_the_label():
    assert _options(P3_C) == [
        (
            "Established a regional connectivity fund administered by the secretariat",
            "Strengthened coordination of existing connectivity funds in the region",
        )
    ]


def test_or_inline_before_alternative_separates_options():
    assert _options("[regional fund OR Alternative P.3-c: coordination of funds]") == [
        ("regional fund", "coordination of funds")
    ]


def test_or_wins_over_slashes_inside_each_wording():
    text = "[funds for rural/remote areas\nOR\nAlternative 2: existing funds]"

    assert _options(text) == [("funds for rural/remote areas", "existing funds")]


def test_or_lowercase_or_without_alternative_does_not_separate():
    assert _options("[a regional fund or coordination of funds]") == [
        ("a regional fund or coordination of funds",)
    ]
    assert _options("[a regional fund OR coordination of funds]") == [
        ("a regional fund OR coordination of funds",)
    ]
    assert _options("[ORGANIZATION\nOR Alternatively]") == [("ORGANIZATION\nOR Alternatively",)]


def test_or_outside_brackets_gives_whole_item_alternatives():
    text = (
        "Established a regional connectivity fund OR Alternative P.3-c: Strengthened "
        "coordination of existing connectivity funds"
    )

    parsed = parse(text)

    assert parsed.alternatives == (
        "Established a regional connectivity fund",
        "Strengthened coordination of existing connectivity funds",
    )
    assert (parsed.brackets, parsed.is_open) == ((), True)


def test_or_line_outside_brackets_keeps_brackets_in_the_alternatives():
    text = "Improved [access/use]\nOR\nAlternative P.1-d: Reduced cost [of devices]"

    parsed = parse(text)

    assert parsed.alternatives == ("Improved [access/use]", "Reduced cost [of devices]")
    assert [b.options for b in parsed.brackets] == [("access", "use"), ("of devices",)]


def test_or_inside_a_bracket_is_not_a_whole_item_alternative():
    assert parse(P3_C).alternatives == ()


def test_or_lowercase_outside_brackets_is_no_alternative():
    assert parse("a fund or alternative coordination").alternatives == ()
