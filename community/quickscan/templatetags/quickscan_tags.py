"""Filters for showing scores the Dutch way: 3,3 and +0,5."""

from django import template
from django.utils.translation import gettext as _

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
        return _("gelijk gebleven")
    if value > 0:
        return _("gestegen met {change}").format(change=score_text(abs(value)))
    return _("gedaald met {change}").format(change=score_text(abs(value)))


@register.filter
def level_name(value):
    try:
        return LEVEL_NAMES[int(value)].lower()
    except (KeyError, TypeError, ValueError):
        return ""
