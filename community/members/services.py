"""Account and membership services: the writes behind sign-up, verification and approval.

Membership rules (DOMAIN.md: "membership is vetted"):
- A verified primary address on an institution's e-mail domain (the exact domain,
  not a subdomain) makes the account an approved member of that institution.
- Anyone else stays pending until an editor, or a contact person of the
  institution, approves (choosing the institution) or rejects them.
- Approved members, and only they, are in the group "Leden", which grants the
  members-only permission that cms.visibility checks. Editor groups are never
  touched here.
- When the primary address changes, the rules run again: a new institution domain
  moves the membership there; an address without a match ends a membership that
  rested on another address. Re-confirming the address a decision rested on
  (`affiliation_email`) changes nothing, so a manual approval survives it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from cms.visibility import MEMBERS_ONLY_PERMISSION

from .models import Institution, Profile, User
from .selectors import institution_for_email

MEMBERS_GROUP = "Leden"
REJECTION_REASON_MAX_LENGTH = 1000


# --- Accounts -----------------------------------------------------------------------


def django_site_sync(*, using: str = "default") -> None:
    """Point django.contrib.sites at SITE_URL: allauth's mails and links use its domain."""
    Site.objects.using(using).update_or_create(
        id=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": "IV-HO"},
    )


# --- Profiles -----------------------------------------------------------------------


@transaction.atomic
def profile_get_or_create(*, user: User) -> Profile:
    """The user's profile, made on first use.

    Accounts that already see members-only content (put in "Leden" by hand, or
    editors through their own groups) start as approved members: otherwise they
    would land in the approval queue. Everyone else starts pending. Then the
    domain rule runs: an account with a verified institution address is a
    member of that institution right away.
    """
    try:
        return Profile.objects.get(user=user)
    except Profile.DoesNotExist:
        pass
    already_member = user.is_active and user.has_perm(MEMBERS_ONLY_PERMISSION)
    profile, created = Profile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": user.get_full_name(),
            "status": Profile.Status.APPROVED if already_member else Profile.Status.PENDING,
            "status_changed_at": timezone.now() if already_member else None,
            "affiliation_email": user.email if already_member else "",
        },
    )
    if created:
        if already_member:
            _members_group_sync(profile)
        profile = _membership_apply(profile, user=user)
    return profile


@transaction.atomic
def profile_signup(
    *, user: User, display_name: str, requested_institution: str = ""
) -> Profile:
    """Store what a person told us when signing up (allauth's sign-up form)."""
    profile = profile_get_or_create(user=user)
    profile.display_name = display_name.strip()
    profile.requested_institution = requested_institution.strip()
    profile.save(update_fields=["display_name", "requested_institution", "updated_at"])
    return profile


# --- Membership -------------------------------------------------------------------------


def _primary_verified_address(user: User) -> EmailAddress | None:
    return EmailAddress.objects.filter(user=user, primary=True, verified=True).first()


def _members_group_sync(profile: Profile) -> None:
    """Approved ⇔ in the group "Leden". Other groups (editors) are left alone."""
    group = Group.objects.get(name=MEMBERS_GROUP)
    if profile.status == Profile.Status.APPROVED:
        profile.user.groups.add(group)
    else:
        profile.user.groups.remove(group)
    # The permission cache of this user object no longer matches the groups.
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        profile.user.__dict__.pop(cache, None)


def _status_set(
    profile: Profile, *, status: str, institution: Institution | None, affiliation_email: str,
    decided_by: User | None,
) -> None:
    profile.status = status
    profile.institution = institution
    profile.affiliation_email = affiliation_email
    profile.decided_by = decided_by
    profile.status_changed_at = timezone.now()
    profile.save(update_fields=[
        "status", "institution", "affiliation_email", "decided_by", "status_changed_at",
        "updated_at",
    ])
    _members_group_sync(profile)


def _notify(request: HttpRequest | None, level: int, text: str) -> None:
    if request is not None:
        messages.add_message(request, level, text, fail_silently=True)


@transaction.atomic
def profile_membership_sync(*, user: User, request: HttpRequest | None = None) -> Profile:
    """Apply the domain rule to the user's verified primary address; returns the profile.

    Called when an address is confirmed or the primary address changes. A
    `request` only serves to tell the person what happened.
    """
    return _membership_apply(profile_get_or_create(user=user), user=user, request=request)


def _membership_apply(
    profile: Profile, *, user: User, request: HttpRequest | None = None
) -> Profile:
    profile = Profile.objects.select_for_update().get(pk=profile.pk)
    profile.user = user  # the caller's object: its permission cache is reset below
    address = _primary_verified_address(user)
    if address is None:
        return profile
    email = address.email
    same_address = profile.affiliation_email.lower() == email.lower()
    institution = institution_for_email(email)

    if institution is not None:
        if (profile.status == Profile.Status.APPROVED and same_address
                and profile.institution_id == institution.pk):
            return profile
        _status_set(profile, status=Profile.Status.APPROVED, institution=institution,
                    affiliation_email=email, decided_by=None)
        _notify(request, messages.SUCCESS,
                _("Je e-mailadres hoort bij %(institution)s: je bent lid van het "
                  "IV-HO-netwerk en ziet nu ook de inhoud voor leden.")
                % {"institution": institution.name})
        return profile

    if profile.status == Profile.Status.APPROVED and not same_address:
        # The membership rested on another address, which is no longer the primary one.
        _status_set(profile, status=Profile.Status.PENDING, institution=None,
                    affiliation_email="", decided_by=None)
        _notify(request, messages.WARNING,
                _("Je nieuwe e-mailadres hoort niet bij een aangesloten instelling. Je "
                  "lidmaatschap wacht daarom opnieuw op goedkeuring; tot dan zie je alleen "
                  "openbare informatie."))
    return profile


@transaction.atomic
def institution_members_sync(*, institution: Institution) -> int:
    """Apply the domain rule to everyone whose verified primary address is on its domains.

    For an editor who adds a domain to an institution: people waiting with such an
    address become members without another step. Returns how many profiles changed.
    """
    domains = list(institution.domains.values_list("domain", flat=True))
    if not domains:
        return 0
    on_domains = Q()
    for domain in domains:
        on_domains |= Q(email__iendswith=f"@{domain}")
    addresses = EmailAddress.objects.filter(on_domains, primary=True, verified=True)
    changed = 0
    for address in addresses.select_related("user"):
        before = Profile.objects.filter(user=address.user).values_list(
            "status", "institution_id").first()
        profile = profile_membership_sync(user=address.user)
        changed += before != (profile.status, profile.institution_id)
    return changed


def _mail(*, profile: Profile, template: str, context: dict) -> None:
    context = {"profile": profile, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"members/mail/{template}_subject.txt", context)
    body = render_to_string(f"members/mail/{template}_body.txt", context)
    send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [profile.user.email],
    )


def _locked_pending(profile: Profile) -> Profile:
    locked = Profile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if locked.status != Profile.Status.PENDING:
        raise ValidationError(
            _("De aanmelding van %(name)s is al beoordeeld.") % {"name": locked.name},
            code="already_decided",
        )
    return locked


@transaction.atomic
def profile_approve(
    *, profile: Profile, institution: Institution | None, decided_by: User
) -> Profile:
    """Approve a pending person as a member of `institution`, and mail them.

    Who may decide (an editor, or a contact person of the institution) is the
    caller's check; see community.members.selectors.approvals.
    """
    if institution is None:
        raise ValidationError(_("Kies de instelling waarvoor je iemand goedkeurt."),
                              code="institution_required")
    profile = _locked_pending(profile)
    _status_set(profile, status=Profile.Status.APPROVED, institution=institution,
                affiliation_email=profile.user.email, decided_by=decided_by)
    _mail(profile=profile, template="membership_approved", context={"institution": institution})
    return profile


@transaction.atomic
def profile_reject(*, profile: Profile, decided_by: User, reason: str = "") -> Profile:
    """Reject a pending person (optionally saying why), and mail them."""
    reason = (reason or "").strip()
    if len(reason) > REJECTION_REASON_MAX_LENGTH:
        raise ValidationError(
            _("Houd de reden kort: hoogstens %(limit)d tekens.")
            % {"limit": REJECTION_REASON_MAX_LENGTH},
            code="reason_too_long",
        )
    profile = _locked_pending(profile)
    _status_set(profile, status=Profile.Status.REJECTED, institution=None,
                affiliation_email=profile.user.email, decided_by=decided_by)
    _mail(profile=profile, template="membership_rejected", context={"reason": reason})
    return profile

