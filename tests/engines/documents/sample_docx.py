"""A working document as Word writes it, element by element: the fixture most tests read."""

from __future__ import annotations

from pathlib import Path

from tests.engines.documents.docx_build import (
    STYLES,
    build_docx,
    comment,
    comments_xml,
    dele,
    end,
    extended_xml,
    ins,
    numbering_xml,
    p,
    r,
    section_table,
    start,
)

TITLE = "Regional Priorities – Working Document"
DATE = "2025-03-12T10:00:00Z"


def build_working_document(path: Path) -> Path:
    body = "".join(
        [
            p(TITLE, style="Title"),
            p("Colour coding:"),
            p(r("Green highlights", highlight="green"), ": no change", num=(2, 0)),
            p(r("Red highlights", highlight="red"), ": disputed", num=(2, 0)),
            p(
                "P.1 Affordable access: Expand ",
                start(0),
                r("meaningful"),
                end(0),
                " access",
                style="Heading1",
            ),
            section_table(
                "Priority 1 Outputs and Outcomes agreed upon by the drafting group",
                [
                    p(r("P.1-a: Increased coverage of broadband networks", highlight="green")),
                    p(
                        r("P.1-b: Strengthened ", highlight="yellow"),
                        dele("the ", "Tom Lee", DATE, 11, highlight="yellow"),
                        ins("national ", "Tom Lee", DATE, 12, highlight="yellow"),
                        r("capacity of Member States", highlight="yellow"),
                    ),
                ],
                [
                    p("Regional studies on backhaul", num=(1, 0)),
                    p(
                        start(1),
                        r("Guidelines on universal service fund governance"),
                        end(1),
                        num=(1, 0),
                    ),
                ],
            ),
            section_table(
                "Priority 1 Outputs and Outcomes indicated for further discussion (12 March)",
                [
                    p(
                        start(2),
                        start(3),
                        r(
                            "P.1-d: [Improved affordability of devices through "
                            "[reduced import duties/targeted subsidies]]",
                            highlight="red",
                        ),
                        end(2),
                        end(3),
                    ),
                    p("P.1-e: [Established a regional connectivity fund"),
                    p("OR"),
                    p("Alternative P.1-e: Strengthened coordination of existing funds]"),
                ],
                ["None"],
                outcomes_shd="F4B6B6",
            ),
            p("Suggestion 1: consider merging Priority 1 with Priority 3"),
            p("P.2 Digital skills: Foster digital skills for all"),
            section_table(
                "Priority 2 Outputs and Outcomes agreed upon by the drafting group",
                [p(r("P.2-a: [Strengthened national strategies", shd="FFC000"))],
                [p(start(4), r("P.2-1: Toolkit for measuring digital skills"), end(4))],
            ),
            p("________________"),
            p("Contact: drafting.group@example.org"),
        ]
    )
    return build_docx(
        path,
        body,
        styles=STYLES,
        numbering=numbering_xml(
            (0, 0, "decimal", "P.1-%1:", 1),
            (1, 0, "bullet", "\uf0b7", 1),
            nums={1: 0, 2: 1},
        ),
        comments=comments_xml(
            comment(0, "Maria Gonzalez", 'Canada – add "meaningful"', para_ids=("10000001",)),
            comment(
                1,
                "Gonzalez, Maria [2]",
                "Jamaica – insertion with reference to the previous action plan",
                para_ids=("10000002",),
                initials="MG",
            ),
            comment(
                2,
                "Maria Gonzalez",
                'Canada – remove "reduced import duties"',
                "Mexico – keep both",
                para_ids=("10000003", "10000004"),
            ),
            comment(
                3,
                "Tom Lee",
                "Globex Telecom – request to remove the outcome",
                para_ids=("10000005",),
                date="2025-03-13T08:30:00Z",
            ),
            comment(4, "Tom Lee", "Suggestion to move to P.3 (Canada)", para_ids=("10000006",)),
        ),
        commentsExtended=extended_xml(
            ("10000001", None),
            ("10000002", None),
            ("10000004", None),
            ("10000005", "10000004"),
            ("10000006", None),
        ),
    )
