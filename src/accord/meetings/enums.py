from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    """The bodies that meet during a conference's cycle."""

    RPM = "rpm", _("Regional preparatory meeting")
    IPM = "ipm", _("Interregional preparatory meeting")
    ADVISORY_GROUP = "advisory_group", _("Advisory group (TDAG)")
    WORKING_GROUP = "working_group", _("Working group")
    DRAFTING_GROUP = "drafting_group", _("Drafting or rapporteur group")
    CONFERENCE = "conference", _("The conference")


class DocumentKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    REPORT = "report", _("Report")
    INFORMATION = "information", _("Information document")
    AGENDA = "agenda", _("Agenda")


class Topic(models.TextChoices):
    """What a coordinator coordinates for their region: the conference's agenda topics, or
    one priority of the Action Plan."""

    RESOLUTIONS = "resolutions", _("Resolutions")
    DECLARATION = "declaration", _("Declaration")
    QUESTIONS = "questions", _("Study Group Questions")
    STRATEGIC_PLAN = "strategic_plan", _("Strategic plan")
    PRIORITY = "priority", _("Action Plan priority")
