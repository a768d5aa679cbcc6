from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.core.actors import operator
from accord.core.errors import DomainError
from accord.reference.domain import import_reference_entries, import_sdg_targets

LISTS = {
    "strategic-goals": "strategic_goal",
    "resolutions": "resolution",
    "regional-initiatives": "regional_initiative",
    "questions": "question",
}


class Command(BaseCommand):
    help = (
        "Import SDG targets or one of the secretariat's lists from a file, as the operator "
        "(the same as 'accord import-reference KIND FILE')."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=["sdg-targets", *LISTS])
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Write nothing.")

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        try:
            if options["kind"] == "sdg-targets":
                report = import_sdg_targets(
                    user=operator(), source=path, name=path.name, dry_run=options["dry_run"]
                )
            else:
                report = import_reference_entries(
                    user=operator(),
                    kind=LISTS[options["kind"]],
                    source=path,
                    name=path.name,
                    dry_run=options["dry_run"],
                )
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"{report.source}: {len(report.created)} new, {len(report.updated)} updated, "
            f"{report.unchanged} unchanged{' (dry run: nothing written)' if report.dry_run else ''}"
        )
