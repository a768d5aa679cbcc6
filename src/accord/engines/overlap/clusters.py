"""Clusters of overlapping texts: the connected components of the pair graph, so texts that
overlap through a third one end up together (a secretariat merges them as one group)."""

from __future__ import annotations

from collections.abc import Sequence

from accord.engines.overlap.model import OverlapError, Pair


def cluster(pairs: Sequence[Pair], ids: Sequence[str]) -> list[list[str]]:
    """Components of two or more ids, each in corpus order (the order of ``ids``); largest
    first, then by where their first id stands in the corpus."""
    position = {text_id: index for index, text_id in enumerate(ids)}
    parent = list(range(len(ids)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps the trees flat
            node = parent[node]
        return node

    for pair in pairs:
        for text_id in (pair.a, pair.b):
            if text_id not in position:
                raise OverlapError(f"a pair names '{text_id}', which is not in the corpus")
        first, second = root(position[pair.a]), root(position[pair.b])
        if first != second:
            parent[max(first, second)] = min(first, second)
    members: dict[int, list[str]] = {}
    for index, text_id in enumerate(ids):
        members.setdefault(root(index), []).append(text_id)
    groups = [group for group in members.values() if len(group) > 1]
    groups.sort(key=lambda group: (-len(group), position[group[0]]))
    return groups
