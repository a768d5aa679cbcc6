"""Normalisation: the comparable form of words and the content words of a text."""

import pytest

from accord.engines.overlap.normalise import normalise_word, stem, words, words_with_spans

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Networks", "network"),
        ("communities", "community"),
        ("studies", "study"),
        ("processes", "process"),
        ("ICTs", "ict"),
        ("increase", "increas"),
        ("increased", "increas"),
        ("Increases", "increas"),
        ("increasing", "increas"),
        ("planned", "plan"),
        ("mapping", "map"),
        ("applied", "apply"),
        ("coordination", "coordinat"),
        ("coordinate", "coordinat"),
        ("connection", "connect"),
        ("connected", "connect"),
        ("access", "access"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("install", "install"),
        ("2030", "2030"),
        ("Développement", "developpement"),
        ("ﬁnancing", "financ"),  # the "fi" ligature, unfolded by NFKC
        ("ＩＣＴ", "ict"),  # full-width letters
    ],
)
def test_normalise_word_folds_case_unicode_and_endings(word, expected):
    assert normalise_word(word) == expected


@pytest.mark.parametrize("word", ["the", "The", "of", "including", "particular", "s"])
def test_normalise_word_stop_words_are_empty(word):
    assert normalise_word(word) == ""


def test_stem_leaves_short_words_and_numbers_alone():
    assert [stem(w) for w in ("ict", "use", "5g", "g20")] == ["ict", "use", "5g", "g20"]


def test_words_drops_punctuation_and_stop_words():
    text = "Increased coverage of broadband networks, in particular in rural/remote areas!"
    assert words(text) == ["increas", "coverag", "broadband", "network", "rural", "remot", "area"]


def test_words_splits_hyphens_and_possessives():
    assert words("last-mile infrastructure for women's co-operatives") == [
        "last", "mile", "infrastructur", "women", "co", "operativ",
    ]  # fmt: skip


def test_words_chinese_characters_are_words_each():
    assert words("数字技能") == ["数", "字", "技", "能"]


def test_words_keeps_combining_marks_inside_the_word():
    assert words("cafe\u0301 cafés") == ["cafe", "cafe"]


def test_words_with_spans_point_into_the_text():
    text = "Strengthened capacity of Member States"
    found = list(words_with_spans(text))
    assert found == [
        ("strengthen", 0, 12), ("capacity", 13, 21), ("member", 25, 31), ("stat", 32, 38),
    ]  # fmt: skip
    assert [text[start:end] for _, start, end in found] == [
        "Strengthened", "capacity", "Member", "States",
    ]  # fmt: skip


def test_words_arabic_short_vowels_are_optional_devanagari_vowel_signs_are_not():
    assert words("الْمَهَارَات") == words("المهارات") == ["المهارات"]
    assert words("डिजिटल कौशल") == ["डिजिटल", "कौशल"]
