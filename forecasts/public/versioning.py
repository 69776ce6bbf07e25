"""The public data version: what every public page's cache key and ETag are made of."""

import datetime

from django.db.models.signals import m2m_changed, post_delete, post_save

from sources.models import Author, Publication, Source

from .. import services
from ..models import Forecast, ForecastCorrection, PublicDataVersion, Tag


def current() -> tuple[int, datetime.datetime | None]:
    """(version, when it last changed); (1, None) before anything was ever written."""
    row = PublicDataVersion.objects.filter(pk=1).values_list("value", "changed_at").first()
    return row if row is not None else (1, None)


def _changed(sender, **kwargs) -> None:
    services.public_data_changed()


# Everything a public page prints comes from these models. Set-based writes (bulk imports,
# flagging due forecasts) send no signals; their services bump the version themselves.
WATCHED = (Forecast, ForecastCorrection, Source, Author, Publication, Tag)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"public-version-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"public-version-delete-{model.__name__}")
    m2m_changed.connect(_changed, sender=Forecast.tags.through, dispatch_uid="public-version-forecast-tags")
    m2m_changed.connect(_changed, sender=Source.authors.through, dispatch_uid="public-version-source-authors")
