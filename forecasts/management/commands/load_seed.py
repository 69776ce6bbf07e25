from django.core.management.base import BaseCommand

from forecasts.services import seed_load


class Command(BaseCommand):
    help = "Record the seed article (East Asia Forum, January 2023) and its curated forecasts. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-outcomes",
            action="store_true",
            help="Also resolve the forecasts the seed file has evidence for, to see a populated scorecard.",
        )

    def handle(self, *args, with_outcomes: bool, **options):
        result = seed_load(with_outcomes=with_outcomes)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed article {'recorded' if result.source_created else 'already recorded'}; "
                f"{result.forecasts_created} forecasts recorded, {result.forecasts_existing} already present"
                + (f"; {result.forecasts_resolved} resolved from the evidence." if with_outcomes else ".")
            )
        )
