"""The compose stack's reverse proxy, for real: nginx in front of gunicorn.

Debian's nginx runs deploy/nginx/default.conf.template, the file docker-compose.yml
gives the official nginx image, with its ${...} placeholders filled in the same way
(envsubst there, string substitution here) and included in a small nginx.conf of
our own. Behind it gunicorn runs the production settings on the test database and
Redis. Requests are written byte for byte (tests/helpers/servers.py).

nginx comes from Debian (`apt-get install nginx-light`; .ci/run installs it). The
tests skip without it, unless REQUIRE_PROXY, REQUIRE_BROWSER or CI is set: in CI a
missing nginx is a failure.
"""

import json
import os
import re
import shutil
import subprocess
import types
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings as django_settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest
import wagtail_factories

from cms.models import InstrumentAttachment
from cms.visibility import Visibility
from tests.factories import InstrumentPageFactory, ThemePageFactory
from tests.helpers.servers import free_port, gunicorn, raw_request, server_process
from tests.helpers.services import requires_postgres, requires_redis
from tests.helpers.traversal import (
    absolute_paths,
    plant_canaries,
    relative_target,
    traversal_paths,
)

BASE_DIR = Path(django_settings.BASE_DIR)
TEMPLATE = BASE_DIR / "deploy" / "nginx" / "default.conf.template"
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
DEBIAN_MIME_TYPES = Path("/etc/nginx/mime.types")
HOST = {"Host": "localhost"}

on_the_test_database = [
    pytest.mark.postgres,
    requires_postgres,
    requires_redis,
    # Committed rows, visible to gunicorn; the migrations' pages are put back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    reason = "nginx is not installed (apt-get install nginx-light)"
    if any(os.environ.get(name, "") not in ("", "0") for name in
           ("REQUIRE_PROXY", "REQUIRE_BROWSER", "CI")):
        pytest.fail(f"{reason}, and this run requires it", pytrace=False)
    pytest.skip(reason)


def render_template(values: dict) -> str:
    """The template with its ${NAME} placeholders filled, as envsubst fills them."""
    text = TEMPLATE.read_text()
    assert set(PLACEHOLDER.findall(text)) == set(values)
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def nginx_conf(prefix: Path, server_conf: Path) -> str:
    """The official image's nginx.conf, reduced to what a test process needs."""
    temp = {name: prefix / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for folder in temp.values():
        folder.mkdir(exist_ok=True)
    return f"""
# One process, in the foreground, as the user running the tests.
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 64; }}
http {{
    include {DEBIAN_MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    sendfile on;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {server_conf};
}}
"""


def run_nginx(prefix: Path, values: dict):
    """nginx with the template; returns the command (the caller starts it)."""
    server_conf = prefix / "default.conf"
    server_conf.write_text(render_template(values))
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(prefix, server_conf))
    return [nginx_binary(), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]


def test_the_template_is_valid_nginx_configuration(tmp_path):
    """`nginx -t` on the template as compose fills it (apart from paths and ports)."""
    for folder in ("static", "media"):
        (tmp_path / folder).mkdir()
    command = run_nginx(tmp_path, {
        "PROXY_LISTEN": f"127.0.0.1:{free_port()}",
        "PROXY_UPSTREAM": "127.0.0.1:9",
        "PROXY_STATIC_ROOT": str(tmp_path / "static"),
        "PROXY_MEDIA_ROOT": str(tmp_path / "media"),
        "PROXY_FORWARDED_PROTO": "$scheme",
    })
    result = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    # envsubst would also fill "$PROXY_…" without braces: the template has none.
    assert not re.search(r"\$(?!\{)PROXY_", TEMPLATE.read_text())


@pytest.fixture(scope="module")
def stack(app_process_env, production_static, tmp_path_factory):
    """nginx (the template) in front of gunicorn (production settings), with canaries."""
    command_prefix = tmp_path_factory.mktemp("nginx")
    folder = tmp_path_factory.mktemp("stack")
    media, private = folder / "media", folder / "private-media"
    (media / "images").mkdir(parents=True)
    canaries = plant_canaries(private_root=private, media_root=media)
    env = app_process_env(
        "config.settings.production",
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(private),
        DJANGO_STATIC_ROOT=str(production_static),
        DJANGO_ALLOWED_HOSTS="localhost",
        SITE_URL="https://localhost",
        TRUSTED_PROXY_COUNT="1",
    )
    with gunicorn(env, folder / "gunicorn.log", workers=2) as app_port:
        proxy_port = free_port()
        command = run_nginx(command_prefix, {
            "PROXY_LISTEN": f"127.0.0.1:{proxy_port}",
            "PROXY_UPSTREAM": f"127.0.0.1:{app_port}",
            "PROXY_STATIC_ROOT": str(production_static),
            "PROXY_MEDIA_ROOT": str(media),
            # As behind a TLS terminator that forwards HTTPS only: HSTS, secure cookies.
            "PROXY_FORWARDED_PROTO": "https",
        })
        with server_process(command, port=proxy_port, env=dict(os.environ),
                            cwd=command_prefix, log_path=command_prefix / "nginx.log"):
            yield types.SimpleNamespace(
                proxy=proxy_port, app=app_port, media=media, private=private,
                static=production_static, canaries=canaries,
            )


@pytest.fixture
def on_stack(stack, settings):
    """This test's files go where the stack's gunicorn and nginx look."""
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = stack.media, stack.private
    return stack


def get(port: int, path: str, **kwargs):
    return raw_request(port, path, headers={**HOST, **kwargs.pop("headers", {})}, **kwargs)


@pytest.mark.usefixtures("on_stack")
class TestThroughTheProxy:
    pytestmark = on_the_test_database

    def test_a_public_rendition_is_served_by_nginx(self, stack):
        rendition = wagtail_factories.ImageFactory(title="Campus").get_rendition("width-50")
        with rendition.file.open("rb") as stored:
            content = stored.read()

        response = get(stack.proxy, rendition.url)
        assert response.status == 200 and response.body == content
        assert response.header("Server") == "nginx"  # and no version
        assert response.header("X-Content-Type-Options") == "nosniff"
        assert "default-src 'none'" in response.header("Content-Security-Policy")
        # Django itself has no media route in production.
        assert get(stack.app, rendition.url, headers=HTTPS).status == 404

    def test_static_files_are_served_by_nginx_and_no_folder_is_listed(self, stack):
        manifest = json.loads((stack.static / "staticfiles.json").read_text())
        hashed = "/static/" + manifest["paths"]["css/site.css"]
        response = get(stack.proxy, hashed)
        assert response.status == 200
        assert response.body == (stack.static / hashed.removeprefix("/static/")).read_bytes()
        assert "immutable" in response.header("Cache-Control")
        assert response.header("X-Content-Type-Options") == "nosniff"
        assert "default-src 'none'" in response.header("Content-Security-Policy")
        compressed = get(stack.proxy, hashed, headers={"Accept-Encoding": "gzip"})
        assert compressed.header("Content-Encoding") == "gzip"  # WhiteNoise's .gz, as is

        for folder in ["/static/", "/static/css/", "/static/css", "/media/", "/media/images/"]:
            response = get(stack.proxy, folder)
            assert response.status in {301, 404}, folder
            assert b"site." not in response.body and b"Index of" not in response.body

    def test_a_members_only_document_is_not_served_to_a_visitor(self, stack, site_tree,
                                                                  steps, instrument_types):
        secret = f"%PDF-1.4 {uuid.uuid4().hex}".encode()
        theme = ThemePageFactory(parent=site_tree["themes"], title="Kennisveiligheid")
        page = InstrumentPageFactory(
            parent=theme, title="Dreigingsbeeld", instrument_type=instrument_types[0],
            steps=[steps[0]], visibility=Visibility.MEMBERS,
        )
        document = Document(title="Dreigingsbeeld")
        document.file.save("dreigingsbeeld.pdf", ContentFile(secret), save=False)
        document.save()
        InstrumentAttachment.objects.create(page=page, document=document)

        response = get(stack.proxy, document.url)
        assert response.status == 302
        assert response.header("Location").startswith("/accounts/login/?next=")
        name = document.file.name  # documents/dreigingsbeeld.pdf
        for path in [
            f"/media/{name}",
            f"/media/images/../{name}",
            f"/media/images/..%2f{name.replace('/', '%2f')}",
            f"/media/images/../../private-media/{name}",
            f"/media/original_images/../{name}",
            f"/private-media-not-served/{name}",
            f"/documents/{document.pk}/../../media/{name}",
            f"/static/../private-media/{name}",
        ]:
            response = get(stack.proxy, path)
            assert response.status in {400, 404}, path
            assert secret not in response.body, path

    def test_traversal_through_the_proxy_never_reaches_a_file(self, stack):
        images = stack.media / "images"
        tails = []
        for canary in stack.canaries.paths:
            if canary.parent.name == "documents":
                target = relative_target(images, canary)
                tails += traversal_paths(target) + traversal_paths("../" + target)
        tails += absolute_paths(stack.canaries.paths[0])
        # Without the slash too: `location /x { alias /y/; }` is the classic nginx hole.
        prefixes = ["/media/images/", "/media/images", "/media/", "/static/", "/static",
                    "/static/css/", "/documents/1/"]
        answered = []
        for prefix in prefixes:
            for tail in tails:
                response = get(stack.proxy, prefix + tail)
                if response.status not in {400, 404} or stack.canaries.found_in(response.body):
                    answered.append((prefix + tail, response.status))
        assert not answered, f"{len(answered)} not refused, e.g. {answered[:5]}"

    def test_a_symbolic_link_out_of_the_renditions_is_not_followed(self, stack):
        link = stack.media / "images" / f"link-{uuid.uuid4().hex}.jpg"
        link.symlink_to(stack.canaries.paths[0])
        response = get(stack.proxy, f"/media/images/{link.name}")
        assert response.status in {403, 404}
        assert not stack.canaries.found_in(response.body)

    def test_pages_keep_their_headers_through_the_proxy(self, stack):
        direct = get(stack.app, "/", headers=HTTPS)
        proxied = get(stack.proxy, "/")
        assert direct.status == proxied.status == 200
        policy = proxied.header("Content-Security-Policy")
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        assert proxied.header("Strict-Transport-Security") == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert proxied.header("X-Content-Type-Options") == "nosniff"
        assert proxied.header("Cross-Origin-Opener-Policy") == "same-origin"
        for name in SECURITY_HEADERS:
            assert proxied.header(name) == direct.header(name), name
        assert "Set-Cookie" not in proxied.headers or "Secure" in proxied.header("Set-Cookie")

    def test_the_visitors_address_reaches_django(self, stack):
        """allauth's per-IP limit on failed logins counts each visitor on its own.

        Visitors come from 127.0.0.2 and 127.0.0.3 (all of 127/8 is this machine);
        without X-Forwarded-For from nginx, Django would see nginx's address for both.
        """
        first, second = "127.0.0.2", "127.0.0.3"
        statuses = [log_in_fails(stack.proxy, first, attempt) for attempt in range(40)]
        assert 429 in statuses, statuses
        assert set(statuses[: statuses.index(429)]) == {200}
        # A forged X-Forwarded-For from the same visitor changes nothing...
        assert log_in_fails(stack.proxy, first, 99, forwarded_for=second) == 429
        # ... and the other visitor is not limited.
        assert log_in_fails(stack.proxy, second, 0) == 200

    def test_uploads_up_to_twenty_megabytes_pass(self, stack):
        """WAGTAILDOCS_MAX_UPLOAD_SIZE is 20 MB; nginx's limit is above it."""
        assert django_settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
        body = b"x" * (21 * 1024 * 1024)
        response = get(stack.proxy, "/accounts/login/", method="POST", body=body,
                       headers={"Content-Type": "application/octet-stream"}, timeout=60)
        assert response.status == 403  # Django's CSRF check answered: nginx let it through
        too_large = get(stack.proxy, "/accounts/login/", method="POST",
                        headers={"Content-Length": str(64 * 1024 * 1024)})
        assert too_large.status == 413


HTTPS = {"X-Forwarded-Proto": "https"}
SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
]
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def log_in_fails(port: int, source: str, attempt: int, forwarded_for: str | None = None) -> int:
    """A failed login from address `source`, through the proxy; the answer's status."""
    extra = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    page = get(port, "/accounts/login/", source=source, headers=extra)
    if page.status != 200:
        return page.status
    cookie = re.search(r"csrftoken=([^;]+)", page.header("Set-Cookie") or "").group(1)
    token = CSRF_INPUT.search(page.body).group(1).decode()
    form = urlencode({
        "csrfmiddlewaretoken": token,
        "login": f"poging-{source}-{attempt}@example.org",  # another account each time
        "password": "geraden-wachtwoord",
    }).encode()
    response = get(port, "/accounts/login/", method="POST", source=source, body=form, headers={
        **extra,
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Origin": "https://localhost",
        "Referer": "https://localhost/accounts/login/",
    })
    return response.status
