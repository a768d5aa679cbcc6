"""Tie a comment's quoted words to the bracket (and option) they are about."""

from __future__ import annotations

from accord.engines.brackets.model import Bracket, Parsed

_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‐": "-",
        "‑": "-",
        "\u00ad": None,  # soft hyphen
        "[": " ",
        "]": " ",
    }
)
_QUOTES = "\"' "


def normalise(text: str) -> str:
    """Case, whitespace, quote marks, hyphen variants and brackets do not matter."""
    return " ".join(text.translate(_FOLD).split()).casefold()


def _needle(quoted: str | None) -> str:
    return normalise(quoted).strip(_QUOTES) if quoted else ""


def anchor(parsed: Parsed, quoted: str | None) -> Bracket | None:
    """The innermost bracket whose text contains ``quoted`` (the first when several at the
    same depth do); None without a quote or a match."""
    if not parsed.brackets:
        return None
    needle = _needle(quoted)
    if not needle:
        return None
    found: Bracket | None = None
    for bracket in parsed.brackets:
        if (found is None or bracket.depth > found.depth) and needle in normalise(bracket.text):
            found = bracket
    return found


def option_of(bracket: Bracket, quoted: str | None) -> int | None:
    """1-based option the quote names: the option equal to it, else the only option that
    contains it; None when no option or several options match."""
    needle = _needle(quoted)
    if not needle:
        return None
    options = [normalise(option) for option in bracket.options]
    if needle in options:
        return options.index(needle) + 1
    containing = [n for n, option in enumerate(options, 1) if needle in option]
    return containing[0] if len(containing) == 1 else None
