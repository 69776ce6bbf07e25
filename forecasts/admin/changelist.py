"""The forecast changelist: bad date filters reported as such, and the date hierarchy listed from
the span of review dates."""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models import Max, Min


class ForecastChangeList(ChangeList):
    def get_filters(self, request):
        # Django computes the end of a date-hierarchy period by adding to its start, which
        # overflows in year 9999; that is a bad filter (the list says so), not a server error.
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class SpanDates:
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
