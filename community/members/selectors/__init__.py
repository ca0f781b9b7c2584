"""Reads of the members app; the directory and the approval queue in their own modules."""

from ..models import UNNAMED, Institution, Profile, User


def display_name(user: User) -> str:
    """How a person is named to others, everywhere: never (part of) an e-mail address."""
    try:
        return user.profile.name
    except Profile.DoesNotExist:
        return user.get_full_name() or str(UNNAMED)


def email_domain(email: str) -> str:
    """The part after the @, lower case; '' for something that is no address."""
    _, at, domain = (email or "").strip().rpartition("@")
    return domain.lower() if at else ""


def institution_for_email(email: str) -> Institution | None:
    """The institution whose e-mail domain is exactly this address's domain, or None."""
    domain = email_domain(email)
    if not domain:
        return None
    return Institution.objects.filter(domains__domain=domain).first()
