"""No file is reachable by a path the requester controls: every URL route, in-process.

Each test runs under three settings variants: the test settings as they are, what
the dev settings change that matters for files (DEBUG: WhiteNoise then looks files
up through the finders on every request), and the production URLs (SERVE_MEDIA
off, so no media route). The Django test client decodes percent-escapes once, as a
real server does, and keeps `..` as it is. Raw request lines against real servers
(gunicorn, nginx) are in test_raw_paths.py and test_proxy.py.

Canary files (tests/helpers/traversal.py) sit in the private storage and where an
older installation kept its private files under MEDIA_ROOT; no response may contain
their bytes.
"""

import logging
import types
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import get_commands
from django.test import Client
from django.urls import path, re_path

from wagtail.documents.models import Document

import pytest

from cms.models import StandardPage
from tests.factories import EditorFactory, MemberFactory
from tests.helpers.traversal import (
    FILE_ROUTES,
    PAGE_ROUTES,
    absolute_paths,
    plant_canaries,
    relative_target,
    traversal_paths,
    url_routes,
)
from tests.helpers.urls import urlconf_with_serve_media

pytestmark = pytest.mark.django_db

MEDIA_ROUTE = "media/images/<path:path>"
# Wagtail's admin raises on purpose here, to test error reporting.
DELIBERATE_ERROR = "wagtailadmin_error_test"
SETTINGS_VARIANTS = {
    "test": {},
    "dev": {"DEBUG": True},
    "production": {"SERVE_MEDIA": False},
}


@pytest.fixture(params=list(SETTINGS_VARIANTS))
def variant(request, settings):
    for name, value in SETTINGS_VARIANTS[request.param].items():
        setattr(settings, name, value)
    with urlconf_with_serve_media(settings.SERVE_MEDIA):
        yield request.param


@pytest.fixture
def canaries(settings):
    return plant_canaries(private_root=settings.PRIVATE_MEDIA_ROOT, media_root=settings.MEDIA_ROOT)


@pytest.fixture
def document(home):
    """A public document (a live public page shows it), so /documents/<id>/… reaches the
    file-name check."""
    document = Document(title="Openbare bijlage")
    document.file.save("openbaar.pdf", ContentFile(b"%PDF-1.4 openbaar"), save=False)
    document.save()
    page = StandardPage(title="Bijlagen", slug="bijlagen",
                        body=[("document", {"document": document, "title": "Bijlage"})])
    home.add_child(instance=page)
    page.save_revision().publish()
    return document


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def document_canary_targets(canaries, settings) -> list[str]:
    """Relative paths from the renditions folder to the two document canaries."""
    images = Path(settings.MEDIA_ROOT) / "images"
    images.mkdir(parents=True, exist_ok=True)
    return [
        relative_target(images, canary)
        for canary in canaries.paths
        if canary.parent.name == "documents"
    ]


def attempt_targets(canaries, settings) -> list[str]:
    """Every spelling of the way to the document canaries, also one level deeper (a
    route whose folder is elsewhere), plus absolute paths."""
    targets = document_canary_targets(canaries, settings)
    tails = []
    for target in [*targets, *("../" + target for target in targets)]:
        tails += traversal_paths(target)
    for canary in canaries.paths[:1]:
        tails += absolute_paths(canary)
    return tails


def test_every_route_that_takes_a_path_is_declared(variant, settings):
    """A new route with a `path` converter or a `.+`/`.*` capture fails here until it is
    listed in FILE_ROUTES (and so attacked below) or PAGE_ROUTES."""
    routes = {route.route for route in url_routes()}
    taking_a_path = {route.route for route in url_routes() if route.takes_a_path}
    assert not taking_a_path - FILE_ROUTES.keys() - PAGE_ROUTES, (
        "routes that take a path, not in tests/helpers/traversal.py's FILE_ROUTES or "
        "PAGE_ROUTES"
    )
    declared = (FILE_ROUTES.keys() | PAGE_ROUTES) - {MEDIA_ROUTE}
    assert declared <= routes, "declared routes that no longer exist"
    assert (MEDIA_ROUTE in routes) is settings.SERVE_MEDIA


def test_the_walk_finds_every_kind_of_file_route():
    """The rule itself: what a new file route could look like is found."""

    def view(request, **kwargs):
        raise AssertionError("not called")

    urlconf = types.ModuleType("file_route_examples")
    urlconf.urlpatterns = [
        path("exports/<path:name>", view),
        re_path(r"^bestanden/(?P<name>.+)$", view),
        re_path(r"^oud/(.*)$", view),
        path("pagina/<slug:slug>/<int:pk>/", view),
        re_path(r"^nummer/(\d+)/$", view),
    ]
    found = {route.route for route in url_routes(urlconf) if route.takes_a_path}
    assert found == {"exports/<path:name>", "^bestanden/(?P<name>.+)$", "^oud/(.*)$"}


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_file_routes_refuse_every_traversal(variant, who, settings, canaries, document):
    client = Client()
    if who == "member":
        client.force_login(MemberFactory())
    tails = attempt_targets(canaries, settings)
    failures = []
    for route in url_routes():
        if route.route not in FILE_ROUTES:
            continue
        urls = route.variants({"path": tails}, choices={"int": [str(document.pk)]})
        for url in urls:
            response = client.get(url)
            if response.status_code not in FILE_ROUTES[route.route] or canaries.found_in(
                body_of(response)
            ):
                failures.append((url, response.status_code))
    assert not failures, f"{len(failures)} attempts not refused, e.g. {failures[:5]}"


def test_traversal_is_refused_quietly(variant, settings, canaries, caplog):
    """A refused path is a plain 404: nothing logged as an error."""
    client = Client()
    with caplog.at_level(logging.WARNING):
        for tail in attempt_targets(canaries, settings)[:40]:
            assert client.get("/media/images/" + tail).status_code in {400, 404}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_no_route_answers_a_canary(variant, settings, canaries, document):
    """Every route of the resolver, its text captures filled with attempts."""
    targets = document_canary_targets(canaries, settings)
    deeper = ["../" * extra + target for target in targets for extra in (1, 2)]
    payloads = {
        "path": [tail for target in targets for tail in traversal_paths(target)]
        + deeper
        + absolute_paths(canaries.paths[0]),
        "text": [tail for target in targets for tail in traversal_paths(target, one_segment=True)]
        + ["canary.pdf", "..", "%2e%2e"],
    }
    # Errors are answers too (a 500 is no file), but are listed below.
    clients = {"anonymous": Client(raise_request_exception=False)}
    if variant == "test":  # the admin's routes do not change with the variants
        editor = Client(raise_request_exception=False)
        editor.force_login(EditorFactory())
        clients["editor"] = editor
    query = "?" + "&".join(
        f"{name}={payloads['path'][0]}" for name in ("path", "file", "name", "next")
    )
    leaks, errors = [], []
    for route in url_routes():
        if route.kinds:
            urls = route.variants(payloads, choices={"int": [str(document.pk)]})
        else:
            urls = [route.url() + query]
        for who, client in clients.items():
            for url in urls:
                response = client.get(url)
                if canaries.found_in(body_of(response)):
                    leaks.append((who, url))
                if response.status_code >= 500 and route.name != DELIBERATE_ERROR:
                    errors.append((who, url, response.status_code))
    assert not leaks
    assert not errors


@pytest.mark.parametrize("debug", [True, False], ids=["finders", "collected"])
def test_whitenoise_static_refuses_traversal(debug, settings, canaries, tmp_path):
    """WhiteNoise is middleware, not a URL route: /static/ attacked on its own.

    With DEBUG (dev) it looks files up through the finders on every request; without,
    it serves what is in STATIC_ROOT (collected, as in production).
    """
    settings.DEBUG = debug
    static_root = tmp_path / "collected"
    (static_root / "css").mkdir(parents=True)
    (static_root / "css" / "site.css").write_bytes(b"body{}")
    settings.STATIC_ROOT = static_root
    client = Client()  # a new client builds the middleware with these settings
    assert client.get("/static/css/site.css").status_code == 200

    base = Path(django_settings.BASE_DIR)
    secret_source = "SECRET_KEY = os.environ.get"
    folders = [base / "static" / "css", static_root / "css"]
    tails = []
    for folder in folders:
        for canary in canaries.paths:
            tails += traversal_paths(relative_target(folder, canary))
        tails += traversal_paths(relative_target(folder, base / "config/settings/base.py"))
    refused = []
    for tail in tails:
        response = client.get("/static/css/" + tail)
        body = body_of(response)
        if canaries.found_in(body) or secret_source.encode() in body:
            refused.append(tail)
        elif response.status_code not in {400, 404}:
            refused.append((tail, response.status_code))
    assert not refused


def test_runserver_leaves_static_files_to_whitenoise():
    """`make run` starts runserver, whose own static handler would answer a `..` in
    /static/ with a 500 (test_raw_paths.py sends it, on PostgreSQL)."""
    assert get_commands()["runserver"] == "whitenoise.runserver_nostatic"


def test_a_document_url_with_another_file_name_serves_nothing(client, document):
    other = Document(title="Andere bijlage")
    other.file.save("ander.pdf", ContentFile(b"%PDF-1.4 other-file-bytes"), save=False)
    other.save()
    assert client.get(document.url).status_code == 200
    for filename in [
        other.filename,
        f"{document.filename}/../{other.filename}",
        f"../{other.pk}/{other.filename}",
        f"..%2f{other.pk}%2f{other.filename}",
        document.file.name,  # "documents/openbaar.pdf"
    ]:
        response = client.get(f"/documents/{document.pk}/{filename}")
        assert response.status_code == 404, filename
        assert b"other-file-bytes" not in body_of(response)
