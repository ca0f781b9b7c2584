"""The AVG rights of access and erasure: everything we hold about a person, or nothing.

Each app that stores personal data has a provider module, listed in
settings.PERSONAL_DATA_PROVIDERS, with two functions:

- `export(user) -> dict`: sections for the download (JSON-serialisable, Dutch keys,
  never a secret such as a password hash, TOTP secret or a key in a link);
- `erase(user)`: remove or anonymise that app's data about the person.

The account provider (community.members.privacy_data) is listed last: the
others may still need the person's addresses and profile.
"""

from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def personal_data_providers():
    return [import_module(path) for path in settings.PERSONAL_DATA_PROVIDERS]


def personal_data_export(*, user):
    """Everything we hold about `user`, as one JSON-serialisable dict."""
    data = {
        "toelichting": (
            "Alle gegevens die het platform IV-HO over je bewaart. Wachtwoorden en "
            "codes voor inloggen in twee stappen staan er bewust niet in."
        ),
        "gemaakt_op": timezone.now().isoformat(),
    }
    # The account provider runs last when erasing; in the download it comes first.
    for provider in reversed(personal_data_providers()):
        for section, content in provider.export(user).items():
            if section in data:
                raise ValueError(f"Two providers export the section {section!r}")
            data[section] = content
    return data


@transaction.atomic
def account_erase(*, user):
    """Delete the account and every trace of the person; discussions stay readable.

    All or nothing: one transaction; files are deleted only after it commits.
    """
    for provider in personal_data_providers():
        provider.erase(user)
    user.delete()
