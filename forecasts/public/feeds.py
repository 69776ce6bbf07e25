"""Atom feeds per pundit, outlet, article and topic: each new call and each resolution is an entry."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .. import scorecards
from ..models import Forecast
from . import pages
from .caching import public_page

ENTRIES = 50


@dataclass(frozen=True)
class FeedEntry:
    kind: str  # "new" or "resolved"
    forecast: Forecast
    when: datetime


def group_entries(forecasts, *, limit: int = ENTRIES) -> list[FeedEntry]:
    """The latest `limit` events: calls recorded and calls resolved, newest first (two small
    index-ordered queries, whatever the size of the archive)."""
    related = forecasts.select_related("author", "source", "resolved_by")
    new = [FeedEntry("new", f, f.created_at) for f in related.order_by("-created_at", "-id")[:limit]]
    resolved = [
        FeedEntry("resolved", f, f.resolved_at)
        for f in related.filter(resolved_at__isnull=False).order_by("-resolved_at", "-id")[:limit]
    ]
    return list(heapq.merge(new, resolved, key=lambda e: e.when, reverse=True))[:limit]


class GroupFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, by: str, key: str):
        if by not in scorecards.GROUP_BY_CHOICES:
            raise Http404("No such kind of feed.")
        grouping = scorecards.GROUPINGS[by]
        forecasts = scorecards.group_forecasts(by, key)
        label = None
        if forecasts.exists():
            label = grouping.model.objects.filter(pk=key).values_list(grouping.label_field, flat=True).first()
        if label is None:
            raise Http404("No forecasts recorded for this group.")
        return {"by": by, "key": key, "label": label, "forecasts": forecasts}

    def title(self, obj):
        return f"{obj['label']}: new calls and resolutions · Hindsight"

    def subtitle(self, obj):
        return f"Forecasts by or about {obj['label']} as they are recorded and as they are resolved."

    def link(self, obj):
        return reverse("scorecards:detail", args=[obj["by"], obj["key"]])

    def feed_url(self, obj):
        return reverse("public:feed", args=[obj["by"], obj["key"]])

    def items(self, obj):
        return group_entries(obj["forecasts"])

    def item_title(self, entry: FeedEntry):
        if entry.kind == "new":
            return f"New call: {entry.forecast.claim}"
        return f"Resolved ({pages.call_state(entry.forecast).label.lower()}): {entry.forecast.claim}"

    def item_description(self, entry: FeedEntry):
        forecast = entry.forecast
        return f"“{forecast.quote}” — {pages.forecast_summary(forecast)}"

    def item_link(self, entry: FeedEntry):
        url = pages.forecast_url(entry.forecast)
        return url if entry.kind == "new" else f"{url}#resolution"

    def item_guid(self, entry: FeedEntry):
        return f"{pages.forecast_url(entry.forecast)}#{entry.kind}-{entry.when.timestamp():.0f}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry: FeedEntry):
        return entry.when

    def item_updateddate(self, entry: FeedEntry):
        return entry.when

    def item_author_name(self, entry: FeedEntry):
        return entry.forecast.author.name


group_feed = public_page(GroupFeed())
