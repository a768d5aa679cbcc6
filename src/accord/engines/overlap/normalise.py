"""Words as the overlap engine compares them: Unicode-folded, casefolded, stop words dropped,
light English stemming.

Everything here is written by us (no NLTK data to download): the stemmer only folds the
endings that make two drafts of the same sentence differ ("networks"/"network",
"increased"/"increasing", "coordination"/"coordinate"); it is not a linguistic stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# A word: letters and digits (combining marks kept inside it); each Chinese or Japanese
# character is a word of its own, since those scripts are written without spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
)
WORD = re.compile(rf"[^\W_{_CJK}](?:[^\W_{_CJK}]|[{_MARKS}])*|[{_CJK}]")

_STOP_WORDS = """
    a an the and or nor but of in on at to for with without by from as into onto through
    throughout via per upon over under within between among amongst across about against
    including inter alia such also both either neither each every all any some other others
    its it their they them this that these those which who whom whose what where when while
    is are was were be been being has have had do does did will would shall should may might
    can could must s t i e g etc well than then there thereof therein thereby here so very
    more most less least further particular particularly notably especially"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_NORMALISED: dict[str, str] = {}
_CACHE_LIMIT = 500_000


def normalise_word(word: str) -> str:
    """The comparable form of one word, or "" for a stop word. Results are remembered, so a
    corpus pays for each distinct spelling once."""
    known = _NORMALISED.get(word)
    if known is not None:
        return known
    if len(_NORMALISED) >= _CACHE_LIMIT:
        _NORMALISED.clear()
    folded = _fold(word)
    result = "" if folded in STOP_WORDS else stem(folded)
    _NORMALISED[word] = result
    return result


def _fold(word: str) -> str:
    """NFKC, casefold, accents and other optional marks dropped ("Développement" →
    "developpement", Arabic short vowels); vowel signs that spell a word (Devanagari) stay."""
    text = unicodedata.normalize("NFKC", word).casefold()
    if text.isascii():
        return text
    kept = "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(c) and (c.isalnum() or unicodedata.category(c)[0] == "M")
    )
    return unicodedata.normalize("NFC", kept)


_VOWEL = re.compile("[aeiouy]")
_ION = ("ation", "ction", "ption", "ssion")


def stem(word: str) -> str:
    """Fold plural and verb endings of an (already casefolded) English word.

    communities → community, networks → network, processes → process, increased /
    increasing / increase → increas, planned → plan, coordination → coordinat.
    Short words, numbers and words without a vowel are left alone.
    """
    if len(word) <= 3 or not word.isalpha() or not word.isascii():
        return word
    word = _plural(word)
    if word.endswith(_ION) and len(word) >= 8:
        return word[:-3]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if _VOWEL.search(base):
                if ending == "ed" and base.endswith("i"):
                    return base[:-1] + "y"  # applied → apply
                return _undouble(base)
    if word.endswith("e") and len(word) > 4:
        return word[:-1]
    return word


def _plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        return word[:-1]
    return word


def _undouble(base: str) -> str:
    """planned → plan, mapping → map; but install, access, buzz stay doubled."""
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
        return base[:-1]
    return base


def words(text: str) -> list[str]:
    """The normalised content words of ``text``, in order (stop words left out)."""
    out = []
    for raw in WORD.findall(text):
        word = normalise_word(raw)
        if word:
            out.append(word)
    return out


def words_with_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Content words with their character span in ``text`` (for explanations)."""
    for match in WORD.finditer(text):
        word = normalise_word(match.group())
        if word:
            yield word, match.start(), match.end()
