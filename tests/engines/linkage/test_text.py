"""How the linkage engine reads words: folding, stop words, the small stemmer, spans."""

import pytest

from accord.engines.linkage.text import MAX_CHARS, sentences, stem, stems, tokens

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("networks", "network"),
        ("digitally", "digital"),
        ("educational", "education"),
        ("education", "educate"),
        ("financial", "finance"),
        ("digitalisation", "digitalization"),
        ("digitalization", "digitalize"),
        ("mobilised", "mobilize"),
        ("statistical", "statistics"),
        ("communities", "community"),
        ("women", "woman"),
        ("children", "child"),
        ("persons", "people"),
    ],
)
def test_stem_folds_word_families(first, second):
    assert stem(first) == stem(second)


def test_stem_keeps_distinct_words_apart():
    assert len({stem(word) for word in ("health", "water", "energy", "gender", "school")}) == 5


def test_stems_drop_stop_words_and_outcome_verbs():
    assert stems("Increased access to the Internet for all") == ("access", "internet")


def test_stems_keep_e_prefix_joined():
    assert stems("e-waste and E-Government") == ("ewast", "egovernment")
    assert stems("ewaste") == stems("e-waste")


def test_stems_join_well_being_whose_halves_are_stop_words():
    assert stems("health and well-being") == ("health", "wellbe")


def test_stems_split_other_hyphenated_words():
    assert stems("last-mile") == stems("last mile")


def test_stems_fold_accents_and_case():
    assert stems("Développement ÉCOLES") == stems("developpement ecoles")


def test_tokens_give_spans_in_the_text():
    text = "Digital skills for girls"
    assert [text[t.start : t.end] for t in tokens(text)] == ["Digital", "skills", "girls"]


def test_tokens_read_at_most_max_chars():
    text = "word " * MAX_CHARS
    assert max(token.end for token in tokens(text)) <= MAX_CHARS


def test_sentences_split_after_full_stops():
    assert sentences("One thing. Another (thing). Last") == [
        "One thing.",
        "Another (thing).",
        "Last",
    ]
