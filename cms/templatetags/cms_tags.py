from django import template
from django.utils.safestring import mark_safe

from wagtail.templatetags.wagtailcore_tags import richtext

from cms.rich_text import hide_members_only_links

register = template.Library()


@register.simple_tag(takes_context=True)
def richtext_for_viewer(context, value):
    """Like `|richtext`, without links to members-only pages for non-members."""
    html = str(richtext(value))
    if not context.get("viewer_is_member"):
        html = hide_members_only_links(html)
    return mark_safe(html)  # noqa: S308 (Wagtail's own rich-text output)
