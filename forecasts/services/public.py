"""Writes that the public pages need: the data version their caches and ETags follow, and the
reviewers' private calendar keys."""

import datetime
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import DateTimeField, F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from ..models import CalendarToken, PublicDataVersion

_VERSION_ROW = 1


def public_data_changed() -> None:
    """Bump the public data version once the current transaction commits.

    After the commit, not inside it: a reader that picked up the old version while the write was
    under way may have cached what it read under that old version, and only a version bumped after
    the commit tells the next reader to look again. A bump inside the transaction would also hold
    the one version row locked until the commit, queueing every other writer behind it.
    Bulk writes (imports, flagging) call this once for all their rows."""
    transaction.on_commit(_bump, robust=True)


def _bump() -> None:
    # Last-Modified has whole seconds: each version gets a later second than the one before, or a
    # reader who revalidates with If-Modified-Since alone would be told that nothing changed after
    # a second write within the same second.
    now = timezone.now().replace(microsecond=0)
    later = Greatest(Value(now, output_field=DateTimeField()), F("changed_at") + datetime.timedelta(seconds=1))
    if not PublicDataVersion.objects.filter(pk=_VERSION_ROW).update(value=F("value") + 1, changed_at=later):
        PublicDataVersion.objects.get_or_create(pk=_VERSION_ROW, defaults={"value": 2, "changed_at": now})


@transaction.atomic
def calendar_token_issue(*, user: AbstractBaseUser) -> CalendarToken:
    """A new private calendar key for `user`; the old URL stops working at once."""
    token, _created = CalendarToken.objects.update_or_create(
        user=user, defaults={"key": secrets.token_urlsafe(32), "created_at": timezone.now()}
    )
    token.full_clean()
    return token
