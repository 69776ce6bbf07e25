"""Template tags of the admin's pages; what they compute lives in forecasts.admin."""

import copy

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy

from forecasts.admin import due_list
from forecasts.admin.changelist import SpanDates
from forecasts.admin.index import due_summary

register = template.Library()


@register.inclusion_tag("admin/forecasts/due_summary.html", takes_context=True)
def forecasts_due_summary(context):
    return due_summary(context["request"].user)


@register.inclusion_tag("admin/date_hierarchy.html")
def review_date_hierarchy(cl):
    """Django's date hierarchy, with the periods listed from the date span (SpanDates)."""
    spanned = copy.copy(cl)
    spanned.queryset = SpanDates(cl.queryset)
    return date_hierarchy(spanned) or {}


@register.filter
def days_overdue(forecast):
    """Days past the review date of an unresolved forecast (forecasts.admin.due_list)."""
    return due_list.days_overdue(forecast)
