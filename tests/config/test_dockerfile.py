"""The Dockerfile and .dockerignore, read as Docker would read them.

No Docker engine runs here, so the build steps that matter are replayed:
collectstatic exactly as the Dockerfile runs it, and the image's gunicorn
command with --print-config (which loads config.wsgi).
"""

import fnmatch
import json
import re
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

import pytest

BASE_DIR = Path(settings.BASE_DIR)


def instructions():
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines = [
        line
        for line in (BASE_DIR / "Dockerfile").read_text().splitlines()
        if not line.lstrip().startswith("#")
    ]
    text = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip())
        for line in text.splitlines()
        if line.strip()
    ]


def index_of(instruction, predicate=lambda arguments: True):
    for index, (name, arguments) in enumerate(instructions()):
        if name == instruction and predicate(arguments):
            return index
    raise AssertionError(f"no {instruction} matching in the Dockerfile")


def env_instructions():
    env = {}
    for name, arguments in instructions():
        if name == "ENV":
            env.update(token.split("=", 1) for token in shlex.split(arguments))
    return env


def test_base_image_and_dependency_layer():
    assert instructions()[0] == ("FROM", "python:3.11-slim")
    copy_lock = index_of("COPY", lambda arguments: arguments.startswith("requirements.txt"))
    install = index_of("RUN", lambda arguments: "pip install -r requirements.txt" in arguments)
    copy_project = index_of("COPY", lambda arguments: arguments == ". .")
    # The lock file alone first, so a code change does not reinstall everything.
    assert copy_lock < install < copy_project
    assert re.search(r"^gunicorn==", (BASE_DIR / "requirements.txt").read_text(), re.M)


# Set per deployment (docker-compose.yml, the orchestrator), never in the image.
RUNTIME_ONLY = {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "TRUSTED_PROXY_COUNT"}


def test_image_runs_production_settings_without_baked_in_secrets_or_services():
    env = env_instructions()
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert not RUNTIME_ONLY & set(env)
    assert not any(
        name == "ARG" and any(variable in arguments for variable in RUNTIME_ONLY)
        for name, arguments in instructions()
    )


def collectstatic_step():
    """(the variables set for that one step, the command) of the collectstatic RUN."""
    step = instructions()[index_of("RUN", lambda arguments: "collectstatic" in arguments)][1]
    tokens = shlex.split(step)
    assignments = {}
    while re.match(r"^[A-Z_]+=", tokens[0]):
        key, value = tokens.pop(0).split("=", 1)
        assignments[key] = value
    return assignments, tokens


def test_collectstatic_build_step_has_placeholders_that_reach_no_server():
    assignments, command = collectstatic_step()
    assert set(assignments) == RUNTIME_ONLY
    assert command[:3] == ["python", "manage.py", "collectstatic"]
    for variable in ["DATABASE_URL", "REDIS_URL"]:
        assert urlsplit(assignments[variable]).hostname.endswith(".invalid"), variable


def test_collectstatic_build_step_works(run_production, tmp_path):
    """Replays the Dockerfile's collectstatic step with its build-time-only values.

    run_production's own placeholders are left out: the step must work with
    exactly what it sets.
    """
    assignments, command = collectstatic_step()
    environ = {**dict.fromkeys(RUNTIME_ONLY), **assignments}
    result = run_production(command, DJANGO_STATIC_ROOT=str(tmp_path), **environ)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "css/site.css" in json.loads((tmp_path / "staticfiles.json").read_text())["paths"]


def test_runs_as_an_unprivileged_user():
    user_index = max(index for index, (name, _) in enumerate(instructions()) if name == "USER")
    user = instructions()[user_index][1]
    assert user not in {"root", "0"} and not user.startswith("0:")
    assert user_index < index_of("CMD")
    assert index_of("RUN", lambda arguments: "useradd" in arguments and user in arguments) < (
        user_index
    )


def test_upload_folders_are_apart_and_writable_by_the_app_user():
    env = env_instructions()
    media, private = env["MEDIA_ROOT"], env["PRIVATE_MEDIA_ROOT"]
    assert not private.startswith(media.rstrip("/") + "/") and private != media
    setup = instructions()[index_of("RUN", lambda arguments: "useradd" in arguments)][1]
    assert re.search(rf"chown app:app [^&]*{media}\b", setup)
    assert re.search(rf"chown app:app [^&]*{private}\b", setup)


def gunicorn_command():
    command = json.loads(instructions()[index_of("CMD")][1])  # exec form: signals reach gunicorn
    return command


def test_command_is_gunicorn_on_port_8000():
    command = gunicorn_command()
    assert command[:2] == ["gunicorn", "config.wsgi"]
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"
    assert index_of("EXPOSE", lambda arguments: arguments == "8000")
    assert "--workers" not in command and "-w" not in command  # from WEB_CONCURRENCY
    assert int(env_instructions()["WEB_CONCURRENCY"]) >= 2


def test_gunicorn_command_loads_the_app_and_takes_workers_from_env(run_production):
    command = [sys.executable, "-m", *gunicorn_command(), "--print-config"]
    result = run_production(command, WEB_CONCURRENCY="5")
    assert result.returncode == 0, result.stdout + result.stderr
    config = dict(
        (part.strip() for part in line.split("=", 1))
        for line in result.stdout.splitlines()
        if "=" in line
    )
    assert config["workers"] == "5"
    assert config["bind"] == "['0.0.0.0:8000']"


def dockerignore_patterns():
    patterns = [
        line.strip()
        for line in (BASE_DIR / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert not any(pattern.startswith("!") for pattern in patterns), "exceptions: update test"
    return patterns


def ignored(path):
    """Whether Docker leaves `path` out of the build context (a close approximation)."""
    parts = Path(path).parts
    prefixes = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    for pattern in dockerignore_patterns():
        pattern = pattern.strip("/")
        if pattern.startswith("**/"):
            if any(fnmatch.fnmatchcase(part, pattern[3:]) for part in parts):
                return True
        elif any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
            return True
    return False


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".venv/bin/python",
        ".git/HEAD",
        "db.sqlite3",
        "media/images/a.jpg",
        "private-media/documents/a.pdf",
        "staticfiles/staticfiles.json",
        "cms/__pycache__/models.cpython-311.pyc",
    ],
)
def test_dockerignore_keeps_local_state_and_secrets_out(path):
    assert ignored(path)


@pytest.mark.parametrize(
    "path",
    [
        "manage.py",
        "requirements.txt",
        "config/settings/production.py",
        "config/wsgi.py",
        "cms/apps.py",
        "community/outbox/services.py",
        "search/views.py",
        "templates/base.html",
        "static/css/site.css",
    ],
)
def test_dockerignore_keeps_what_the_image_needs(path):
    assert (BASE_DIR / path).exists()
    assert not ignored(path)
