"""The status rule: agreed, undisputed change or disputed.

1. **Disputed** when the text is still open — a bracket (matched or not) or a whole-item
   alternative — or when the current stances disagree: someone objects (oppose), or a change
   is proposed while someone holds the text (keep/support), or two different changes are
   proposed (remove vs modify, option 1 vs option 2).
2. **Undisputed change** when, short of that, a change is proposed and nobody resists it, the
   text differs from the version it was copied from, or tracked changes are pending.
3. **Agreed** otherwise. Reservations are recorded and shown but do not block consensus.

"Current" stances are the latest of each delegation, on the item as it now reads: a position on
the whole item lapses when the text changes, one on a bracket when the bracket goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from accord.engines.brackets import Parsed
from accord.engines.consensus.stances import Leaning, Stated, leaning


class Status(StrEnum):
    AGREED = "agreed"
    UNDISPUTED_CHANGE = "undisputed_change"
    DISPUTED = "disputed"


def disagree(stances: Sequence[Stated]) -> bool:
    sides = set()
    for stated in stances:
        pull = leaning(stated.stance)
        if pull is Leaning.OBJECT:
            return True
        if pull is not Leaning.NEUTRAL:
            sides.add(stated.side)
    return len(sides) > 1


def item_status(
    parsed: Parsed,
    stances: Sequence[Stated] = (),
    *,
    text_changed: bool = False,
    pending_changes: bool = False,
) -> Status:
    """Apply the rule to an item's parsed text and its current stances (see module doc)."""
    if parsed.is_open or disagree(stances):
        return Status.DISPUTED
    proposes = any(leaning(s.stance) is Leaning.CHANGE for s in stances)
    if proposes or text_changed or pending_changes:
        return Status.UNDISPUTED_CHANGE
    return Status.AGREED
