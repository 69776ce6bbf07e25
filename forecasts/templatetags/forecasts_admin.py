from django import template

register = template.Library()


@register.inclusion_tag("admin/forecasts/due_summary.html")
def forecasts_due_summary():
    from forecasts.admin import due_summary

    return due_summary()
