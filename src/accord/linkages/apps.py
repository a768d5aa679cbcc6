from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkagesConfig(AppConfig):
    name = "accord.linkages"
    verbose_name = _("Linkage suggestions")
