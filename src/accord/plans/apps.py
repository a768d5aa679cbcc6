from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "accord.plans"
    verbose_name = "Action Plan"
