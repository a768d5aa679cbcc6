"""A small, strict reader of the iCalendar we write, for the tests: it checks the physical
format (CRLF, folding within 75 octets) and reads the calendar back into plain dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Component:
    name: str
    properties: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> str:
        values = [v for n, _, v in self.properties if n == name]
        assert len(values) == 1, f"{name}: {values}"
        return values[0]

    def params(self, name: str) -> dict[str, str]:
        return next(p for n, p, _ in self.properties if n == name)

    def names(self) -> list[str]:
        return [n for n, _, _ in self.properties]


def unescape(value: str) -> str:
    def one(match: re.Match[str]) -> str:
        char = match[1]
        if char in "nN":
            return "\n"
        assert char in "\\;,", f"bad escape \\{char}"
        return char

    return _ESCAPE.sub(one, value)


def split_list(value: str) -> list[str]:
    """A comma-separated TEXT list, commas escaped inside items."""
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            parts.append(unescape(current))
            current = ""
        else:
            current += char
    parts.append(unescape(current))
    return parts


def physical_lines(data: bytes) -> list[bytes]:
    """Check and return the lines as sent: each ends with CRLF, none is longer than 75 octets,
    no bare CR or LF."""
    assert data.endswith(b"\r\n"), "the last line must end with CRLF"
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # each physical line is valid UTF-8 on its own: no split character
    return lines


def parse(data: bytes) -> Component:
    """Unfold, then read BEGIN/END blocks into components."""
    logical: list[str] = []
    for line in physical_lines(data):
        text = line.decode("utf-8")
        if text.startswith((" ", "\t")):
            assert logical, "a continuation line cannot come first"
            logical[-1] += text[1:]
        else:
            logical.append(text)
    stack: list[Component] = []
    root: Component | None = None
    for line in logical:
        head, sep, value = line.partition(":")
        assert sep, f"no colon in {line!r}"
        name, *raw_params = head.split(";")
        params = dict(p.split("=", 1) for p in raw_params)
        if name == "BEGIN":
            component = Component(value)
            if stack:
                stack[-1].children.append(component)
            stack.append(component)
        elif name == "END":
            component = stack.pop()
            assert component.name == value, f"END:{value} closes {component.name}"
            if not stack:
                root = component
        else:
            stack[-1].properties.append((name, params, value))
    assert not stack and root is not None
    return root
