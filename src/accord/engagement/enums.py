from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    """As registrants state it; "undisclosed" when they prefer not to say."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class RegistrationState(models.TextChoices):
    """A registration waits for the secretariat's decision; "registered" means approved."""

    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class InviteeState(models.TextChoices):
    """The invitation pipeline, in order; "declined" is a dead end beside "confirmed"."""

    IDENTIFIED = "identified", _("Identified")
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    REGISTERED = "registered", _("Registered")
    ATTENDED = "attended", _("Attended")


class DeadlineStep(models.TextChoices):
    """The pipeline steps that have a deadline before the conference opens."""

    INVITED = "invited", _("Invitation sent")
    CONFIRMED = "confirmed", _("Participation confirmed")
    REGISTERED = "registered", _("Registered")


class SendState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class BatchState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Sending")
    DONE = "done", _("Done")
