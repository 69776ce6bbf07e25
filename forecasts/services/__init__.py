"""Every write to forecasts, reminders and proposals goes through these functions: the admin, the
API, the views, the management commands and the Celery tasks all call them, so each rule lives in
one place. One module per topic; callers read `services.forecast_resolve(...)`."""

from .access import (
    EDITOR_PERMISSIONS,
    REVIEWER_PERMISSIONS,
    access_groups_ensure,
    account_invite,
    admin_login_ensure,
    invitation_send,
    role_groups,
)
from .events import (
    EVENT_EDITABLE_FIELDS,
    EventResolution,
    event_create,
    event_resolve,
    event_update,
    forecast_link_event,
)
from .forecasts import (
    CORRECTABLE_FIELDS,
    EDITABLE_FIELDS,
    FROZEN_FIELDS,
    ForecastConflict,
    forecast_check_version,
    forecast_create,
    forecast_update,
    tags_get_or_create,
)
from .proposals import (
    forecasts_accept,
    forecasts_reject,
    forecasts_restore,
    proposal_problems,
    propose_forecasts_from_article,
)
from .public import calendar_token_issue, public_data_changed
from .reminders import (
    ReminderRun,
    reminder_digest_deliver,
    reminder_digests_create,
    reminder_digests_deliver_pending,
    reminders_send,
)
from .resolution import forecast_correct, forecast_resolve, forecast_unresolve
from .scheduling import forecast_snooze, forecasts_flag_due
from .seed import SEED_FILE, SeedResult, seed_load
from .transfer import ImportResult, forecasts_import

__all__ = [
    "CORRECTABLE_FIELDS",
    "EDITABLE_FIELDS",
    "EDITOR_PERMISSIONS",
    "EVENT_EDITABLE_FIELDS",
    "FROZEN_FIELDS",
    "REVIEWER_PERMISSIONS",
    "SEED_FILE",
    "EventResolution",
    "ForecastConflict",
    "ImportResult",
    "ReminderRun",
    "SeedResult",
    "access_groups_ensure",
    "account_invite",
    "admin_login_ensure",
    "calendar_token_issue",
    "event_create",
    "event_resolve",
    "event_update",
    "forecast_check_version",
    "forecast_correct",
    "forecast_create",
    "forecast_link_event",
    "forecast_resolve",
    "forecast_snooze",
    "forecast_unresolve",
    "forecast_update",
    "forecasts_accept",
    "forecasts_flag_due",
    "forecasts_import",
    "forecasts_reject",
    "forecasts_restore",
    "invitation_send",
    "proposal_problems",
    "propose_forecasts_from_article",
    "public_data_changed",
    "reminder_digest_deliver",
    "reminder_digests_create",
    "reminder_digests_deliver_pending",
    "reminders_send",
    "role_groups",
    "seed_load",
    "tags_get_or_create",
]
