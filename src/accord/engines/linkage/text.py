"""Words as the linkage engine matches them: folded, stop words dropped, lightly stemmed.

The stemmer is ours and deliberately small: it folds plurals, verb endings and the few
derivations that separate the words of one policy idea ("digitally" / "digital",
"educational" / "education" / "educate", "financial" / "finance", "digitalisation" /
"digitalization" / "digitalize"). It is not a linguistic stemmer; the lexicon lists the
variants it does not fold. "e-" and "m-" prefixes stay joined ("e-waste" and "ewaste" are
one word, not "waste"), as does "well-being" (both halves are stop words); other hyphens
separate words, so "last-mile" matches "last mile".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 20_000
"""Characters of a text that are read: an outcome or output is a sentence or two; a longer
text is cut here so a 10 MB paste costs milliseconds, not minutes."""

_WORD = re.compile(
    r"(?<![^\W_])well[-‐‑]being(?![^\W_])|(?:(?<![^\W_])[eEmM][-‐‑](?=[^\W_]))?[^\W_]+",
    re.IGNORECASE,
)

_STOP_WORDS = """
    a an the and or nor but of in on at to for with without by from as into onto through
    throughout via per upon over under within between among amongst across about against
    including inter alia such also both either neither each every all any some other others
    its it their they them this that these those which who whom whose what where when while
    is are was were be been being has have had do does did will would shall should may might
    can could must etc well than then there thereof therein thereby here so very more most
    less further particular particularly notably especially our we us his her he she
    i e g s t not no only same own whether how why one ones"""
_STOP = frozenset(_STOP_WORDS.split())

_FRAME_STEMS = (
    "increas strengthen improv enhanc reduc promot ensur establish foster facilitat expand "
    "encourag achiev"
)
_FRAME = frozenset(_FRAME_STEMS.split())
"""Stems of the verbs that frame almost every outcome ("Increased ...", "Strengthened ...");
dropped like stop words, since they say how, not what."""

_IRREGULAR = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "people": "person",
    "peoples": "person",
    "persons": "person",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "analyses": "analysis",
    "news": "news",
    "statistics": "statistic",
    "its": "its",
}
_VOWEL = re.compile("[aeiouy]")
_ION = ("ation", "ction", "ption", "ssion")


@dataclass(frozen=True)
class Token:
    """A content word: its stem and its span in the text."""

    stem: str
    start: int
    end: int


def fold(word: str) -> str:
    """NFKC, casefold, accents dropped, the hyphen of an "e-"/"m-" prefix (or of
    "well-being") removed."""
    text = unicodedata.normalize("NFKC", word).casefold()
    for hyphen in "-‐‑":
        text = text.replace(hyphen, "")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """The stem of a folded word (see the module docstring); "" for a stop word."""
    if word in _STOP or (len(word) == 1 and not word.isdigit()):
        return ""
    known = _IRREGULAR.get(word)
    if known is not None:
        return known
    if len(word) <= 3 or not word.isalpha() or not word.isascii():
        return word
    word = _suffixes(_derivation(_plural(_british(word))))
    return "" if word in _FRAME else word


def _suffixes(word: str) -> str:
    """-ing, -ed and a final -e."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if _VOWEL.search(base):
                if ending == "ed" and base.endswith("i"):
                    return base[:-1] + "y"
                return _undouble(base)
    if word.endswith("e") and len(word) > 4:
        return word[:-1]
    return word


def _british(word: str) -> str:
    """digitalisation → digitalization, mobilise(d/s) → mobilize(d/s)."""
    for ending in ("isation", "isations", "ise", "ised", "ises", "ising"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + "iz" + ending[2:]
    return word


def _plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        return word[:-1]
    return word


def _derivation(word: str) -> str:
    """One derivational fold: -ally/-ically, -ional, -ical, -ial, -ation/-ization."""
    if word.endswith("ically") and len(word) > 8:
        word = word[:-4]  # statistically → statistic
    elif word.endswith("ally") and len(word) > 6:
        word = word[:-2]  # digitally → digital
    if word.endswith("ical") and len(word) > 6:
        word = word[:-2]  # statistical → statistic
    elif word.endswith("ional") and len(word) > 7:
        word = word[:-2]  # educational → education
    elif word.endswith("ial") and len(word) >= 8:
        return word[:-3]  # financial → financ (= finance)
    if word.endswith(_ION) and len(word) >= 8:
        word = word[:-3]  # education → educat (= educate)
        if word.endswith("izat"):
            word = word[:-2]  # digitalization → digitaliz (= digitalize)
    return word


def _undouble(base: str) -> str:
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
        return base[:-1]
    return base


def tokens(text: str) -> list[Token]:
    """The content words of ``text`` (at most MAX_CHARS read) with their spans."""
    out = []
    for match in _WORD.finditer(text[:MAX_CHARS]):
        word = stem(fold(match.group()))
        if word:
            out.append(Token(word, match.start(), match.end()))
    return out


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s content words, in order."""
    return tuple(token.stem for token in tokens(text))


def sentences(text: str) -> list[str]:
    """``text`` cut after full stops, question and exclamation marks (a description's
    sentences, used as reference sentences)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text.strip())
    return [part.strip() for part in parts if part.strip()]
