"""Hypothesis strategies: plan-like texts built from a small vocabulary, so edits share words."""

from hypothesis import strategies as st

WORDS = (
    "access",
    "affordable",
    "broadband",
    "devices",
    "digital",
    "duties",
    "import",
    "Member",
    "States",
    "reduced",
    "skills",
    "subsidies",
    "targeted",
    "the",
    "of",
    "and",
    "to",
    "2030",
    "[",
    "]",
    "/",
    ",",
    ".",
    "e-waste",
    "été",
    "العربية",
    "中国",
)
SEPARATORS = (" ", " ", " ", "  ", ", ", "\t", "/")

word_lists = st.lists(st.sampled_from(WORDS), max_size=12)


@st.composite
def plan_texts(draw: st.DrawFn) -> str:
    """A text like an item's: words from the vocabulary with mostly single spaces."""
    words = draw(word_lists)
    out = ""
    for index, word in enumerate(words):
        if index:
            out += draw(st.sampled_from(SEPARATORS))
        out += word
    return out


any_texts = st.one_of(st.text(max_size=60), plan_texts())
