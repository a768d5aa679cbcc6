"""Read a corpus file: a working document (its items) or plain text, one text per numbered
item or paragraph (resolutions, study Questions, regional priorities, outcomes…)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from accord.engines.documents.errors import DocumentError
from accord.engines.documents.reader import read_document
from accord.engines.overlap.model import Text

_NO_ITEMS = "no recognisable priorities or items"  # read_document's message for such a file
_ZIP = b"PK\x03\x04"
# A numbered item: "1. Text", "1) Text", "(1) Text", "1.2 Text", "12: Text", or a label such
# as "Resolution 37: Text" / "Question 5/1 – Text". A bare number ("2030 targets") is not.
_NUMBERED = re.compile(
    r"^\s*(?:"
    r"\((?P<paren>\d{1,4})\)"
    r"|(?P<dotted>\d{1,4}(?:\.\d{1,4})+)\.?"
    r"|(?P<plain>\d{1,4})[.):]"
    r"|(?:Resolution|Recommendation|Question|Decision|Opinion|Objective|Priority|Article)"
    r"\s+(?P<label>\d{1,4}(?:/\d{1,4})?)\b\s*[.:)–—-]?"
    r")\s+(?=\S)",
    re.IGNORECASE,
)


def read_corpus(path: str | Path) -> list[Text]:
    """The texts of one file, each with an id unique in the file and ``source`` the file's
    name. A working document gives its items (id and kind as the document has them);
    other files give one text per numbered item, else per paragraph, with ids
    "<file stem>:<number>". Raises DocumentError for a file that cannot be read."""
    path = Path(path)
    try:
        document = read_document(path)
    except DocumentError as error:
        if not error.message.startswith(_NO_ITEMS):
            raise
        return _plain_corpus(path)
    texts: list[Text] = []
    taken: set[str] = set()
    for item in document.items():
        texts.append(Text(_unique(item.id, taken), item.text, item.kind, path.name))
    return texts


def _plain_corpus(path: Path) -> list[Text]:
    lines = _lines(path)
    numbered = [
        (index, match) for index, line in enumerate(lines) if (match := _NUMBERED.match(line))
    ]
    if len(numbered) >= 2:
        pieces = _numbered_items(lines, numbered)
    else:
        pieces = [(str(n), text) for n, text in enumerate(_paragraphs(lines), start=1)]
    taken: set[str] = set()
    return [
        Text(_unique(f"{path.stem}:{number}", taken), text, "", path.name)
        for number, text in pieces
    ]


def _lines(path: Path) -> list[str]:
    """The file's lines; for a Word document, its paragraphs with a blank line between."""
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(_ZIP):
        from accord.engines.documents.docx_reader import read_docx_blocks

        lines: list[str] = []
        for block in read_docx_blocks(path):
            lines += [*block.text.splitlines(), ""]
        return lines
    if path.suffix.lower() == ".docx":
        raise DocumentError(
            str(path), "named .docx but not a Word document; save it again from Word"
        )
    return _decode(path.read_bytes()).splitlines()


def _decode(data: bytes) -> str:
    """As the document reader decodes (it has already refused what it cannot read): by BOM,
    else UTF-8, else Windows-1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _numbered_items(
    lines: list[str], numbered: list[tuple[int, re.Match[str]]]
) -> list[tuple[str, str]]:
    """Each numbered line starts an item; the lines up to the next one continue it. Text
    before the first (a title, a preamble) is not an item."""
    items = []
    for position, (index, match) in enumerate(numbered):
        end = numbered[position + 1][0] if position + 1 < len(numbered) else len(lines)
        number = next(value for value in match.groupdict().values() if value)
        body = " ".join(
            part
            for part in (
                line.strip() for line in [lines[index][match.end() :], *lines[index + 1 : end]]
            )
            if part
        )
        if body:
            items.append((number, body))
    return items


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs separated by blank lines; a file without blank lines has one per line."""
    if not any(not line.strip() for line in lines):
        return [line.strip() for line in lines if line.strip()]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _unique(text_id: str, taken: set[str]) -> str:
    """``text_id``, or "<id>#2", "#3"… when the file already used it."""
    candidate, number = text_id, 1
    while candidate in taken:
        number += 1
        candidate = f"{text_id}#{number}"
    taken.add(candidate)
    return candidate
