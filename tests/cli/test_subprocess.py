"""The installed ``accord`` script, run for real against a throwaway SQLite data folder."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ACCORD = Path(sys.executable).with_name("accord")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("accord-data")


@pytest.fixture(scope="module")
def env(data_dir):
    """The caller's environment, minus any DATABASE_URL: never touch a real database."""
    values = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "ACCORD_"))}
    return values | {"ACCORD_DATA_DIR": str(data_dir)}


def accord(env, *args, timeout=120):
    return subprocess.run(
        [str(ACCORD), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def table_counts(data_dir):
    with sqlite3.connect(data_dir / "accord.sqlite3") as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables
        }


@pytest.fixture(scope="module")
def seeded(env, data_dir):
    """Run ``accord demo --seed-only`` twice; keep both results and the table counts after each."""
    first = accord(env, "demo", "--seed-only")
    after_first = table_counts(data_dir)
    plan_first = accord(env, "plan", "show", "--json")
    second = accord(env, "demo", "--seed-only")
    after_second = table_counts(data_dir)
    plan_second = accord(env, "plan", "show", "--json")
    return first, second, after_first, after_second, plan_first, plan_second


def test_demo_seed_only_succeeds_and_prints_accounts(seeded):
    first, second, *_ = seeded

    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "  delegate     delegate1    password delegate1-demo  for Kenya" in first.stdout
    assert "Traceback" not in first.stderr + second.stderr


def test_demo_seed_only_twice_leaves_every_table_as_it_was(seeded):
    _, _, after_first, after_second, *_ = seeded

    assert after_first["plans_planitem"] > 0
    assert after_first["audit_auditentry"] > 0
    assert after_second == after_first


def test_demo_seed_only_twice_gives_the_same_plan(seeded):
    *_, plan_first, plan_second = seeded

    assert plan_first.stdout == plan_second.stdout


def test_plan_show_json_is_one_object_in_the_documented_shape(seeded):
    *_, plan, _ = seeded

    data = json.loads(plan.stdout)  # fails on anything but exactly one JSON document
    assert plan.returncode == 0
    assert plan.stdout.lstrip().startswith("{")
    assert list(data) == ["conference", "version", "priorities"]
    assert (data["conference"], data["version"]) == ("ddc-27", 2)
    assert data["priorities"]
    for priority in data["priorities"]:
        assert list(priority) == ["id", "title", "items"]
        assert isinstance(priority["id"], str)
        assert isinstance(priority["title"], str)
        assert isinstance(priority["items"], list)
        for item in priority["items"]:
            assert list(item) == ["id", "kind", "status", "text", "linkages"]
            assert isinstance(item["id"], str)
            assert item["kind"] in {"outcome", "output"}
            assert item["status"] in {"agreed", "undisputed_change", "disputed"}
            assert isinstance(item["text"], str)
            for linkage in item["linkages"]:
                assert list(linkage) == ["type", "target"]
                assert isinstance(linkage["type"], str)
                assert isinstance(linkage["target"], str)
    statuses = {i["status"] for p in data["priorities"] for i in p["items"]}
    assert statuses == {"agreed", "undisputed_change", "disputed"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plan", "show", "--conference", "nowhere"],
            "accord: No conference 'nowhere' (conferences: ddc-27).",
        ),
        (["plan", "show", "--version", "9"], "accord: ddc-27 has no version 9 (versions: 1, 2)."),
        (
            ["plan", "show", "--version", "two"],
            "accord: Invalid value for '--version': Input should be a valid integer, unable to "
            "parse string as an integer (see 'accord plan show --help')",
        ),
        (
            ["plan", "show", "--colour"],
            "accord: No such option: --colour (see 'accord plan show --help')",
        ),
        (["nonsense"], "accord: No such command 'nonsense'. (see 'accord --help')"),
        (["token", "create", "nobody"], "accord: No account 'nobody'."),
        (
            ["meetings", "list", "--conference", "nowhere"],
            "accord: No conference 'nowhere' (conferences: ddc-27).",
        ),
        (
            ["invitations", "status", "--json", "--conference", "nowhere"],
            "accord: No conference 'nowhere' (conferences: ddc-27).",
        ),
        (
            ["invitations", "send", "--list", "Nobody", "--base-url", "http://x.example"],
            "accord: No target list 'Nobody' in ddc-27 (lists: 'Academia and civil society', "
            "'Governments and regulators', 'Private sector leaders').",
        ),
    ],
)
def test_errors_exit_2_with_one_line_and_no_traceback(seeded, env, args, message):
    result = accord(env, *args)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"


def test_plan_show_before_migrating_says_what_to_do(tmp_path, env):
    result = accord(env | {"ACCORD_DATA_DIR": str(tmp_path)}, "plan", "show")

    assert result.returncode == 2
    assert result.stderr == (
        "accord: The database is not ready (no such table: conferences_conference); "
        "run 'accord manage migrate'.\n"
    )


def test_token_created_on_the_command_line_works_against_the_served_api(seeded, env):
    key = accord(env, "token", "create", "chair", "--name", "smoke").stdout.strip()
    port = _free_port()
    server = subprocess.Popen(
        [str(ACCORD), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        plan = _get(f"http://127.0.0.1:{port}/api/conferences/ddc-27/plan", key)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)

    assert (plan["version"], plan["state"]) == (2, "draft")
    assert output.startswith(f"Accord is running at http://127.0.0.1:{port}/")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, key: str, attempts: int = 100) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return json.load(response)
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")
