from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "accord.api"
    verbose_name = "API"
