"""docker-compose.yml: valid, one app definition for web/worker/beat, wired together.

The structure is checked on what docker-compose itself resolves (`docker-compose
config`) when it is installed (Debian's package; .ci/run installs it), else on
the file as PyYAML reads it (anchors and merge keys resolved).
"""

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

import pytest
import yaml

BASE_DIR = Path(settings.BASE_DIR)
COMPOSE_FILE = BASE_DIR / "docker-compose.yml"
APP_SERVICES = ["web", "worker", "beat"]
DOCKER_COMPOSE = shutil.which("docker-compose")
requires_docker_compose = pytest.mark.skipif(
    DOCKER_COMPOSE is None,
    reason="docker-compose is not installed (apt-get install docker-compose)",
)


def docker_compose(*args, env_file):
    """Run docker-compose on our file with only `env_file` for variables."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [
            DOCKER_COMPOSE,
            "--project-directory",
            str(BASE_DIR),
            "-f",
            str(COMPOSE_FILE),
            "--env-file",
            str(env_file),
            *args,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def env_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("compose") / ".env"
    path.write_text("DJANGO_SECRET_KEY=compose-test-secret-0123456789-0123456789-0123456789\n")
    return path


@pytest.fixture(scope="module")
def compose(env_file):
    if DOCKER_COMPOSE:
        result = docker_compose("config", env_file=env_file)
        assert result.returncode == 0, result.stderr
        return yaml.safe_load(result.stdout)
    return yaml.safe_load(COMPOSE_FILE.read_text())


def command_of(service):
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else command


def target_ports(service):
    ports = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.append(int(port["target"]))
        else:
            ports.append(int(str(port).split(":")[-1].split("/")[0]))
    return ports


@requires_docker_compose
def test_docker_compose_accepts_the_file(env_file):
    result = docker_compose("config", "-q", env_file=env_file)
    assert result.returncode == 0, result.stderr


@requires_docker_compose
@pytest.mark.parametrize("variables", ["empty", "example"])
def test_secret_key_is_required(variables, tmp_path):
    """Neither a missing .env nor an unfilled copy of .env.example starts the stack."""
    env_file = tmp_path / ".env"
    env_file.write_text("" if variables == "empty" else (BASE_DIR / ".env.example").read_text())
    result = docker_compose("config", "-q", env_file=env_file)
    assert result.returncode != 0
    assert "set DJANGO_SECRET_KEY in .env" in result.stderr


def test_app_services_share_one_definition(compose):
    assert "x-app" in yaml.safe_load(COMPOSE_FILE.read_text())
    services = compose["services"]
    web = services["web"]
    for key in ["build", "image", "environment", "volumes"]:
        assert key in web
        for name in [*APP_SERVICES, "migrate"]:
            assert services[name][key] == web[key], (name, key)


def test_commands(compose):
    services = compose["services"]
    assert "command" not in services["web"]  # the image's: gunicorn config.wsgi
    assert command_of(services["worker"])[:4] == ["celery", "-A", "config", "worker"]
    assert command_of(services["beat"])[:4] == ["celery", "-A", "config", "beat"]
    migrate = command_of(services["migrate"])
    assert migrate[-3:] == ["manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"


def test_app_environment_points_at_the_stack(compose):
    services = compose["services"]
    env = services["web"]["environment"]
    database = urlsplit(env["DATABASE_URL"])
    postgres = services["postgres"]["environment"]
    assert database.scheme == "postgres" and database.hostname == "postgres"
    assert (database.username, database.password, database.path) == (
        postgres["POSTGRES_USER"],
        postgres["POSTGRES_PASSWORD"],
        f"/{postgres['POSTGRES_DB']}",
    )
    assert urlsplit(env["REDIS_URL"]).hostname == "redis"
    assert env["EMAIL_HOST"] == "mailpit"
    assert str(env["EMAIL_PORT"]) == "1025"
    assert services["mailpit"]["environment"]["MP_SMTP_BIND_ADDR"].endswith(":1025")
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "false"
    assert env["DJANGO_ALLOWED_HOSTS"] and env["SITE_URL"].startswith("http://")
    assert env["DJANGO_SECRET_KEY"]


def test_every_app_variable_is_read_by_the_settings(compose):
    """A misspelt variable would be silently ignored."""
    source = "\n".join(path.read_text() for path in (BASE_DIR / "config" / "settings").glob("*.py"))
    read_elsewhere = {
        "DATABASE_URL",  # by dj_database_url.config()
        "WEB_CONCURRENCY",  # by gunicorn
    }
    for name in compose["services"]["web"]["environment"]:
        assert name in read_elsewhere or re.search(rf"[\"']{name}[\"']", source), name


def test_media_volume_is_shared_at_media_root(compose):
    services = compose["services"]
    media_root = services["web"]["environment"]["MEDIA_ROOT"]
    for name in ["web", "worker"]:
        mounts = [str(volume).split(":") for volume in services[name]["volumes"]]
        assert ["media", media_root] in [mount[:2] for mount in mounts], name
    assert "media" in compose["volumes"]


def test_start_order_waits_for_healthy_services(compose):
    services = compose["services"]
    for name in APP_SERVICES:
        assert services[name]["depends_on"] == {
            "postgres": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "mailpit": {"condition": "service_started"},
            "migrate": {"condition": "service_completed_successfully"},
        }, name
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    for name in ["postgres", "redis"]:
        assert services[name]["healthcheck"]["test"], name


def test_backing_services(compose):
    services = compose["services"]
    assert services["postgres"]["image"] == "postgres:16"
    assert "postgres-data:/var/lib/postgresql/data" in [
        ":".join(str(volume).split(":")[:2]) for volume in services["postgres"]["volumes"]
    ]
    assert "postgres-data" in compose["volumes"]
    assert services["redis"]["image"] == "redis:7"
    assert services["mailpit"]["image"].startswith("axllent/mailpit")
    assert 8025 in target_ports(services["mailpit"])
    assert 8000 in target_ports(services["web"])
