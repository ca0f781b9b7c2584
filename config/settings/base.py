"""Settings shared by every way of running the platform.

Two run modes come from the environment alone:
- embedded (nothing set): SQLite, local-memory cache, Celery tasks run eagerly
  in-process, mail to the console;
- full stack (`DATABASE_URL`, `REDIS_URL`): PostgreSQL, Redis as cache and
  Celery broker, separate worker and beat processes.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from config.cache_settings import redis_caches

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core ---------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

INSTALLED_APPS = [
    # Our apps first, so their templates override those of the packages below.
    "cms",
    "community.accounts",
    "community.privacy",
    "community.members",
    "community.outbox",
    "community.discussions",
    "community.events",
    "community.quickscan",
    "search",
    # Demo content and seed_demo: the top layer, it knows every app above.
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Discussions (threaded comments per instrument)
    "django_comments_xtd",
    "django_comments",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # `runserver` leaves /static/ to WhiteNoise, as gunicorn does: staticfiles' own
    # handler answers a `..` in the path with a 500 instead of a 404.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Cache (Redis) down: account pages answer 503 instead of 500 (fail closed).
    "community.accounts.middleware.AccountsCacheUnavailableMiddleware",
    "community.accounts.middleware.EditorsNeedTwoFactorMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_navigation",
                "community.members.context_processors.membership",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------

# An empty DATABASE_URL counts as unset, as an empty REDIS_URL does.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# One transaction per request: a view that fails half-way leaves nothing behind.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# --- Cache and Celery -----------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")

if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, key_prefix=os.environ.get("CACHE_KEY_PREFIX", "ivho"))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
# Without a broker every task runs in-process, right where it is queued.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A hung Redis must not block a web request for the default ~40 s.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": 3,
    "socket_connect_timeout": 3,
    "max_retries": 1,
    "visibility_timeout": 3600,
}
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {
        "task": "community.outbox.tasks.outbox_sweep",
        "schedule": 60.0,
    },
    "outbox-prune": {
        "task": "community.outbox.tasks.outbox_prune",
        "schedule": crontab(hour=3, minute=30),
    },
    # Daily digest of new comments in followed discussions (CELERY_TIMEZONE).
    "discussions-digest": {
        "task": "community.discussions.tasks.discussions_digest",
        "schedule": crontab(hour=7, minute=0),
    },
    # Mail per comment whose task was lost (broker down when the comment was saved).
    "discussions-notify-sweep": {
        "task": "community.discussions.tasks.discussions_notify_sweep",
        "schedule": 300.0,
    },
    # Network meetings: pass expired waitlist offers on, remind a day ahead, anonymise.
    "events-offers-expire": {
        "task": "community.events.tasks.events_offers_expire",
        "schedule": 300.0,
    },
    "events-reminders": {
        "task": "community.events.tasks.events_reminders_send",
        "schedule": 900.0,
    },
    # Expired rows of the database stand-in for Redis (rate limits during an outage).
    "accounts-cache-guard-prune": {
        "task": "community.accounts.tasks.cache_guard_prune",
        "schedule": crontab(hour=3, minute=15),
    },
    "events-anonymise": {
        "task": "community.events.tasks.events_anonymise",
        "schedule": crontab(hour=3, minute=45),
    },
    # Quickscan benchmark: this quarter's snapshot per cohort. Daily, so a quarter's
    # snapshot exists on its first morning; later runs in the quarter change nothing.
    "quickscan-benchmark-publish": {
        "task": "community.quickscan.tasks.quickscan_benchmark_publish",
        "schedule": crontab(hour=0, minute=15),
    },
}

# Wagtail queues its own background work (search and reference index, file
# deletion) through django-tasks; its immediate backend keeps that in-process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Mail -------------------------------------------------------------------------

# Every mail is written to the outbox table first, in the same transaction as
# what caused it; a Celery task (and a periodic sweep) delivers it through
# OUTBOX_DELIVERY_BACKEND. So a broker that is down delays mail but loses none.
EMAIL_BACKEND = "community.outbox.backends.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
OUTBOX_KEEP_DAYS = int(os.environ.get("OUTBOX_KEEP_DAYS", "30"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IV-HO <noreply@ivho.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts (django-allauth) ------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "community.accounts.adapter.AccountAdapter"
# Sign-up also asks a name and, without an institution address, the institution.
ACCOUNT_FORMS = {"signup": "community.members.forms_signup.MemberSignupForm"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# A one-time code by mail instead of the password: the way in for an owner whose
# address is under attack (offered on the 429 page and the login page).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Tell people by mail when their password, e-mail address or two-factor changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[IV-HO] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# allauth's default limits, stated here so they are visible and reviewed.
# An attempt over `login_failed` or `login_failed_address` (a correct password
# included) gets HTTP 429 (community.accounts.adapter); over `login`, allauth
# answers 429 itself. The limits live in the cache; while Redis is down they are
# counted in the database (config/cache.py), so none of them fails open.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Our adapter keys `login_failed` on address *and* client IP: failing from
    # elsewhere cannot lock the owner out. The ceiling per address over all IPs
    # stops a spread-out attack; the owner then logs in by a mailed code.
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_address": "20/h/key",
    "request_login_code": "20/m/ip,3/m/key",
    # "No account for this address" mails (login code or password reset asked for an
    # unknown address): nobody can be kept out of an account that does not exist,
    # so a daily ceiling per address; over it the mail is silently not sent.
    "unknown_account_mail": "5/d/key",
    "signup": "20/m/ip",
    # Both mail an address someone typed: besides allauth's per-minute limits, a daily
    # ceiling per address, so nobody can flood a stranger's inbox from many IPs.
    "confirm_email": "1/3m/key,10/d/key",
    "reset_password": "20/m/ip,5/m/key,20/d/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Ours, on the same counters (community.ratelimits): posting in discussions.
    "discussion_post": "10/10m/user,60/d/user",
    # Guest sign-ups for events mail an address nobody has confirmed: per IP, and
    # per address (the key) so one inbox cannot be flooded from many IPs.
    "event_guest_signup": "5/h/ip,3/h/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The Wagtail admin asks for two-factor login (off in dev, for the demo editor).
REQUIRE_MFA_FOR_ADMIN = env_bool("REQUIRE_MFA_FOR_ADMIN", default=True)
MFA_TOTP_ISSUER = "IV-HO"
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or "0")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "community.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Discussions (django-comments-xtd) -----------------------------------------

COMMENTS_APP = "django_comments_xtd"
# COMMENT_MAX_LENGTH stays at django-comments' 3000: it sizes a column of theirs.
# A comment (level 0) takes replies two levels deep.
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = {"cms.instrumentpage": 2}
COMMENTS_XTD_LIST_ORDER = ("thread_id", "order")
# Only logged-in people post; no confirmation mails and no mails from threads:
# notifications go through our own outbox and follow preferences.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "users",
        "allow_flagging": False,
        "allow_feedback": False,
        "show_feedback": False,
    },
    "cms.instrumentpage": {
        "who_can_post": "users",
        "allow_flagging": True,
        "allow_feedback": True,
        "show_feedback": True,
    },
}

# --- Network meetings ---------------------------------------------------------------

# Registrations of events that ended this many days ago lose their personal data.
EVENTS_ANONYMISE_AFTER_DAYS = int(os.environ.get("EVENTS_ANONYMISE_AFTER_DAYS", "90"))

# --- Internationalisation -------------------------------------------------------

# The public site is Dutch only until an English catalogue exists (no
# LocaleMiddleware: a browser asking for English would get a mix). Editors can
# pick English for the Wagtail admin in their account settings.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads are private: documents, original images and profile photos live in
# PRIVATE_MEDIA_ROOT, which no web server or URL route serves; views that check
# access hand them out (config/storages.py). Keep it outside every served folder.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# Public: Wagtail's image renditions only, under MEDIA_ROOT/images/. In production
# the reverse proxy serves them (deploy/nginx/default.conf.template).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "config.storages.PrivateFileSystemStorage"},
    # MEDIA_ROOT and MEDIA_URL (no options, so a changed setting is followed).
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "public"
# Without a web server in front (`make run`, tests) Django serves the renditions
# itself, through a view that cannot leave MEDIA_ROOT/images/ (config/public_media.py).
# Production settings turn this off: there Django has no media route at all.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Integrale Veiligheid Hoger Onderwijs"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Europe/Amsterdam"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILEMBEDS_FINDERS = []  # embeds would load from third-party hosts
# The admin's avatars would come from Gravatar (a hash of the editor's address sent
# to a third party); without it Wagtail shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Dutch stemming on PostgreSQL; SQLite's FTS5 does not stem.
        "SEARCH_CONFIG": "dutch",
    }
}
if os.environ.get("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": [os.environ["OPENSEARCH_URL"]],
        "INDEX": os.environ.get("OPENSEARCH_INDEX", "ivho"),
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }
# Documents are served through Wagtail's view, so its privacy checks apply; their
# files are in the private storage, whose URLs lead nowhere (config/storages.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# --- Security ----------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Logging -------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's in-process tasks log every run at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Quickscan ---------------------------------------------------------------------

# The sector benchmark shows a cohort's figures only when at least this many
# institutions are in it, and a cell only when this many answered it; a new quarterly
# snapshot is published only when this many institutions changed. A system check
# refuses less than 3 and warns below 5 (community/quickscan/checks.py).
QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 5
# Each institution's latest scan submitted in this many days before the reference
# date counts; the reference date is the first day of the current quarter.
QUICKSCAN_BENCHMARK_WINDOW_DAYS = 730
QUICKSCAN_DEFAULT_TARGET_LEVEL = 3
