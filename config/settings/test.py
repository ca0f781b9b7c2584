"""The test suite. Honours DATABASE_URL and REDIS_URL like the full stack."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run tasks in-process; tests about the broker switch this off themselves.
# The environment overrides below are for the Celery worker that
# tests/outbox/test_worker.py starts with these settings.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=True)
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "TEST_OUTBOX_DELIVERY_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
if os.environ.get("TEST_EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["TEST_EMAIL_FILE_PATH"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "ivho-test"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Admin tests log editors in directly; tests/accounts covers the two-factor rule.
REQUIRE_MFA_FOR_ADMIN = False
