from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    """Lists the secretariat provides; the values are the matching ``plans.LinkageType``
    values, so a linkage of that type is checked against the imported entries."""

    STRATEGIC_GOAL = "strategic_goal", _("Strategic plan goal or target")
    RESOLUTION = "resolution", _("Resolution")
    REGIONAL_INITIATIVE = "regional_initiative", _("Regional initiative")
    QUESTION = "question", _("Study Question")
