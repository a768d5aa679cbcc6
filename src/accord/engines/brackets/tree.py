"""Parse a text into a tree of text runs and brackets, and render the tree back.

One regex scan pairs the brackets; options are split only for brackets whose text holds a
slash or an "OR", so texts without brackets return at once. Speed matters (a document has
thousands of brackets), hence the fast path for flat, balanced brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from accord.engines.brackets.model import Bracket, Node, Parsed, TextRun, Unbalanced
from accord.engines.brackets.options import (
    MASK,
    bracket_options,
    compound_pairs,
    whole_alternatives,
)

_BRACKET = re.compile(r"[\[\]]")
# Balanced brackets, none inside another: one linear scan (possessive, so a text that is
# not flat fails at once instead of backtracking).
_IS_FLAT = re.compile(r"[^\[\]]*+(?:\[[^\[\]]*+\][^\[\]]*+)*+").fullmatch
_FLAT_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def parse(text: str, *, extra_compounds: Iterable[str] = ()) -> Parsed:
    """Parse ``text``; never raises. ``extra_compounds`` ("ITU-D/ITU-T") add to COMPOUNDS:
    slashes in them do not separate options."""
    if "[" not in text and "]" not in text:
        return _plain(text)
    compounds = compound_pairs(frozenset(extra_compounds) if extra_compounds else frozenset())
    if _IS_FLAT(text):
        return _parse_flat(text, compounds)
    return _parse_nested(text, compounds)


def _parse_nested(text: str, compounds: frozenset[tuple[str, str]]) -> Parsed:
    """Any text: pair the brackets with a stack, then build the tree innermost first."""
    pairs, unbalanced = _pair_brackets(text)
    brackets = _build(text, pairs, compounds)
    top = [b for b in brackets if b.depth == 0]
    nodes = _nodes(text, 0, len(text), top)
    alternatives: tuple[str, ...] = ()
    if "OR" in text:
        alternatives = whole_alternatives(text, _masked(text, 0, len(text), top))
    return Parsed(text, nodes, brackets, unbalanced, alternatives)


def _plain(text: str) -> Parsed:
    """A text without any bracket: one run, and whole-item alternatives if it has an OR."""
    nodes = (TextRun(0, len(text), text),) if text else ()
    alternatives = whole_alternatives(text, text) if "OR" in text else ()
    return Parsed(text, nodes, (), (), alternatives)


def _parse_flat(text: str, compounds: frozenset[tuple[str, str]]) -> Parsed:
    """The common case in one pass: balanced brackets, none inside another."""
    nodes: list[Node] = []
    brackets: list[Bracket] = []
    position = 0
    for match in _FLAT_BRACKET.finditer(text):
        start, end = match.span()
        inner = match.group(1)
        if start > position:
            nodes.append(TextRun(position, start, text[position:start]))
        if "/" in inner or "OR" in inner:
            options = bracket_options(inner, inner, compounds)
        else:
            options = (inner.strip(),)
        children = (TextRun(start + 1, end - 1, inner),) if inner else ()
        bracket = Bracket(len(brackets), start, end, 0, children, options, text)
        brackets.append(bracket)
        nodes.append(bracket)
        position = end
    if len(text) > position:
        nodes.append(TextRun(position, len(text), text[position:]))
    alternatives: tuple[str, ...] = ()
    if "OR" in text:
        alternatives = whole_alternatives(text, _masked(text, 0, len(text), brackets))
    return Parsed(text, tuple(nodes), tuple(brackets), (), alternatives)


def _pair_brackets(text: str) -> tuple[list[tuple[int, int]], tuple[Unbalanced, ...]]:
    """Matched (start, end) pairs in pre-order, and the brackets that pair with nothing."""
    opens: list[int] = []
    stack: list[int] = []
    end_of: dict[int, int] = {}
    stray: list[Unbalanced] = []
    for match in _BRACKET.finditer(text):
        offset = match.start()
        if text[offset] == "[":
            stack.append(offset)
            opens.append(offset)
        elif stack:
            end_of[stack.pop()] = offset + 1
        else:
            stray.append(Unbalanced(offset, "]"))
    if stack:
        stray.extend(Unbalanced(offset, "[") for offset in stack)
        stray.sort(key=lambda u: u.offset)
    return [(start, end_of[start]) for start in opens if start in end_of], tuple(stray)


def _build(
    text: str,
    pairs: list[tuple[int, int]],
    compounds: frozenset[tuple[str, str]],
) -> tuple[Bracket, ...]:
    """Brackets in pre-order; built innermost first so each parent gets finished children."""
    count = len(pairs)
    parents = [-1] * count
    depths = [0] * count
    stack: list[int] = []
    for index, (start, _end) in enumerate(pairs):
        while stack and pairs[stack[-1]][1] <= start:
            stack.pop()
        if stack:
            parents[index] = stack[-1]
            depths[index] = len(stack)
        stack.append(index)
    children: list[list[Bracket]] = [[] for _ in pairs]
    built: list[Bracket] = []
    for index in range(count - 1, -1, -1):
        start, end = pairs[index]
        inner = text[start + 1 : end - 1]
        kids = children[index]
        if kids:
            kids.reverse()  # appended right to left
            nodes = _nodes(text, start + 1, end - 1, kids)
        else:
            nodes = (TextRun(start + 1, end - 1, inner),) if inner else ()
        if "/" in inner or "OR" in inner:
            masked = _masked(text, start + 1, end - 1, kids) if kids else inner
            options = bracket_options(inner, masked, compounds)
        else:
            options = (inner.strip(),)
        bracket = Bracket(index, start, end, depths[index], nodes, options, text)
        built.append(bracket)
        if parents[index] >= 0:
            children[parents[index]].append(bracket)
    built.reverse()
    return tuple(built)


def _nodes(text: str, lo: int, hi: int, kids: list[Bracket]) -> tuple[Node, ...]:
    """Runs and brackets covering text[lo:hi] in order (no empty runs)."""
    nodes: list[Node] = []
    position = lo
    for kid in kids:
        if kid.start > position:
            nodes.append(TextRun(position, kid.start, text[position : kid.start]))
        nodes.append(kid)
        position = kid.end
    if hi > position:
        nodes.append(TextRun(position, hi, text[position:hi]))
    return tuple(nodes)


def _masked(text: str, lo: int, hi: int, kids: list[Bracket]) -> str:
    """text[lo:hi] with each nested bracket blanked out, offsets unchanged."""
    parts: list[str] = []
    position = lo
    for kid in kids:
        parts.append(text[position : kid.start])
        parts.append(MASK * (kid.end - kid.start))
        position = kid.end
    parts.append(text[position:hi])
    return "".join(parts)


def render(parsed: Parsed) -> str:
    """The text again, built from the tree (a check that the tree covers every character)."""
    return "".join(_walk(parsed.nodes))


def _walk(nodes: tuple[Node, ...]) -> Iterator[str]:
    """Pieces of text in order; iterative, so deep nesting cannot exhaust the stack."""
    stack: list[Iterator[Node | str]] = [iter(nodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, str):
            yield node
        elif isinstance(node, TextRun):
            yield node.text
        else:
            yield "["
            stack.append(iter((*node.children, "]")))
