from django.core.management.base import BaseCommand

from accord.reference.domain import load_reference_data


class Command(BaseCommand):
    help = "Create or update the reference data the project ships (idempotent)."

    def handle(self, *args, **options) -> None:
        for table, changed in load_reference_data().items():
            self.stdout.write(f"{table}: {changed} changed")
