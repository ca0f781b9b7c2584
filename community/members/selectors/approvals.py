"""What the approval queue reads: who is waiting, who may decide, and for which institution.

Editors (the permission `members.change_profile`, given to Redacteuren and
Eindredactie) decide on every pending account. A contact person of an
institution decides only on people who asked for that institution or whose
address is on its domain (a subdomain counts here, as a hint: student.tue.nl
is not vetted by itself, but the TU/e contact can judge it), and only for that
institution.
"""

import re
from collections.abc import Iterable

from django.db.models import QuerySet

from ..models import Institution, Profile, User
from . import email_domain

DECIDE_ALL_PERMISSION = "members.change_profile"
# A typed name shorter than this is too vague to match part of an institution's name.
MIN_PARTIAL_NAME = 5


def can_decide_all(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active
                and user.has_perm(DECIDE_ALL_PERMISSION))


def contact_institutions(user: User) -> list[Institution]:
    """The institutions this person is a contact person of."""
    if not (user.is_authenticated and user.is_active):
        return []
    return list(Institution.objects.filter(contacts=user).prefetch_related("domains"))


def may_decide(user: User) -> bool:
    """Editors and contact persons: those who see an approval queue at all."""
    return can_decide_all(user) or bool(contact_institutions(user))


def _normalised(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def requested_matches(requested: str, institution: Institution) -> bool:
    """Does what someone typed at sign-up name this institution?"""
    wanted = _normalised(requested)
    if not wanted:
        return False
    full_name = _normalised(institution.name)
    names = {full_name, _normalised(institution.short_name), _normalised(institution.slug)}
    if wanted in names - {""}:
        return True
    # "Hogeschool van Amsterdam (HvA)", or "Saxion" for "Saxion Hogeschool".
    return full_name in wanted or (len(wanted) >= MIN_PARTIAL_NAME and wanted in full_name)


def domain_matches(email: str, institution: Institution) -> bool:
    """Is the address on one of the institution's domains, or a subdomain of one?"""
    domain = email_domain(email)
    if not domain:
        return False
    return any(domain == known or domain.endswith(f".{known}")
               for known in (item.domain for item in institution.domains.all()))


def profile_matches(profile: Profile, institution: Institution) -> bool:
    return (domain_matches(profile.user.email, institution)
            or requested_matches(profile.requested_institution, institution))


def institution_suggest(
    profile: Profile, institutions: Iterable[Institution]
) -> Institution | None:
    """The institution to preselect: the address's domain first, then the typed name."""
    for institution in institutions:
        if domain_matches(profile.user.email, institution):
            return institution
    for institution in institutions:
        if requested_matches(profile.requested_institution, institution):
            return institution
    return None


def decision_institutions(user: User, profile: Profile) -> list[Institution]:
    """The institutions `user` may approve this profile for (empty: none)."""
    if can_decide_all(user):
        return list(Institution.objects.prefetch_related("domains"))
    return [institution for institution in contact_institutions(user)
            if profile_matches(profile, institution)]


def pending_profiles() -> QuerySet[Profile]:
    """Pending accounts that can log in: an address nobody confirmed is no one to judge."""
    return (Profile.objects.filter(status=Profile.Status.PENDING, user__is_active=True,
                                   user__emailaddress__primary=True,
                                   user__emailaddress__verified=True)
            .select_related("user").order_by("created_at", "pk"))


def pending_for(user: User) -> list[Profile]:
    """The pending profiles this person may decide on, oldest first."""
    if can_decide_all(user):
        return list(pending_profiles())
    institutions = contact_institutions(user)
    if not institutions:
        return []
    return [profile for profile in pending_profiles()
            if any(profile_matches(profile, institution) for institution in institutions)]


def pending_count_for(user: User) -> int:
    if can_decide_all(user):
        return pending_profiles().count()
    return len(pending_for(user))


def profile_in_scope(user: User, profile_id: int) -> Profile | None:
    """A profile `user` may decide on (in any status, so a late click can be told it is
    decided already), or None."""
    profile = Profile.objects.select_related("user").filter(pk=profile_id).first()
    if profile is None or can_decide_all(user):
        return profile
    if any(profile_matches(profile, institution)
           for institution in contact_institutions(user)):
        return profile
    return None


def queue_rows(user: User) -> list[dict]:
    """Each pending profile with the institutions to choose from and the preselected one."""
    if can_decide_all(user):
        institutions = list(Institution.objects.prefetch_related("domains"))
        rows = [(profile, institutions) for profile in pending_profiles()]
    else:
        contacts_of = contact_institutions(user)
        rows = [(profile, [item for item in contacts_of if profile_matches(profile, item)])
                for profile in (pending_profiles() if contacts_of else [])]
        rows = [(profile, choices) for profile, choices in rows if choices]
    return [{"profile": profile, "institutions": choices,
             "suggested": institution_suggest(profile, choices)}
            for profile, choices in rows]
