"""Every message the domain refuses with reaches people (forms, pages, API errors), so it is
marked for translation: a plain or f-string literal given to a domain error or to
``rules.require`` fails here. Engines (no Django) and the command line are left in English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import accord

pytestmark = pytest.mark.unit

ROOT = Path(accord.__file__).parent
ERRORS = {"DomainError", "NotAllowed", "NotFound", "StaleEdit", "TokenRejected", "MergeConflict"}
MODULES = sorted(
    path
    for path in ROOT.rglob("*.py")
    if not {"engines", "migrations", "cli"} & set(path.relative_to(ROOT).parts)
)


def _message(call: ast.Call) -> ast.expr | None:
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
    if name in ERRORS and call.args:
        return call.args[0]
    if name == "require" and len(call.args) >= 2:
        return call.args[1]
    return None


def untranslated_messages(source: str) -> list[int]:
    """Line numbers of literal messages given to a domain error or ``require`` unwrapped."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            message = _message(node)
            literal = isinstance(message, ast.JoinedStr) or (
                isinstance(message, ast.Constant) and isinstance(message.value, str)
            )
            if literal:
                lines.append(node.lineno)
    return lines


def test_untranslated_messages_finds_literals_not_wrapped_in_gettext():
    source = (
        'raise DomainError("Plain.", field="x")\n'
        'raise NotAllowed(f"Not {who}.")\n'
        'rules.require(ok, gettext("Wrapped."))\n'
        'raise DomainError(gettext("%(n)s done.") % {"n": n})\n'
        "raise DomainError(message)\n"
    )

    assert untranslated_messages(source) == [1, 2]


def test_modules_are_found():
    assert len(MODULES) > 100


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_messages_are_marked_for_translation(path):
    assert untranslated_messages(path.read_text(encoding="utf-8")) == []
