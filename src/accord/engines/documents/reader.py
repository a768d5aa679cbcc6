"""Open any working document: sniff the format, refuse bad input with one clear line."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

from accord.engines.documents.errors import DocumentError, NoItemsError
from accord.engines.documents.model import Warning, WorkingDocument
from accord.engines.documents.structure import build
from accord.engines.documents.text_reader import read_text_blocks
from accord.engines.gc_pause import gc_paused

MAX_BYTES = 100 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXPECTED = "expected a Word (.docx) document or its plain-text export"


def read_document(
    path: str | Path,
    *,
    known_delegations: Iterable[str] = (),
    max_bytes: int = MAX_BYTES,
) -> WorkingDocument:
    """Read a .docx or a text export into a WorkingDocument; DocumentError on bad input."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise DocumentError(name, "no such file" if not path.exists() else "not a file")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(name, f"the file is empty; {_EXPECTED}")
    if size > max_bytes:
        raise DocumentError(
            name,
            f"the file is {size / 2**20:.0f} MB, more than the {max_bytes / 2**20:.0f} MB "
            "a working document may have",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE):
        raise DocumentError(name, _ole_message(path))
    encoding = None
    # Reading builds tens of thousands of objects that all live until the document is
    # returned: the cyclic collector would only walk them again and again (engines.gc_pause).
    with gc_paused():
        if head.startswith(_ZIP):
            from accord.engines.documents.docx_reader import read_docx_blocks

            blocks = read_docx_blocks(path)
        else:
            text, encoding = _decode(path)
            blocks = read_text_blocks(text)
        document = build(blocks, source=name, known_delegations=known_delegations)
    if encoding == "cp1252":
        document.warnings.insert(0, Warning("file", f"not UTF-8; read as {encoding}"))
    if not document.items():
        raise NoItemsError(
            name,
            "no recognisable priorities or items; expected paragraphs such as "
            "'D.1 Title' and 'D.1-a: outcome text'",
        )
    return document


def _ole_message(path: Path) -> str:
    data = path.read_bytes()[: 1 << 20]
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "the Word document is password-protected (encrypted); save a copy without a password"
    return "a legacy Word 97-2003 (.doc) or other OLE file; save it as .docx"


def _decode(path: Path) -> tuple[str, str]:
    """The text and its encoding: UTF-8 or UTF-16 by BOM, else UTF-8, else Windows-1252
    (what Word's "Save as plain text" writes by default on Windows)."""
    data = path.read_bytes()
    name = str(path)
    if data.startswith(b"%PDF"):
        raise DocumentError(name, f"a PDF file; {_EXPECTED}")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:4096]:
        raise DocumentError(name, f"a binary file; {_EXPECTED}")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            failure = error
    line = data[: failure.start].count(b"\n") + 1
    raise DocumentError(
        name,
        f"neither UTF-8 nor Windows-1252 text (byte 0x{data[failure.start]:02x}); "
        "save the export as UTF-8",
        f"line {line}",
    )
