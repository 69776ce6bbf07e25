from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_access_groups(sender, **kwargs):
    from . import services  # the app registry is ready only when the signal fires

    services.access_groups_ensure()


class ForecastsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "forecasts"
    verbose_name = "Forecasts"

    def ready(self):
        # After every migrate (and every test-database flush), so the groups always exist.
        post_migrate.connect(_ensure_access_groups, sender=self)
        from .public import versioning

        versioning.connect()
