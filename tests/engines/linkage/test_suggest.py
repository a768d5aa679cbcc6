"""Suggestions: sensible links for handwritten outcomes and for the sample working
document, the threshold, evidence, both configurations of the optional model, and edge
cases (empty and huge texts, bad arguments)."""

from pathlib import Path

import pytest

from accord.engines.documents.reader import read_document
from accord.engines.linkage import (
    METHODS,
    LinkageError,
    Suggester,
    Suggestions,
    builtin_catalogue,
    calibration,
    read_sdg_targets,
)
from accord.engines.linkage.text import MAX_CHARS
from accord.engines.overlap import semantic

pytestmark = pytest.mark.unit

SHARED = Path(__file__).resolve().parents[4] / "shared"
SAMPLE = SHARED / "samples" / "regional-priorities-working-document.txt"
TARGETS = SHARED / "reference" / "sdg-targets.json"
needs_model = pytest.mark.skipif(
    not semantic.available(), reason="wordllama (pip install 'accord[semantic]') not installed"
)


class LetterEmbedder:
    """Deterministic fake model: a text's vector counts its letters a-z."""

    def embed(self, texts):
        return [[t.lower().count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts]


@pytest.fixture(scope="module")
def lexical():
    return Suggester(builtin_catalogue(), method="lexical")


@pytest.fixture(scope="module")
def with_targets():
    if not TARGETS.is_file():
        pytest.skip("no shared reference copy of the SDG targets")
    return Suggester(builtin_catalogue(read_sdg_targets(TARGETS)), method="lexical")


def codes(suggestions):
    return [suggestion.code for suggestion in suggestions]


@pytest.mark.parametrize(
    ("text", "goal", "line"),
    [
        ("Telemedicine services connecting rural clinics to district hospitals", "3", "C7"),
        ("Policies for the environmentally sound management and recycling of e-waste", "12", "C7"),
        ("Co-financing of connectivity projects with development partners", "17", "C11"),
        ("Affordable broadband coverage in remote mountain villages", "9", "C2"),
        ("Teachers trained to use ICTs in primary schools", "4", "C4"),
    ],
)
def test_suggest_lexical_ranks_the_specific_goal_and_line_first(lexical, text, goal, line):
    result = lexical.suggest(text)
    assert codes(result.goals)[0] == goal
    assert codes(result.wsis)[0] == line


def test_suggest_women_and_girls_digital_skills_gives_gender_then_education(lexical):
    result = lexical.suggest("Increased digital skills of women and girls", include_below=True)
    assert codes(result.goals)[:2] == ["5", "4"]
    assert codes(result.wsis)[0] == "C4"


def test_suggest_cybersecurity_gives_wsis_c5(lexical):
    result = lexical.suggest("National cybersecurity strategy and computer incident response team")
    assert codes(result.wsis)[0] == "C5"
    assert "16" in codes(result.goals)


def test_suggest_enabling_environment_is_no_climate_cue(lexical):
    result = lexical.suggest("An enabling environment for investment", include_below=True)
    assert "13" not in codes(result.goals)


@pytest.fixture(scope="module")
def sample_items():
    if not SAMPLE.is_file():
        pytest.skip("no shared sample working document")
    return {item.id: item.text for item in read_document(SAMPLE).items()}


@pytest.mark.parametrize(
    ("item", "goal"),
    [
        ("P.2-a", "4"),  # national digital skills strategies
        ("P.2-2", "4"),  # toolkit for measuring digital skills
        ("P.2-b", "4"),  # training for teachers
        ("P.2-c", "5"),  # women and girls in ICT studies and careers
        ("P.3-b", "17"),  # co-financing with development banks
        ("P.3-1", "17"),  # project proposals with development partners for co-financing
        ("P.1-a", "9"),  # broadband coverage in rural areas
    ],
)
def test_suggest_sample_working_document_items(lexical, sample_items, item, goal):
    assert codes(lexical.suggest(sample_items[item]).goals)[0] == goal


def test_suggest_shows_only_suggestions_at_or_above_the_threshold(lexical, sample_items):
    texts = list(sample_items.values())
    shown = lexical.suggest_many(texts)
    everything = lexical.suggest_many(texts, include_below=True)
    scores = [s.score for result in shown for s in result.all()]
    assert min(scores) >= calibration.THRESHOLDS["lexical"]
    hidden = [s for result in everything for s in result.all() if s.score < lexical.threshold]
    assert hidden != []
    for kept, full in zip(shown, everything, strict=True):
        assert codes(kept.goals) == codes(full.goals)[: len(kept.goals)]


def test_suggest_include_below_gives_top_of_every_kind(lexical):
    result = lexical.suggest("Workshops", top=5, include_below=True)
    assert (len(result.goals), len(result.targets), len(result.wsis)) == (5, 0, 5)
    assert [s.score for s in result.goals] == sorted((s.score for s in result.goals), reverse=True)


def test_suggest_evidence_is_non_empty_and_drawn_from_the_text(lexical, sample_items):
    for text in sample_items.values():
        for suggestion in lexical.suggest(text).all():
            assert suggestion.evidence != ()
            assert all(phrase in text for phrase in suggestion.evidence)
            assert 0.0 <= suggestion.score <= 1.0


def test_suggest_evidence_phrase_as_written(lexical):
    result = lexical.suggest("More Women and Girls in STEM careers")
    assert result.goals[0].code == "5"
    assert "Women" in result.goals[0].evidence


def test_suggest_targets_with_imported_texts(with_targets):
    result = with_targets.suggest("Increased participation of women and girls in ICT careers")
    assert codes(result.targets)[0] == "5.b"
    assert result.targets[0].reference != ""


def test_suggest_without_imported_targets_suggests_no_targets(lexical):
    result = lexical.suggest("Universal and affordable access to the Internet", include_below=True)
    assert result.targets == ()
    assert result.goals != ()


@pytest.mark.parametrize("text", ["", "   \n\t", "... — !!"])
def test_suggest_text_without_words_is_empty(lexical, text):
    assert lexical.suggest(text, include_below=True) == Suggestions()


def test_suggest_huge_text_is_read_up_to_max_chars(lexical):
    text = "Digital skills for women and girls. " * 300_000  # about 10 MB
    result = lexical.suggest(text)
    assert result.truncated is True
    assert codes(result.goals)[0] == "5"
    assert lexical.suggest("Digital skills").truncated is False
    assert len(text) > MAX_CHARS


def test_suggest_many_reports_progress_and_keeps_order(lexical):
    calls = []
    texts = ["Telemedicine for rural clinics", "", "Recycling of e-waste"]
    results = lexical.suggest_many(texts, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [codes(r.goals)[:1] for r in results] == [["3"], [], ["12"]]


def test_suggester_unknown_method_is_refused():
    with pytest.raises(LinkageError, match="the method must be one of lexical, semantic, hybrid"):
        Suggester(builtin_catalogue(), method="magic")


@pytest.mark.parametrize("top", [0, -1, 1.5, True])
def test_suggest_top_must_be_a_positive_whole_number(lexical, top):
    with pytest.raises(LinkageError, match="top must be a positive whole number"):
        lexical.suggest("Digital skills", top=top)


@pytest.mark.parametrize("method", ["semantic", "hybrid"])
def test_suggester_without_the_model_falls_back_to_lexical(monkeypatch, method):
    monkeypatch.setattr(semantic, "load", lambda: None)
    suggester = Suggester(builtin_catalogue(), method=method)
    assert suggester.method == "lexical"
    assert suggester.requested_method == method
    assert "not installed" in suggester.note
    expected = Suggester(builtin_catalogue(), method="lexical").suggest("Telemedicine")
    assert suggester.suggest("Telemedicine") == expected


@pytest.mark.parametrize("method", ["semantic", "hybrid"])
def test_suggester_with_an_injected_model_uses_it(method):
    suggester = Suggester(builtin_catalogue(), method=method, embedder=LetterEmbedder())
    assert (suggester.method, suggester.note) == (method, "")
    result = suggester.suggest("Telemedicine for rural clinics", include_below=True)
    assert len(result.goals) == 3
    assert all(s.reference for s in result.goals)


def test_suggester_semantic_without_numpy_gives_the_same_ranking(monkeypatch):
    text = "Telemedicine for rural clinics"
    with_numpy = Suggester(builtin_catalogue(), method="semantic", embedder=LetterEmbedder())
    expected = with_numpy.suggest(text, include_below=True)
    monkeypatch.setattr(semantic, "_numpy", lambda: None)
    without = Suggester(builtin_catalogue(), method="semantic", embedder=LetterEmbedder())
    result = without.suggest(text, include_below=True)
    assert codes(result.goals) == codes(expected.goals)
    assert [s.score for s in result.goals] == pytest.approx([s.score for s in expected.goals])


@needs_model
@pytest.mark.parametrize("method", METHODS)
def test_suggest_with_the_model_each_method(method):
    suggester = Suggester(builtin_catalogue(), method=method)
    assert suggester.method == method
    result = suggester.suggest("Increased digital skills of women and girls")
    assert codes(result.goals)[0] == "5"
    assert codes(result.wsis)[0] == "C4"


@needs_model
def test_suggest_semantic_finds_health_without_a_health_keyword():
    suggester = Suggester(builtin_catalogue(), method="semantic")
    result = suggester.suggest(
        "Doctors in the capital consult patients in distant villages by video"
    )
    assert codes(result.goals)[0] == "3"
    assert result.goals[0].reference != ""


def test_suggest_many_refuses_a_text_that_is_not_a_string(lexical):
    with pytest.raises(LinkageError, match="text 1 is a NoneType; expected a string"):
        lexical.suggest_many(["Telemedicine", None])


def test_suggest_many_gives_what_suggest_gives_one_by_one(lexical, sample_items):
    texts = list(sample_items.values())
    assert lexical.suggest_many(texts) == [lexical.suggest(text) for text in texts]


@needs_model
def test_suggest_hybrid_evidence_is_drawn_from_the_text(sample_items):
    suggester = Suggester(builtin_catalogue(), method="hybrid")
    for text in sample_items.values():
        for suggestion in suggester.suggest(text).all():
            assert suggestion.evidence != ()
            assert all(phrase in text for phrase in suggestion.evidence)
