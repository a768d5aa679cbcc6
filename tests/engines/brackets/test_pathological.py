"""Pathological inputs (long words, thousands of slashes, ORs or stray brackets) parse and
render back. How long they take is measured by benchmarks/negotiation.py, not asserted here."""

import pytest

from accord.engines.brackets import parse, render

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "[" + "a" * 200_000 + "/b]",
        "[" + "a/" * 5_000 + "]",
        "[" + "x\nOR\n" * 5_000 + "]",
        "]" + "a" * 200_000 + "[",
        "[[" * 20_000,
        "x OR " * 20_000 + "[y]",
    ],
    ids=["long-word", "many-slashes", "many-ors", "stray-brackets", "unclosed", "or-words"],
)
def test_pathological_texts_parse_and_render_back(text):
    assert render(parse(text)) == text
