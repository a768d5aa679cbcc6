"""Importing SDG targets and the secretariat's lists: upserts by code, all or nothing, audited,
secretariat only; and linkages checked against what was imported."""

import json
from pathlib import Path

import pytest

from accord.audit.models import AuditEntry
from accord.core.actors import operator
from accord.core.errors import DomainError, NotAllowed
from accord.plans.domain.linkages import normalise_target
from accord.reference.domain import import_reference_entries, import_sdg_targets
from accord.reference.models import ReferenceEntry, SDGIndicator, SDGTarget, WSISActionLine
from tests import factories

pytestmark = pytest.mark.integration

SDG_TARGETS = Path(__file__).resolve().parents[2].parent / "shared/reference/sdg-targets.json"
needs_targets = pytest.mark.skipif(
    not SDG_TARGETS.is_file(), reason=f"{SDG_TARGETS} (shared reference data) is not present"
)

RESOLUTIONS = (
    "code,title,text\n"
    "37,Bridging the digital divide,\n"
    "45,Mechanisms for enhancing cooperation on cybersecurity,\n"
    "55,Mainstreaming a gender perspective,\n"
)


# The UN SDG API's goal list, with invented texts (the project does not copy UN text).
API_GOALS = [
    {
        "code": "4",
        "title": "Goal four",
        "targets": [
            {
                "code": "4.4",
                "description": "Skills target",
                "indicators": [
                    {"code": "4.4.1", "description": "Share with skills", "tier": "II"},
                    {"code": "4.4.2", "description": "Second skills measure", "tier": "II"},
                ],
            },
            {"code": "4.a", "description": "Facilities target", "indicators": []},
        ],
    },
    {
        "code": "9",
        "title": "Goal nine",
        "targets": [
            {
                "code": "9.c",
                "description": "Access target",
                "indicators": [{"code": "9.c.1", "description": "Network coverage", "tier": "I"}],
            }
        ],
    },
]


@pytest.fixture
def api_goals(tmp_path):
    path = tmp_path / "goals.json"
    path.write_text(json.dumps(API_GOALS), encoding="utf-8")
    return path


@pytest.fixture
def resolutions(tmp_path):
    path = tmp_path / "resolutions.csv"
    path.write_text(RESOLUTIONS, encoding="utf-8")
    return path


@needs_targets
def test_import_sdg_targets_creates_the_169_targets(admin):
    report = import_sdg_targets(user=admin, source=SDG_TARGETS)

    assert (len(report.created), len(report.updated), report.unchanged) == (169, 0, 0)
    assert SDGTarget.objects.count() == 169
    assert SDGTarget.objects.get(code="16.10").goal.number == 16
    assert SDGTarget.objects.get(code="17.19").goal.number == 17
    assert report.source == "sdg-targets.json"
    assert (
        AuditEntry.objects.filter(
            action="reference.created", target_type="reference.sdgtarget", actor=admin
        ).count()
        == 169
    )


@needs_targets
def test_import_sdg_targets_again_changes_nothing(admin):
    import_sdg_targets(user=admin, source=SDG_TARGETS)
    entries = AuditEntry.objects.count()

    report = import_sdg_targets(user=admin, source=SDG_TARGETS)

    assert (report.created, report.updated, report.unchanged) == ([], [], 169)
    assert AuditEntry.objects.count() == entries


@needs_targets
def test_import_sdg_targets_dry_run_reports_and_writes_nothing(admin):
    report = import_sdg_targets(user=admin, source=SDG_TARGETS, dry_run=True)

    assert (len(report.created), report.dry_run) == (169, True)
    assert SDGTarget.objects.count() == 0
    assert AuditEntry.objects.filter(target_type="reference.sdgtarget").count() == 0


def test_import_sdg_targets_updates_a_changed_description(admin):
    first = json.dumps([{"goal": 4, "target": "4.4", "description": "Old words"}]).encode()
    second = json.dumps([{"goal": 4, "target": "4.4", "description": "New words"}]).encode()
    import_sdg_targets(user=admin, source=first, name="targets.json")

    report = import_sdg_targets(user=admin, source=second, name="targets.json")

    assert (report.created, report.updated) == ([], ["4.4"])
    assert SDGTarget.objects.get(code="4.4").description == "New words"
    assert AuditEntry.objects.get(action="reference.updated").changes == {
        "description": ["Old words", "New words"]
    }


def test_import_sdg_targets_bad_file_names_it_and_writes_nothing(admin):
    data = b'[{"goal": 4, "target": "4.4", "description": "Fine"}, {"goal": 4}]'

    with pytest.raises(DomainError) as raised:
        import_sdg_targets(user=admin, source=data, name="targets.json")

    assert raised.value.field == "file"
    assert raised.value.message.startswith("targets.json")
    assert SDGTarget.objects.count() == 0


def test_import_sdg_targets_refuses_a_target_under_another_goal(admin):
    data = json.dumps([{"goal": 4, "target": "5.1", "description": "Misfiled"}]).encode()

    with pytest.raises(DomainError) as raised:
        import_sdg_targets(user=admin, source=data, name="targets.json")

    assert raised.value.message.startswith("targets.json: item 0: target 5.1 ")
    assert SDGTarget.objects.count() == 0


def test_import_sdg_targets_by_a_chair_not_allowed(admin, conference):
    chair = factories.make_chair(admin, conference)
    data = json.dumps([{"goal": 4, "target": "4.4", "description": "Skills"}]).encode()

    with pytest.raises(NotAllowed):
        import_sdg_targets(user=chair, source=data, name="targets.json")


def test_import_entries_from_csv(admin, resolutions):
    report = import_reference_entries(user=admin, kind="resolution", source=resolutions)

    assert report.created == ["37", "45", "55"]
    assert list(
        ReferenceEntry.objects.filter(kind="resolution").values_list("code", "title", "source")
    ) == [
        ("37", "Bridging the digital divide", "resolutions.csv"),
        ("45", "Mechanisms for enhancing cooperation on cybersecurity", "resolutions.csv"),
        ("55", "Mainstreaming a gender perspective", "resolutions.csv"),
    ]


def test_import_entries_again_changes_only_what_changed(admin, resolutions, tmp_path):
    import_reference_entries(user=admin, kind="resolution", source=resolutions)
    newer = tmp_path / "resolutions-2.csv"
    newer.write_text("code,title\n37,Bridging the digital divide\n58,Accessibility\n")

    report = import_reference_entries(user=admin, kind="resolution", source=newer)

    assert (report.created, report.updated, report.unchanged) == (["58"], [], 1)
    assert ReferenceEntry.objects.filter(kind="resolution").count() == 4  # none deleted


def test_import_entries_bad_row_names_file_and_line_and_writes_nothing(admin, tmp_path):
    path = tmp_path / "questions.csv"
    path.write_text("code,title\n1/1,Broadband\n2/1,\n")

    with pytest.raises(DomainError) as raised:
        import_reference_entries(user=admin, kind="question", source=path)

    assert raised.value.message == "questions.csv, line 3: entry 2/1 has no title"
    assert ReferenceEntry.objects.count() == 0


def test_import_entries_unknown_kind_refused(admin, resolutions):
    with pytest.raises(DomainError) as raised:
        import_reference_entries(user=admin, kind="treaties", source=resolutions)

    assert raised.value.field == "kind"


def test_import_entries_by_operator_dry_run_writes_nothing(db, resolutions):
    report = import_reference_entries(
        user=operator(), kind="resolution", source=resolutions, dry_run=True
    )

    assert (len(report.created), ReferenceEntry.objects.count()) == (3, 0)


def test_import_entries_by_a_delegate_not_allowed(admin, conference, resolutions):
    delegate = factories.make_delegate(
        admin, factories.make_delegation(admin, conference), "delegate"
    )

    with pytest.raises(NotAllowed):
        import_reference_entries(user=delegate, kind="resolution", source=resolutions)


def test_linkage_to_a_resolution_is_free_text_before_any_list_is_imported(db):
    assert normalise_target("resolution", "Res. 99") == "Res. 99"


def test_linkage_to_a_resolution_checked_against_the_imported_list(admin, resolutions):
    import_reference_entries(user=admin, kind="resolution", source=resolutions)

    assert normalise_target("resolution", "Res. 37") == "37"
    assert normalise_target("resolution", "Resolution 45") == "45"
    assert normalise_target("resolution", "55") == "55"
    with pytest.raises(DomainError) as raised:
        normalise_target("resolution", "Res. 99")
    assert raised.value.message == "'Res. 99' is not in the imported list (resolution: 37, 45, 55)."
    # Other kinds stay free text until their own list is imported.
    assert normalise_target("question", "Q5/1") == "Q5/1"


def test_wsis_action_lines_carry_the_team_descriptions(db):
    from accord.engines.linkage import wsis_descriptions

    descriptions = wsis_descriptions()

    assert {line.code: line.description for line in WSISActionLine.objects.all()} == {
        code: descriptions[code] for code in [f"C{n}" for n in range(1, 12)]
    }
    assert all(descriptions[f"C{n}"] for n in range(1, 12))


def test_import_sdg_targets_with_indicators_from_un_api(admin, api_goals):
    report = import_sdg_targets(user=admin, source=api_goals)

    assert (report.created, report.indicators.created) == (
        ["4.4", "4.a", "9.c"],
        ["4.4.1", "4.4.2", "9.c.1"],
    )
    assert list(SDGIndicator.objects.values_list("code", "target__code", "description")) == [
        ("4.4.1", "4.4", "Share with skills"),
        ("4.4.2", "4.4", "Second skills measure"),
        ("9.c.1", "9.c", "Network coverage"),
    ]
    assert (
        AuditEntry.objects.filter(
            action="reference.created", target_type="reference.sdgindicator", actor=admin
        ).count()
        == 3
    )
    assert report.as_dict() == {
        "kind": "sdg_target",
        "source": "goals.json",
        "dry_run": False,
        "created": ["4.4", "4.a", "9.c"],
        "updated": [],
        "unchanged": 0,
        "indicators": {"created": ["4.4.1", "4.4.2", "9.c.1"], "updated": [], "unchanged": 0},
    }


def test_import_sdg_indicators_twice_changes_nothing(admin, api_goals):
    import_sdg_targets(user=admin, source=api_goals)
    entries = AuditEntry.objects.count()

    report = import_sdg_targets(user=admin, source=api_goals)

    assert (report.created, report.updated, report.unchanged) == ([], [], 3)
    assert (report.indicators.created, report.indicators.updated) == ([], [])
    assert report.indicators.unchanged == 3
    assert AuditEntry.objects.count() == entries
    assert SDGIndicator.objects.count() == 3


def test_import_sdg_indicators_dry_run_reports_and_writes_nothing(admin, api_goals):
    report = import_sdg_targets(user=admin, source=api_goals, dry_run=True)

    assert (report.dry_run, report.indicators.created) == (True, ["4.4.1", "4.4.2", "9.c.1"])
    assert (SDGTarget.objects.count(), SDGIndicator.objects.count()) == (0, 0)
    assert AuditEntry.objects.filter(target_type="reference.sdgindicator").count() == 0


def test_import_sdg_indicators_updates_a_changed_description(admin, api_goals):
    import_sdg_targets(user=admin, source=api_goals)
    newer = "Indicator code,Description\n9.c.1,Network coverage by technology\n"

    report = import_sdg_targets(user=admin, source=newer.encode(), name="indicators.csv")

    assert (report.created, report.total) == ([], 0)
    assert (report.indicators.updated, report.indicators.unchanged) == (["9.c.1"], 0)
    assert SDGIndicator.objects.get(code="9.c.1").description == "Network coverage by technology"
    assert AuditEntry.objects.get(
        action="reference.updated", target_type="reference.sdgindicator"
    ).changes == {"description": ["Network coverage", "Network coverage by technology"]}


def test_import_sdg_indicators_file_after_the_targets_file(admin):
    targets = json.dumps([{"goal": 17, "target": "17.6", "description": "Cooperation"}])
    import_sdg_targets(user=admin, source=targets.encode(), name="targets.json")
    indicators = "Goal,Target,Indicator\n17,17.6,17.6.1 Fixed subscriptions\n"

    report = import_sdg_targets(user=admin, source=indicators.encode(), name="framework.csv")

    assert (report.total, report.indicators.created) == (0, ["17.6.1"])
    assert SDGIndicator.objects.get(code="17.6.1").target == SDGTarget.objects.get(code="17.6")


def test_import_sdg_indicator_of_an_unknown_target_names_it_and_writes_nothing(admin):
    data = (
        "Target,Indicator code,Description\n"
        "4.4 Skills target,4.4.1,Share with skills\n"
        ",5.b.1,Mobile ownership\n"
    )

    with pytest.raises(DomainError) as raised:
        import_sdg_targets(user=admin, source=data.encode(), name="framework.csv")

    assert raised.value.field == "file"
    assert raised.value.message == (
        "framework.csv: line 3: indicator 5.b.1 measures target 5.b, which is neither in the "
        "file nor imported; expected the file to carry the target, or the targets to be "
        "imported first."
    )
    assert (SDGTarget.objects.count(), SDGIndicator.objects.count()) == (0, 0)


def test_import_sdg_indicators_bad_row_names_file_and_line_and_writes_nothing(admin, tmp_path):
    path = tmp_path / "framework.csv"
    path.write_text(
        "Target,Indicator\n"
        '"4.4 Skills target","4.4.1 Share with skills"\n'
        '"4.a Facilities target","Facilities measure without a code"\n',
        encoding="utf-8",
    )

    with pytest.raises(DomainError) as raised:
        import_sdg_targets(user=admin, source=path)

    assert raised.value.message == (
        'framework.csv: line 3: no indicator code; expected an indicator code such as "1.1.1", '
        '"1.a.1" or "8.10.1" in column "indicator"'
    )
    assert (SDGTarget.objects.count(), SDGIndicator.objects.count()) == (0, 0)


def test_import_sdg_targets_file_without_indicators_reports_none(admin):
    data = json.dumps([{"goal": 4, "target": "4.4", "description": "Skills"}]).encode()

    report = import_sdg_targets(user=admin, source=data, name="targets.json")

    assert (report.created, report.indicators.total) == (["4.4"], 0)
    assert report.as_dict()["indicators"] == {"created": [], "updated": [], "unchanged": 0}


def test_coverage_counts_the_indicators_of_each_target(admin, api_goals):
    from accord.plans.queries.coverage import coverage

    import_sdg_targets(user=admin, source=api_goals)
    version = factories.make_plan_version(admin, factories.make_conference(admin))

    result = coverage(version)

    assert result.indicators_imported is True
    assert {t.code: t.indicators for t in result.targets} == {"4.4": 2, "4.a": 0, "9.c": 1}


def test_import_reference_command_prints_the_indicators_too(db, api_goals):
    from typer.testing import CliRunner

    from accord.cli import app

    runner = CliRunner()
    text = runner.invoke(app, ["import-reference", "sdg-targets", str(api_goals), "--dry-run"])
    as_json = runner.invoke(app, ["import-reference", "sdg-targets", str(api_goals), "--json"])

    assert (text.exit_code, text.stdout) == (
        0,
        "goals.json: 3 SDG targets; 3 new, 0 updated, 0 unchanged.\n"
        "goals.json: 3 SDG indicators; 3 new, 0 updated, 0 unchanged.\n"
        "Dry run: nothing was written.\n",
    )
    assert json.loads(as_json.stdout)["indicators"] == {
        "created": ["4.4.1", "4.4.2", "9.c.1"],
        "updated": [],
        "unchanged": 0,
    }
