"""Personal data in discussions, for the AVG export and account erasure.

See community.members.privacy: every module listed in PERSONAL_DATA_PROVIDERS
has `export(user) -> dict` and `erase(user)`.
"""

from django_comments_xtd.models import XtdComment

ERASED_NAME = "verwijderd lid"


def export(user):
    comments = XtdComment.objects.filter(user=user).order_by("submit_date")
    return {
        "reacties": [
            {
                "id": comment.pk,
                "pagina": comment.content_object.title if comment.content_object else None,
                "geplaatst_op": comment.submit_date.isoformat(),
                "tekst": comment.comment,
                "openbaar": comment.is_public,
                "verwijderd": comment.is_removed,
            }
            for comment in comments.prefetch_related("content_object")
        ]
    }


def erase(user):
    """Keep the threads readable, but drop who wrote them."""
    XtdComment.objects.filter(user=user).update(
        user=None, user_name=ERASED_NAME, user_email="", user_url="", ip_address=None
    )
