from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forecasts import services, transfer

MAX_ERRORS_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import forecasts from a JSON, JSON Lines or CSV file in the export_forecasts format. "
        "Every row is checked first; if any row is bad, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            count, errors = transfer.check_rows(transfer.read_rows(file))
        except transfer.ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if errors:
            shown = "\n".join(f"  {error}" for error in errors[:MAX_ERRORS_SHOWN])
            more = f"\n  … and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
            raise CommandError(
                f"{file.name}: {len(errors)} problem(s) in {count} rows; nothing was imported.\n{shown}{more}"
            )
        if count == 0:
            raise CommandError(f"{file.name} holds no forecasts; nothing was imported.")
        result = services.forecasts_import(rows=transfer.parsed_rows(transfer.read_rows(file)))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.created} forecasts from {file.name}; "
                f"{result.skipped_existing} already recorded were left as they are."
            )
        )
        if result.reviewers_created:
            self.stdout.write(
                self.style.WARNING(
                    f"Created {len(result.reviewers_created)} reviewer account(s) that did not exist: "
                    f"{', '.join(result.reviewers_created[:10])}{' …' if len(result.reviewers_created) > 10 else ''}. "
                    "Check their email addresses in the admin (Users) so that reminders reach them."
                )
            )
