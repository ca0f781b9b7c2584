"""The AVG rights of access and erasure: everything we hold about a person, or nothing.

The providers come from the registry (community/privacy/registry.py), where each
app that stores personal data registers one.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .registry import providers


def personal_data_export(*, user: AbstractBaseUser) -> dict:
    """Everything we hold about `user`, as one JSON-serialisable dict."""
    data = {
        "toelichting": (
            "Alle gegevens die het platform IV-HO over je bewaart. Wachtwoorden en "
            "codes voor inloggen in twee stappen staan er bewust niet in."
        ),
        "gemaakt_op": timezone.now().isoformat(),
    }
    # The account provider runs last when erasing; in the download it comes first.
    for provider in reversed(providers()):
        for section, content in provider.export(user).items():
            if section in data:
                raise ValueError(f"Two providers export the section {section!r}")
            data[section] = content
    return data


@transaction.atomic
def account_erase(*, user: AbstractBaseUser) -> None:
    """Delete the account and every trace of the person; discussions stay readable.

    All or nothing: one transaction; files are deleted only after it commits.
    """
    for provider in providers():
        provider.erase(user)
    user.delete()
