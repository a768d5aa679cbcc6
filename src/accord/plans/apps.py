from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "accord.plans"
    verbose_name = "Action Plan"

    def ready(self) -> None:
        from accord.plans import signals

        signals.connect()
