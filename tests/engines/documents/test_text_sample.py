"""The shared sample (a plain-text export) imports with every item, comment and position."""

from pathlib import Path

import pytest

from accord.engines.documents import json_io
from accord.engines.documents.reader import read_document

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/samples/regional-priorities-working-document.txt"
)

MG, TL = "Maria Gonzalez", "Tom Lee"

# (id, kind, section, comments [(author, text)], positions [(delegation, stance, detail)])
EXPECTED = {
    "P.1": [
        ("P.1-a", "outcome", "agreed", [], []),
        (
            "P.1-b",
            "outcome",
            "agreed",
            [(MG, 'Mexico – insertion of "transparent and accountable"')],
            [("Mexico", "insert", "transparent and accountable")],
        ),
        ("P.1-c", "outcome", "agreed", [], []),
        ("P.1-1", "output", "agreed", [], []),
        (
            "P.1-2",
            "output",
            "agreed",
            [(MG, "Jamaica – insertion with reference to the previous action plan")],
            [("Jamaica", "insert", "insertion with reference to the previous action plan")],
        ),
        ("P.1-3", "output", "agreed", [], []),
        (
            "P.1-d",
            "outcome",
            "further_discussion",
            [
                (
                    MG,
                    'Canada – remove "reduced import duties"\nMexico – keep both\n'
                    "Globex Telecom – request to remove the outcome",
                )
            ],
            [
                ("Canada", "remove", "reduced import duties"),
                ("Mexico", "keep", "keep both"),
                ("Globex Telecom", "remove", "request to remove the outcome"),
            ],
        ),
    ],
    "P.2": [
        ("P.2-a", "outcome", "agreed", [], []),
        (
            "P.2-b",
            "outcome",
            "agreed",
            [(TL, "Chile – modifications")],
            [("Chile", "modify", "modifications")],
        ),
        ("P.2-c", "outcome", "agreed", [], []),
        ("P.2-1", "output", "agreed", [], []),
        (
            "P.2-2",
            "output",
            "agreed",
            [
                (TL, "Suggestion to move to P.3 (Canada), but later agreement to keep in P.2"),
                (MG, "If there is a consensus to change P.2-2 to P.3, P.2-c should go too."),
                (TL, "Agree."),
            ],
            [("Canada", "merge_move", "Suggestion to move to P.3")],
        ),
        (
            "P.2-3",
            "output",
            "further_discussion",
            [
                (
                    MG,
                    'Argentina – use "digital transformation of society"\nCanada – remaining modifications',
                ),
                (TL, 'Acme Satellite – request to remove "train-the-trainer programmes"'),
            ],
            [
                ("Argentina", "alternative", "digital transformation of society"),
                ("Canada", "modify", "remaining modifications"),
                ("Acme Satellite", "remove", "train-the-trainer programmes"),
            ],
        ),
    ],
    "P.3": [
        ("P.3-a", "outcome", "agreed", [], []),
        ("P.3-b", "outcome", "agreed", [], []),
        ("P.3-1", "output", "agreed", [], []),
        ("P.3-2", "output", "agreed", [], []),
        (
            "P.3-c",
            "outcome",
            "further_discussion",
            [(MG, "Brazil – alternative P.3-c\nCanada – remove completely\nMexico - keep")],
            [
                ("Brazil", "alternative", "alternative P.3-c"),
                ("Canada", "remove", "remove completely"),
                ("Mexico", "keep", "keep"),
            ],
        ),
        (
            "P.3-3",
            "output",
            "further_discussion",
            [(MG, "Canada – remove completely\nArgentina - keep")],
            [("Canada", "remove", "remove completely"), ("Argentina", "keep", "keep")],
        ),
    ],
}


@pytest.fixture(scope="module")
def summary():
    return json_io.summary(read_document(SAMPLE))


def test_sample_title(summary):
    assert (
        summary["title"] == "Regional Priorities for the Development Conference – Working Document"
    )


def test_sample_objectives_and_their_comments(summary):
    objectives = [
        (
            o["id"],
            o["title"],
            [(c["author"], c["text"]) for c in o["comments"]],
            [(p["delegation"], p["stance"]) for p in o["positions"]],
        )
        for o in summary["objectives"]
    ]

    assert objectives == [
        (
            "P.1",
            "Affordable access: Expand affordable, meaningful access to telecommunication/ICT "
            "services in rural and remote communities.",
            [(MG, 'Canada – add "meaningful"')],
            [("Canada", "insert")],
        ),
        (
            "P.2",
            "Digital skills: Foster digital skills and literacy for all, in particular for women and "
            "girls, older persons and persons with disabilities",
            [(TL, "Text modification by Argentina")],
            [("Argentina", "modify")],
        ),
        (
            "P.3",
            "Rural connectivity financing: Mobilize public and private financing for connectivity in "
            "underserved areas",
            [(TL, "Canada comment – as drafted this seems to overlap with Priority 1.")],
            [("Canada", "merge_move")],
        ),
    ]


@pytest.mark.parametrize("objective", ["P.1", "P.2", "P.3"])
def test_sample_items_comments_and_positions(summary, objective):
    found = next(o for o in summary["objectives"] if o["id"] == objective)
    items = [
        (
            i["id"],
            i["kind"],
            i["section"],
            [(c["author"], c["text"]) for c in i["comments"]],
            [(p["delegation"], p["stance"], p["detail"]) for p in i["positions"]],
        )
        for i in found["items"]
    ]

    assert items == EXPECTED[objective]


def test_sample_items_have_no_colour_in_a_text_export(summary):
    statuses = {i["status"] for o in summary["objectives"] for i in o["items"]}

    assert statuses == {None}


def test_sample_multi_line_alternative_stays_one_item(summary):
    item = next(i for o in summary["objectives"] for i in o["items"] if i["id"] == "P.3-c")

    assert item["text"] == (
        "[Established a regional connectivity fund administered by the secretariat\nOR\n"
        "Alternative P.3-c: Strengthened coordination of existing connectivity funds in the region]"
    )
    assert item["brackets"] == [{"start": 0, "end": len(item["text"]), "text": item["text"]}]


def test_sample_nested_brackets_are_both_spans(summary):
    item = next(i for o in summary["objectives"] for i in o["items"] if i["id"] == "P.1-d")

    assert item["brackets"] == [
        {"start": 0, "end": 86, "text": item["text"]},
        {"start": 43, "end": 85, "text": "[reduced import duties/targeted subsidies]"},
    ]


def test_sample_warnings_name_each_normalisation(summary):
    assert summary["warnings"] == [
        {
            "where": "line 32",
            "message": "comment author 'Gonzalez, Maria' read as 'Maria Gonzalez'",
        },
        {"where": "line 59", "message": "comment author 'Lee, Tom' read as 'Tom Lee'"},
        {"where": "line 59, P.2-b", "message": "identifier 'P.-2-b' read as 'P.2-b'"},
        {"where": "line 62, P.2-2", "message": "identifier 'P.2 -2' read as 'P.2-2'"},
        {
            "where": "line 72",
            "message": "comment author 'Gonzalez, Maria [2]' read as 'Maria Gonzalez'",
        },
        {
            "where": "line 72, P.2-3",
            "message": "unbalanced bracket: '[' at offset 0 is never closed",
        },
    ]


def test_sample_every_comment_line_is_accounted_for(summary):
    """Each comment line is either a position or a remark without a delegation."""
    remarks = []
    for objective in summary["objectives"]:
        for holder in [objective, *objective["items"]]:
            lines = [line for c in holder["comments"] for line in c["text"].splitlines()]
            stated = len(holder["positions"])
            remarks += lines[stated:] if stated < len(lines) else []

    assert remarks == [
        "If there is a consensus to change P.2-2 to P.3, P.2-c should go too.",
        "Agree.",
    ]
