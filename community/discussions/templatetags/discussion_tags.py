"""Template tags that put discussions on cms pages without the page models knowing.

{% discussion_for page as discussion %} then {% include "discussions/discussion.html" %}
renders an instrument's discussion for the viewer (the count is in
`discussion.count`); {% recent_discussions as items %} gives the latest comments
on instruments the viewer may see (home page). `{{ text|comment_html }}` renders
a comment's Markdown as sanitised HTML, `{{ text|comment_excerpt:300 }}` a one-line
plain-text excerpt of it.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from ..markup import excerpt, render_html
from ..presenters import discussion_for_viewer
from ..presenters import recent_discussions as recent

register = template.Library()


def _user(context):
    return getattr(context.get("request"), "user", None)


@register.simple_tag(takes_context=True)
def discussion_for(context, page):
    return discussion_for_viewer(page=page, user=_user(context))


@register.simple_tag(takes_context=True)
def recent_discussions(context, limit=5):
    return recent(user=_user(context), limit=limit)


@register.filter
def comment_html(text: str) -> SafeString:
    """A comment's text as HTML: Markdown, then sanitised by nh3 (see markup.render_html)."""
    return mark_safe(render_html(text))  # nh3 kept only our allow-list


@register.filter
def comment_excerpt(text: str, length: int = 160) -> str:
    return excerpt(text, int(length))
