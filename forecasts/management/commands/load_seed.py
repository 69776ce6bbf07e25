from django.core.management.base import BaseCommand

from forecasts.seeding import seed_load


class Command(BaseCommand):
    help = "Record the seed article (East Asia Forum, January 2023) and its curated forecasts. Idempotent."

    def handle(self, *args, **options):
        result = seed_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed article {'recorded' if result.source_created else 'already recorded'}; "
                f"{result.forecasts_created} forecasts recorded, {result.forecasts_existing} already present."
            )
        )
