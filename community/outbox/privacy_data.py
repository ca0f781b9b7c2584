"""Personal data in the mail outbox, for the AVG export and account erasure.

A provider in community.privacy's registry, erased after the apps that may
still queue mail to the person. The
export lists the mails we hold for someone by subject and date only: bodies of
account mails hold links with keys (password reset, confirmation) that do not
belong in a download.
"""

from email.utils import getaddresses

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from community.privacy.registry import Declaration

from .models import OutgoingMail

ADDRESS_FIELDS = ("to", "cc", "bcc")


def user_addresses(user):
    """The addresses the person has proven are theirs (verified), lower case.

    Only verified ones: anyone can add someone else's address to their account
    unverified, and must not get (or erase) that person's data by doing so.
    `user.email` counts only when it is one of the verified addresses.
    """
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.strip().lower() for address in verified if address}


def _address(value):
    return getaddresses([value])[0][1].strip().lower()


def _mentioning(addresses):
    """A coarse database filter; the exact check is in Python (display names, case)."""
    query = Q()
    for address in addresses:
        query |= Q(recipients__icontains=address) | Q(payload__icontains=address)
    return OutgoingMail.objects.filter(query) if addresses else OutgoingMail.objects.none()


def export(user):
    addresses = user_addresses(user)
    return {
        "e-mails": [
            {
                "onderwerp": mail.subject,
                "aangemaakt_op": mail.created_at.isoformat(),
                "status": mail.get_status_display(),
                "verzonden_op": mail.sent_at.isoformat() if mail.sent_at else None,
            }
            for mail in _mentioning(addresses).order_by("created_at", "pk")
            if any(_address(value) in addresses for value in mail.recipients)
        ]
    }


def erase(user):
    """Delete mail to the person and the record of mail about them.

    A queued mail that also goes to others still goes to them, without this
    person among its recipients; sent and failed mails that name the address
    anywhere are deleted (they are a log, kept only for OUTBOX_KEEP_DAYS).
    """
    addresses = user_addresses(user)
    for mail in _mentioning(addresses).select_for_update():
        others = [value for value in mail.recipients if _address(value) not in addresses]
        if mail.status != OutgoingMail.Status.QUEUED or not others:
            mail.delete()
            continue
        if len(others) == len(mail.recipients):
            continue  # queued mail about them to someone else: it is still to be sent
        mail.recipients = others
        for field in ADDRESS_FIELDS:
            mail.payload[field] = [
                value for value in mail.payload.get(field, []) if _address(value) not in addresses
            ]
        mail.save(update_fields=["recipients", "payload"])


def declaration() -> Declaration:
    return Declaration(
        title=_("E-mail die we sturen"),
        data=[_("de berichten die het platform je stuurt, met je adres, het onderwerp en "
                "de tekst")],
        purpose=_("Om ze te versturen, ook als de mailserver even niet bereikbaar is: ze "
                  "wachten dan in een wachtrij op onze eigen server."),
        retention=_("%(days)d dagen na verzending verwijderd; verwijder je je account, dan "
                    "direct.") % {"days": settings.OUTBOX_KEEP_DAYS},
    )
