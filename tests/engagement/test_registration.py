from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engagement.domain import registration as domain
from accord.engagement.domain.tokens import invitee_for, make_token
from accord.reference.models import ConstituentGroup

PDF = b"%PDF-1.4\n%test credentials\n"


def _form(**fields):
    return domain.RegistrationForm(**({"name": "Ada Mensah", "email": "ada@example.org"} | fields))


def test_register_without_link_refused_unless_open(admin, conference):
    with pytest.raises(DomainError, match="by invitation"):
        domain.register(conference=conference, form=_form())
    domain.set_open_registration(user=admin, conference=conference, open=True)
    assert domain.register(conference=conference, form=_form()).state == "pending"


def test_government_delegate_needs_credentials(conference, invitee):
    government = ConstituentGroup.objects.get(code="government")
    with pytest.raises(DomainError, match="attach their credentials letter"):
        domain.register(
            conference=conference, invitee=invitee, form=_form(constituent_group=government)
        )


def test_credentials_must_be_pdf_or_image_and_small(conference, invitee, settings):
    government = ConstituentGroup.objects.get(code="government")
    with pytest.raises(DomainError, match=r"'letter\.docx' is not a PDF, PNG or JPEG file"):
        domain.register(
            conference=conference,
            invitee=invitee,
            form=_form(constituent_group=government),
            credentials=SimpleUploadedFile("letter.docx", b"PK\x03\x04 word"),
        )
    settings.ACCORD_CREDENTIALS_MAX_BYTES = 10
    with pytest.raises(DomainError, match="is 27 bytes; the limit is 10 bytes"):
        domain.register(
            conference=conference,
            invitee=invitee,
            form=_form(constituent_group=government),
            credentials=SimpleUploadedFile("letter.pdf", PDF),
        )


def test_credentials_stored_in_data_dir(conference, invitee, settings):
    government = ConstituentGroup.objects.get(code="government")
    registered = domain.register(
        conference=conference,
        invitee=invitee,
        form=_form(constituent_group=government),
        credentials=SimpleUploadedFile("letter.pdf", PDF),
    )
    path = registered.credentials.path
    assert path.startswith(str(settings.DATA_DIR / "credentials"))
    assert registered.credentials.read() == PDF
    assert registered.credentials_name == "letter.pdf"


def test_register_twice_refused(conference, invitee):
    domain.register(conference=conference, invitee=invitee, form=_form())
    with pytest.raises(DomainError, match="already registered"):
        domain.register(conference=conference, invitee=invitee, form=_form())


def test_decide_secretariat_only_and_reject_needs_reason(admin, conference, invitee, owner):
    registered = domain.register(conference=conference, invitee=invitee, form=_form())
    with pytest.raises(NotAllowed):
        domain.decide(user=owner, registration=registered, approve=True)
    with pytest.raises(DomainError, match="Say why"):
        domain.decide(user=admin, registration=registered, approve=False)
    domain.decide(user=admin, registration=registered, approve=False, reason="not eligible")
    assert registered.state == "rejected"
    entry = AuditEntry.objects.get(action="engagement.registration_decided")
    assert entry.changes == {"state": ["pending", "rejected"], "reason": [None, "not eligible"]}
    invitee.refresh_from_db()
    assert invitee.state == "identified"


def test_approval_then_attendance_moves_invitee(admin, conference, invitee):
    registered = domain.register(conference=conference, invitee=invitee, form=_form())
    domain.decide(user=admin, registration=registered, approve=True)
    domain.mark_attended(user=admin, registration=registered)
    invitee.refresh_from_db()
    assert (registered.state, registered.attended, invitee.state) == ("approved", True, "attended")


def test_attendance_needs_approval(admin, conference, invitee):
    registered = domain.register(conference=conference, invitee=invitee, form=_form())
    with pytest.raises(DomainError, match="not registered"):
        domain.mark_attended(user=admin, registration=registered)


def test_token_tied_to_invitee_email(invitee):
    token = make_token(invitee)
    assert invitee_for(token) == invitee
    invitee.email = "changed@example.org"
    invitee.save()
    with pytest.raises(DomainError, match="no longer valid"):
        invitee_for(token)
    with pytest.raises(DomainError, match="not valid"):
        invitee_for(token + "x")


def test_token_expires(invitee, settings):
    token = make_token(invitee)
    settings.ACCORD_INVITATION_LINK_DAYS = -1
    with pytest.raises(DomainError, match="expired"):
        invitee_for(token)


def test_register_racing_a_registration_with_the_same_email_is_refused_cleanly(
    conference, invitee, monkeypatch, settings
):
    """Two requests pass the check before either writes: the constraint refuses the second with
    the check's message, and its stored credentials letter is removed again."""
    government = ConstituentGroup.objects.get(code="government")
    first = domain.register(conference=conference, invitee=invitee, form=_form())
    monkeypatch.setattr(domain, "already_registered", lambda conference, email: False)
    folder = Path(settings.DATA_DIR) / "credentials"
    stored_before = sorted(folder.rglob("*")) if folder.exists() else []

    with pytest.raises(DomainError) as error:
        domain.register(
            conference=conference,
            invitee=invitee,
            form=_form(constituent_group=government),
            credentials=SimpleUploadedFile("letter.pdf", PDF),
        )

    assert error.value.message == "ada@example.org is already registered for CONF."
    assert error.value.field == "email"
    assert list(domain.Registration.objects.all()) == [first]
    assert [p for p in sorted(folder.rglob("*")) if p.is_file()] == [
        p for p in stored_before if p.is_file()
    ]
