"""Open a .docx package safely: find its parts, parse them with lxml, refuse damage in one line.

A .docx is a ZIP of XML parts tied together by relationship files. Everything that can go wrong
with one (not a ZIP, truncated, a ZIP of something else, a part that unpacks to gigabytes, XML
that does not parse) becomes a ``DocumentError`` here, so the reader above never sees a
traceback-worthy exception.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from accord.engines.documents.errors import DocumentError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"

MAX_PART_BYTES = 500 * 1024 * 1024
"""A part that unpacks to more than this is a zip bomb, not a working document."""

_AGAIN = "save it again from Word or LibreOffice"
_NOT_WORD = "expected a Word (.docx) document"
_OTHER_FORMATS = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file",
}
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, collect_ids=False
)


_SMALL_INT = re.compile(r"-?[0-9]{1,9}")


def small_int(value: str | None) -> int | None:
    """An attribute's integer value, or None when it is missing or not a sane integer
    (``"²"``, ``"9" * 5000`` and the like come from damaged or hostile files)."""
    if value is None or not _SMALL_INT.fullmatch(value):
        return None
    return int(value)


def w(local: str) -> str:
    """The Clark name of a WordprocessingML element or attribute, e.g. ``{…/main}p``."""
    return f"{{{W}}}{local}"


class DocxPackage:
    """The parts of one .docx, read on demand."""

    def __init__(self, path: str | Path, max_part_bytes: int | None = None) -> None:
        self.name = str(path)
        self.max_part_bytes = MAX_PART_BYTES if max_part_bytes is None else max_part_bytes
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise self.damaged(f"the ZIP archive is truncated or corrupt; {_AGAIN}") from None
        self._infos = {info.filename: info for info in self._zip.infolist()}
        self._rels: dict[str, etree._Element | None] = {}
        try:
            self.main = self._main_part()
        except DocumentError:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    def damaged(self, detail: str) -> DocumentError:
        return DocumentError(self.name, f"the Word document is damaged: {detail}")

    def _main_part(self) -> str:
        target = self._relationship_target("", "officeDocument")
        if target is None or target not in self._infos:
            target = "word/document.xml" if "word/document.xml" in self._infos else None
        for part, kind in _OTHER_FORMATS.items():
            if target == part or (target is None and part in self._infos):
                raise DocumentError(self.name, f"{kind}, not a Word document; {_NOT_WORD}")
        if target is None:
            raise DocumentError(
                self.name, f"a ZIP archive, not a Word document (no word/document.xml); {_NOT_WORD}"
            )
        return target

    def read(self, part: str) -> bytes | None:
        """The bytes of a part, None when absent; refuses parts that unpack absurdly large."""
        info = self._infos.get(part)
        if info is None:
            return None
        limit = self.max_part_bytes
        if info.file_size > limit:
            raise self._too_big(part, info.file_size)
        try:
            with self._zip.open(info) as handle:
                data = handle.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise self.damaged(
                f"{part} cannot be unpacked (truncated or corrupt); {_AGAIN}"
            ) from None
        except (RuntimeError, NotImplementedError) as error:
            raise self.damaged(f"{part} cannot be unpacked ({error}); {_AGAIN}") from None
        if len(data) > limit:
            raise self._too_big(part, len(data))
        return data

    def _too_big(self, part: str, size: int) -> DocumentError:
        return DocumentError(
            self.name,
            f"{part} unpacks to {_amount(size)}, more than the {_amount(self.max_part_bytes)} "
            "a part of a Word document may have; refused as a possible zip bomb",
        )

    def xml(self, part: str | None) -> etree._Element | None:
        """The parsed root of a part (None when absent); Strict OOXML read as Transitional."""
        if part is None:
            return None
        data = self.read(part)
        if data is None:
            return None
        if W_STRICT.encode() in data:
            data = data.replace(W_STRICT.encode(), W.encode())
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            line, column = error.position
            raise self.damaged(
                f"{part} is not well-formed XML (line {line}, column {column}); {_AGAIN}"
            ) from None

    def related(self, source: str, kind: str) -> str | None:
        """The part that ``source`` relates to with a relationship type ending in ``/kind``."""
        return self._relationship_target(source, kind)

    def _relationship_target(self, source: str, kind: str) -> str | None:
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in self._rels:
            self._rels[rels] = self.xml(rels)
        root = self._rels[rels]
        if root is None:
            return None
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            if rel.get("Type", "").rsplit("/", 1)[-1] == kind:
                target = rel.get("Target", "")
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(folder, target))
        return None


def _amount(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size:,} bytes"
