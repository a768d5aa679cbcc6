from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")


class ItemStatus(models.TextChoices):
    """The working document's colour code: green, yellow, red."""

    AGREED = "agreed", _("Agreed")
    UNDISPUTED_CHANGE = "undisputed_change", _("Undisputed change")
    DISPUTED = "disputed", _("Disputed")


class StatusSource(models.TextChoices):
    """Who set an item's status: the rule, the imported document's colour, or a chair."""

    DERIVED = "derived", _("Derived from brackets and positions")
    DOCUMENT = "document", _("As the working document has it")
    CHAIR = "chair", _("Set by the chair")


class VersionState(models.TextChoices):
    """Who may read a version: drafts stay with the secretariat and chairs until circulated."""

    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated to participants")
    PUBLISHED = "published", _("Published")


class LinkageType(models.TextChoices):
    SDG = "sdg", _("SDG")
    SDG_TARGET = "sdg_target", _("SDG target")
    WSIS = "wsis", _("WSIS action line")
    STRATEGIC_GOAL = "strategic_goal", _("Strategic plan goal or target")
    RESOLUTION = "resolution", _("Resolution")
    REGIONAL_INITIATIVE = "regional_initiative", _("Regional initiative")
    REGIONAL_PRIORITY = "regional_priority", _("Regional priority")
    QUESTION = "question", _("Study Question")


class Section(models.TextChoices):
    """Where the working document puts an item."""

    AGREED = "agreed", _("Agreed")
    FURTHER_DISCUSSION = "further_discussion", _("For further discussion")


class ChangeKind(models.TextChoices):
    INSERTION = "insertion", _("Insertion")
    DELETION = "deletion", _("Deletion")
