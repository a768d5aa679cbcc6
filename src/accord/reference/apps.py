from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_after_migrate(sender, **kwargs) -> None:
    from accord.reference.domain import load_reference_data

    load_reference_data()


class ReferenceConfig(AppConfig):
    name = "accord.reference"
    verbose_name = "Reference data"

    def ready(self) -> None:
        # Reference data is loaded after every migrate (and every test-database flush).
        post_migrate.connect(_load_after_migrate, sender=self)
