import datetime

from django.core.management.base import BaseCommand, CommandError

from forecasts import services, tasks


class Command(BaseCommand):
    help = (
        "Send today's review reminder digests (one email per reviewer) and any pending ones, "
        "here and now without Celery. Safe to re-run: nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the run to the Celery workers instead (the same task beat runs daily).",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Run as if the local date were this day (YYYY-MM-DD); for catching up or trying it out.",
        )

    def handle(self, *args, enqueue, today, **options):
        if enqueue:
            if today:
                raise CommandError("--today works only without --enqueue.")
            tasks.send_review_reminders.delay()
            self.stdout.write("Enqueued forecasts.tasks.send_review_reminders.")
            return
        run = services.reminders_send(today=today, deliver_now=True)
        delivered = ", ".join(f"{count} {outcome}" for outcome, count in sorted(run.delivered.items())) or "none"
        self.stdout.write(f"Created {run.digests_created} digest(s); delivery: {delivered}.")
        if run.delivered.get("pending"):
            self.stderr.write("Some digests could not be sent and stay pending; see the reminder log in the admin.")
