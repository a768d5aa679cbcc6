"""The linkage annex the writers add after a document's body: one row per item that has links,
with its SDG goals, SDG targets, WSIS action lines and other links in separate columns.

Readers recognise the annex by its title and skip it, so an exported document imports again
without the annex's identifiers being taken for items.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.engines.documents.model import Link, WorkingDocument

ANNEX_TITLE = "Annex: linkages"
COLUMNS = ("Item", "SDG goals", "SDG targets", "WSIS action lines", "Other links")
OTHER_LABELS = {
    "strategic_goal": "Strategic plan",
    "resolution": "Resolution",
    "regional_initiative": "Regional initiative",
    "regional_priority": "Regional priority",
    "question": "Question",
}
"""How the last column names each type; an unknown type is named as it is."""


@dataclass(frozen=True)
class AnnexRow:
    item: str
    goals: str
    targets: str
    wsis: str
    other: str

    @property
    def cells(self) -> tuple[str, str, str, str, str]:
        return (self.item, self.goals, self.targets, self.wsis, self.other)


def _number_key(text: str) -> tuple[int, int, str]:
    """``9`` < ``17``; ``9.2`` < ``9.10`` < ``9.a``; ``C2`` < ``C10``."""
    head, _, rest = text.lstrip("Cc").partition(".")
    number = int(head) if head.isdigit() else 10**6
    if not rest:
        return (number, 0, "")
    return (number, 0, f"{int(rest):04d}") if rest.isdigit() else (number, 1, rest)


def _targets(links: list[Link], type_: str) -> str:
    return ", ".join(sorted({link.target for link in links if link.type == type_}, key=_number_key))


def annex_row(item_id: str, links: list[Link]) -> AnnexRow:
    other = [
        f"{OTHER_LABELS.get(link.type, link.type)} {link.target}"
        for link in links
        if link.type not in ("sdg", "sdg_target", "wsis")
    ]
    return AnnexRow(
        item=item_id,
        goals=_targets(links, "sdg"),
        targets=_targets(links, "sdg_target"),
        wsis=_targets(links, "wsis"),
        other="; ".join(other),
    )


def annex_rows(document: WorkingDocument) -> list[AnnexRow]:
    """A row per item with links, in document order; empty when no item has any (then the
    writers add no annex)."""
    return [annex_row(item.id, item.linkages) for item in document.items() if item.linkages]
