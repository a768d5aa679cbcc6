"""parse: the tree, pre-order brackets, nesting and unbalanced brackets, on the sample's items."""

import subprocess
import sys

import pytest

from accord.engines.brackets import Bracket, TextRun, Unbalanced, parse, render
from tests.engines.brackets.samples import P1_D, P1_TITLE, P2_3, P3_3, P3_C

pytestmark = pytest.mark.unit


def test_parse_text_without_brackets_is_one_run_and_closed():
    parsed = parse(P1_TITLE)

    assert parsed.nodes == (TextRun(0, len(P1_TITLE), P1_TITLE),)
    assert (parsed.brackets, parsed.unbalanced, parsed.alternatives) == ((), (), ())
    assert parsed.is_open is False


def test_parse_empty_text_has_no_nodes():
    parsed = parse("")

    assert (parsed.nodes, parsed.brackets, parsed.is_open) == ((), (), False)


def test_parse_nested_brackets_are_children_in_pre_order():
    parsed = parse(P1_D)

    outer, inner = parsed.brackets
    assert (outer.index, outer.start, outer.end, outer.depth) == (0, 0, 86, 0)
    assert (inner.index, inner.start, inner.end, inner.depth) == (1, 43, 85, 1)
    assert parsed.nodes == (outer,)
    assert outer.children == (TextRun(1, 43, "Improved affordability of devices through "), inner)
    assert inner.children == (TextRun(44, 84, "reduced import duties/targeted subsidies"),)
    assert inner.text == "[reduced import duties/targeted subsidies]"
    assert inner.inner == "reduced import duties/targeted subsidies"
    assert parsed.is_open is True


def test_parse_options_of_a_parent_ignore_the_slash_in_its_child():
    outer, inner = parse(P1_D).brackets

    assert outer.options == (
        "Improved affordability of devices through [reduced import duties/targeted subsidies]",
    )
    assert inner.options == ("reduced import duties", "targeted subsidies")


def test_parse_one_option_bracket_has_its_inner_text_as_option():
    parsed = parse(P3_3)

    assert [b.options for b in parsed.brackets] == [
        ("Annual report on connectivity financing in the region",)
    ]
    assert parsed.nodes == (parsed.brackets[0],)


def test_parse_unclosed_bracket_is_reported_and_kept_as_text():
    parsed = parse(P2_3)

    (bracket,) = parsed.brackets
    assert parsed.unbalanced == (Unbalanced(0, "["),)
    assert parsed.unbalanced[0].message == "'[' at offset 0 is never closed"
    assert (bracket.index, bracket.start, bracket.end, bracket.depth) == (0, 45, 100, 0)
    assert bracket.options == ("the digital economy", "digital transformation of society")
    assert parsed.nodes == (
        TextRun(0, 45, "[Products and services on digital skills for "),
        bracket,
        TextRun(100, 140, ", including train-the-trainer programmes"),
    )
    assert render(parsed) == P2_3


def test_parse_stray_closing_bracket_is_reported():
    parsed = parse("keep] this [and that]")

    assert parsed.unbalanced == (Unbalanced(4, "]"),)
    assert parsed.unbalanced[0].message == "']' at offset 4 closes nothing"
    assert [b.text for b in parsed.brackets] == ["[and that]"]
    assert parsed.is_open is True


def test_parse_unbalanced_only_is_open():
    parsed = parse("a [b")

    assert (parsed.brackets, parsed.is_open) == ((), True)
    assert parsed.nodes == (TextRun(0, 4, "a [b"),)


def test_parse_siblings_and_deep_nesting_number_in_pre_order():
    text = "[a [b [c]] d] e [f]"

    parsed = parse(text)

    assert [(b.index, b.text, b.depth) for b in parsed.brackets] == [
        (0, "[a [b [c]] d]", 0),
        (1, "[b [c]]", 1),
        (2, "[c]", 2),
        (3, "[f]", 0),
    ]
    assert parsed.nodes == (parsed.brackets[0], TextRun(13, 16, " e "), parsed.brackets[3])


def test_parse_empty_bracket_has_one_empty_option_and_no_children():
    (bracket,) = parse("x []").brackets

    assert (bracket.children, bracket.options) == ((), ("",))


def test_parse_seed_artefacts_are_plain_one_option_brackets():
    text = "· [bookmark: _Hlk43304184]Best practices Dialogue on building strategic Partnerships"

    (bracket,) = parse(text).brackets

    assert bracket.options == ("bookmark: _Hlk43304184",)


def test_render_rebuilds_every_sample_item():
    for text in (P1_TITLE, P1_D, P2_3, P3_C, P3_3, "]][[", "[[]]]["):
        assert render(parse(text)) == text


def test_render_survives_deep_nesting():
    text = "[" * 5000 + "x" + "]" * 5000

    parsed = parse(text)

    assert render(parsed) == text
    assert (len(parsed.brackets), parsed.brackets[-1].depth) == (5000, 4999)


def test_bracket_is_frozen():
    bracket = parse(P3_3).brackets[0]

    with pytest.raises(AttributeError):
        bracket.start = 3  # type: ignore[misc]
    assert isinstance(bracket, Bracket)


def test_engine_imports_no_django():
    code = "import sys, accord.engines.brackets; print(any(m.startswith('django') for m in sys.modules))"

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout == "False\n"
