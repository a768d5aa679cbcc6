"""Importing SDG target texts: the reference JSON list, the UN SDG API's goal and target
lists, CSV; and every bad input named by file, place and expectation."""

import json
from pathlib import Path

import pytest

from accord.engines.linkage import (
    Indicator,
    Target,
    TargetFileError,
    read_sdg_indicators,
    read_sdg_reference,
    read_sdg_targets,
)

pytestmark = pytest.mark.unit

REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / "sdg-targets.json"
needs_reference = pytest.mark.skipif(not REFERENCE.is_file(), reason="no shared reference copy")

# Target texts in these tests are invented placeholders: the project does not copy UN text.
API_GOALS = [
    {
        "code": "4",
        "title": "Goal four",
        "targets": [
            {"goal": "4", "code": "4.4", "title": "Skills text", "description": "Skills text"},
            {"goal": "4", "code": "4.a", "title": "Facilities text", "description": "Facilities"},
        ],
    },
    {
        "code": "16",
        "title": "Goal sixteen",
        "targets": [{"code": "16.10", "title": "Information text", "description": "Info"}],
    },
]


@needs_reference
def test_read_reference_file_gives_169_targets_with_string_codes():
    targets = read_sdg_targets(REFERENCE)
    assert len(targets) == 169
    assert {type(target.code) for target in targets} == {str}
    assert [t.code for t in targets if t.goal == 16][-3:] == ["16.10", "16.a", "16.b"]
    assert len({target.code for target in targets}) == 169


def test_read_json_numbers_keep_their_literal_text():
    data = b'[{"goal": 16, "target": 16.10, "description": "Ten"}]'
    assert read_sdg_targets(data) == [Target("16.10", 16, "Ten")]


def test_read_json_number_repeating_x_1_after_x_9_is_x_10():
    rows = [{"goal": 8, "target": float(f"8.{n}"), "description": f"T{n}"} for n in range(1, 10)]
    rows.append({"goal": 8, "target": 8.1, "description": "T10"})
    rows.append({"goal": 8, "target": "8.a", "description": "Ta"})
    targets = read_sdg_targets(json.dumps(rows).encode())
    assert [t.code for t in targets][-3:] == ["8.9", "8.10", "8.a"]
    assert targets[9].description == "T10"


def test_read_un_api_goal_list():
    targets = read_sdg_targets(json.dumps(API_GOALS).encode())
    assert targets == [
        Target("4.4", 4, "Skills text"),
        Target("4.a", 4, "Facilities"),
        Target("16.10", 16, "Info"),
    ]


def test_read_un_api_target_list():
    data = [{"goal": "5", "code": "5.b", "title": "Tech", "description": "Tech for women"}]
    assert read_sdg_targets(json.dumps(data)) == [Target("5.b", 5, "Tech for women")]


def test_read_str_content_and_path(tmp_path):
    path = tmp_path / "targets.json"
    path.write_text('[{"goal": 1, "target": "1.a", "description": "Resources"}]')
    assert read_sdg_targets(str(path)) == read_sdg_targets(path.read_text())


def test_read_csv_with_goal_target_description_columns():
    data = 'Goal,Target,Description\n9,9.c,"Access, widely"\n17,17.8,Technology\n'
    assert read_sdg_targets(data.encode()) == [
        Target("9.c", 9, "Access, widely"),
        Target("17.8", 17, "Technology"),
    ]


def test_read_csv_semicolons_and_title_column_in_any_case():
    data = "TARGET;TITLE\n4.4;Skills\n"
    assert read_sdg_targets(data.encode()) == [Target("4.4", 4, "Skills")]


def test_read_csv_code_and_text_in_one_cell_and_repeated_rows():
    data = "Goal,Target,Indicator\nGoal 1,1.1 End it everywhere,1.1.1\nGoal 1,1.1 End it everywhere,1.1.2\n"
    assert read_sdg_targets(data.encode()) == [Target("1.1", 1, "End it everywhere")]


def test_read_bad_json_names_line_and_column():
    with pytest.raises(TargetFileError, match=r"^t\.json: line 2, column 1: not valid JSON"):
        read_sdg_targets(b'[{"goal": 1,\n}]', name="t.json")


def test_read_json_without_description_names_the_item():
    data = b'[{"goal": 1, "target": "1.1", "description": "ok"}, {"goal": 1, "target": "1.2"}]'
    with pytest.raises(TargetFileError) as error:
        read_sdg_targets(data, name="t.json")
    assert str(error.value) == (
        't.json: item 1 has no "description" or "title" text; expected the target\'s text as a '
        "non-empty string"
    )


def test_read_json_without_target_field_names_the_item():
    with pytest.raises(TargetFileError, match=r'^t\.json: item 0 has no "target" or "code" field'):
        read_sdg_targets(b'[{"goal": 1, "description": "x"}]', name="t.json")


def test_read_json_bad_target_code_names_field_and_expectation():
    with pytest.raises(TargetFileError) as error:
        read_sdg_targets(b'[{"goal": 1, "target": "one", "description": "x"}]', name="t.json")
    assert str(error.value) == (
        't.json: item 0, field "target" is \'one\'; expected a target code such as "4.4" or "1.a"'
    )


def test_read_json_target_under_the_wrong_goal():
    with pytest.raises(TargetFileError, match=r"item 0: target 2\.1 is listed under goal 1"):
        read_sdg_targets(b'[{"goal": 1, "target": "2.1", "description": "x"}]')


def test_read_api_goal_list_bad_target_names_nested_place():
    data = [{"code": "4", "targets": [{"code": "4.4", "description": "ok"}, "4.5"]}]
    with pytest.raises(TargetFileError, match=r"item 0, targets\[1\] is a string; expected"):
        read_sdg_targets(json.dumps(data))


def test_read_json_goal_out_of_range():
    with pytest.raises(TargetFileError, match=r'field "goal" is 18; expected a goal number'):
        read_sdg_targets(b'[{"goal": 18, "target": "18.1", "description": "x"}]')


def test_read_json_top_level_not_a_list():
    with pytest.raises(TargetFileError, match=r"the top level is an object; expected a JSON"):
        read_sdg_targets(b'{"goals": 17}')


def test_read_json_same_target_with_two_texts():
    data = b'[{"goal": 1, "target": "1.1", "description": "a"}, {"goal": 1, "target": "1.1", "description": "b"}]'
    with pytest.raises(
        TargetFileError, match=r"item 1: target 1\.1 appears again .*first at item 0"
    ):
        read_sdg_targets(data)


def test_read_csv_without_target_column_names_the_header_line():
    with pytest.raises(TargetFileError) as error:
        read_sdg_targets(b"\nGoal,Text\n1,x\n", name="t.csv")
    assert str(error.value).startswith("t.csv: line 2: the header ['Goal', 'Text'] has no target")


def test_read_csv_bad_row_names_its_line():
    with pytest.raises(TargetFileError, match=r'^t\.csv: line 3, field "target" is \'x\.y\''):
        read_sdg_targets(b"Target,Description\n1.1,ok\nx.y,bad\n", name="t.csv")


def test_read_csv_row_without_text_names_its_line():
    with pytest.raises(
        TargetFileError,
        match=r'^t\.csv: line 2: no target text; expected a description in column "description"',
    ):
        read_sdg_targets(b"Target,Description\n1.1,\n", name="t.csv")


def test_read_not_utf8():
    with pytest.raises(TargetFileError, match=r"^t\.csv: byte 7 is not UTF-8 text"):
        read_sdg_targets(b"Target,\xff\n", name="t.csv")


def test_read_empty_file():
    with pytest.raises(TargetFileError, match=r"^t: the file is empty"):
        read_sdg_targets(b"  \n", name="t")


def test_read_missing_file(tmp_path):
    with pytest.raises(TargetFileError, match=r"nope\.json: no such file$"):
        read_sdg_targets(tmp_path / "nope.json")


def test_read_empty_list_has_no_targets():
    with pytest.raises(TargetFileError, match=r"^t: no targets found"):
        read_sdg_targets(b"[]", name="t")


# Indicators ------------------------------------------------------------------------------
# The UN SDG API's shapes with invented texts (the project does not copy UN text).

API_GOALS_WITH_INDICATORS = [
    {
        "code": "1",
        "title": "Goal one",
        "targets": [
            {
                "goal": "1",
                "code": "1.1",
                "description": "Target one one",
                "indicators": [
                    {"goal": "1", "target": "1.1", "code": "1.1.1", "description": "Share A"},
                    {"code": "1.1.2", "description": "Share  B", "tier": "Tier II"},
                ],
            },
            {
                "code": "1.a",
                "description": "Target one a",
                "indicators": [{"code": "1.a.1", "description": "Resources", "tier": "I"}],
            },
        ],
    },
    {
        "code": "8",
        "title": "Goal eight",
        "targets": [
            {
                "code": "8.10",
                "description": "Target eight ten",
                "indicators": [{"code": "8.10.1", "description": "Branches", "series": []}],
            }
        ],
    },
]
INDICATORS = [
    Indicator("1.1.1", "1.1", "Share A"),
    Indicator("1.1.2", "1.1", "Share B"),
    Indicator("1.a.1", "1.a", "Resources"),
    Indicator("8.10.1", "8.10", "Branches"),
]


def test_read_indicators_from_un_api_goal_list():
    assert read_sdg_indicators(json.dumps(API_GOALS_WITH_INDICATORS)) == INDICATORS


def test_read_reference_gives_targets_indicators_and_places():
    reference = read_sdg_reference(json.dumps(API_GOALS_WITH_INDICATORS).encode())

    assert [t.code for t in reference.targets] == ["1.1", "1.a", "8.10"]
    assert list(reference.indicators) == INDICATORS
    assert reference.places["1.a.1"] == "item 0, targets[1], indicators[0]"
    assert reference.places["8.10"] == "item 1, targets[0]"


def test_read_targets_ignores_the_indicators_of_a_goal_list():
    assert read_sdg_targets(json.dumps(API_GOALS_WITH_INDICATORS)) == [
        Target("1.1", 1, "Target one one"),
        Target("1.a", 1, "Target one a"),
        Target("8.10", 8, "Target eight ten"),
    ]


def test_read_indicators_from_un_api_target_list():
    data = [
        {
            "goal": "17",
            "code": "17.6",
            "title": "Cooperation",
            "description": "Cooperation text",
            "indicators": [{"code": "17.6.1", "description": "Subscriptions"}],
        }
    ]
    reference = read_sdg_reference(json.dumps(data))

    assert (reference.targets, reference.indicators) == (
        (Target("17.6", 17, "Cooperation text"),),
        (Indicator("17.6.1", "17.6", "Subscriptions"),),
    )


def test_read_indicators_from_un_api_indicator_list():
    data = [
        {"goal": "9", "target": "9.c", "code": "9.c.1", "description": "Coverage", "tier": "I"},
        {"goal": "4", "target": "4.4", "code": "4.4.1", "description": "Skills"},
    ]
    reference = read_sdg_reference(json.dumps(data))

    assert (reference.targets, reference.indicators) == (
        (),
        (Indicator("9.c.1", "9.c", "Coverage"), Indicator("4.4.1", "4.4", "Skills")),
    )


def test_read_indicators_of_a_file_of_targets_only_is_empty():
    assert read_sdg_indicators(b'[{"goal": 4, "target": "4.4", "description": "Skills"}]') == []


@needs_reference
def test_read_indicators_of_the_reference_targets_file_is_empty():
    assert read_sdg_indicators(REFERENCE) == []


def test_read_indicators_from_framework_table_with_merged_cells_and_goal_headings():
    data = (
        "Goals and targets (from the 2030 Agenda),Indicators,UNSD Indicator Codes\u2020\n"
        '"Goal 1. Goal one text",,\n'
        '"1.1 Target one one","1.1.1 Share A",C010101\n'
        ',"1.1.2 Share B",C010102\n'
        '"1.a Target one a","1.a.1 Resources",C01a01\n'
    )
    reference = read_sdg_reference(data.encode())

    assert reference.targets == (
        Target("1.1", 1, "Target one one"),
        Target("1.a", 1, "Target one a"),
    )
    assert list(reference.indicators) == INDICATORS[:3]
    assert read_sdg_targets(data.encode()) == list(reference.targets)


def test_read_indicators_from_csv_code_and_description_columns_in_any_case():
    data = "INDICATOR CODE;Description\n8.10.1;Branches\n1.A.1;Resources\n"
    assert read_sdg_indicators(data.encode()) == [
        Indicator("8.10.1", "8.10", "Branches"),
        Indicator("1.a.1", "1.a", "Resources"),
    ]


def test_read_indicators_from_csv_with_target_codes_and_goal_column():
    data = "Goal,Target,Indicator,Indicator description\n8,8.10,8.10.1,Branches\n"
    reference = read_sdg_reference(data.encode())

    assert (reference.targets, reference.indicators) == (
        (),
        (Indicator("8.10.1", "8.10", "Branches"),),
    )


def test_read_indicators_csv_bad_code_names_file_line_and_expectation():
    data = b"Indicator code,Description\n1.1.1,Share A\n1.1,Share B\n"
    with pytest.raises(TargetFileError) as error:
        read_sdg_indicators(data, name="i.csv")
    assert str(error.value) == (
        "i.csv: line 3, field \"indicator code\" is '1.1'; expected an indicator code such as "
        '"1.1.1", "1.a.1" or "8.10.1" (there or at the start of the indicator text)'
    )


def test_read_indicators_csv_row_without_text_names_its_line():
    with pytest.raises(TargetFileError) as error:
        read_sdg_indicators(b"Indicator code,Description\n1.1.1,\n", name="i.csv")
    assert str(error.value) == (
        "i.csv: line 2: indicator 1.1.1 has no text; expected a description in column "
        '"description" or an indicator cell such as "1.1.1 Proportion of ..."'
    )


def test_read_indicators_csv_indicator_under_another_target():
    data = b"Target,Indicator code,Description\n1.1,1.2.1,Share\n"
    with pytest.raises(
        TargetFileError, match=r"^i\.csv: line 2: indicator 1\.2\.1 is listed under target 1\.1"
    ):
        read_sdg_indicators(data, name="i.csv")


def test_read_indicators_csv_unsd_identifier_without_code_in_text():
    data = b"Indicator,UNSD Indicator Codes\nShare without code,C010101\n"
    with pytest.raises(
        TargetFileError, match=r"^i\.csv: line 2, field \"unsd indicator codes\" is 'C010101'"
    ):
        read_sdg_indicators(data, name="i.csv")


def test_read_indicators_json_nested_under_another_target_names_the_place():
    data = [
        {
            "code": "1",
            "targets": [
                {
                    "code": "1.1",
                    "description": "T",
                    "indicators": [
                        {"code": "1.1.1", "description": "ok"},
                        {"code": "1.2.1", "description": "misfiled"},
                    ],
                }
            ],
        }
    ]
    with pytest.raises(TargetFileError) as error:
        read_sdg_indicators(json.dumps(data), name="api.json")
    assert str(error.value) == (
        "api.json: item 0, targets[0], indicators[1]: indicator 1.2.1 is listed under target "
        "1.1; expected an indicator of target 1.1 (its code starting 1.1.)"
    )


def test_read_indicators_json_without_text_and_not_an_object():
    no_text = [
        {
            "code": "4",
            "targets": [
                {"code": "4.4", "description": "T", "indicators": [{"code": "4.4.1", "tier": "I"}]}
            ],
        }
    ]
    with pytest.raises(
        TargetFileError,
        match=r'^a\.json: item 0, targets\[0\], indicators\[0\] has no "description" or "title"',
    ):
        read_sdg_indicators(json.dumps(no_text), name="a.json")
    no_object = [{"goal": 4, "code": "4.4", "description": "T", "indicators": ["4.4.1"]}]
    with pytest.raises(
        TargetFileError, match=r"^a\.json: item 0, indicators\[0\] is a string; expected an"
    ):
        read_sdg_indicators(json.dumps(no_object), name="a.json")


def test_read_indicators_json_same_code_with_two_texts():
    data = [
        {"goal": "1", "target": "1.1", "code": "1.1.1", "description": "a"},
        {"goal": "1", "target": "1.1", "code": "1.1.1", "description": "b"},
    ]
    with pytest.raises(TargetFileError, match=r"item 1: indicator 1\.1\.1 appears again"):
        read_sdg_indicators(json.dumps(data))


def test_read_reference_of_a_file_with_neither_names_both():
    with pytest.raises(TargetFileError, match=r"^t: no targets or indicators found"):
        read_sdg_reference(b"[]", name="t")
