"""Pause the cyclic garbage collector around work that builds many objects and frees none.

Computing a negotiation's statuses or its delegation × bracket matrix allocates some 100,000
small objects that all live until the result is returned; the collector, triggered every 700
allocations, walks them again and again (and the whole heap on a full collection) for
nothing, which doubled the time of those reads. Reference counting still frees everything
as usual; the collector resumes afterwards (it is process-wide, so a thread leaving its pause
lets it run for the others, which only costs time).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Nested pauses are fine: only the outermost one turns the collector back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
