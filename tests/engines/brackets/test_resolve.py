"""resolve: keep one option, keep everything, delete; only the bracket's own text changes."""

import pytest

from accord.engines.brackets import Resolution, resolve
from tests.engines.brackets.samples import P1_D, P2_3, P3_3, P3_C

pytestmark = pytest.mark.unit


def test_resolve_keep_option_replaces_the_nested_bracket():
    result = resolve(P1_D, 1, Resolution.keep_option(2))

    assert result == "[Improved affordability of devices through targeted subsidies]"


def test_resolve_keep_option_of_or_alternatives_drops_the_label():
    assert resolve(P3_C, 0, Resolution.keep_option(2)) == (
        "Strengthened coordination of existing connectivity funds in the region"
    )


def test_resolve_keep_drops_brackets_and_keeps_both_options():
    assert resolve(P1_D, 1, Resolution.keep()) == (
        "[Improved affordability of devices through reduced import duties/targeted subsidies]"
    )
    assert resolve(P3_3, 0, Resolution.keep()) == (
        "Annual report on connectivity financing in the region"
    )


def test_resolve_delete_removes_the_bracket_and_leaves_the_rest():
    assert resolve(P2_3, 0, Resolution.delete()) == (
        "[Products and services on digital skills for , including train-the-trainer programmes"
    )
    assert resolve(P3_3, 0, Resolution.delete()) == ""


def test_resolve_outer_bracket_keeps_inner_brackets():
    assert resolve(P1_D, 0, Resolution.keep()) == (
        "Improved affordability of devices through [reduced import duties/targeted subsidies]"
    )


def test_resolve_bad_index_raises_with_the_range():
    with pytest.raises(ValueError, match=r"^no bracket 2: the text has 2 brackets \(0 to 1\)$"):
        resolve(P1_D, 2, Resolution.keep())
    with pytest.raises(ValueError, match=r"^no bracket -1"):
        resolve(P1_D, -1, Resolution.keep())
    with pytest.raises(ValueError, match=r"^no bracket 0: the text has no brackets$"):
        resolve("plain", 0, Resolution.delete())


def test_resolve_bad_option_raises_naming_the_bracket():
    with pytest.raises(ValueError, match=r"has 2 options; there is no option 3$"):
        resolve(P1_D, 1, Resolution.keep_option(3))


def test_resolution_options_are_numbered_from_one():
    with pytest.raises(ValueError, match="numbered from 1"):
        Resolution.keep_option(0)


def test_resolution_kinds():
    assert (Resolution.keep_option(2).kind, Resolution.keep_option(2).option) == ("keep_option", 2)
    assert (Resolution.keep().kind, Resolution.delete().kind) == ("keep", "delete")
