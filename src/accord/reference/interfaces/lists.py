"""Read a list the secretariat provides (strategic-plan goals and targets, resolutions, regional
initiatives, study Questions) into entries: a CSV file with the header ``code,title[,text]``,
or a Word document or plain text with one entry per numbered item ("1. Title",
"Resolution 37: Title", "Question 5/1 – Title", "AFR1: Title", "2.1 Title"). Lines after a
numbered line, up to the next one, are the entry's text.

No Django here: the domain stores what this returns. Bad input raises ``ListFileError``
naming the file and the line.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_CODE = 60
MAX_TITLE = 300
MAX_BYTES = 20 * 1024 * 1024
COLUMNS = ("code", "title", "text")

_LABEL = (
    r"(?:Resolution|Res\.?|Question|Q\.?|Regional\s+initiative|Initiative|RI|"
    r"Strategic\s+goal|Goal|Strategic\s+target|Target|Objective|Priority|Recommendation|Decision)"
)
_CODE = r"[A-Za-z]{0,5}\d{1,4}(?:[./-][0-9A-Za-z]{1,4})*"
_LABELLED = re.compile(
    rf"^\s*{_LABEL}\s*(?P<code>{_CODE})\b(?:\s*\((?P<note>[^)]*)\))?\s*[.:)–—-]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_PLAIN = re.compile(
    rf"^\s*(?:\((?P<paren>{_CODE})\)|(?P<code>{_CODE})(?P<sep>[.):]|\s+[–—-]|(?=\s)))"
    r"\s*(?P<title>\S.*)$"
)


class ListFileError(ValueError):
    """A list that cannot be read, with the file and (when known) the line."""

    def __init__(self, name: str, message: str, line: int | None = None) -> None:
        self.name = name
        self.line = line
        self.message = message
        place = f", line {line}" if line is not None else ""
        super().__init__(f"{name}{place}: {message}")


@dataclass(frozen=True)
class ListEntry:
    code: str
    title: str
    text: str
    line: int


def read_list(source: str | Path | bytes, *, name: str = "") -> list[ListEntry]:
    """The entries of a CSV, .docx or plain-text list, in file order; ``name`` names a
    ``bytes`` source (an upload) in messages and picks its format by its suffix."""
    if isinstance(source, bytes):
        data, name = source, name or "upload"
    else:
        path = Path(source)
        name = name or path.name
        if not path.is_file():
            raise ListFileError(name, "no such file" if not path.exists() else "not a file")
        data = path.read_bytes()
    if not data.strip():
        raise ListFileError(name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise ListFileError(name, f"the file is larger than {MAX_BYTES // 2**20} MB")
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        entries = _numbered(_docx_lines(data, name), name)
    elif suffix == ".docx":
        raise ListFileError(name, "named .docx but not a Word document; save it again from Word")
    elif suffix == ".csv":
        entries = _csv(_decode(data), name)
    else:
        entries = _numbered(_decode(data).splitlines(), name)
    if not entries:
        raise ListFileError(name, "no entries found")
    _check_unique(entries, name)
    return entries


def _decode(data: bytes) -> str:
    """By byte-order mark, else UTF-8, else Windows-1252 (what Excel writes on Windows)."""
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


def _csv(text: str, name: str) -> list[ListEntry]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except csv.Error as error:
        raise ListFileError(name, f"not a readable CSV file ({error})", reader.line_num) from None
    if header is None:
        raise ListFileError(name, "no header; expected the columns code,title[,text]")
    columns = [cell.strip().lower() for cell in header]
    header_line = reader.line_num
    unknown = [c for c in columns if c not in COLUMNS]
    if (
        unknown
        or "code" not in columns
        or "title" not in columns
        or len(set(columns)) < len(columns)
    ):
        raise ListFileError(
            name,
            f"the header is '{','.join(columns)}'; expected the columns code,title[,text]",
            header_line,
        )
    entries = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ListFileError(name, f"not valid CSV ({error})", reader.line_num) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            raise ListFileError(
                name, f"{len(row)} fields, but the header names {len(columns)}", line
            )
        values = dict(zip(columns, [cell.strip() for cell in row], strict=False))
        entries.append(
            _entry(
                values.get("code", ""), values.get("title", ""), values.get("text", ""), line, name
            )
        )
    return entries


def _entry(code: str, title: str, text: str, line: int, name: str) -> ListEntry:
    code, title, text = " ".join(code.split()), " ".join(title.split()), text.strip()
    if not code:
        raise ListFileError(name, "the code is empty", line)
    if len(code) > MAX_CODE:
        raise ListFileError(name, f"the code is longer than {MAX_CODE} characters", line)
    if not title:
        raise ListFileError(name, f"entry {code} has no title", line)
    if len(title) > MAX_TITLE:
        raise ListFileError(name, f"the title is longer than {MAX_TITLE} characters", line)
    return ListEntry(code=code, title=title, text=text, line=line)


def _docx_lines(data: bytes, name: str) -> list[str]:
    """A Word document's paragraphs (with their automatic numbers), read from a temporary
    copy since the document reader reads paths."""
    from accord.engines.documents.docx_reader import read_docx_blocks
    from accord.engines.documents.errors import DocumentError

    fd, temporary = tempfile.mkstemp(suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            blocks = read_docx_blocks(temporary)
        except DocumentError as error:
            raise ListFileError(name, error.message) from None
    finally:
        os.unlink(temporary)
    return [line for block in blocks for line in block.text.splitlines()]


def _match(line: str) -> tuple[str, str] | None:
    """(code, title) when the line starts a numbered entry."""
    labelled = _LABELLED.match(line)
    if labelled:
        title = labelled["title"].strip()
        if labelled["note"]:
            title = f"{title} ({labelled['note'].strip()})".strip()
        return labelled["code"], title
    plain = _PLAIN.match(line)
    if plain is None:
        return None
    if plain["paren"]:
        return plain["paren"], plain["title"].strip()
    code = plain["code"]
    if not plain["sep"].strip() and not re.search(r"[A-Za-z.]", code):
        return None  # "2030 targets…" is a sentence, not entry 2030
    return code, plain["title"].strip()


def _numbered(lines: list[str], name: str) -> list[ListEntry]:
    """One entry per numbered line; the lines after it continue its text. A title left on
    the numbered line's own ("Resolution 37" alone) is the next line."""
    entries: list[ListEntry] = []
    current: tuple[str, str, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        code, title, line = current
        rest = [part for part in body if part]
        if not title and rest:
            title, rest = rest[0], rest[1:]
        text = " ".join(rest)
        if len(" ".join(title.split())) > MAX_TITLE:
            text = f"{title} {text}".strip()
            title = " ".join(title.split())[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"
        entries.append(_entry(code, title, text, line, name))

    for number, raw in enumerate(lines, start=1):
        found = _match(raw)
        if found is not None:
            close()
            current, body = (found[0], found[1], number), []
        elif current is not None:
            body.append(raw.strip())
    close()
    if not entries:
        raise ListFileError(
            name,
            "no numbered entries found; expected lines such as '1. Title', "
            "'Resolution 37: Title', 'Question 5/1 – Title' or 'AFR1: Title' "
            "(or a CSV file with the columns code,title[,text])",
        )
    return entries


def _check_unique(entries: list[ListEntry], name: str) -> None:
    seen: dict[str, int] = {}
    for entry in entries:
        key = entry.code.casefold()
        if key in seen:
            raise ListFileError(
                name, f"code {entry.code} is used twice (lines {seen[key]} and {entry.line})"
            )
        seen[key] = entry.line
