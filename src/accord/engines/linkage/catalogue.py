"""The reference data the project ships, read from ``data/`` (all written by the team):

- ``goals.csv`` — the 17 SDGs: number, short name and a description in our words of what
  each goal covers, seen from telecommunication/ICT development;
- ``wsis.csv`` — the WSIS action lines C1–C11: code, title and a description in our words;
- ``lexicon.csv`` — the curated keyword lexicon: per SDG goal, SDG target and WSIS line,
  terms (words or phrases, ";"-separated) with a weight: 3 a specific, decisive term, 2 a
  strong cue, 1 (or less) a supporting one;
- ``wsis_sdg_links.csv`` — which SDG goals and targets each WSIS line serves, encoded from
  ITU's WSIS–SDG matrix (C7 per e-application).

SDG target texts are UN text and are not shipped: they are imported (``read_sdg_targets``)
and passed to ``builtin_catalogue``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from accord.engines.linkage.model import ActionLine, Catalogue, Goal, LinkageError, Target
from accord.engines.linkage.text import stems

DATA = Path(__file__).resolve().parent / "data"
LEXICON_KINDS = {"goal": "sdg_goal", "target": "sdg_target", "wsis": "wsis", "neutral": "neutral"}
"""Lexicon kinds: ``neutral`` phrases ("enabling environment") suggest nothing themselves
but stop their last (head) word from matching shorter terms of any candidate (so the
"environment" of "enabling environment" is no cue for climate action)."""


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a term for a candidate (kind, code) with its weight."""

    kind: str
    code: str
    weight: float
    term: str
    stems: tuple[str, ...]


@dataclass(frozen=True)
class WsisLink:
    """A row of the WSIS–SDG matrix: an action line (and C7 e-application) and the SDG
    goals and targets it serves."""

    line: str
    application: str
    goals: tuple[int, ...]
    targets: tuple[str, ...]


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of a data file, blank lines skipped."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader if any((v or "").strip() for v in row)]


@cache
def _goals() -> tuple[tuple[Goal, str], ...]:
    return tuple(
        (Goal(int(row["number"]), row["name"].strip()), row["description"].strip())
        for _, row in _rows("goals.csv")
    )


@cache
def _action_lines() -> tuple[ActionLine, ...]:
    return tuple(
        ActionLine(row["code"].strip(), row["title"].strip(), row["description"].strip())
        for _, row in _rows("wsis.csv")
    )


def goal_descriptions() -> dict[int, str]:
    """Goal number → the description the team wrote (a few sentences)."""
    return {goal.number: description for goal, description in _goals()}


def wsis_descriptions() -> dict[str, str]:
    """WSIS line code ("C4") → the description the team wrote (a few sentences)."""
    return {line.code: line.description for line in _action_lines()}


def builtin_catalogue(targets: Iterable[Target] = ()) -> Catalogue:
    """The 17 goals and 11 WSIS lines the project ships, with ``targets`` (imported, e.g. by
    ``read_sdg_targets``) ordered by goal and code; a repeated target code keeps its first
    text. LinkageError for a target of an unknown goal."""
    goals = tuple(goal for goal, _ in _goals())
    numbers = {goal.number for goal in goals}
    kept: dict[str, Target] = {}
    for target in targets:
        if target.goal not in numbers:
            raise LinkageError(
                f"target {target.code} belongs to goal {target.goal}; expected a goal from 1 to 17"
            )
        kept.setdefault(target.code, target)
    ordered = tuple(sorted(kept.values(), key=target_order))
    return Catalogue(goals=goals, targets=ordered, wsis=_action_lines())


def target_order(target: Target) -> tuple[int, int, str]:
    """Sort key: goal, then numbered targets in number order, then lettered ones."""
    _, _, minor = target.code.partition(".")
    return (target.goal, int(minor) if minor.isdigit() else 1_000, minor)


@cache
def lexicon() -> tuple[Term, ...]:
    """Every lexicon term, validated (LinkageError naming the line of a bad row)."""
    terms: list[Term] = []
    for line, row in _rows("lexicon.csv"):
        kind = LEXICON_KINDS.get((row.get("kind") or "").strip())
        if kind is None:
            raise LinkageError(
                f"lexicon.csv line {line}: kind must be goal, target, wsis or neutral"
            )
        try:
            weight = float(row["weight"])
        except (TypeError, ValueError):
            raise LinkageError(f"lexicon.csv line {line}: weight must be a number") from None
        code = row["code"].strip()
        for term in (row["terms"] or "").split(";"):
            term = term.strip()
            if not term:
                continue
            term_stems = stems(term)
            if not term_stems:
                raise LinkageError(f"lexicon.csv line {line}: {term!r} has only stop words")
            terms.append(Term(kind, code, weight, term, term_stems))
    return tuple(terms)


@cache
def wsis_links() -> tuple[WsisLink, ...]:
    """The WSIS–SDG matrix rows."""
    return tuple(
        WsisLink(
            line=row["line"].strip(),
            application=row["application"].strip(),
            goals=tuple(int(goal) for goal in row["goals"].split()),
            targets=tuple(row["targets"].split()),
        )
        for _, row in _rows("wsis_sdg_links.csv")
    )


def wsis_goal_links() -> dict[str, frozenset[int]]:
    """WSIS line → the SDG goals it serves (C7: the union of its e-applications)."""
    links: dict[str, set[int]] = {}
    for row in wsis_links():
        links.setdefault(row.line, set()).update(row.goals)
    return {line: frozenset(goals) for line, goals in links.items()}
