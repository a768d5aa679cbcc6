"""Recognise priority and item identifiers (``D.2``, ``D.2-e``, ``D.2-3``), typos included.

Working documents are typed by hand: ``P.-2-b`` and ``P.2 -2`` mean ``P.2-b`` and ``P.2-2``.
Only the start of a paragraph is examined, so ordinary prose is not mistaken for an identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = "[-–—‑]"
_ITEM = re.compile(
    rf"^\s*(?P<raw>(?P<prefix>[A-Z]{{1,4}})\s*\.?\s*{_DASH}?\s*(?P<num>\d{{1,2}})\s*{_DASH}\s*"
    rf"(?P<suffix>[A-Za-z]|\d{{1,2}}))(?![\w])\s*[:.]?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_OBJECTIVE = re.compile(
    r"^\s*(?P<raw>(?P<prefix>[A-Z]{1,4})\s*\.\s*(?P<num>\d{1,2}))(?![\w.\-–])\s*[:.]?\s+(?P<rest>\S.*)$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Identifier:
    raw: str
    canonical: str
    prefix: str
    number: int
    suffix: str | None
    rest: str

    @property
    def objective(self) -> str:
        """The priority this identifier names or belongs to, e.g. ``P.2``."""
        return f"{self.prefix}.{self.number}"

    @property
    def kind(self) -> str | None:
        """Outcomes are lettered (``-a``), outputs numbered (``-1``)."""
        if self.suffix is None:
            return None
        return "output" if self.suffix.isdigit() else "outcome"

    @property
    def changed(self) -> bool:
        return self.raw != self.canonical


def parse_item_id(text: str) -> Identifier | None:
    match = _ITEM.match(text)
    if not match:
        return None
    number = int(match["num"])
    suffix = match["suffix"]
    suffix = str(int(suffix)) if suffix.isdigit() else suffix.lower()
    return Identifier(
        raw=match["raw"],
        canonical=f"{match['prefix']}.{number}-{suffix}",
        prefix=match["prefix"],
        number=number,
        suffix=suffix,
        rest=match["rest"].strip(),
    )


def parse_objective_id(text: str) -> Identifier | None:
    if parse_item_id(text):
        return None
    return objective_id_of(text)


def objective_id_of(text: str) -> Identifier | None:
    """``parse_objective_id`` for a text already known to carry no item identifier."""
    match = _OBJECTIVE.match(text)
    if not match:
        return None
    number = int(match["num"])
    return Identifier(
        raw=match["raw"],
        canonical=f"{match['prefix']}.{number}",
        prefix=match["prefix"],
        number=number,
        suffix=None,
        rest=match["rest"].strip(),
    )
