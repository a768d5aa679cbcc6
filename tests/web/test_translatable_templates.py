"""Every sentence a template shows is marked for translation, so that the six UN languages can
follow without touching the templates: visible text and the attributes people read (title,
alt, placeholder, aria-label) outside ``{% translate %}`` and ``{% blocktranslate %}`` fail."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import accord

pytestmark = pytest.mark.unit

_ROOT = Path(accord.__file__).parent
TEMPLATES = sorted([*_ROOT.rglob("templates/**/*.html"), *_ROOT.rglob("templates/**/*.txt")])
# Names and symbols that read the same in every language.
UNTRANSLATED = {"Accord", "CSV", "xlsx", "docx", "UTC"}
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
WORD = re.compile(r"[^\W\d_]{2,}")
_BLOCK = re.compile(
    r"{%\s*(blocktrans(?:late)?|comment)\b.*?{%\s*end(?:blocktrans(?:late)?|comment)\s*%}", re.S
)
_TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)


def _blank(match: re.Match[str]) -> str:
    """A placeholder that keeps line numbers."""
    return " " + "\n" * match.group(0).count("\n")


class _Untranslated(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.found: list[tuple[int, str]] = []

    def _check(self, text: str) -> None:
        if set(WORD.findall(text)) - UNTRANSLATED:
            self.found.append((self.getpos()[0], " ".join(text.split())[:80]))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self._check(value)

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self._check(data)


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of what a template shows outside the translation tags."""
    parser = _Untranslated()
    parser.feed(_TAG.sub(_blank, _BLOCK.sub(_blank, source)))
    return parser.found


def test_untranslated_finds_text_and_attributes_outside_translation_tags():
    source = (
        '{% load i18n %}<p title="Close">{% translate "Saved" %} Done</p>\n'
        "{% blocktranslate %}Kept {{ n }}{% endblocktranslate %}<i>{{ name }}</i> Accord"
    )

    assert untranslated(source) == [(1, "Close"), (1, "Done")]


def test_templates_are_found():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_template_text_is_marked_for_translation(path):
    assert untranslated(path.read_text(encoding="utf-8")) == []
