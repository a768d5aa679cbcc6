"""The bracket engine: find what is still disputed in a text and settle it (no Django).

A working document marks disputed text with square brackets. ``parse`` turns a text into a
tree (runs of text and brackets, nested brackets as children), lists every matched bracket
in pre-order with its options, reports brackets that pair with nothing, and finds
whole-item alternatives. ``render`` rebuilds the text from the tree; ``resolve`` settles one
bracket; ``anchor`` and ``option_of`` tie a comment's quote to a bracket and an option.

Options of a bracket are read at the bracket's own level: nested brackets are opaque, so a
separator inside a child never splits the parent.

**OR rule.** An uppercase ``OR`` alone on its line, or ``OR`` between whitespace followed
by "Alternative", separates alternatives; an "Alternative P.3-c:" label after it is not part
of the option. A lowercase "or" never separates. Inside a bracket it splits the bracket's
options (and then slashes do not split: each side is a whole wording); outside any bracket
it fills ``Parsed.alternatives``.

**Slash rule.** Outside any bracket a slash never splits anything. Inside a bracket, at its
own level, a slash separates options ("[reduced import duties/targeted subsidies]", also
spaced " / ") unless it belongs to a fixed token:

- a known compound (``COMPOUNDS``: telecommunication/ICT, telecommunications/ICTs,
  ICT/telecommunication, and/or, his/her, he/she…; case-insensitive, compared on the words
  touching the slash), extended per call with ``parse(text, extra_compounds=...)``;
- digits on both sides: numbers and dates (2/3, 12/03/2026);
- a URL or path: a word containing "://" or "www.", or starting "domain.tld/";
- a document symbol: an uppercase word with a digit (TDAG-20/37-E, WTDC-22/INF/1-E);
- abbreviations on both sides (Res./Rec., Rev./Add.).

A slash with whitespace on either side always separates. Each slash is judged on the word
around it, read up to 120 characters each way (constant work per slash). Option texts are
stripped; a bracket without alternatives has one option, its stripped inner text; options
are numbered from 1 in ``option_of`` and ``Resolution.keep_option``.

**Resolving** changes only ``text[start:end]``: deleting "[x]" from "a [x] b" leaves
"a  b" (the spaces around belong to the text outside; tidying them is the caller's call).
"""

from accord.engines.brackets.anchor import anchor, normalise, option_of
from accord.engines.brackets.model import Bracket, Node, Parsed, Resolution, TextRun, Unbalanced
from accord.engines.brackets.options import COMPOUNDS
from accord.engines.brackets.resolve import resolve
from accord.engines.brackets.tree import parse, render

__all__ = [
    "COMPOUNDS",
    "Bracket",
    "Node",
    "Parsed",
    "Resolution",
    "TextRun",
    "Unbalanced",
    "anchor",
    "normalise",
    "option_of",
    "parse",
    "render",
    "resolve",
]
