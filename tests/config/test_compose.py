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
PROXY_TEMPLATE = BASE_DIR / "deploy" / "nginx" / "default.conf.template"
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


def published_ports(service):
    """(host address or "" for all interfaces, published port, container port) per entry."""
    ports = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.append((port.get("host_ip", ""), int(port["published"]), int(port["target"])))
        else:
            *host, published, target = str(port).split("/")[0].split(":")
            ports.append(("".join(host), int(published), int(target)))
    return ports


def target_ports(service):
    return [target for _host, _published, target in published_ports(service)]


def mounts(service):
    """{target: (source, read_only)} of a service's volumes."""
    found = {}
    for volume in service.get("volumes", []):
        source, target, *mode = str(volume).split(":")
        found[target] = (source, mode == ["ro"])
    return found


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
            if (name, key) == ("migrate", "volumes"):
                continue  # the same volumes, and the static one writable (below)
            assert services[name][key] == web[key], (name, key)
    static_root = web["environment"]["DJANGO_STATIC_ROOT"]
    assert mounts(services["migrate"]) == {
        **mounts(web),
        static_root: (mounts(web)[static_root][0], False),
    }


def test_commands(compose):
    services = compose["services"]
    assert "command" not in services["web"]  # the image's: gunicorn config.wsgi
    assert command_of(services["worker"])[:4] == ["celery", "-A", "config", "worker"]
    assert command_of(services["beat"])[:4] == ["celery", "-A", "config", "beat"]
    migrate = command_of(services["migrate"])
    assert migrate[:2] == ["sh", "-c"]
    steps = [shlex.split(step) for step in migrate[2].split("&&")]
    assert steps == [
        ["python", "manage.py", "migrate", "--noinput"],
        ["python", "manage.py", "move_private_files"],
        # --clear: collectstatic skips a file whose copy is newer, which on a kept
        # volume would leave an old file (and hash it into the manifest).
        ["python", "manage.py", "collectstatic", "--noinput", "--clear"],
    ]
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


def test_media_volumes_are_shared_at_their_roots(compose):
    services = compose["services"]
    env = services["web"]["environment"]
    for name in ["web", "worker"]:
        assert mounts(services[name])[env["MEDIA_ROOT"]] == ("media", False), name
        assert mounts(services[name])[env["PRIVATE_MEDIA_ROOT"]] == ("private-media", False), name
        assert mounts(services[name])[env["DJANGO_STATIC_ROOT"]] == ("static", True), name
    assert {"media", "private-media", "static"} <= set(compose["volumes"])


def test_proxy_runs_the_template_in_the_repository(compose):
    """The official nginx image fills /etc/nginx/templates/*.template from its
    environment: the same file tests/config/test_proxy.py runs."""
    proxy = compose["services"]["proxy"]
    assert proxy["image"].startswith("nginx:")
    source, read_only = mounts(proxy)["/etc/nginx/templates/default.conf.template"]
    assert (BASE_DIR / source).resolve() == PROXY_TEMPLATE and read_only
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", PROXY_TEMPLATE.read_text()))
    env = proxy["environment"]
    assert placeholders == {name for name in env if name.startswith("PROXY_")}
    # envsubst replaces these and nothing else (nginx's own $variables stay).
    assert all(re.match(env["NGINX_ENVSUBST_FILTER"], name) for name in placeholders)
    assert env["PROXY_UPSTREAM"] == "web:8000"
    # "$$" in a compose file is a literal "$": nginx's variable.
    assert env["PROXY_FORWARDED_PROTO"].replace("$$", "$") == "$scheme"
    assert proxy["depends_on"] == {"web": {"condition": "service_started"}}


def test_proxy_serves_what_the_app_writes(compose):
    services = compose["services"]
    proxy, app_env = services["proxy"], services["web"]["environment"]
    env = proxy["environment"]
    # The renditions (public storage) and the collected static files, read-only;
    # never the private files.
    assert mounts(proxy)[env["PROXY_MEDIA_ROOT"]] == ("media", True)
    assert mounts(proxy)[env["PROXY_STATIC_ROOT"]] == ("static", True)
    assert "private-media" not in {source for source, _ in mounts(proxy).values()}
    assert mounts(services["migrate"])[app_env["DJANGO_STATIC_ROOT"]] == ("static", False)


def test_only_the_proxy_is_published_on_all_interfaces(compose):
    services = compose["services"]
    assert published_ports(services["proxy"]) == [("", 8000, 80)]
    assert services["web"]["environment"]["SITE_URL"] == "http://localhost:8000"
    # TRUSTED_PROXY_COUNT: the one proxy appends the visitor's address.
    assert str(services["web"]["environment"]["TRUSTED_PROXY_COUNT"]) == "1"
    assert "ports" not in services["web"]
    for name, service in services.items():
        if name != "proxy":
            for host, _published, _target in published_ports(service):
                assert host == "127.0.0.1", name


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
    # Mailpit's UI shows every mail (confirmation and reset links): this machine only.
    assert published_ports(services["mailpit"]) == [("127.0.0.1", 8025, 8025)]
