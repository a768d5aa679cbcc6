"""Who acts: a signed-in user, or an operator running ``accord`` commands on the server."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User


@dataclass(frozen=True)
class Operator:
    """Someone with shell access to the server, running an ``accord`` command.

    They could edit the database directly, so they act with the secretariat's rights; the audit
    trail records the operating-system account that ran the command.
    """

    login: str
    pk = None
    is_authenticated = True
    is_active = True
    is_staff = True
    is_superuser = True

    def get_username(self) -> str:
        return f"operator:{self.login}"

    def get_full_name(self) -> str:
        return ""


def operator() -> Operator:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        login = "unknown"
    return Operator(login)


def user_or_none(actor: Any) -> User | None:
    """The user account to store in a foreign key: None for the system or an operator."""
    return actor if isinstance(actor, User) and actor.is_authenticated else None
