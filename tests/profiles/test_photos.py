"""Profile photos: checked with Pillow, made small and clean, served under the profile's rule."""

import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

import pytest
from PIL import ExifTags, Image

from community.members.images import (
    MAX_UPLOAD_BYTES,
    NOT_AN_IMAGE,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    WRONG_FORMAT,
    profile_photo_process,
)
from community.members.models import Profile

from .conftest import jpeg_bytes, profile_for, upload

EDIT_URL = "/leden/profiel/"

pytestmark = pytest.mark.django_db


def exif_with_gps_and_orientation():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # taken with the phone on its side: rotate 90°
    exif[ExifTags.Base.Make] = "IV-HO testcamera"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (51.0, 26.0, 52.0),
        ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (5.0, 29.0, 24.0),
    }
    return exif


def assert_clean_small_jpeg(data, *, size):
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == size
    assert max(image.size) <= 400
    assert not image.getexif(), "EXIF left in the photo"
    assert "exif" not in image.info and "icc_profile" not in image.info
    assert b"IV-HO testcamera" not in data
    assert b"Exif" not in data


def form_data(**overrides):
    data = {"display_name": "Sanne de Vries", "function": "CISO", "bio": "Over mij.",
            "visibility": "members", "notification_frequency": "daily"}
    data.update(overrides)
    return data


def test_exif_is_applied_then_removed_and_the_photo_resized():
    original = jpeg_bytes(size=(1200, 800), exif=exif_with_gps_and_orientation())
    source = Image.open(io.BytesIO(original))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo has a GPS position"

    result = profile_photo_process(upload(original))

    # Orientation 6 turns the 1200×800 landscape into a portrait: 800×1200, then 267×400.
    assert_clean_small_jpeg(result.read(), size=(267, 400))
    assert result.name.endswith(".jpg")
    assert "foto" not in result.name  # a random name, not the uploaded one


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_stored_as_jpeg(fmt):
    buffer = io.BytesIO()
    Image.new("RGBA", (500, 300), (10, 120, 90, 128)).save(buffer, format=fmt)
    result = profile_photo_process(upload(buffer.getvalue(), name=f"foto.{fmt.lower()}"))
    assert_clean_small_jpeg(result.read(), size=(400, 240))


def test_small_photo_is_not_enlarged():
    result = profile_photo_process(upload(jpeg_bytes(size=(120, 90))))
    assert Image.open(result).size == (120, 90)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"Dit is een tekstbestand, geen foto." * 10, "foto.jpg", NOT_AN_IMAGE),
        (jpeg_bytes()[:400], "afgebroken.jpg", NOT_AN_IMAGE),
        (None, "animatie.gif", WRONG_FORMAT),
        (b"x" * (MAX_UPLOAD_BYTES + 1), "groot.jpg", TOO_LARGE),
    ],
    ids=["text-named-jpg", "truncated-jpeg", "gif", "over-5-mb"],
)
def test_bad_files_are_refused_with_a_clear_message(data, name, message):
    if data is None:
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20)).save(buffer, format="GIF")
        data = buffer.getvalue()
    with pytest.raises(ValidationError) as caught:
        profile_photo_process(upload(data, name=name))
    assert caught.value.messages == [message]


@pytest.mark.parametrize("size", [(8_000, 7_000), (10_000, 10_000)], ids=["56MP", "100MP"])
def test_a_decompression_bomb_is_refused_before_decoding(size):
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG")  # a small file, many pixels
    assert len(buffer.getvalue()) < MAX_UPLOAD_BYTES
    with pytest.raises(ValidationError) as caught:
        profile_photo_process(upload(buffer.getvalue(), name="bom.png"))
    assert caught.value.messages == [TOO_MANY_PIXELS]


def test_upload_through_the_form_stores_a_clean_photo(client, user, settings):
    profile_for(user)
    client.force_login(user)
    original = jpeg_bytes(size=(1200, 800), exif=exif_with_gps_and_orientation())
    response = client.post(EDIT_URL, form_data(photo=upload(original)))
    assert response.status_code == 302

    profile = Profile.objects.get(user=user)
    assert profile.photo.name.startswith("profiles/")
    with profile.photo.open("rb") as stored:
        assert_clean_small_jpeg(stored.read(), size=(267, 400))

    # In the private storage, served by our view only: /media/ serves renditions only.
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / profile.photo.name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / profile.photo.name).exists()
    served = client.get(f"/leden/{user.pk}/foto/")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "private" in served["Cache-Control"]
    assert client.get(f"/media/{profile.photo.name}").status_code == 404


def test_non_image_is_refused_and_the_other_fields_are_kept(client, user):
    profile_for(user, display_name="Oude naam")
    client.force_login(user)
    fake = upload(b"%PDF-1.4 geen foto" * 20, name="foto.jpg")
    response = client.post(EDIT_URL, form_data(display_name="Nieuwe naam", photo=fake))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit bestand is geen foto die we kunnen lezen." in html
    assert 'id="id_photo_error"' in html
    assert 'value="Nieuwe naam"' in html and "Over mij." in html
    assert 'value="CISO"' in html
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Oude naam"
    assert not profile.photo


def test_too_large_photo_is_refused_and_the_old_photo_stays(
    client, user, django_capture_on_commit_callbacks
):
    profile_for(user)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT_URL, form_data(photo=upload(jpeg_bytes())))
    old_name = Profile.objects.get(user=user).photo.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            EDIT_URL, form_data(photo=upload(b"\xff\xd8" + b"0" * MAX_UPLOAD_BYTES))
        )
    assert response.status_code == 200
    assert "groter dan 5 MB" in response.content.decode()
    assert Profile.objects.get(user=user).photo.name == old_name
    assert default_storage.exists(old_name)


def test_replacing_and_removing_delete_the_old_file(
    client, user, django_capture_on_commit_callbacks
):
    profile_for(user)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT_URL, form_data(photo=upload(jpeg_bytes(color=(1, 2, 3)))))
    first = Profile.objects.get(user=user).photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT_URL, form_data(photo=upload(jpeg_bytes(color=(9, 9, 9)))))
    second = Profile.objects.get(user=user).photo.name
    assert second != first
    assert not default_storage.exists(first)
    assert default_storage.exists(second)

    html = client.get(EDIT_URL).content.decode()
    assert "Verwijder mijn foto" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT_URL, form_data(remove_photo="on"))
    assert not Profile.objects.get(user=user).photo
    assert not default_storage.exists(second)
    assert client.get(f"/leden/{user.pk}/foto/").status_code == 404


def photo_of(user, **fields):
    profile = profile_for(user, **fields)
    processed = profile_photo_process(upload(jpeg_bytes()))
    profile.photo.save(processed.name, processed)
    return profile


@pytest.mark.parametrize(
    ("status", "visibility", "who", "expected"),
    [
        ("approved", "members", "anonymous", 404),
        ("approved", "members", "outsider", 404),
        ("approved", "members", "member", 200),
        ("approved", "public", "anonymous", 200),
        ("approved", "public", "outsider", 200),
        ("pending", "public", "member", 404),
        ("rejected", "members", "member", 404),
        ("pending", "members", "owner", 200),
    ],
)
def test_photo_follows_the_profile_visibility(
    client, user, viewer, outsider, status, visibility, who, expected
):
    photo_of(user, status=status, visibility=visibility)
    logins = {"anonymous": None, "outsider": outsider, "member": viewer, "owner": user}
    if logins[who]:
        client.force_login(logins[who])
    assert client.get(f"/leden/{user.pk}/foto/").status_code == expected


def test_missing_photo_file_is_a_404_not_a_500(client, user, viewer):
    profile = photo_of(user)
    default_storage.delete(profile.photo.name)
    client.force_login(viewer)
    assert client.get(f"/leden/{user.pk}/foto/").status_code == 404
