"""Rich-text links to members-only instruments, hidden from everyone else.

Rich text is rendered without knowing the viewer, so links to members-only
instruments carry a marker; `hide_members_only_links` turns them back into
plain text for a viewer who is not a member.
"""

import re

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

MEMBERS_ONLY_LINK = re.compile(r'<a href="[^"]*" data-members-only>(.*?)</a>', re.DOTALL)


class MembersAwarePageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [cls._opening_tag(page) for page in cls.get_many(attrs_list)]

    @staticmethod
    def _opening_tag(page):
        if page is None:
            return "<a>"
        marker = " data-members-only" if getattr(page, "is_members_only", False) else ""
        return f'<a href="{escape(page.localized.url)}"{marker}>'


def hide_members_only_links(html):
    """Keep the link text, drop the link itself."""
    return MEMBERS_ONLY_LINK.sub(r"\1", html)
