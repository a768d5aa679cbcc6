"""API tokens: stored as a digest, audited, refused when unknown, revoked or disabled."""

import hashlib

import pytest

from accord.api.domain import (
    TokenRejected,
    authenticate_key,
    create_api_token,
    revoke_api_token,
)
from accord.api.models import ApiToken
from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from tests import factories

pytestmark = pytest.mark.integration

PATCH = "/api/conferences/conf/versions/3/items/D.1-a"
MISSING = {
    "message": "This needs an API token: send the header 'Authorization: Bearer <token>'.",
    "field": "Authorization",
}


def test_token_stores_only_the_sha256_digest_of_its_key(admin):
    token, key = create_api_token(user=admin, name="script")

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {stored.key_digest, stored.prefix, stored.name}
    assert (stored.prefix, stored.revoked, stored.last_used_at) == (key[:8], False, None)


def test_token_creation_is_audited_without_the_key(admin):
    token, key = create_api_token(user=admin, name="script")

    entry = AuditEntry.objects.get(action="api_token.created")
    assert (entry.actor, entry.actor_name, entry.target_id) == (None, "system", str(token.pk))
    assert entry.changes == {"user": [None, "admin"], "name": [None, "script"]}
    assert key not in entry.target_repr


def test_token_for_oneself_names_the_actor(admin):
    user = factories.make_user(admin, "someone")

    create_api_token(user=user, name="mine", actor=user)

    assert AuditEntry.objects.get(action="api_token.created").actor == user


def test_token_for_someone_else_is_not_allowed(admin):
    user = factories.make_user(admin, "someone")

    with pytest.raises(NotAllowed):
        create_api_token(user=admin, name="theirs", actor=user)


def test_token_with_empty_name_is_refused(admin):
    with pytest.raises(DomainError) as error:
        create_api_token(user=admin, name="  ")

    assert (error.value.message, error.value.field) == ("The token's name is empty.", "name")


def test_authenticate_key_returns_the_user_and_notes_use(admin):
    token, key = create_api_token(user=admin, name="script")

    assert authenticate_key(key) == admin
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_authenticate_revoked_key_is_rejected(admin):
    token, key = create_api_token(user=admin, name="script")
    revoke_api_token(token=token)

    with pytest.raises(TokenRejected) as error:
        authenticate_key(key)

    assert error.value.message == "This API token was revoked."
    assert AuditEntry.objects.filter(action="api_token.revoked").count() == 1


def test_write_without_token_is_401_json(client, versions):
    response = client.patch(PATCH, {"expected_revision": 1, "text": "x"}, "application/json")

    assert response.status_code == 401
    assert response.json() == MISSING
    assert response["WWW-Authenticate"] == 'Bearer realm="accord"'


def test_write_with_session_but_no_token_is_401_json(client, versions, chair):
    client.force_login(chair)

    response = client.patch(PATCH, {"expected_revision": 1, "text": "x"}, "application/json")

    assert (response.status_code, response.json()) == (401, MISSING)


def test_write_with_unknown_token_is_401_json(client, versions):
    response = client.patch(
        PATCH,
        {"expected_revision": 1, "text": "x"},
        "application/json",
        headers={"Authorization": "Bearer acc_not-a-real-token"},
    )

    assert response.status_code == 401
    assert response.json() == {"message": "Unknown API token.", "field": "Authorization"}


def test_write_with_revoked_token_is_401_json(client, versions, chair):
    token, key = create_api_token(user=chair, name="script")
    revoke_api_token(token=token)

    response = client.patch(
        PATCH,
        {"expected_revision": 1, "text": "x"},
        "application/json",
        headers={"Authorization": f"Bearer {key}"},
    )

    assert response.status_code == 401
    assert response.json() == {"message": "This API token was revoked.", "field": "Authorization"}


def test_write_with_token_of_disabled_account_is_401_json(client, versions, chair):
    _, key = create_api_token(user=chair, name="script")
    chair.is_active = False
    chair.save(update_fields=["is_active"])

    response = client.patch(
        PATCH,
        {"expected_revision": 1, "text": "x"},
        "application/json",
        headers={"Authorization": f"Bearer {key}"},
    )

    assert response.status_code == 401
    assert response.json()["message"] == "This API token's account is disabled."


def test_read_with_bad_token_is_401_not_public(client, versions):
    response = client.get(
        "/api/conferences/conf/plan", headers={"Authorization": "Bearer acc_wrong"}
    )

    assert (response.status_code, response.json()["field"]) == (401, "Authorization")


def test_read_with_other_scheme_is_401(client, versions):
    response = client.get("/api/conferences", headers={"Authorization": "Basic YTpi"})

    assert response.status_code == 401
    assert response.json() == MISSING
