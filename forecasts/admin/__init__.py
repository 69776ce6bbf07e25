"""The forecasts admin, one module per registered model; importing the package registers them."""

from . import events, forecasts, reminders, sources, tags  # noqa: F401
