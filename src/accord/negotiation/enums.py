from django.db import models
from django.utils.translation import gettext_lazy as _


class Stance(models.TextChoices):
    KEEP = "keep", _("Keep")
    REMOVE = "remove", _("Remove")
    INSERT = "insert", _("Insert")
    MODIFY = "modify", _("Modify")
    ALTERNATIVE = "alternative", _("Alternative")
    MERGE_MOVE = "merge_move", _("Merge or move")
    OTHER = "other", _("Other")


class PositionSource(models.TextChoices):
    COMMENT = "comment", _("Comment in a working document")
    CONTRIBUTION = "contribution", _("Contribution")
    STATEMENT = "statement", _("Statement at a meeting")
