import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.unit

PRINT = (
    "from django.conf import settings as s; "
    "print(s.SECRET_KEY, s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])"
)


def _settings(data_dir, **env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "DATABASE_URL"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "accord.settings",
        "ACCORD_DATA_DIR": str(data_dir),
        **env,
    }
    code = f"import django; django.setup(); {PRINT}"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stdout.split(" ", 1)


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    first_key, rest = _settings(tmp_path)
    second_key, _ = _settings(tmp_path)

    assert first_key == second_key
    assert len(first_key) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert rest.strip() == "False ['127.0.0.1', 'localhost'] django.db.backends.sqlite3"


def test_environment_overrides_the_defaults(tmp_path):
    key, rest = _settings(
        tmp_path,
        ACCORD_SECRET_KEY="given-key",
        ACCORD_DEBUG="true",
        ACCORD_ALLOWED_HOSTS="accord.example.org, localhost",
        DATABASE_URL="postgres://u:p@127.0.0.1:5432/x",
    )

    assert key == "given-key"
    assert rest.strip() == "True ['accord.example.org', 'localhost'] django.db.backends.postgresql"
    assert not (tmp_path / "secret_key").exists()
