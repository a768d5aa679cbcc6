from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "accord.engagement"
    verbose_name = _("Invitations and registration")
