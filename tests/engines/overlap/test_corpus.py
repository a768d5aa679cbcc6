"""Reading corpus files: working documents, numbered items, paragraphs, Word files."""

from pathlib import Path

import docx
import pytest

from accord.engines.documents.errors import DocumentError
from accord.engines.overlap import Text
from accord.engines.overlap.corpus import read_corpus

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_read_corpus_working_document_gives_its_items():
    texts = read_corpus(SAMPLE)
    assert [t.id for t in texts] == [
        "P.1-a", "P.1-b", "P.1-c", "P.1-1", "P.1-2", "P.1-3", "P.1-d",
        "P.2-a", "P.2-b", "P.2-c", "P.2-1", "P.2-2", "P.2-3",
        "P.3-a", "P.3-b", "P.3-1", "P.3-2", "P.3-c", "P.3-3",
    ]  # fmt: skip
    assert texts[0] == Text(
        id="P.1-a",
        text="Increased coverage of broadband networks in rural and remote areas, including through community networks",
        kind="outcome",
        source="regional-priorities-working-document.txt",
    )
    assert {t.kind for t in texts} == {"outcome", "output"}


def test_read_corpus_numbered_items_with_their_numbers(tmp_path):
    path = write(
        tmp_path,
        "resolutions.txt",
        "Resolutions of the conference\n\n"
        "1. Strengthen capacity on spectrum management.\n"
        "2) Promote affordable broadband\n"
        "   in rural and remote areas.\n\n"
        "(3) Protect children online.\n"
        "4.1 Measure digital skills.\n"
        "Resolution 37: Bridging the digital divide.\n"
        "Question 5/1 – Telecommunications for rural and remote areas.\n",
    )
    assert [(t.id, t.text) for t in read_corpus(path)] == [
        ("resolutions:1", "Strengthen capacity on spectrum management."),
        ("resolutions:2", "Promote affordable broadband in rural and remote areas."),
        ("resolutions:3", "Protect children online."),
        ("resolutions:4.1", "Measure digital skills."),
        ("resolutions:37", "Bridging the digital divide."),
        ("resolutions:5/1", "Telecommunications for rural and remote areas."),
    ]
    assert {(t.kind, t.source) for t in read_corpus(path)} == {("", "resolutions.txt")}


def test_read_corpus_repeated_numbers_stay_unique(tmp_path):
    path = write(tmp_path, "q.txt", "1. First text.\n2. Second text.\n1. Third text.\n")
    assert [t.id for t in read_corpus(path)] == ["q:1", "q:2", "q:1#2"]


def test_read_corpus_paragraphs_when_nothing_is_numbered(tmp_path):
    path = write(
        tmp_path,
        "priorities.txt",
        "Affordable connectivity for all\nin rural areas.\n\n\nDigital skills for women.\n\n"
        "2030 targets for school connectivity.\n",
    )
    assert [(t.id, t.text) for t in read_corpus(path)] == [
        ("priorities:1", "Affordable connectivity for all in rural areas."),
        ("priorities:2", "Digital skills for women."),
        ("priorities:3", "2030 targets for school connectivity."),
    ]


def test_read_corpus_one_paragraph_per_line_without_blank_lines(tmp_path):
    path = write(tmp_path, "lines.txt", "First priority.\nSecond priority.\r\nThird priority.")
    assert [t.id for t in read_corpus(path)] == ["lines:1", "lines:2", "lines:3"]


def test_read_corpus_windows_1252_text_is_read(tmp_path):
    path = write(tmp_path, "old.txt", "Coopération régionale.\n\nDéveloppement.\n".encode("cp1252"))
    assert [t.text for t in read_corpus(path)] == ["Coopération régionale.", "Développement."]


def test_read_corpus_blank_file_is_an_empty_corpus(tmp_path):
    assert read_corpus(write(tmp_path, "blank.txt", "\n  \n")) == []


def test_read_corpus_word_document_paragraphs(tmp_path):
    document = docx.Document()
    for text in ("Study on rural broadband.", "Guidelines on spectrum.", "Guidelines on spectrum."):
        document.add_paragraph(text)
    document.save(tmp_path / "studies.docx")
    assert [(t.id, t.text) for t in read_corpus(tmp_path / "studies.docx")] == [
        ("studies:1", "Study on rural broadband."),
        ("studies:2", "Guidelines on spectrum."),
        ("studies:3", "Guidelines on spectrum."),
    ]


def test_read_corpus_undecodable_text_is_a_clear_error(tmp_path):
    path = write(tmp_path, "bad.txt", b"caf\xc3\xa9 \x81 broken\n")
    with pytest.raises(DocumentError) as caught:
        read_corpus(path)
    assert str(caught.value) == (
        f"{path} (line 1): neither UTF-8 nor Windows-1252 text (byte 0x81); save the export as UTF-8"
    )


def test_read_corpus_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_corpus(tmp_path / "missing.txt")


def test_read_corpus_text_named_docx_is_a_clear_error(tmp_path):
    path = write(tmp_path, "renamed.docx", "1. First text.\n2. Second text.\n")
    with pytest.raises(DocumentError) as caught:
        read_corpus(path)
    assert str(caught.value) == (
        f"{path}: named .docx but not a Word document; save it again from Word"
    )
