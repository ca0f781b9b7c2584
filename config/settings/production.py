"""Production: secrets only from the environment; safe by default.

`manage.py check --deploy --fail-level WARNING` passes with these settings and a
real secret (tests/config/test_production.py runs it).
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, STATIC_ROOT, STORAGES, env_bool

# --- Core ---------------------------------------------------------------------

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set (50+ characters) in production, e.g. "
        'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

# --- Static files -------------------------------------------------------------

# WhiteNoise serves the files collected at image build time, under hashed names
# listed in staticfiles.json, so they can be cached forever.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", STATIC_ROOT))
# A new dict: base's STORAGES stays as it is for whoever else imports it.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security -------------------------------------------------------------------

# TLS ends at the proxy in front of gunicorn, which must set this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The local docker-compose stack runs over plain HTTP and turns this off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The `preload` directive only consents to the browsers' HSTS preload list; a
# domain gets on it when someone submits it at hstspreload.org, and getting off
# takes months. On by default (check --deploy asks for it, and the site is
# HTTPS-only with includeSubDomains anyway); set DJANGO_SECURE_HSTS_PRELOAD=false
# if any subdomain must stay reachable over plain HTTP.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# --- Logging ----------------------------------------------------------------------

# Everything to stdout, where the container runtime collects it.
LOGGING = {
    **LOGGING,
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
}

# --- Media and proxy ------------------------------------------------------------------

# Django serves no uploaded file by path here: the reverse proxy in front of
# gunicorn serves the public image renditions (MEDIA_URL/images/) and the static
# files from disk (deploy/nginx/default.conf.template), and private files go out
# only through views that check access. Set TRUSTED_PROXY_COUNT (base.py) to the
# number of proxies that append to X-Forwarded-For: 1 behind that one proxy.
SERVE_MEDIA = False
