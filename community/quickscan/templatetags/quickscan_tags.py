"""Filters for showing scores the Dutch way: 3,3 and +0,5."""

from django import template

from community.quickscan.heatmap import delta_text, score_text
from community.quickscan.models import LEVEL_NAMES

register = template.Library()


@register.filter
def score(value):
    return score_text(value)


@register.filter
def delta(value):
    return delta_text(value)


@register.filter
def delta_words(value):
    """The change in words, for screen readers and the table."""
    if value is None:
        return ""
    if abs(value) < 0.05:
        return "gelijk gebleven"
    return f"{'gestegen' if value > 0 else 'gedaald'} met {score_text(abs(value))}"


@register.filter
def level_name(value):
    try:
        return LEVEL_NAMES[int(value)].lower()
    except (KeyError, TypeError, ValueError):
        return ""
