"""Shared by the benchmarks: a throwaway data directory and database, and timing helpers."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable


def setup_django(label: str) -> str:
    """Point Accord at a fresh SQLite file (or DATABASE_URL if given) and migrate it; a server
    process started by a benchmark reuses its parent's folder (ACCORD_BENCH_DATA_DIR)."""
    folder = os.environ.get("ACCORD_BENCH_DATA_DIR") or tempfile.mkdtemp(
        prefix=f"accord-bench-{label}-"
    )
    os.environ["ACCORD_BENCH_DATA_DIR"] = folder
    os.environ["ACCORD_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    return folder


def median_ms(action: Callable[[], object], repeat: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def interleaved_medians(
    actions: dict[str, Callable[[], object]], repeat: int, warmup: int = 3
) -> dict[str, float]:
    """The median milliseconds of each action, run in turns (a, b, c, a, b, c, ...), so that a
    change in the machine's other load during the run weighs on each action alike."""
    for _ in range(warmup):
        for action in actions.values():
            action()
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}
