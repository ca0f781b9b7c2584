"""Account services shared by commands, the demo seed and (later) the member apps."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site

from allauth.account.models import EmailAddress


def email_address_verify(*, user, email):
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


def django_site_sync(*, using="default"):
    """Point django.contrib.sites at SITE_URL: allauth's mails and links use its domain."""
    Site.objects.using(using).update_or_create(
        id=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": "IV-HO"},
    )
