from django.db import models
from django.utils.translation import gettext_lazy as _


class Stance(models.TextChoices):
    """What a delegation says about an item or one bracket of it.

    ``engines.consensus`` groups them: support/keep hold the text as it stands; remove, insert,
    modify, alternative, merge/move and prefer-option propose a change; oppose objects without
    proposing one; a reservation and 'other' are recorded but weigh on neither side.
    """

    SUPPORT = "support", _("Support")
    OPPOSE = "oppose", _("Oppose")
    KEEP = "keep", _("Keep")
    REMOVE = "remove", _("Remove")
    INSERT = "insert", _("Insert")
    MODIFY = "modify", _("Modify")
    PREFER_OPTION = "prefer_option", _("Prefers an option")
    ALTERNATIVE = "alternative", _("Proposes alternative text")
    MERGE_MOVE = "merge_move", _("Merge or move")
    RESERVATION = "reservation", _("Reservation")
    OTHER = "other", _("Other")


class PositionSource(models.TextChoices):
    COMMENT = "comment", _("Comment in a working document")
    CONTRIBUTION = "contribution", _("Contribution")
    STATEMENT = "statement", _("Statement at a meeting")


class ContributionState(models.TextChoices):
    """Drafts stay with the delegations that write them; submitted ones are on record."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AmendmentKind(models.TextChoices):
    ADD = "add", _("Add an item")
    MODIFY = "modify", _("Modify an item")
    DELETE = "delete", _("Delete an item")
    MOVE = "move", _("Move an item")


class Decision(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
