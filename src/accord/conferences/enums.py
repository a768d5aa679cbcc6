from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    PREPARATION = "preparation", _("Preparation")
    CONFERENCE = "conference", _("Conference")
    FOLLOW_UP = "follow_up", _("Follow-up")


class Role(models.TextChoices):
    """Roles held through an appointment. Delegates are members of a delegation instead."""

    CHAIR = "chair", _("Chair")
    OBSERVER = "observer", _("Observer")


class Gender(models.TextChoices):
    UNSTATED = "", _("Not stated")
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
