"""One person, one name: ``Gonzalez, Maria [2]``, ``Maria Gonzalez`` and ``maria gonzalez``."""

from __future__ import annotations

import re

_SUFFIX = re.compile(r"\s*\[\d+\]\s*$")


def normalise_author(raw: str) -> str:
    """Drop Word's ``[n]`` suffix, turn ``Surname, Given`` into ``Given Surname``, tidy spaces."""
    name = _SUFFIX.sub("", " ".join(raw.split()))
    if name.count(",") == 1:
        surname, given = (part.strip() for part in name.split(","))
        if surname and given:
            name = f"{given} {surname}"
    return name


class AuthorRegistry:
    """Map every spelling of a name to the first full spelling met, and say what changed."""

    def __init__(self) -> None:
        self._by_key: dict[frozenset[str], str] = {}
        self._seen: dict[str, str] = {}
        self.renamed: dict[str, str] = {}

    def canonical(self, raw: str) -> str:
        # A spelling met before has its answer already: the first full spelling of a name
        # never changes, and ``renamed`` already has the entry. Documents repeat a handful
        # of authors thousands of times.
        known = self._seen.get(raw)
        if known is None:
            known = self._seen[raw] = self._canonical(raw)
        return known

    def _canonical(self, raw: str) -> str:
        name = normalise_author(raw)
        if not name:
            return raw.strip()
        key = frozenset(name.casefold().split())
        canonical = self._by_key.setdefault(key, name)
        if canonical != raw.strip():
            self.renamed.setdefault(raw.strip(), canonical)
        return canonical
