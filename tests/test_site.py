"""Site-wide promises: own-host only, security headers, Dutch, clean migrations."""

import re
from io import StringIO

from django.core.management import call_command

import pytest

from tests.factories import InstrumentPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

# src/href/action values that point to another host (http://, https:// or //host).
EXTERNAL_ASSET = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=\"(?:https?:)?//",
    re.IGNORECASE,
)


@pytest.fixture
def pages(site_tree, steps, instrument_types):
    theme = ThemePageFactory(parent=site_tree["themes"], title="Integriteit")
    instrument = InstrumentPageFactory(parent=theme, title="Dilemmakaart integriteit",
                                       external_url="https://example.org/partner")
    return [
        "/", theme.url, instrument.url, site_tree["instruments"].url, site_tree["news"].url,
        site_tree["events"].url, "/zoeken/?q=integriteit", "/accounts/login/",
        "/accounts/signup/", "/bestaat-niet/",
    ]


def test_pages_load_nothing_from_other_hosts(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert not EXTERNAL_ASSET.search(html), (url, EXTERNAL_ASSET.search(html))
        assert "gravatar" not in html.lower()


def test_security_headers_on_public_pages(client, pages):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_public_templates_have_no_inline_scripts_or_styles(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url


def test_site_speaks_dutch(client, pages):
    html = client.get("/").content.decode()
    assert '<html lang="nl">' in html
    assert "Direct naar de inhoud" in html
    login = client.get("/accounts/login/").content.decode()
    assert "Wachtwoord" in login
    # A browser that prefers English still gets one language, not a mix.
    english = client.get("/accounts/login/", headers={"accept-language": "en"}).content.decode()
    assert "Wachtwoord" in english and "Password" not in english


def test_not_found_page_is_friendly(client, pages):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_admin_is_dutch_for_editors(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Pagina's" in response.content.decode()


def test_admin_avatars_do_not_come_from_gravatar(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "avatar" in html  # Wagtail still shows one: its own default
    assert "gravatar" not in html.lower()


def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_django_site_follows_site_url_after_migrate():
    from django.contrib.sites.models import Site

    # config.settings.test sets SITE_URL to http://testserver; post_migrate applied it.
    assert Site.objects.get_current().domain == "testserver"
