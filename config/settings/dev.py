"""Local development: `make run`. Debug on, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-ivho"  # noqa: F405
ALLOWED_HOSTS = ["*"]
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The demo editor logs in without a second factor.
REQUIRE_MFA_FOR_ADMIN = env_bool("REQUIRE_MFA_FOR_ADMIN", default=False)
