"""Production settings: secrets and services from the environment, deploy checks, static
files, logs."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

from django.conf import settings
from django.db import connection

import pytest

from tests.outbox.helpers import requires_postgres

CHECK_DEPLOY = ["python", "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
IMPORT_SETTINGS = ["python", "-c", "import config.settings.production"]


def test_check_deploy_passes(run_production):
    result = run_production(CHECK_DEPLOY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_hsts_preload_can_be_turned_off(run_production):
    """The one deliberate knob: off, check --deploy reports exactly that (W021)."""
    result = run_production(CHECK_DEPLOY, DJANGO_SECURE_HSTS_PRELOAD="false")
    assert result.returncode == 1
    assert "security.W021" in result.stderr
    assert "System check identified 1 issue" in result.stderr


@pytest.mark.parametrize(
    "secret_key", [None, "", "too-short-for-production"], ids=["unset", "empty", "short"]
)
def test_settings_refuse_to_load_without_a_real_secret(run_production, secret_key):
    result = run_production(IMPORT_SETTINGS, DJANGO_SECRET_KEY=secret_key)
    assert result.returncode == 1
    assert "django.core.exceptions.ImproperlyConfigured: DJANGO_SECRET_KEY" in result.stderr


def refused(result, variable):
    """The one line of the ImproperlyConfigured that stopped the import about `variable`."""
    assert result.returncode == 1, result.stdout
    prefix = f"django.core.exceptions.ImproperlyConfigured: {variable} "
    lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    assert lines, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "database_url",
    [None, "", "sqlite:////app/db.sqlite3", "mysql://ivho:geheim-wachtwoord@db/ivho"],
    ids=["unset", "empty", "sqlite", "mysql"],
)
def test_settings_refuse_to_load_without_postgresql(run_production, database_url):
    message = refused(run_production(IMPORT_SETTINGS, DATABASE_URL=database_url), "DATABASE_URL")
    assert "PostgreSQL" in message
    assert "e.g. DATABASE_URL=postgres://" in message
    assert "geheim-wachtwoord" not in message  # only the scheme of a wrong URL is quoted


@pytest.mark.parametrize(
    "redis_url", [None, "", "memory://"], ids=["unset", "empty", "memory"]
)
def test_settings_refuse_to_load_without_redis(run_production, redis_url):
    message = refused(run_production(IMPORT_SETTINGS, REDIS_URL=redis_url), "REDIS_URL")
    assert "e.g. REDIS_URL=redis://" in message


@pytest.mark.parametrize(
    "variable, value",
    [("CELERY_TASK_ALWAYS_EAGER", "true"), ("CELERY_BROKER_URL", "memory://")],
)
def test_settings_refuse_eager_celery_and_a_memory_broker(run_production, variable, value):
    refused(run_production(IMPORT_SETTINGS, **{variable: value}), variable)


def test_settings_take_postgresql_and_redis_for_database_cache_and_celery(
    run_production, production_env
):
    """And the Celery app, which reads them itself, gets no eager mode or memory broker."""
    script = """
import json
import django
django.setup()
from django.conf import settings
from django.db import connection
from config.celery_app import app
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"]["LOCATION"],
    "eager": app.conf.task_always_eager,
    "broker": app.conf.broker_url,
}))
"""
    result = run_production(["python", "-c", script])
    assert result.returncode == 0, result.stderr
    redis_url = production_env()["REDIS_URL"]
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.postgresql",
        "cache": "config.cache.ResilientRedisCache",
        "cache_location": redis_url,
        "eager": False,
        "broker": redis_url,
    }


def test_production_values(run_production):
    script = """
import json
import config.settings.base as base
import config.settings.production as production
print(json.dumps({
    "debug": production.DEBUG,
    "ssl_redirect": production.SECURE_SSL_REDIRECT,
    "staticfiles": production.STORAGES["staticfiles"]["BACKEND"],
    "base_staticfiles": base.STORAGES["staticfiles"]["BACKEND"],
    "default_storage": production.STORAGES["default"]["BACKEND"],
}))
"""
    result = run_production(["python", "-c", script], DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "debug": False,  # whatever DJANGO_DEBUG says
        "ssl_redirect": True,
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        # base's dict is not changed in place under whoever else imports it
        "base_staticfiles": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "default_storage": "config.storages.PrivateFileSystemStorage",
    }
    local = run_production(
        ["python", "-c", "import config.settings.production as p; print(p.SECURE_SSL_REDIRECT)"],
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    assert local.stdout.strip() == "False"


def test_logs_go_to_stdout(run_production):
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('community.outbox').warning('outbox-log-marker')"
    )
    result = run_production(["python", "-c", script])
    assert result.returncode == 0, result.stderr
    assert "WARNING community.outbox outbox-log-marker" in result.stdout
    assert "outbox-log-marker" not in result.stderr


@pytest.fixture(scope="module")
def collected_static(run_production, tmp_path_factory):
    """collectstatic with the production settings, once for this module."""
    static_root = tmp_path_factory.mktemp("static")
    result = run_production(
        ["python", "manage.py", "collectstatic", "--noinput"], DJANGO_STATIC_ROOT=str(static_root)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return static_root


def test_collectstatic_writes_a_manifest(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed.startswith("css/site.") and hashed != "css/site.css"
    assert (collected_static / hashed).is_file()
    assert (collected_static / f"{hashed}.gz").is_file()  # compressed by WhiteNoise
    assert "wagtailadmin/css/core.css" in manifest["paths"]


@pytest.fixture
def serve(production_env, collected_static, tmp_path):
    """serve(**environ): config.wsgi under gunicorn with the production settings; its URL."""
    servers = []

    def start(**environ):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = production_env(
            DJANGO_STATIC_ROOT=str(collected_static), WEB_CONCURRENCY="1", **environ
        )
        log_path = tmp_path / f"gunicorn-{port}.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        servers.append(server)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return f"http://127.0.0.1:{port}"
            except OSError:
                assert server.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "gunicorn did not listen within 30 s"
                time.sleep(0.2)

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, https=True):
    """GET as the proxy in front of gunicorn would pass it on."""
    headers = {"Host": "localhost"}
    if https:
        headers["X-Forwarded-Proto"] = "https"
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_gunicorn_serves_hashed_static_files_with_hsts_and_redirects_to_https(
    serve, collected_static
):
    """With placeholder URLs: neither needs the database, and starting connects nowhere."""
    url = serve()
    manifest = json.loads((collected_static / "staticfiles.json").read_text())
    status, headers, _ = get(f"{url}/static/{manifest['paths']['css/site.css']}")
    assert status == 200
    assert "immutable" in headers["Cache-Control"]  # WhiteNoise: hashed names cache forever
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"

    status, headers, _ = get(f"{url}/robots.txt", https=False)
    assert status == 301
    assert headers["Location"] == "https://localhost/robots.txt"


def database_url_of_test_run():
    """The test run's own PostgreSQL database as a URL, for a production process."""
    database = connection.settings_dict  # its NAME is the test database's
    user = quote(database["USER"], safe="")
    if database.get("PASSWORD"):
        user += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{database['PORT'] or 5432}/{database['NAME']}"


@requires_postgres
def test_gunicorn_serves_a_page_with_hsts(serve, db):
    """Every request runs in a transaction (ATOMIC_REQUESTS): a page needs the database."""
    url = serve(DATABASE_URL=database_url_of_test_run())
    status, headers, body = get(f"{url}/robots.txt")
    assert status == 200, body
    assert b"Disallow: /admin/" in body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_celery_without_a_settings_module_runs_production_like_the_web_process(run_production):
    """`celery -A config worker` outside the image (no DJANGO_SETTINGS_MODULE) must not
    fall back to the dev settings: those deliver the outbox to the console, so every
    password-reset link and login code would be printed to the worker's log and marked
    sent, and DEBUG would be on. wsgi.py and asgi.py default to production; so must the
    Celery app (and refuse to start half-configured, like them)."""
    script = """
from config.celery_app import app
from django.conf import settings
print(settings.SETTINGS_MODULE, settings.OUTBOX_DELIVERY_BACKEND, settings.DEBUG)
"""
    result = run_production(["python", "-c", script], DJANGO_SETTINGS_MODULE=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "config.settings.production", "django.core.mail.backends.smtp.EmailBackend", "False"
    ]


@pytest.mark.parametrize("count", [None, "", "0"], ids=["unset", "empty", "zero"])
def test_settings_refuse_to_load_without_the_proxy_count(run_production, count):
    """Production always sits behind a proxy (TLS ends there: SECURE_PROXY_SSL_HEADER).
    With TRUSTED_PROXY_COUNT at its default 0, allauth takes the proxy's address for
    every visitor, so one person failing ten logins a minute (`login_failed`
    10/m/ip) answers 429 to every login on the site, and likewise for login codes,
    sign-ups and password resets: anyone can keep every member out."""
    message = refused(
        run_production(IMPORT_SETTINGS, TRUSTED_PROXY_COUNT=count), "TRUSTED_PROXY_COUNT"
    )
    assert "e.g. TRUSTED_PROXY_COUNT=1" in message
