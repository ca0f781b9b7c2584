"""Reads about members that other apps share."""

from django.contrib.auth.models import AbstractBaseUser

from .models import UNNAMED, Profile


def display_name(user: AbstractBaseUser) -> str:
    """How a person is named to others, everywhere: never (part of) an e-mail address."""
    try:
        return user.profile.name
    except Profile.DoesNotExist:
        return user.get_full_name() or str(UNNAMED)
