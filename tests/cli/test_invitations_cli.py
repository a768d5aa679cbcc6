"""``accord invitations import|export|status|send``, in-process with the test database."""

import json

import pytest
from django.apps import apps
from typer.testing import CliRunner

from accord.audit.models import AuditEntry
from accord.cli import app
from accord.engagement.domain import pipeline
from accord.engagement.models import InvitationBatch, Invitee

pytestmark = pytest.mark.integration

GOOD = "name,email,country,star\nAda Mensah,ada@example.org,KEN,yes\nBo Chen,bo@example.org,,\n"
BAD = "name,email,country\nAda Mensah,ada@example.org,KEN\nBo Chen,not-an-email,Atlantis\n"


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def _file(tmp_path, text, name="people.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


# --- import ------------------------------------------------------------------------------------


def test_import_adds_the_rows_and_audits_as_the_operator(run, tmp_path, target_list):
    result = run("invitations", "import", _file(tmp_path, GOOD), "--list", "private SECTOR")

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "people.csv: 2 rows; 2 imported into 'Private sector'.\n"
    assert sorted(target_list.invitees.values_list("email", "star")) == [
        ("ada@example.org", True),
        ("bo@example.org", False),
    ]
    entry = AuditEntry.objects.get(action="engagement.invitees_imported")
    assert entry.actor_name.startswith("operator:")


def test_import_with_a_bad_row_names_file_row_and_column_and_writes_nothing(
    run, tmp_path, target_list
):
    before = _row_counts()

    result = run("invitations", "import", _file(tmp_path, BAD), "--list", target_list.pk)

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "accord: people.csv row 3, email: bad e-mail 'not-an-email'",
        "accord: people.csv row 3, country: unknown country 'Atlantis'",
        "accord: people.csv: 1 bad row; nothing was imported "
        "(--good-rows-only imports the others).",
    ]
    assert _row_counts() == before


def test_import_good_rows_only_imports_the_others_and_lists_the_bad(run, tmp_path, target_list):
    result = run(
        "invitations",
        "import",
        _file(tmp_path, BAD),
        "--list",
        "Private sector",
        "--good-rows-only",
    )

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "people.csv: 2 rows; 1 imported into 'Private sector'.",
        "people.csv: 1 bad rows left out.",
    ]
    assert (
        result.stderr.splitlines()[0]
        == "accord: people.csv row 3, email: bad e-mail 'not-an-email'"
    )
    assert list(target_list.invitees.values_list("email", flat=True)) == ["ada@example.org"]


def test_import_dry_run_json_is_one_object_and_writes_nothing(run, tmp_path, target_list):
    before = _row_counts()

    result = run(
        "invitations",
        "import",
        _file(tmp_path, GOOD),
        "--list",
        "Private sector",
        "--dry-run",
        "--json",
    )

    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == {
        "file": "people.csv",
        "list": "Private sector",
        "rows": 2,
        "importable": 2,
        "imported": 0,
        "dry_run": True,
        "good_rows_only": False,
        "ignored_columns": [],
        "errors": [],
    }
    assert _row_counts() == before


def test_import_bad_header_is_refused_naming_the_column(run, tmp_path, target_list):
    result = run(
        "invitations",
        "import",
        _file(tmp_path, "name,phone\nAda,1\n"),
        "--list",
        "Private sector",
        "--good-rows-only",
    )

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "accord: people.csv header, phone: unknown column; expected one of: name, email, "
        "organization, country, constituent group, membership category, gender, star, owner",
        "accord: people.csv header, email: missing column",
        "accord: people.csv: 1 bad row; nothing was imported.",
    ]
    assert Invitee.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--list", "Nobody's"],
            "accord: No target list 'Nobody's' in conf (lists: 'Private sector').\n",
        ),
        (
            ["--list", "Private sector", "--conference", "nowhere"],
            "accord: No conference 'nowhere' (conferences: conf).\n",
        ),
    ],
)
def test_import_unknown_list_or_conference_fails_in_one_line(
    run, tmp_path, target_list, args, message
):
    result = run("invitations", "import", _file(tmp_path, GOOD), *args)

    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert Invitee.objects.count() == 0


def test_import_unreadable_or_missing_file_fails_in_one_line(run, tmp_path, target_list):
    binary = tmp_path / "people.csv"
    binary.write_bytes(b"name,email\n\xff\xfe\n")

    bad = run("invitations", "import", binary, "--list", "Private sector")
    missing = run("invitations", "import", tmp_path / "gone.csv", "--list", "Private sector")
    pdf = run(
        "invitations", "import", _file(tmp_path, "x", "people.pdf"), "--list", "Private sector"
    )

    assert (bad.exit_code, bad.stderr) == (
        2,
        "accord: people.csv: not UTF-8 text (byte 11); save it as CSV UTF-8.\n",
    )
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"accord: Cannot read {tmp_path / 'gone.csv'}: No such file or directory.\n",
    )
    assert (pdf.exit_code, pdf.stderr) == (
        2,
        "accord: people.pdf: expected a .csv or .xlsx file.\n",
    )
    assert Invitee.objects.count() == 0


# --- export ------------------------------------------------------------------------------------


def test_export_one_list_imports_back_into_another(run, tmp_path, admin, conference, target_list):
    run("invitations", "import", _file(tmp_path, GOOD), "--list", "Private sector")
    pipeline.create_target_list(user=admin, conference=conference, name="Copy")
    out = tmp_path / "list.xlsx"

    exported = run("invitations", "export", "--list", "Private sector", "-o", out)
    imported = run("invitations", "import", out, "--list", "Copy")

    assert exported.exit_code == 0
    assert exported.stdout == (
        f"Wrote 2 invitees of 'Private sector' to {out} ({out.stat().st_size:,} bytes).\n"
    )
    assert (imported.exit_code, imported.stderr) == (0, "")
    assert imported.stdout.splitlines() == [
        "list.xlsx: 2 rows; 2 imported into 'Copy'.",
        "list.xlsx: column 'state' left out; imported people start as identified.",
    ]


def test_export_the_whole_conference_as_csv(run, tmp_path, admin, conference, target_list):
    other = pipeline.create_target_list(user=admin, conference=conference, name="Academia")
    pipeline.add_invitee(user=admin, target_list=other, name="Cy", email="cy@example.org")
    pipeline.add_invitee(user=admin, target_list=target_list, name="Ada", email="ada@example.org")
    out = tmp_path / "all.csv"

    result = run("invitations", "export", "-o", out)

    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "list,name,email,organization,country,constituent group,membership category,gender,"
        "star,owner,state",
        "Academia,Cy,cy@example.org,,,,,undisclosed,no,,identified",
        "Private sector,Ada,ada@example.org,,,,,undisclosed,no,listowner,identified",
    ]


def test_export_to_an_unknown_format_fails_and_writes_nothing(run, tmp_path, target_list):
    out = tmp_path / "list.pdf"

    result = run("invitations", "export", "-o", out)

    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"accord: {out}: the file name should end with .csv or .xlsx.\n",
    )
    assert not out.exists()


# --- status ------------------------------------------------------------------------------------


def test_status_prints_counts_per_list_and_overdue(run, admin, target_list, owner):
    # The conference opens 5 June 2027: invitations were due 5 June 2026, before today; Ada
    # has reached the last step that has a deadline, Bo not the first.
    ada = pipeline.add_invitee(user=admin, target_list=target_list, name="Ada", email="a@x.org")
    pipeline.add_invitee(user=admin, target_list=target_list, name="Bo", email="b@x.org")
    pipeline.move_invitee(user=admin, invitee=ada, state="registered")

    result = run("invitations", "status")

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == [
        "list\towner\tidentified\tinvited\tconfirmed\tdeclined\tregistered\tattended\ttotal\toverdue",
        "Private sector\tlistowner\t1\t0\t0\t0\t1\t0\t2\t1",
        "all lists\t\t1\t0\t0\t0\t1\t0\t2\t1",
        "Overdue by owner: listowner 1",
    ]
    assert result.stdout.startswith("Deadlines: invited 2026-06-05, confirmed 2026-12-05, ")


def test_status_json_is_one_object(run, client, admin, target_list):
    pipeline.add_invitee(user=admin, target_list=target_list, name="Ada", email="a@x.org")

    result = run("invitations", "status", "--json")

    data = json.loads(result.stdout)
    api = client.get("/api/conferences/conf/target-lists", headers=_bearer(admin)).json()
    assert data["conference"] == "conf"
    assert data["lists"] == api["lists"]
    assert data["deadlines"] == api["deadlines"]
    assert data["totals"] == {
        "identified": 1,
        "invited": 0,
        "confirmed": 0,
        "declined": 0,
        "registered": 0,
        "attended": 0,
    }
    assert data["overdue_by_owner"] == [{"owner": "listowner", "overdue": 1}]


def _bearer(user):
    from tests.api.conftest import bearer

    return bearer(user)


def test_status_unknown_conference_fails_in_one_line(run, target_list):
    result = run("invitations", "status", "--conference", "nowhere", "--json")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "accord: No conference 'nowhere' (conferences: conf).\n"


# --- send --------------------------------------------------------------------------------------


def _send(run, *args, base_url="http://x.example"):
    return run("invitations", "send", "--list", "Private sector", "--base-url", base_url, *args)


def _add(admin, target_list, *names):
    for name in names:
        pipeline.add_invitee(
            user=admin, target_list=target_list, name=name, email=f"{name.lower()}@example.org"
        )


def test_send_invites_the_identified_now_and_records_the_batch(run, admin, target_list, mailoutbox):
    _add(admin, target_list, "Ada", "Bo")
    invited = pipeline.add_invitee(user=admin, target_list=target_list, name="Cy", email="cy@x.org")
    pipeline.move_invitee(user=admin, invitee=invited, state="invited")

    result = _send(run, base_url="https://accord.example.org")

    batch = InvitationBatch.objects.get()
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Batch {batch.pk}: 2 of 2 invitations sent for 'Private sector', 0 failed.\n"
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "bo@example.org"]
    assert "https://accord.example.org/c/conf/register/" in mailoutbox[0].body
    assert sorted(target_list.invitees.values_list("email", "state")) == [
        ("ada@example.org", "invited"),
        ("bo@example.org", "invited"),
        ("cy@x.org", "invited"),
    ]
    assert batch.state == "done"


def test_send_chosen_emails_as_json(run, admin, target_list, mailoutbox):
    _add(admin, target_list, "Ada", "Bo")

    result = _send(run, "--email", "BO@example.org", "--json")

    data = json.loads(result.stdout)
    assert data == {
        "batch": InvitationBatch.objects.get().pk,
        "list": "Private sector",
        "total": 1,
        "sent": 1,
        "failed": 0,
        "failures": [],
    }
    assert [m.to for m in mailoutbox] == [["bo@example.org"]]


def test_send_dry_run_sends_nothing(run, admin, target_list, mailoutbox):
    _add(admin, target_list, "Ada")
    before = _row_counts()

    result = _send(run, "--dry-run")

    assert result.stdout.splitlines() == [
        "Ada <ada@example.org>",
        "Dry run: 1 invitations to send; nothing was sent.",
    ]
    assert (mailoutbox, _row_counts()) == ([], before)


def test_send_failures_are_recorded_listed_and_exit_2(run, admin, target_list, settings):
    _add(admin, target_list, "Ada")
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }

    result = _send(run)

    batch = InvitationBatch.objects.get()
    assert result.exit_code == 2
    assert result.stdout == (
        f"Batch {batch.pk}: 0 of 1 invitations sent for 'Private sector', 1 failed.\n"
    )
    # The server's log line comes first; the command's own line last.
    assert result.stderr.splitlines()[-1].startswith(
        "accord: not sent to ada@example.org: cannot connect: "
    )
    assert batch.sends.get().state == "failed"
    assert Invitee.objects.get().state == "identified"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--base-url", "x.example"],
            "accord: The links' address 'x.example' must start with http(s)://.\n",
        ),
        (
            ["--base-url", "http://x", "--state", "declined"],
            "accord: Invitations go to confirmed, identified, invited people, not declined.\n",
        ),
        (
            ["--base-url", "http://x", "--email", "zed@example.org"],
            "accord: Not identified on 'Private sector': zed@example.org.\n",
        ),
        (
            ["--base-url", "http://x", "--state", "confirmed"],
            "accord: Choose at least one invitee to invite.\n",
        ),
    ],
)
def test_send_bad_input_fails_in_one_line_and_sends_nothing(
    run, admin, target_list, mailoutbox, args, message
):
    _add(admin, target_list, "Ada")

    result = run("invitations", "send", "--list", "Private sector", *args)

    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert (mailoutbox, InvitationBatch.objects.count()) == ([], 0)
