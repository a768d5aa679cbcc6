from django.db import models
from django.utils.translation import gettext_lazy as _


class SuggestionState(models.TextChoices):
    """A rejected suggestion is kept, so the same link is not suggested again."""

    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Method(models.TextChoices):
    """The linkage engine's methods; semantic and hybrid fall back to lexical when the
    embedding model is not installed (the run records the method actually used)."""

    LEXICAL = "lexical", _("Lexical (shared wording and keywords)")
    SEMANTIC = "semantic", _("Semantic (similar meaning)")
    HYBRID = "hybrid", _("Hybrid")


class RunState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
