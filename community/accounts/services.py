"""Writes about accounts: verified addresses, the rate-limit stand-in."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from allauth.account.models import EmailAddress

from .models import CacheGuardEntry


def email_address_verify(*, user: AbstractBaseUser, email: str) -> EmailAddress:
    """Make `email` the user's verified, primary allauth address."""
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        address = EmailAddress(user=user, email=email)
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(
        primary=False
    )
    address.verified = True
    address.primary = True
    address.save()
    return address


def cache_guard_prune() -> int:
    """Delete expired rows of the rate-limit stand-in; they may hold IP addresses."""
    deleted, _ = CacheGuardEntry.objects.filter(expires__lt=timezone.now()).delete()
    return deleted
