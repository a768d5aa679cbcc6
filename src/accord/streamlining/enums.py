from django.db import models
from django.utils.translation import gettext_lazy as _


class CorpusKind(models.TextChoices):
    RESOLUTIONS = "resolutions", _("Resolutions")
    QUESTIONS = "questions", _("Study Questions")
    REGIONAL_PRIORITIES = "regional_priorities", _("Regional priorities")
    OTHER = "other", _("Other texts")


class Method(models.TextChoices):
    """The overlap engine's methods; semantic and hybrid fall back to lexical, with a
    warning, when the embedding model is not installed."""

    LEXICAL = "lexical", _("Lexical (shared wording)")
    SEMANTIC = "semantic", _("Semantic (similar meaning)")
    HYBRID = "hybrid", _("Hybrid")


class RunState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
