"""Bad .docx input gets one clear line naming the file and what was wrong; never a traceback."""

import random
import zipfile
from pathlib import Path

import docx
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from accord.engines.documents import docx_xml
from accord.engines.documents.errors import DocumentError
from accord.engines.documents.reader import read_document
from tests.engines.documents.docx_build import build_docx, p

pytestmark = pytest.mark.unit

AGAIN = "save it again from Word or LibreOffice"


@pytest.fixture
def good(tmp_path) -> Path:
    return build_docx(tmp_path / "good.docx", p("P.1 Access") + p("P.1-a: Coverage") * 50)


def _message(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def _rezip(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in change(parts).items():
            archive.writestr(name, data)
    return target


def test_docx_error_random_bytes(tmp_path):
    path = tmp_path / "noise.docx"
    path.write_bytes(random.Random(7).randbytes(4096))

    assert _message(path) == (
        f"{path}: a binary file; expected a Word (.docx) document or its plain-text export"
    )


def test_docx_error_random_bytes_behind_a_zip_signature(tmp_path):
    path = tmp_path / "noise.docx"
    path.write_bytes(b"PK\x03\x04" + random.Random(7).randbytes(4096))

    assert _message(path) == (
        f"{path}: the Word document is damaged: the ZIP archive is truncated or corrupt; {AGAIN}"
    )


def test_docx_error_truncated(tmp_path, good):
    path = tmp_path / "truncated.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])

    assert _message(path) == (
        f"{path}: the Word document is damaged: the ZIP archive is truncated or corrupt; {AGAIN}"
    )


def test_docx_error_corrupt_part(tmp_path, good):
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 40):
        data[offset] ^= 0x55
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))

    assert _message(path) == (
        f"{path}: the Word document is damaged: word/document.xml cannot be unpacked "
        f"(truncated or corrupt); {AGAIN}"
    )


def test_docx_error_broken_xml(tmp_path, good):
    def cut(parts):
        parts["word/document.xml"] = parts["word/document.xml"][:200]
        return parts

    path = _rezip(good, tmp_path / "broken.docx", cut)

    assert _message(path) == (
        f"{path}: the Word document is damaged: word/document.xml is not well-formed XML "
        f"(line 1, column 201); {AGAIN}"
    )


def test_docx_error_zip_without_a_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a document")

    assert _message(path) == (
        f"{path}: a ZIP archive, not a Word document (no word/document.xml); "
        "expected a Word (.docx) document"
    )


def test_docx_error_excel_workbook(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")

    assert _message(path) == (
        f"{path}: an Excel workbook, not a Word document; expected a Word (.docx) document"
    )


def test_docx_error_no_body(tmp_path, good):
    def empty(parts):
        parts["word/document.xml"] = (
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
        )
        return parts

    path = _rezip(good, tmp_path / "bodyless.docx", empty)

    assert _message(path) == (
        f"{path}: the Word document is damaged: word/document.xml has no document body; "
        "save it again from Word"
    )


def test_docx_error_encrypted(tmp_path, good):
    path = tmp_path / "locked.docx"
    with good.open("rb") as plain, path.open("wb") as locked:
        OOXMLFile(plain).encrypt("secret", locked)

    assert _message(path) == (
        f"{path}: the Word document is password-protected (encrypted); "
        "save a copy without a password"
    )


def test_docx_error_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")

    assert _message(path) == (
        f"{path}: the file is empty; expected a Word (.docx) document or its plain-text export"
    )


def test_docx_error_no_recognisable_items(tmp_path):
    letter = docx.Document()
    letter.add_paragraph("Dear colleagues,")
    letter.add_paragraph("Please find the agenda attached.")
    path = tmp_path / "letter.docx"
    letter.save(str(path))

    assert _message(path) == (
        f"{path}: no recognisable priorities or items; expected paragraphs such as "
        "'D.1 Title' and 'D.1-a: outcome text'"
    )


def test_docx_error_zip_bomb_is_refused_before_unpacking(tmp_path, good, monkeypatch):
    monkeypatch.setattr(docx_xml, "MAX_PART_BYTES", 1000)
    size = zipfile.ZipFile(good).getinfo("word/document.xml").file_size

    assert _message(good) == (
        f"{good}: word/document.xml unpacks to {size:,} bytes, more than the 1,000 bytes "
        "a part of a Word document may have; refused as a possible zip bomb"
    )


def test_docx_error_entities_are_not_expanded(tmp_path, good):
    def laughs(parts):
        parts["word/document.xml"] = (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>P.1 &b;</w:t></w:r></w:p>"
            b"<w:p><w:r><w:t>P.1-a: x</w:t></w:r></w:p></w:body></w:document>"
        )
        return parts

    path = _rezip(good, tmp_path / "laughs.docx", laughs)

    assert read_document(path).objectives[0].title == ""
