"""Personal registration links: a signed token naming the invitee and their e-mail address.

Changing the invitee's address voids older links; links expire after
``ACCORD_INVITATION_LINK_DAYS`` days (default 400: invitations go out a year ahead).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext

from accord.core.errors import DomainError
from accord.engagement.models import Invitee

SALT = "accord.engagement.invitation"


def link_days() -> int:
    return int(getattr(settings, "ACCORD_INVITATION_LINK_DAYS", 400))


def make_token(invitee: Invitee) -> str:
    return signing.dumps({"i": invitee.pk, "e": invitee.email}, salt=SALT, compress=True)


def invitee_for(token: str) -> Invitee:
    """The invitee a token names, or a DomainError saying why the link does not work."""
    try:
        data = signing.loads(token, salt=SALT, max_age=link_days() * 86400)
    except signing.SignatureExpired as error:
        raise DomainError(
            gettext("This registration link has expired; ask the secretariat for a new one.")
        ) from error
    except signing.BadSignature as error:
        raise DomainError(gettext("This registration link is not valid.")) from error
    invitee = (
        Invitee.objects.select_related("target_list__conference")
        .filter(pk=data.get("i"), email=data.get("e"))
        .first()
    )
    if invitee is None:
        raise DomainError(gettext("This registration link is no longer valid; ask for a new one."))
    return invitee
