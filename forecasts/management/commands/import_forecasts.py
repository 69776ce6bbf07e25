from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from forecasts import services, transfer

MAX_ERRORS_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import forecasts from a JSON, JSON Lines or CSV file in the export_forecasts format. "
        "Every row is checked first; if any row is bad, nothing is written. A username with no "
        "account is a bad row unless --create-reviewers is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--create-reviewers",
            action="store_true",
            help="Create an account for each username the file names that has none: staff, in the Reviewers "
            "group, without a password; each is emailed an invitation to set one.",
        )

    def handle(self, *args, file: Path, create_reviewers: bool = False, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            count, errors = transfer.check_rows(transfer.read_rows(file))
        except transfer.ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not errors and not create_reviewers:
            errors = transfer.unknown_account_errors(transfer.read_rows(file))
        if errors:
            shown = "\n".join(f"  {error}" for error in errors[:MAX_ERRORS_SHOWN])
            more = f"\n  … and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
            raise CommandError(
                f"{file.name}: {len(errors)} problem(s) in {count} rows; nothing was imported.\n{shown}{more}"
            )
        if count == 0:
            raise CommandError(f"{file.name} holds no forecasts; nothing was imported.")
        try:
            result = services.forecasts_import(
                rows=transfer.parsed_rows(transfer.read_rows(file)), create_reviewers=create_reviewers
            )
        except ValidationError as exc:  # an account deleted since the check
            raise CommandError(" ".join(exc.messages)) from exc
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
                    "Each is in the Reviewers group and was emailed an invitation to set a password; check "
                    "their email addresses in the admin (Users), and send an invitation again with "
                    "`manage.py invite_user USERNAME --email ADDRESS --role reviewer`."
                )
            )
