from django import template

from forecasts import rules

register = template.Library()


@register.filter
def percent(probability):
    """A probability as the percentage it was entered as ("67.5%")."""
    return "" if probability is None else rules.probability_percent(probability)
