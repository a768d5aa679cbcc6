from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreamliningConfig(AppConfig):
    name = "accord.streamlining"
    verbose_name = _("Streamlining")
