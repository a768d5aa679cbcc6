"""API tokens: a script acts as the user who owns the token."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX = 100


class ApiToken(models.Model):
    """A bearer token. Only the SHA-256 digest of the key is kept: the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=NAME_MAX, help_text=_("What the token is for."))
    prefix = models.CharField(
        _("prefix"), max_length=12, help_text=_("The key's first characters, to recognise it.")
    )
    key_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
