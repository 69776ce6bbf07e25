"""Create the two schedules in django-celery-beat's tables, so they exist after `migrate`
and can be edited (or disabled) in the admin like any other periodic task."""

from django.conf import settings
from django.db import migrations

FLAG_TASK = "forecasts.tasks.flag_due_forecasts"
REMIND_TASK = "forecasts.tasks.send_review_reminders"


def create_schedules(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")

    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    daily, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour=str(settings.REMINDER_HOUR),
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone=settings.TIME_ZONE,
    )
    # get_or_create by name: re-running never duplicates, and an admin's edits are kept.
    PeriodicTask.objects.get_or_create(
        name="Flag forecasts whose review date has come",
        defaults={"task": FLAG_TASK, "interval": hourly},
    )
    PeriodicTask.objects.get_or_create(
        name="Send review reminder digests",
        defaults={"task": REMIND_TASK, "crontab": daily},
    )


def delete_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task__in=[FLAG_TASK, REMIND_TASK]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0003_reminders_and_snooze"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
