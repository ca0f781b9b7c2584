"""Production: secrets only from the environment; safe by default.

`manage.py check --deploy --fail-level WARNING` passes with these settings, a
real secret and the URLs of PostgreSQL and Redis (tests/config/test_production.py
runs it). Importing them connects to nothing: the image's build step imports
them with placeholders.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CELERY_BROKER_URL,
    LOGGING,
    REDIS_URL,
    STATIC_ROOT,
    STORAGES,
    USING_POSTGRES,
    env_bool,
)

# --- Core ---------------------------------------------------------------------

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set (50+ characters) in production, e.g. "
        'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

# --- Database, cache and Celery -----------------------------------------------

# Without DATABASE_URL and REDIS_URL, base falls back to the embedded mode: SQLite
# inside the container (gone with it), a cache per process (rate limits and the
# two-factor replay guard counted per worker) and Celery tasks run eagerly in the
# request over a memory:// broker. In production that is a silent misconfiguration,
# so refuse to start and say what to set. Only URL schemes are quoted: a URL may
# hold a password.
DATABASE_EXAMPLE = "DATABASE_URL=postgres://ivho:<password>@db.example.org:5432/ivho"
REDIS_EXAMPLE = "REDIS_URL=redis://redis.example.org:6379/0"


def _scheme(url):
    return urlsplit(url).scheme or "(none)"


if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL must be set to a PostgreSQL database in production, e.g. "
        f"{DATABASE_EXAMPLE}"
    )
if not USING_POSTGRES:
    raise ImproperlyConfigured(
        "DATABASE_URL must point at PostgreSQL in production, not "
        f"{_scheme(os.environ['DATABASE_URL'])}:, e.g. {DATABASE_EXAMPLE}"
    )
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production (the cache all processes share for rate "
        f"limits and the two-factor replay guard, and the Celery broker), e.g. {REDIS_EXAMPLE}"
    )
if _scheme(REDIS_URL) not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(
        f"REDIS_URL must be a Redis URL, not {_scheme(REDIS_URL)}:, e.g. {REDIS_EXAMPLE}"
    )
# Tasks run in the Celery worker, never inside a web request, and never through a
# broker that lives in one process.
if env_bool("CELERY_TASK_ALWAYS_EAGER"):
    raise ImproperlyConfigured(
        "CELERY_TASK_ALWAYS_EAGER must not be on in production: unset it (tasks run in "
        "the Celery worker)."
    )
CELERY_TASK_ALWAYS_EAGER = False
if _scheme(CELERY_BROKER_URL).startswith("memory"):
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must not be memory:// in production: unset it to use REDIS_URL, "
        "or name another broker, e.g. CELERY_BROKER_URL=redis://redis.example.org:6379/1"
    )

# Production always sits behind a proxy (TLS ends there: SECURE_PROXY_SSL_HEADER
# below). Counted as 0, allauth would take the proxy's address for every visitor,
# and one person failing ten logins a minute would shut everyone out.
if not os.environ.get("TRUSTED_PROXY_COUNT", "").strip().isdigit() or (
    int(os.environ["TRUSTED_PROXY_COUNT"]) < 1
):
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT must be set in production to the number of proxies in front "
        "of gunicorn that append to X-Forwarded-For, e.g. TRUSTED_PROXY_COUNT=1 behind "
        "one nginx: otherwise every visitor shares the proxy's address in the rate limits."
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
