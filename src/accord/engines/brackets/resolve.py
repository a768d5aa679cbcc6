"""Settle one bracket of a text, leaving every character outside it untouched."""

from __future__ import annotations

from collections.abc import Iterable

from accord.engines.brackets.model import Resolution
from accord.engines.brackets.tree import parse


def resolve(
    text: str, index: int, resolution: Resolution, *, extra_compounds: Iterable[str] = ()
) -> str:
    """A new text with bracket ``index`` (pre-order, as in ``parse(text).brackets``) settled.

    Only text[start:end] changes, so other brackets keep their meaning (their offsets after
    this one shift by the change in length). ValueError names a bad index or option.
    """
    brackets = parse(text, extra_compounds=extra_compounds).brackets
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(brackets):
        if not brackets:
            raise ValueError(f"no bracket {index!r}: the text has no brackets")
        last = len(brackets) - 1
        raise ValueError(
            f"no bracket {index!r}: the text has {len(brackets)} "
            f"bracket{'s' if len(brackets) > 1 else ''} (0 to {last})"
        )
    bracket = brackets[index]
    if resolution.kind == "keep_option":
        n = resolution.option or 0
        count = len(bracket.options)
        if not 1 <= n <= count:
            raise ValueError(
                f"bracket {index} {bracket.text!r} has {count} option"
                f"{'s' if count > 1 else ''}; there is no option {n}"
            )
        replacement = bracket.options[n - 1]
    elif resolution.kind == "keep":
        replacement = bracket.inner
    elif resolution.kind == "delete":
        replacement = ""
    else:
        raise ValueError(f"unknown resolution {resolution.kind!r}")
    return text[: bracket.start] + replacement + text[bracket.end :]
