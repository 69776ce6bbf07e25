from django.core.management.base import BaseCommand

from forecasts import services


class Command(BaseCommand):
    help = "Move open forecasts whose review date has come (in TIME_ZONE) to due. Safe to re-run."

    def handle(self, *args, **options):
        moved = services.forecasts_flag_due()
        self.stdout.write(f"Flagged {moved} forecast{'s' if moved != 1 else ''} as due.")
