"""Reading the secretariat's lists (CSV, Word, plain text) into entries, and refusing bad ones
with the file and the line."""

import pytest

from accord.reference.interfaces.lists import ListEntry, ListFileError, read_list

pytestmark = pytest.mark.unit


def test_read_list_csv_gives_code_title_and_text():
    data = b"code,title,text\n37,Bridging the digital divide,Calls for help.\n45,Cybersecurity,\n"

    assert read_list(data, name="resolutions.csv") == [
        ListEntry(code="37", title="Bridging the digital divide", text="Calls for help.", line=2),
        ListEntry(code="45", title="Cybersecurity", text="", line=3),
    ]


def test_read_list_csv_header_is_case_insensitive_and_text_optional(tmp_path):
    path = tmp_path / "questions.csv"
    path.write_text("Code , Title\n1/1,Strategies for broadband\n\n2/1, Broadband access \n")

    assert read_list(path) == [
        ListEntry(code="1/1", title="Strategies for broadband", text="", line=2),
        ListEntry(code="2/1", title="Broadband access", text="", line=4),
    ]


def test_read_list_csv_in_windows_1252():
    data = "code,title\nAFR1,Coopération régionale\n".encode("cp1252")

    assert read_list(data, name="initiatives.csv")[0].title == "Coopération régionale"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"number,name\n1,x\n", "goals.csv, line 1: the header is 'number,name'; expected"),
        (b"code,title\n1,Goal one\n,Goal two\n", "goals.csv, line 3: the code is empty"),
        (b"code,title\n1,Goal one\n2,\n", "goals.csv, line 3: entry 2 has no title"),
        (b"code,title\n1,a,b\n", "goals.csv, line 2: 3 fields, but the header names 2"),
        (b"code,title\n1,a\n2,b\n1,c\n", "goals.csv: code 1 is used twice (lines 2 and 4)"),
        (b"code,title\n1," + b"x" * 301 + b"\n", "goals.csv, line 2: the title is longer"),
        (b"  \n", "goals.csv: the file is empty"),
    ],
)
def test_read_list_bad_csv_names_file_and_line(data, message):
    with pytest.raises(ListFileError) as raised:
        read_list(data, name="goals.csv")

    assert str(raised.value).startswith(message)


def test_read_list_text_numbered_items_in_several_styles():
    text = (
        "Resolutions of the conference\n"
        "\n"
        "Resolution 37 (Rev. Kigali, 2022): Bridging the digital divide\n"
        "recognizing the role of telecommunications\n"
        "Res. 45 – Mechanisms for cooperation on cybersecurity\n"
        "Question 5/1 – Telecommunications for rural and remote areas\n"
        "AFR1: Digital transformation\n"
        "2.1 Enhanced connectivity\n"
        "3) Inclusion\n"
    )

    entries = read_list(text.encode(), name="lists.txt")

    assert [(e.code, e.title, e.text, e.line) for e in entries] == [
        (
            "37",
            "Bridging the digital divide (Rev. Kigali, 2022)",
            "recognizing the role of telecommunications",
            3,
        ),
        ("45", "Mechanisms for cooperation on cybersecurity", "", 5),
        ("5/1", "Telecommunications for rural and remote areas", "", 6),
        ("AFR1", "Digital transformation", "", 7),
        ("2.1", "Enhanced connectivity", "", 8),
        ("3", "Inclusion", "", 9),
    ]


def test_read_list_text_title_on_the_next_line():
    entries = read_list(b"Resolution 37\nBridging the digital divide\nMore text.\n", name="r.txt")

    assert entries == [ListEntry("37", "Bridging the digital divide", "More text.", 1)]


def test_read_list_text_a_sentence_starting_with_a_year_is_not_an_entry():
    entries = read_list(b"1. Goal one\n2030 is the year the goals end\n", name="g.txt")

    assert entries == [ListEntry("1", "Goal one", "2030 is the year the goals end", 1)]


def test_read_list_long_first_line_is_cut_for_the_title_and_kept_whole_in_the_text():
    long = "word " * 100
    entries = read_list(f"1. {long}\n".encode(), name="g.txt")

    assert len(entries[0].title) <= 300
    assert entries[0].title.endswith("…")
    assert entries[0].text == long.strip()


def test_read_list_text_without_numbers_is_refused():
    with pytest.raises(ListFileError) as raised:
        read_list(b"Just a paragraph.\nAnother one.\n", name="notes.txt")

    assert str(raised.value).startswith("notes.txt: no numbered entries found; expected lines")


def test_read_list_word_document(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Regional initiatives")
    document.add_paragraph("AFR1: Digital transformation")
    document.add_paragraph("Support for national strategies.")
    document.add_paragraph("AFR2: Connectivity")
    path = tmp_path / "initiatives.docx"
    document.save(path)

    assert read_list(path) == [
        ListEntry("AFR1", "Digital transformation", "Support for national strategies.", 2),
        ListEntry("AFR2", "Connectivity", "", 4),
    ]


def test_read_list_damaged_word_document_is_refused(tmp_path):
    path = tmp_path / "list.docx"
    path.write_bytes(b"not a zip")

    with pytest.raises(ListFileError) as raised:
        read_list(path)

    assert str(raised.value) == (
        "list.docx: named .docx but not a Word document; save it again from Word"
    )


def test_read_list_missing_file():
    with pytest.raises(ListFileError) as raised:
        read_list("/nonexistent/goals.csv")

    assert str(raised.value) == "goals.csv: no such file"
