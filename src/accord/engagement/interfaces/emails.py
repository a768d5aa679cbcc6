"""Compose the e-mails: plain text and HTML from templates, one message per person."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.engagement.domain.tokens import link_days, make_token
from accord.engagement.enums import RegistrationState
from accord.engagement.models import Invitee, Registration


def registration_link(invitee: Invitee, base_url: str) -> str:
    conference = invitee.target_list.conference
    path = reverse("engagement_register_invited", args=[conference.slug, make_token(invitee)])
    return base_url.rstrip("/") + path


def invitation_message(invitee: Invitee, *, base_url: str) -> EmailMultiAlternatives:
    conference = invitee.target_list.conference
    context = {
        "invitee": invitee,
        "conference": conference,
        "link": registration_link(invitee, base_url),
        "expires": timezone.now() + dt.timedelta(days=link_days()),
    }
    message = EmailMultiAlternatives(
        subject=_("Invitation to %(conference)s") % {"conference": conference.name},
        body=render_to_string("engagement/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitee.email],
    )
    message.attach_alternative(
        render_to_string("engagement/email/invitation.html", context), "text/html"
    )
    return message


def decision_message(registration: Registration) -> EmailMultiAlternatives:
    conference = registration.conference
    approved = registration.state == RegistrationState.APPROVED
    context = {"registration": registration, "conference": conference, "approved": approved}
    subject = (
        _("Your registration for %(conference)s: approved")
        if approved
        else _("Your registration for %(conference)s: not approved")
    )
    message = EmailMultiAlternatives(
        subject=subject % {"conference": conference.short_name},
        body=render_to_string("engagement/email/decision.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    message.attach_alternative(
        render_to_string("engagement/email/decision.html", context), "text/html"
    )
    return message
