"""Redlines: how one version of the Action Plan differs from another, item by item and word by
word, for the compare page, the API and a Word document with tracked changes.

Both versions must be readable by the user; each comparison reads each version once.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.engines.diff import ItemDiff, PlanItemText, diff_items, redline_document
from accord.plans.interfaces.working_document import version_as_document
from accord.plans.models import PlanItem, PlanVersion
from accord.plans.queries import current_version

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def item_texts(version: PlanVersion) -> list[PlanItemText]:
    """Every item of the version in plan order, as the diff engine reads it; one query."""
    rows = (
        PlanItem.objects.filter(version=version)
        .order_by("priority__order", "priority_id", "order", "id")
        .values_list("code", "priority__code", "text", "kind")
    )
    return [PlanItemText(code, priority, text, kind) for code, priority, text, kind in rows]


def versions_pair(
    user: Any, conference: Conference, old_number: int, new_number: int
) -> tuple[PlanVersion, PlanVersion]:
    """The two versions, each readable by the user; NotFound names the one that is not."""
    return (
        current_version(user, conference, old_number),
        current_version(user, conference, new_number),
    )


def compare_versions(
    user: Any, conference: Conference, old_number: int, new_number: int
) -> list[ItemDiff]:
    """Item-by-item differences from version ``old_number`` to ``new_number``, in the new
    plan's order (removed items where they used to be)."""
    old, new = versions_pair(user, conference, old_number, new_number)
    return diff_items(item_texts(old), item_texts(new))


def compare_item(
    user: Any, conference: Conference, code: str, old_number: int, new_number: int
) -> ItemDiff:
    """How item ``code`` changed between the two versions; NotFound if neither has it."""
    old, new = versions_pair(user, conference, old_number, new_number)
    texts = [[text for text in item_texts(version) if text.code == code] for version in (old, new)]
    if not any(texts):
        raise NotFound(
            gettext("Neither version %(old_number)s nor %(new_number)s has an item %(code)s.")
            % {"old_number": old_number, "new_number": new_number, "code": code},
            field="code",
        )
    (found,) = diff_items(*texts)
    return found


@dataclass
class PriorityChanges:
    """One priority's part of a comparison: the items that changed, and those that did not."""

    code: str
    title: str
    changes: list[ItemDiff] = field(default_factory=list)
    unchanged: list[ItemDiff] = field(default_factory=list)
    change: str = "unchanged"  # of the priority itself: added, removed, unchanged


@dataclass
class Comparison:
    old: PlanVersion
    new: PlanVersion
    priorities: list[PriorityChanges]
    counts: dict[str, int]

    @property
    def changed(self) -> bool:
        return any(priority.changes for priority in self.priorities)


def compare_by_priority(
    user: Any, conference: Conference, old_number: int, new_number: int
) -> Comparison:
    """The comparison grouped by priority (a removed item under its old priority, a moved one
    under its new), priorities in the new version's order with removed ones where they were.
    Four queries."""
    old, new = versions_pair(user, conference, old_number, new_number)
    diffs = diff_items(item_texts(old), item_texts(new))
    titles: dict[str, str] = {}
    order: list[list[PlanItemText]] = []
    for version in (old, new):
        rows = version.priorities.order_by("order", "id").values_list("code", "title")
        order.append([PlanItemText(code, "", title) for code, title in rows])
        titles |= dict(rows)
    groups = {
        diff.code: PriorityChanges(diff.code, titles[diff.code], change=diff.change)
        for diff in diff_items(order[0], order[1])
    }
    for diff in diffs:
        where = diff.new or diff.old
        assert where is not None
        group = groups[where.priority]
        (group.unchanged if diff.change == "unchanged" else group.changes).append(diff)
    return Comparison(old, new, list(groups.values()), dict(Counter(diff.change for diff in diffs)))


def redline_filename(conference: Conference, old: PlanVersion, new: PlanVersion) -> str:
    return f"{conference.slug}-action-plan-v{old.number}-to-v{new.number}-redline.docx"


def redline_docx(
    user: Any, conference: Conference, old_number: int, new_number: int
) -> tuple[bytes, str]:
    """The new version as a Word document whose items show the step from the old one as
    tracked changes (insertions and deletions), with its file name."""
    old, new = versions_pair(user, conference, old_number, new_number)
    from accord.engines.documents.docx_writer import write_docx  # python-docx loads slowly

    document = redline_document(
        version_as_document(old),
        version_as_document(new),
        author=f"Version {new.number}",
        date=timezone.now().replace(microsecond=0),  # Word's revision dates have none
        title=f"{conference.name} – {new.plan.title}: version {old.number} → {new.number}",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "redline.docx"
        write_docx(document, path)
        return path.read_bytes(), redline_filename(conference, old, new)
