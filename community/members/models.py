"""People on the platform. Institutions and profiles follow in the kennisnetwerk."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The account. Login is by e-mail address (allauth); the username is internal."""

    email = models.EmailField("e-mailadres", unique=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self):
        return self.get_full_name() or self.email
