"""The ``accord`` commands, in-process with Typer's CliRunner and the test database."""

import json

import pytest
from typer.testing import CliRunner

from accord.api.domain import authenticate_key
from accord.api.models import ApiToken
from accord.audit.models import AuditEntry
from accord.cli import app
from accord.plans.interfaces.plan_json import plan_as_dict
from tests import factories

pytestmark = pytest.mark.integration


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


def test_plan_show_json_prints_one_plan_object(run, draft):
    result = run("plan", "show", "--json")

    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == plan_as_dict(draft)


def test_plan_show_reads_drafts_of_non_public_conferences_as_the_system(run, admin):
    hidden = factories.make_conference(admin, slug="hidden", is_public=False)
    factories.make_plan_version(admin, hidden)

    result = run("plan", "show", "--conference", "hidden", "--version", "1", "--json")

    assert result.exit_code == 0
    assert json.loads(result.stdout)["conference"] == "hidden"


def test_plan_show_prints_a_readable_tree(run, draft):
    result = run("plan", "show")

    assert result.exit_code == 0
    assert result.stdout.splitlines()[:6] == [
        "Action Plan, version 1 (draft): Draft",
        "",
        "D.1  Priority 1  [1 agreed, 1 changed, 1 disputed]",
        "  D.1-a  outcome, agreed",
        "      Text of item 0 under priority 1 about broadband connectivity",
        "  D.1-1  output, undisputed_change",
    ]


def test_plan_show_with_several_conferences_asks_for_one(run, admin, conference):
    factories.make_conference(admin, slug="another")

    result = run("plan", "show", "--json")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "accord: Several conferences; choose one with --conference: another, conf.\n"
    )


def test_plan_show_unknown_conference_lists_the_known_ones(run, conference):
    result = run("plan", "show", "--conference", "nowhere")

    assert result.exit_code == 2
    assert result.stderr == "accord: No conference 'nowhere' (conferences: conf).\n"


def test_plan_show_missing_version_lists_the_existing_ones(run, draft):
    result = run("plan", "show", "--version", "4")

    assert result.exit_code == 2
    assert result.stderr == "accord: conf has no version 4 (versions: 1).\n"


def test_plan_show_without_any_conference_suggests_the_demo(run, db):
    result = run("plan", "show")

    assert result.exit_code == 2
    assert result.stderr == ("accord: There is no conference yet; try 'accord demo --seed-only'.\n")


def test_plan_show_of_conference_without_plan_says_so(run, conference):
    result = run("plan", "show")

    assert result.exit_code == 2
    assert result.stderr == "accord: conf has no Action Plan version yet.\n"


def test_token_create_prints_only_the_key_on_stdout(run, admin):
    chair = factories.make_user(admin, "chair")

    result = run("token", "create", "chair", "--name", "Nightly export")

    assert result.exit_code == 0
    key = result.stdout.strip()
    assert result.stdout == f"{key}\n"
    assert authenticate_key(key) == chair
    token = ApiToken.objects.get()
    assert (token.name, token.user, token.prefix) == ("Nightly export", chair, key[:8])
    assert "not shown again" in result.stderr
    entry = AuditEntry.objects.get(action="api_token.created")
    assert (entry.actor_name, entry.changes["name"]) == ("system", [None, "Nightly export"])


def test_token_create_for_unknown_account_fails_in_one_line(run, db):
    result = run("token", "create", "nobody")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "accord: No account 'nobody'.\n"


def test_token_create_with_empty_name_reports_the_domain_error(run, admin):
    result = run("token", "create", "admin", "--name", " ")

    assert result.exit_code == 2
    assert result.stderr == "accord: The token's name is empty.\n"


def test_token_list_and_revoke(run, admin):
    key = run("token", "create", "admin", "--name", "script").stdout.strip()
    token = ApiToken.objects.get()

    revoked = run("token", "revoke", str(token.pk))
    listed = run("token", "list", "admin")

    assert revoked.stdout == f"Token {token.pk} 'script' of admin is revoked.\n"
    assert listed.stdout == f"{token.pk}\tadmin\tscript\t{key[:8]}…\tnever used\trevoked\n"
    assert ApiToken.objects.get().revoked is True


def test_token_revoke_unknown_id_fails_in_one_line(run, db):
    result = run("token", "revoke", "42")

    assert (result.exit_code, result.stderr) == (2, "accord: No API token with id 42.\n")


def test_demo_seed_only_seeds_once_and_prints_the_accounts(run, db):
    first = run("demo", "--seed-only")
    entries = AuditEntry.objects.count()
    second = run("demo", "--seed-only")

    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stdout.splitlines() == [
        "Demo conference DDC-27 (ddc-27): created.",
        "Demo accounts (sign in with these; demo passwords are not secret):",
        "  secretariat  secretariat  password secretariat-demo",
        "  chair        chair        password chair-demo",
        "  delegate     delegate1    password delegate1-demo  for Kenya",
        "  delegate     delegate2    password delegate2-demo  for Brazil",
    ]
    assert second.stdout.splitlines()[0] == (
        "Demo conference DDC-27 (ddc-27): already there, left as it was."
    )
    assert AuditEntry.objects.count() == entries


def test_manage_passes_arguments_to_django(run, db):
    result = run("manage", "showmigrations", "api")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["api", " [X] 0001_initial"]
