"""Read-side queries for the member directory and profile pages, filtered for the viewer.

Who sees a profile:
- the person themself, always (to check what others see);
- nobody else unless the membership is approved and the account active;
- members (cms.visibility.user_is_member) see every approved profile;
- anyone else only profiles whose owner chose "Openbaar".
Outsiders get a 404 for the rest, so the page does not reveal that a person is a member.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, Lower, NullIf
from django.http import QueryDict

from django_comments_xtd.models import XtdComment

from cms.models import InstrumentPage, ThemePage
from cms.selectors import visible_instruments
from cms.visibility import user_is_member

from ..models import Institution, Profile, User

MEMBERS_PER_PAGE = 20
RECENT_CONTRIBUTIONS = 5
MAX_SEARCH_WORDS = 5


def _themes() -> QuerySet[ThemePage]:
    return ThemePage.objects.live().public().order_by("path")


def approved_profiles() -> QuerySet[Profile]:
    """Approved members with an active account, with what a card shows."""
    return (
        Profile.objects.filter(status=Profile.Status.APPROVED, user__is_active=True)
        .select_related("user", "institution")
        .prefetch_related(Prefetch("expertise", queryset=_themes()))
    )


def profile_for_viewer(
    *, user_id: int, viewer: User | AnonymousUser, with_expertise: bool = True
) -> Profile | None:
    """The profile of account `user_id` if `viewer` may see it, else None."""
    profiles = Profile.objects.select_related("user", "institution").filter(user_id=user_id)
    if with_expertise:
        profiles = profiles.prefetch_related(Prefetch("expertise", queryset=_themes()))
    profile = profiles.first()
    if profile is None:
        return None
    if viewer.is_authenticated and viewer.pk == profile.user_id:
        return profile
    return profile if profile_visible_to(profile=profile, viewer=viewer) else None


def display_name(profile: Profile) -> str:
    """The name we show others (Profile.name: never part of an e-mail address)."""
    return profile.name


def profile_visible_to(*, profile: Profile, viewer: User | AnonymousUser) -> bool:
    """The rule for everybody but the owner (see the module docstring)."""
    if profile.status != Profile.Status.APPROVED or not profile.user.is_active:
        return False
    return user_is_member(viewer) or profile.visibility == Profile.Visibility.PUBLIC


def directory_filters(params: QueryDict) -> dict:
    """The directory's filters read from a query string; unknown values are ignored."""
    institutions = list(Institution.objects.order_by("name"))
    themes = list(_themes())
    institution_slug = params.get("instelling", "")
    theme_slug = params.get("thema", "")
    query = " ".join(_printable(params.get("q", "")).split()[:MAX_SEARCH_WORDS])[:100]
    function = _printable(params.get("functie", "")).strip()[:100]
    return {
        "institutions": institutions,
        "themes": themes,
        "q": query,
        "function": function,
        "institution": next((i for i in institutions if i.slug == institution_slug), None),
        "theme": next((t for t in themes if t.slug == theme_slug), None),
    }


def _printable(text: str) -> str:
    # Control characters (a NUL byte from a hand-made URL) mean nothing in a name,
    # and PostgreSQL refuses NUL in a query.
    return "".join(char if char.isprintable() else " " for char in text)


def member_directory(*, filters: dict) -> QuerySet[Profile]:
    """Approved members matching the filters, in alphabetical order of their name."""
    profiles = approved_profiles()
    for word in filters["q"].split():
        profiles = profiles.filter(
            Q(display_name__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
        )
    if filters["function"]:
        profiles = profiles.filter(function__icontains=filters["function"])
    if filters["institution"]:
        profiles = profiles.filter(institution=filters["institution"])
    if filters["theme"]:
        profiles = profiles.filter(expertise=filters["theme"])
    sort_name = Lower(
        Coalesce(
            NullIf("display_name", Value("")),
            Concat("user__first_name", Value(" "), "user__last_name", output_field=CharField()),
        )
    )
    return profiles.annotate(sort_name=sort_name).order_by("sort_name", "pk")


def recent_contributions(
    *, author: User, viewer: User | AnonymousUser, limit: int = RECENT_CONTRIBUTIONS
) -> list[tuple[XtdComment, InstrumentPage]]:
    """The author's latest public comments on instruments the viewer may see.

    Returns (comment, instrument) pairs, newest first. A comment on a
    members-only instrument is left out for a viewer who is not a member.
    """
    comments = XtdComment.objects.filter(
        user=author, is_public=True, is_removed=False,
        content_type=ContentType.objects.get_for_model(InstrumentPage),
    )
    # object_pk is text; compare as text, so PostgreSQL does not refuse integer = varchar.
    commented = {int(pk) for pk in comments.values_list("object_pk", flat=True) if pk.isdigit()}
    instruments = {
        page.pk: page
        for page in visible_instruments(user=viewer).filter(pk__in=commented)
    }
    latest = comments.filter(object_pk__in=[str(pk) for pk in instruments]).order_by(
        "-submit_date", "-pk"
    )[:limit]
    return [(comment, instruments[int(comment.object_pk)]) for comment in latest]
