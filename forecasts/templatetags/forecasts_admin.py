import copy
import datetime

from dateutil.relativedelta import relativedelta
from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min

register = template.Library()


@register.inclusion_tag("admin/forecasts/due_summary.html")
def forecasts_due_summary():
    from forecasts.admin import due_summary

    return due_summary()


class _SpanDates:
    """Stands in for a changelist's queryset in the date hierarchy.

    Django lists the years, months or days to drill into with SELECT DISTINCT over every matching
    row, which reads the whole forecast table on each page load. Here they come from MIN and MAX
    (two index lookups) and are every period in between, so a period can show that holds no
    forecast; following it lists nothing, which costs less than counting them all.
    """

    STEPS = {"year": relativedelta(years=1), "month": relativedelta(months=1), "day": relativedelta(days=1)}

    def __init__(self, queryset):
        self._queryset = queryset

    def __getattr__(self, name):
        return getattr(self._queryset, name)

    def dates(self, field_name, kind, order="ASC"):
        span = self._queryset.aggregate(first=Min(field_name), last=Max(field_name))
        first, last = span["first"], span["last"]
        if first is None:
            return []
        if kind == "year":
            current, last = datetime.date(first.year, 1, 1), datetime.date(last.year, 1, 1)
        elif kind == "month":
            current, last = first.replace(day=1), last.replace(day=1)
        else:
            current = first
        periods = []
        while current <= last:
            periods.append(current)
            try:
                current += self.STEPS[kind]
            except (OverflowError, ValueError):
                break  # the last period of the calendar (year 9999): nothing comes after it
        return periods if order == "ASC" else periods[::-1]


@register.inclusion_tag("admin/date_hierarchy.html")
def review_date_hierarchy(cl):
    """Django's date hierarchy, with the periods listed from the date span (see _SpanDates)."""
    spanned = copy.copy(cl)
    spanned.queryset = _SpanDates(cl.queryset)
    return date_hierarchy(spanned) or {}
