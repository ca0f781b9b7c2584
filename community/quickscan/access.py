"""Who may take part: approved members of a university or hogeschool, for their own one.

Every read and write of scan data starts from `member_institution(user)`: a scan
is only ever looked up *within* the viewer's institution, so a scan of another
institution is indistinguishable from one that does not exist (the same 404).
"""

from cms.visibility import user_is_member
from community.members.models import Institution, Profile

# Partner organisations are not higher-education institutions: no scan, no cohort.
SCAN_KINDS = (Institution.Kind.UNIVERSITY, Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES)
REPORT_PERMISSION = "quickscan.view_sector_report"


def member_profile(user):
    """The approved profile of an active member, or None."""
    if not user_is_member(user):
        return None
    return (
        Profile.objects.select_related("institution")
        .filter(user=user, status=Profile.Status.APPROVED)
        .first()
    )


def member_institution(user):
    """The institution whose scans this user may see and fill in, or None."""
    profile = member_profile(user)
    if profile is None or profile.institution is None:
        return None
    if profile.institution.kind not in SCAN_KINDS:
        return None
    return profile.institution


def may_view_sector_report(user):
    return bool(user and user.is_active and user.has_perm(REPORT_PERMISSION))
