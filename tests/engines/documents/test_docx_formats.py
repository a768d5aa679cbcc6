"""Word's number formats and the colour code's hues, one value at a time."""

import pytest

from accord.engines.documents.docx_colours import dominant, status_of_fill, status_of_shading
from accord.engines.documents.docx_numbering import format_number
from accord.engines.documents.docx_xml import small_int
from accord.engines.documents.model import Status

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (3, "upperLetter", "C"),
        (1000, "upperLetter", "1000"),
        (14, "lowerRoman", "xiv"),
        (1994, "upperRoman", "MCMXCIV"),
        (5000, "upperRoman", "5000"),
        (0, "lowerRoman", "0"),
        (3, "none", ""),
        (3, "ordinalText", "3"),
    ],
)
def test_format_number(value, fmt, label):
    assert format_number(value, fmt) == label


@pytest.mark.parametrize(
    ("fill", "status"),
    [
        ("00FF00", Status.AGREED),
        ("92D050", Status.AGREED),
        ("C6EFCE", Status.AGREED),
        ("FFFF00", Status.UNDISPUTED_CHANGE),
        ("FFC000", Status.UNDISPUTED_CHANGE),
        ("FF0000", Status.DISPUTED),
        ("F4B6B6", Status.DISPUTED),
        ("C00000", Status.DISPUTED),
        ("FFFFFF", None),
        ("D9D9D9", None),
        ("000000", None),
        ("0070C0", None),
        ("auto", None),
        ("", None),
        ("GGGGGG", None),
    ],
)
def test_status_of_fill_by_hue(fill, status):
    assert status_of_fill(fill) is status


def test_status_of_shading_solid_pattern_uses_its_colour():
    assert status_of_shading("solid", "FF0000", "FFFFFF") is Status.DISPUTED
    assert status_of_shading("clear", "FF0000", "FFFFFF") is None
    assert status_of_shading("nil", None, "00FF00") is None


def test_dominant_colour_breaks_ties_towards_dispute():
    assert dominant({Status.AGREED: 5, Status.DISPUTED: 5}) is Status.DISPUTED
    assert dominant({Status.AGREED: 6, Status.DISPUTED: 5}) is Status.AGREED
    assert dominant({}) is None


@pytest.mark.parametrize(
    ("value", "number"),
    [("7", 7), ("-2", -2), ("²", None), ("9" * 5000, None), ("x", None), (None, None)],
)
def test_small_int_refuses_hostile_numbers(value, number):
    assert small_int(value) == number
