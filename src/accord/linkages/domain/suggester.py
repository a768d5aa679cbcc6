"""One linkage Suggester per process and method, for the reference data as it is now.

Building a Suggester indexes the catalogue (goals, imported SDG targets, WSIS lines) and, for
the semantic methods, embeds it: worth doing once, not per item. The cache is keyed by a
fingerprint of the imported SDG targets (how many, the newest row, the newest audited change
to them), so an import in any process — the web server, ``accord import-reference`` — is
seen by the next suggestion without a restart. Two cheap queries per use.
"""

from __future__ import annotations

import threading
from typing import Any

from django.db.models import Count, Max

from accord.audit.models import AuditEntry
from accord.engines.linkage import Suggester, Target, builtin_catalogue
from accord.linkages.enums import Method
from accord.reference.models import SDGTarget

DEFAULT_METHOD = Method.HYBRID

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], Any]] = {}


def reference_fingerprint() -> tuple[Any, ...]:
    """Changes whenever SDG targets are imported, added or changed."""
    rows = SDGTarget.objects.aggregate(n=Count("id"), last=Max("id"))
    changed = AuditEntry.objects.filter(target_type=SDGTarget._meta.label_lower).aggregate(
        last=Max("id")
    )
    return (rows["n"], rows["last"], changed["last"])


def catalogue_targets() -> list[Any]:
    """The imported SDG targets as the engine's ``Target``s."""
    return [
        Target(code=code, goal=goal, description=description)
        for code, goal, description in SDGTarget.objects.order_by("goal__number", "id").values_list(
            "code", "goal__number", "description"
        )
    ]


def current_suggester(method: str = DEFAULT_METHOD) -> Any:
    """The cached Suggester for ``method`` and today's reference data; built on first use and
    again after the SDG targets change. Its ``method`` says what it really uses (lexical
    when the embedding model is not installed)."""
    fingerprint = reference_fingerprint()
    with _lock:
        cached = _cache.get(method)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
    suggester = Suggester(builtin_catalogue(catalogue_targets()), method=method)
    with _lock:
        _cache[method] = (fingerprint, suggester)
    return suggester


def forget_suggesters() -> None:
    """Drop every cached Suggester (tests; after the model is installed or removed)."""
    with _lock:
        _cache.clear()
