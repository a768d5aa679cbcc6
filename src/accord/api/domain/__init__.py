"""Writes about API access. Each function checks rules, owns its transaction and audits."""

from accord.api.domain.tokens import (
    TokenRejected,
    authenticate_key,
    create_api_token,
    find_token,
    revoke_api_token,
)

__all__ = [
    "TokenRejected",
    "authenticate_key",
    "create_api_token",
    "find_token",
    "revoke_api_token",
]
