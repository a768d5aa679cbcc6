from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "accord.conferences"
    verbose_name = "Conferences"
