"""Uploads are private; only image renditions are public, and only inside their folder."""

import os
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Rendition

import pytest
import wagtail_factories

from config.public_media import FILE_POLICY, file_inside
from config.storages import PrivateFileSystemStorage
from tests.factories import EditorFactory, NewsPageFactory
from tests.helpers.urls import urlconf_with_serve_media

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Campus", file__width=300, file__height=200)


@pytest.fixture
def rendition(image):
    return image.get_rendition("width-100")


def files_under(root) -> list[str]:
    root = Path(root)
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_uploads_go_to_the_private_root_and_renditions_to_the_public_one(settings, rendition):
    document = Document(title="Bijlage")
    document.file.save("bijlage.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()

    private = files_under(settings.PRIVATE_MEDIA_ROOT)
    assert document.file.name in private
    assert rendition.image.file.name in private
    assert rendition.image.file.name.startswith("original_images/")
    # The public root holds the rendition and nothing else.
    assert files_under(settings.MEDIA_ROOT) == [rendition.file.name]
    assert rendition.file.name.startswith("images/")
    assert rendition.url == f"/media/{rendition.file.name}"


@pytest.mark.parametrize("serve_media", [True, False])
def test_the_url_of_a_private_file_leads_nowhere(image, serve_media):
    """Code that asks a private file for its URL gets one that nothing serves."""
    nowhere = PrivateFileSystemStorage.NOT_SERVED_URL
    url = image.file.url
    assert url.startswith(nowhere)
    assert default_storage.url("documents/a.pdf") == f"{nowhere}documents/a.pdf"
    with urlconf_with_serve_media(serve_media):
        client = Client()
        assert client.get(url).status_code == 404
        client.force_login(EditorFactory(is_superuser=True))
        assert client.get(url).status_code == 404


def test_the_private_root_follows_the_setting(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "elders"
    assert Path(default_storage.path("documents/a.pdf")) == tmp_path / "elders/documents/a.pdf"


def test_a_rendition_is_served_with_the_file_policy(client, rendition):
    response = client.get(rendition.url)
    assert response.status_code == 200
    with rendition.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert response["Content-Type"].startswith("image/")
    assert response["Content-Security-Policy"] == FILE_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("serve_media", [True, False])
def test_serve_media_decides_whether_django_serves_renditions(settings, rendition, serve_media):
    with urlconf_with_serve_media(serve_media):
        response = Client().get(rendition.url)
    assert response.status_code == (200 if serve_media else 404)


def test_the_original_image_is_not_served_by_path(client, rendition):
    original = rendition.image.file.name
    assert client.get(f"/media/{original}").status_code == 404
    assert client.get(f"/media/images/../{original}").status_code == 404


def test_editors_work_with_images_and_documents_without_original_urls(client, image, rendition):
    document = Document(title="Bijlage")
    document.file.save("bijlage.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    client.force_login(EditorFactory(is_superuser=True))
    for url in [
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/images/chooser/",
        f"/admin/images/chooser/chosen/{image.pk}/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/api/main/images/{image.pk}/",
        f"/admin/api/main/documents/{document.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        # The admin API names the original under the prefix nothing serves; no other way.
        nowhere = f"{PrivateFileSystemStorage.NOT_SERVED_URL}original_images/".encode()
        assert b"original_images/" not in response.content.replace(nowhere, b""), url


def test_a_news_image_is_shown_as_a_public_rendition(client, site_tree, image):
    news = NewsPageFactory(parent=site_tree["news"], title="Met foto", image=image)
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    rendition = Rendition.objects.get(image=image)
    assert f'src="/media/{rendition.file.name}"' in html
    assert "original_images/" not in html
    assert client.get(f"/media/{rendition.file.name}").status_code == 200


def test_templates_never_link_an_original_file():
    """An original is private: templates link renditions (`{% image %}`) or views."""
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        assert ".file.url" not in text, path
        assert not any(
            "{% image" in line and " original" in line for line in text.splitlines()
        ), path


@pytest.mark.parametrize(
    "relative",
    [
        "",
        "../secret.txt",
        "a/../../secret.txt",
        "/etc/passwd",
        "a\\..\\..\\secret.txt",
        "ok.jpg\x00.txt",
        "\uff0e\uff0e/secret.txt",
        "\uff0e\uff0e\uff0fsecret.txt",
        "./ok.jpg",
        "sub/",
        "sub",  # a folder, not a file
        "link.jpg",  # a symbolic link out of the folder
    ],
)
def test_file_inside_refuses_anything_but_a_file_in_the_folder(tmp_path, relative):
    folder = tmp_path / "images"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.jpg").write_bytes(b"ok")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.txt", folder / "link.jpg")
    assert file_inside(folder, relative) is None
    assert file_inside(folder, "ok.jpg") == (folder / "ok.jpg").resolve()
