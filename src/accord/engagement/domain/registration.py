"""Registrations: submitted through a personal link (or openly, when the conference allows),
decided by the secretariat, attendance marked at the conference.

Government delegates attach a credentials letter (PDF, PNG or JPEG, at most
``ACCORD_CREDENTIALS_MAX_BYTES``, default 5 MB), kept in the data directory and handed
out only to the secretariat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.errors import DomainError, refused_if_taken
from accord.engagement import rules, tasks
from accord.engagement.domain.deadlines import RANK
from accord.engagement.domain.pipeline import move_invitee
from accord.engagement.enums import Gender, InviteeState, RegistrationState
from accord.engagement.interfaces.emails import decision_message
from accord.engagement.models import EngagementSettings, Invitee, Registration
from accord.reference.models import ConstituentGroup, MembershipCategory, Region
from accord.rules import require

# File signatures of the accepted credentials formats.
SIGNATURES = {b"%PDF-": "PDF", b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def max_credentials_bytes() -> int:
    return int(getattr(settings, "ACCORD_CREDENTIALS_MAX_BYTES", 5 * 1024 * 1024))


def open_registration(conference: Conference) -> bool:
    found = EngagementSettings.objects.filter(conference=conference).first()
    return bool(found and found.open_registration)


def set_open_registration(*, user: Any, conference: Conference, open: bool) -> None:
    require(
        rules.can_manage_engagement(user, conference),
        gettext("Only the secretariat opens registration."),
    )
    with transaction.atomic():
        found, _ = EngagementSettings.objects.get_or_create(conference=conference)
        if found.open_registration != open:
            found.open_registration = open
            found.save(update_fields=["open_registration"])
            record(
                actor=user,
                action="engagement.open_registration",
                target=found,
                conference=conference,
                changes={"open_registration": [not open, open]},
            )


def needs_credentials(
    constituent_group: ConstituentGroup | None, membership_category: MembershipCategory | None
) -> bool:
    """Government delegates (a government, or a Member State's administration) bring one."""
    return bool(
        (constituent_group and constituent_group.code == "government")
        or (membership_category and membership_category.code == "member_state")
    )


@dataclass(frozen=True)
class RegistrationForm:
    """What a registrant fills in."""

    name: str
    email: str
    organization_name: str = ""
    region: Region | None = None
    constituent_group: ConstituentGroup | None = None
    membership_category: MembershipCategory | None = None
    gender: str = Gender.UNDISCLOSED


def _check_credentials(upload: UploadedFile | None, required: bool) -> None:
    if upload is None:
        if required:
            raise DomainError(
                gettext("Government delegates attach their credentials letter (PDF, PNG or JPEG)."),
                field="credentials",
            )
        return
    limit = max_credentials_bytes()
    if (upload.size or 0) > limit:
        raise DomainError(
            gettext(
                "The credentials letter '%(name)s' is %(size)s bytes; the limit is %(limit)s bytes."
            )
            % {"name": upload.name, "size": format(upload.size, ","), "limit": format(limit, ",")},
            field="credentials",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES):
        raise DomainError(
            gettext("The credentials letter '%(name)s' is not a PDF, PNG or JPEG file.")
            % {"name": upload.name},
            field="credentials",
        )


def register(
    *,
    conference: Conference,
    form: RegistrationForm,
    invitee: Invitee | None = None,
    credentials: UploadedFile | None = None,
) -> Registration:
    """Record a registration, pending the secretariat's decision. Without ``invitee`` (a
    personal link) only a conference with open registration accepts it."""
    if invitee is None and not open_registration(conference):
        raise DomainError(
            gettext("Registration for %(short_name)s is by invitation: use your personal link.")
            % {"short_name": conference.short_name}
        )
    if invitee is not None and invitee.target_list.conference_id != conference.pk:
        raise DomainError(gettext("This registration link belongs to another conference."))
    name, email = form.name.strip(), form.email.strip().lower()
    if not name:
        raise DomainError(gettext("Give your name."), field="name")
    if not email or "@" not in email:
        raise DomainError(
            gettext("Give an e-mail address such as name@example.org."), field="email"
        )
    if form.gender not in Gender.values:
        raise DomainError(
            gettext("Unknown gender '%(gender)s'.") % {"gender": form.gender}, field="gender"
        )
    _check_credentials(
        credentials, needs_credentials(form.constituent_group, form.membership_category)
    )
    already = DomainError(
        gettext("%(email)s is already registered for %(short_name)s.")
        % {"email": email, "short_name": conference.short_name},
        field="email",
    )
    if already_registered(conference, email):
        raise already
    registration = Registration(
        conference=conference,
        invitee=invitee,
        name=name,
        email=email,
        organization_name=form.organization_name.strip(),
        region=form.region,
        constituent_group=form.constituent_group,
        membership_category=form.membership_category,
        gender=form.gender,
    )
    try:
        with refused_if_taken(already):
            if credentials is not None:
                registration.credentials_name = credentials.name or "credentials"
                registration.credentials.save(_stored_name(credentials), credentials, save=False)
            registration.save()
            record(
                actor=None,
                action="engagement.registered",
                target=registration,
                conference=conference,
                changes={
                    "email": [None, email],
                    "invitee": [None, invitee.pk if invitee else None],
                },
            )
    except DomainError:
        if registration.credentials:  # stored before the row was refused: not kept
            registration.credentials.delete(save=False)
        raise
    return registration


def already_registered(conference: Conference, email: str) -> bool:
    """Whether ``email`` has a pending or approved registration (a rejected one may retry)."""
    live = [RegistrationState.PENDING, RegistrationState.APPROVED]
    return Registration.objects.filter(conference=conference, email=email, state__in=live).exists()


def _stored_name(upload: UploadedFile) -> str:
    """A neutral name on disk (the original is kept in ``credentials_name``)."""
    kind = next(k for s, k in SIGNATURES.items() if upload.read(8).startswith(s))
    upload.seek(0)
    return f"credentials.{ {'PDF': 'pdf', 'PNG': 'png', 'JPEG': 'jpg'}[kind] }"


def decide(
    *, user: Any, registration: Registration, approve: bool, reason: str = "", notify: bool = True
) -> Registration:
    """Approve or reject a pending registration (secretariat); the registrant is e-mailed
    (unless ``notify`` is false, e.g. for demo data) and, on approval, their invitee moves to
    "registered"."""
    conference = registration.conference
    require(
        rules.can_decide_registrations(user, conference),
        gettext("Only the secretariat approves or rejects registrations."),
    )
    if registration.state != RegistrationState.PENDING:
        state = registration.get_state_display().lower()
        raise DomainError(
            gettext("%(name)s's registration is already %(state)s.")
            % {"name": registration.name, "state": state}
        )
    reason = reason.strip()
    if not approve and not reason:
        raise DomainError(gettext("Say why the registration is rejected."), field="reason")
    new = RegistrationState.APPROVED if approve else RegistrationState.REJECTED
    with transaction.atomic():
        registration.state = new
        registration.decided_at = timezone.now()
        registration.decided_by = user if getattr(user, "pk", None) else None
        registration.decision_note = reason
        registration.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])
        record(
            actor=user,
            action="engagement.registration_decided",
            target=registration,
            conference=conference,
            changes={"state": [RegistrationState.PENDING, new]}
            | ({"reason": [None, reason]} if reason else {}),
        )
        invitee = registration.invitee
        if approve and invitee is not None and RANK[invitee.state] < RANK[InviteeState.REGISTERED]:
            move_invitee(
                user=user,
                invitee=invitee,
                state=InviteeState.REGISTERED,
                reason="registration approved" if invitee.state == InviteeState.DECLINED else "",
                check=False,
            )
        if notify:
            transaction.on_commit(lambda: tasks.send_decision_email.enqueue(registration.pk))
    return registration


def email_decision(*, registration_id: int) -> Registration:
    """Send the decision e-mail, recording when it went or why it did not."""
    registration = Registration.objects.select_related("conference").get(pk=registration_id)
    try:
        message = decision_message(registration)
        message.send(using="default")
    except Exception as error:  # a mail failure is recorded on the registration, not raised
        registration.decision_email_error = f"{type(error).__name__}: {error}"
        registration.save(update_fields=["decision_email_error"])
    else:
        registration.decision_emailed_at, registration.decision_email_error = timezone.now(), ""
        registration.save(update_fields=["decision_emailed_at", "decision_email_error"])
    return registration


def mark_attended(*, user: Any, registration: Registration, attended: bool = True) -> Registration:
    """Record that an approved registrant came (or undo it); their invitee follows."""
    conference = registration.conference
    require(
        rules.can_decide_registrations(user, conference),
        gettext("Only the secretariat records attendance."),
    )
    if registration.state != RegistrationState.APPROVED:
        raise DomainError(
            gettext("%(name)s is not registered (approved), so cannot attend.")
            % {"name": registration.name}
        )
    if registration.attended == attended:
        return registration
    with transaction.atomic():
        registration.attended = attended
        registration.save(update_fields=["attended"])
        record(
            actor=user,
            action="engagement.attendance",
            target=registration,
            conference=conference,
            changes={"attended": [not attended, attended]},
        )
        invitee = registration.invitee
        if invitee is not None:
            if attended and invitee.state != InviteeState.ATTENDED:
                move_invitee(user=user, invitee=invitee, state=InviteeState.ATTENDED, check=False)
            elif not attended and invitee.state == InviteeState.ATTENDED:
                move_invitee(
                    user=user,
                    invitee=invitee,
                    state=InviteeState.REGISTERED,
                    reason="attendance withdrawn",
                    check=False,
                )
    return registration
