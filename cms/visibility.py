"""Who may see what. Members-only instruments never reach anyone else.

Every list, search result, feed, sitemap and link goes through these helpers,
so the rule lives in one place.
"""

from django.db import models

MEMBERS_ONLY_PERMISSION = "cms.view_members_only"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Openbaar"
    MEMBERS = "members", "Alleen leden"


def user_is_member(user):
    """True for an active account allowed to see members-only content."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(MEMBERS_ONLY_PERMISSION)
    )


def hidden_page_ids(user):
    """Ids of live pages this viewer must not see or find (a small list)."""
    from cms.models import InstrumentPage

    if user_is_member(user):
        return []
    return list(
        InstrumentPage.objects.filter(visibility=Visibility.MEMBERS).values_list("pk", flat=True)
    )


def visible_pages(queryset, user):
    """Narrow a page queryset to what `user` may see: live, public, and allowed."""
    queryset = queryset.live().public()
    hidden = hidden_page_ids(user)
    return queryset.exclude(pk__in=hidden) if hidden else queryset
