"""Raw request lines against real servers under the dev, test and production settings.

HTTP clients (the Django test client included) normalise `..` or refuse a backslash
or raw UTF-8 in a path; an attacker's client does not. These requests are written
byte for byte (tests/helpers/servers.py). Canary files sit in the private root and
in the old layout under MEDIA_ROOT of the server under attack.

Needs PostgreSQL and Redis: the server is another process and must reach the test
database; the production settings need both.
"""

import shutil
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from cms.models import HomePage, StandardPage
from tests.helpers.servers import gunicorn, raw_request, runserver
from tests.helpers.services import requires_postgres, requires_redis
from tests.helpers.traversal import (
    absolute_paths,
    plant_canaries,
    relative_target,
    traversal_paths,
)

pytestmark = [
    pytest.mark.postgres,
    requires_postgres,
    requires_redis,
    # Committed rows, visible to gunicorn; the migrations' pages are put back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BASE_DIR = Path(django_settings.BASE_DIR)
HTTPS = {"X-Forwarded-Proto": "https"}  # as the proxy says it: no redirect to HTTPS
# (settings module, server): `make run` starts runserver, the image gunicorn.
SERVERS = {
    "dev-runserver": ("config.settings.dev", runserver),
    "dev-gunicorn": ("config.settings.dev", gunicorn),
    "test-gunicorn": ("config.settings.test", gunicorn),
    "production-gunicorn": ("config.settings.production", gunicorn),
}


@pytest.fixture(scope="module", params=list(SERVERS))
def server(request, app_process_env, production_static, tmp_path_factory):
    """(port, media root, private root) of a server running one settings module."""
    settings_module, start = SERVERS[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    # The test settings fix their folders (config/settings/test.py); the others read
    # the environment.
    if settings_module == "config.settings.test":
        media, private = BASE_DIR / ".test-media", BASE_DIR / ".test-private-media"
    else:
        media, private = folder / "media", folder / "private-media"
    env = app_process_env(
        settings_module,
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(private),
        DJANGO_STATIC_ROOT=str(production_static),
        DJANGO_ALLOWED_HOSTS="localhost",
    )
    try:
        with start(env, folder / "server.log") as port:
            yield port, media, private
    finally:
        if settings_module == "config.settings.test":
            shutil.rmtree(media, ignore_errors=True)
            shutil.rmtree(private, ignore_errors=True)


def test_raw_traversal_never_reaches_a_file(server, settings):
    port, media, private = server
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = media, private  # where gunicorn looks
    canaries = plant_canaries(private_root=private, media_root=media)
    document = Document(title="Openbare bijlage")
    document.file.save("openbaar.pdf", ContentFile(b"%PDF-1.4 openbaar"), save=False)
    document.save()
    # Public because a live public page shows it (documents no live page uses are
    # for editors only).
    page = StandardPage(title="Bijlagen", slug="bijlagen",
                        body=[("document", {"document": document, "title": "Bijlage"})])
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()

    images = media / "images"
    images.mkdir(parents=True, exist_ok=True)
    tails = []
    for canary in canaries.paths:
        if canary.parent.name == "documents":  # one in the private root, one in the old layout
            target = relative_target(images, canary)
            tails += traversal_paths(target) + traversal_paths("../" + target)
    tails += absolute_paths(canaries.paths[0])
    prefixes = ["/media/images/", "/static/", "/static/css/", f"/documents/{document.pk}/"]

    assert raw_request(port, document.url, headers=HTTPS).status == 200  # the server works
    answered = []
    for prefix in prefixes:
        for tail in tails:
            response = raw_request(port, prefix + tail, headers=HTTPS)
            if response.status not in {400, 404} or canaries.found_in(response.body):
                answered.append((prefix + tail, response.status))
    assert not answered, f"{len(answered)} not refused, e.g. {answered[:5]}"
