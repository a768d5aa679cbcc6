"""Properties for any text: parse never raises, the tree covers the text exactly, and
resolving a bracket changes nothing outside it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engines.brackets import Bracket, Resolution, TextRun, parse, render, resolve, tree
from accord.engines.brackets.options import compound_pairs

pytestmark = pytest.mark.unit

_PIECES = [*"[]/ \nORora.2:", "OR", "\nOR\n", " OR ", "Alternative X: ", "and/or", "é", "\x00"]
_RICH = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
TEXTS = st.one_of(_RICH, st.text(max_size=80))


def _resolutions(bracket: Bracket):
    yield Resolution.keep()
    yield Resolution.delete()
    for n in range(1, len(bracket.options) + 1):
        yield Resolution.keep_option(n)


def _check_covered(nodes, lo, hi, text):
    """Nodes are in order, touch each other, and cover text[lo:hi]."""
    position = lo
    for node in nodes:
        assert node.start == position
        if isinstance(node, TextRun):
            assert node.text == text[node.start : node.end] != ""
        else:
            _check_covered(node.children, node.start + 1, node.end - 1, text)
        position = node.end
    assert position == hi


@settings(max_examples=400)
@given(TEXTS)
def test_property_render_of_parse_is_the_text(text):
    parsed = parse(text)

    assert render(parsed) == text
    assert parsed.source == text
    _check_covered(parsed.nodes, 0, len(text), text)


@settings(max_examples=400)
@given(TEXTS)
def test_property_brackets_are_source_slices_in_pre_order(text):
    parsed = parse(text)

    starts = [b.start for b in parsed.brackets]
    assert starts == sorted(starts)
    for index, bracket in enumerate(parsed.brackets):
        assert bracket.index == index
        assert bracket.text == text[bracket.start : bracket.end]
        assert bracket.text[0] + bracket.text[-1] == "[]"
        assert len(bracket.options) >= 1
    for stray in parsed.unbalanced:
        assert text[stray.offset] == stray.char
    assert parsed.is_open == bool(parsed.brackets or parsed.unbalanced or parsed.alternatives)


@settings(max_examples=300)
@given(TEXTS)
def test_property_resolve_leaves_text_outside_the_bracket_unchanged(text):
    for bracket in parse(text).brackets:
        for resolution in _resolutions(bracket):
            result = resolve(text, bracket.index, resolution)

            suffix = len(text) - bracket.end
            assert result[: bracket.start] == text[: bracket.start]
            assert result[len(result) - suffix :] == text[bracket.end :]
            assert len(result) >= len(text) - (bracket.end - bracket.start)


@settings(max_examples=300)
@given(TEXTS)
def test_property_fast_path_for_flat_brackets_agrees_with_the_general_parser(text):
    compounds = compound_pairs()
    flat = (
        text.replace("[", "(").replace("]", ")")
        + " ["
        + text.replace("[", "").replace("]", "")
        + "]"
    )

    assert tree._IS_FLAT(flat)
    assert tree._parse_flat(flat, compounds) == tree._parse_nested(flat, compounds)
    if tree._IS_FLAT(text):
        assert tree._parse_flat(text, compounds) == tree._parse_nested(text, compounds)
