"""Template tags that put discussions on cms pages without the page models knowing.

{% discussion_for page as discussion %} then {% include "discussions/discussion.html" %}
renders an instrument's discussion for the viewer (the count is in
`discussion.count`); {% recent_discussions as items %} gives the latest comments
on instruments the viewer may see (home page).
"""

from django import template

from ..selectors import discussion_for_viewer
from ..selectors import recent_discussions as recent

register = template.Library()


def _user(context):
    return getattr(context.get("request"), "user", None)


@register.simple_tag(takes_context=True)
def discussion_for(context, page):
    return discussion_for_viewer(page=page, user=_user(context))


@register.simple_tag(takes_context=True)
def recent_discussions(context, limit=5):
    return recent(user=_user(context), limit=limit)
