"""``accord token create|list|revoke``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from accord.cli.common import CliError, reports_errors, setup_django

token_app = typer.Typer(
    help="Create, list and revoke API tokens (for scripts using /api/).",
    rich_markup_mode="markdown",
)


@token_app.command("create")
@reports_errors
def token_create(
    username: Annotated[str, typer.Argument(help="The account the token acts as.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "API token",
) -> None:
    """Create a token and print its key (only on stdout, and only now: it is stored hashed)."""
    setup_django()
    from accord.api.domain import create_api_token

    token, key = create_api_token(user=_account(username), name=name)
    typer.echo(key)
    typer.echo(
        f"Token {token.pk} '{token.name}' created for {username}; keep the key now, "
        "it is not shown again. Send it as 'Authorization: Bearer <key>'.",
        err=True,
    )


@token_app.command("list")
@reports_errors
def token_list(
    username: Annotated[str | None, typer.Argument(help="Only this account's tokens.")] = None,
) -> None:
    """List tokens (never their keys): id, account, name, key prefix, last use, state."""
    setup_django()
    from accord.api.models import ApiToken

    tokens = ApiToken.objects.select_related("user").order_by("id")
    if username is not None:
        tokens = tokens.filter(user=_account(username))
    for token in tokens:
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
        state = "revoked" if token.revoked else "active"
        typer.echo(
            f"{token.pk}\t{token.user.get_username()}\t{token.name}\t{token.prefix}…\t{used}\t{state}"
        )


@token_app.command("revoke")
@reports_errors
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The id shown by 'token list'.")],
) -> None:
    """Revoke a token for good; requests sending it get 401 from then on."""
    setup_django()
    from accord.api.domain import find_token, revoke_api_token

    token = revoke_api_token(token=find_token(token_id))
    typer.echo(f"Token {token.pk} '{token.name}' of {token.user.get_username()} is revoked.")


def _account(username: str) -> Any:
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(username=username).first()
    if account is None:
        raise CliError(f"No account '{username}'.")
    return account
