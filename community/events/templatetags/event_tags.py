"""Template tags that put what community.events knows on cms event pages.

{% online_link page as online_url %} gives the event's online meeting link when
the viewer may have it (a confirmed seat, or edit rights on the page: see
community.events.permissions), else "". The page model and its template stay
unaware of registrations.
"""

from django import template

from ..permissions import may_see_online_link

register = template.Library()


@register.simple_tag(takes_context=True)
def online_link(context, event) -> str:
    # Wagtail's preview renders with a request too; its user is the editor.
    user = getattr(context.get("request"), "user", None)
    return event.online_url if may_see_online_link(user, event) else ""
