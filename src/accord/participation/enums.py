from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    """The ways participants are counted; each value is a code of the matching reference table
    (or of the registration's gender)."""

    CONSTITUENT_GROUP = "constituent_group", _("Constituent group")
    REGION = "region", _("Region")
    GENDER = "gender", _("Gender")
    MEMBERSHIP_CATEGORY = "membership_category", _("Membership category")


UNKNOWN = "unknown"
"""The value under which registrations without the dimension's value are counted."""
