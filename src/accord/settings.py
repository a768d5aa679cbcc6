"""Django settings, read from the environment once, with documented defaults.

Environment variables (all optional):

- ``ACCORD_DATA_DIR``: folder for the SQLite file, uploads and the generated secret key
  (default ``./var``, resolved against the working directory).
- ``DATABASE_URL``: e.g. ``postgres://user:pass@127.0.0.1:5432/accord``
  (default ``sqlite:///$ACCORD_DATA_DIR/accord.sqlite3``).
- ``ACCORD_SECRET_KEY``: Django's secret key (default: generated on first run and stored in
  ``$ACCORD_DATA_DIR/secret_key`` with mode 0600).
- ``ACCORD_DEBUG``: ``1``/``true`` to turn debug on (default off).
- ``ACCORD_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``ACCORD_CSRF_TRUSTED_ORIGINS``: comma-separated origins behind a proxy (default none).
- ``ACCORD_TASKS``: ``thread`` runs background tasks in a thread of the serving process;
  ``immediate`` runs them inside the request that enqueues them (default ``thread``).
- ``ACCORD_EMAIL_HOST`` / ``ACCORD_EMAIL_PORT``: the SMTP server for invitation and decision
  e-mails (default ``127.0.0.1`` / ``25``); with neither set nor ``ACCORD_EMAIL_BACKEND``,
  e-mails are written to the console instead of sent.
- ``ACCORD_EMAIL_USER`` / ``ACCORD_EMAIL_PASSWORD``: SMTP login (default none).
- ``ACCORD_EMAIL_TLS``: ``1``/``true`` for STARTTLS (default off).
- ``ACCORD_EMAIL_FROM``: the sender address (default ``accord@localhost``).
- ``ACCORD_EMAIL_BACKEND``: a Django e-mail backend path, overriding the choice above.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def _secret_key(data_dir: Path) -> str:
    """Return the configured key, or one generated once and kept in the data directory."""
    if key := os.environ.get("ACCORD_SECRET_KEY"):
        return key
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ACCORD_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = os.environ.get("ACCORD_DEBUG", "").lower() in _TRUE
ALLOWED_HOSTS = _env_list("ACCORD_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = _env_list("ACCORD_CSRF_TRUSTED_ORIGINS", "")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'accord.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite holds one writer at a time: wait for it instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the API docs' Swagger files locally instead of from a CDN
    "accord.audit",
    "accord.reference",
    "accord.conferences",
    "accord.plans",
    "accord.negotiation",
    "accord.streamlining",
    "accord.meetings",
    "accord.regional",
    "accord.engagement",
    "accord.participation",
    "accord.linkages",
    "accord.api",
    "accord.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "accord.urls"
WSGI_APPLICATION = "accord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# The six official languages of the United Nations; English is the source language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "uploads"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps' folders: no collectstatic step to forget.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered fragments (the plan page body, the conference navigation) are cached per process,
# keyed by what they show, so a stale entry is never served, only left to age out. Keys are
# many (a plan page per version, language and opened priorities), hence more than the default 300.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

# Background tasks (e.g. an overlap analysis): in a thread of the serving process, or inside the
# request with ACCORD_TASKS=immediate (what the tests use, for determinism).
_TASK_BACKENDS = {
    "thread": "accord.core.tasks_backend.ThreadBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_tasks = os.environ.get("ACCORD_TASKS", "thread").strip().lower()
if _tasks not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"ACCORD_TASKS is {_tasks!r}; expected one of {', '.join(_TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks]}}

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ACCORD_LOG_LEVEL", "WARNING")},
}

# E-mail (invitations, registration decisions): SMTP when a host is configured, else console.
# Django 6.1's MAILERS (the EMAIL_* settings are deprecated).
_email_backend = os.environ.get("ACCORD_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("ACCORD_EMAIL_HOST") or os.environ.get("ACCORD_EMAIL_PORT")
    else "django.core.mail.backends.console.EmailBackend"
)
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": {
            "host": os.environ.get("ACCORD_EMAIL_HOST", "127.0.0.1"),
            "port": int(os.environ.get("ACCORD_EMAIL_PORT", "25")),
            "username": os.environ.get("ACCORD_EMAIL_USER", ""),
            "password": os.environ.get("ACCORD_EMAIL_PASSWORD", ""),
            "use_tls": os.environ.get("ACCORD_EMAIL_TLS", "").lower() in _TRUE,
            "timeout": 30,
        }
        if _email_backend.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("ACCORD_EMAIL_FROM", "accord@localhost")
