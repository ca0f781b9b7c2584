"""Fixtures for profiles, the member directory and the AVG pages.

MemberFactory may or may not create a Profile (membership rules change it):
`profile_for` makes or updates one either way.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest
from django_comments_xtd.models import XtdComment
from PIL import Image

from community.members.models import Institution, Profile
from tests.factories import (
    InstrumentPageFactory,
    MemberFactory,
    ThemePageFactory,
    UserFactory,
)


def profile_for(user, *, status=Profile.Status.APPROVED, expertise=(), **fields):
    """The user's profile, created if needed, with these fields set."""
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.status = status
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    if expertise:
        profile.expertise.set(expertise)
    return profile


def approved_member(*, first_name, last_name, **fields):
    user = MemberFactory(first_name=first_name, last_name=last_name)
    return profile_for(user, **fields)


def jpeg_bytes(size=(1200, 800), color=(200, 40, 40), exif=None, fmt="JPEG"):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(data, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def comment_on(page, user, text, *, is_public=True, is_removed=False, when=None):
    return XtdComment.objects.create(
        content_object=page, site_id=1, user=user,
        user_name=user.get_full_name(), user_email=user.email,
        comment=text, ip_address="192.0.2.44", is_public=is_public, is_removed=is_removed,
        submit_date=when or timezone.now(),
    )


@pytest.fixture
def institutions(db):
    return {
        "tue": Institution.objects.create(
            name="Technische Universiteit Eindhoven", short_name="TU/e", slug="tue",
            kind=Institution.Kind.UNIVERSITY,
        ),
        "hva": Institution.objects.create(
            name="Hogeschool van Amsterdam", short_name="HvA", slug="hva",
            kind=Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES,
        ),
    }


@pytest.fixture
def themes(site_tree):
    return {
        "privacy": ThemePageFactory(parent=site_tree["themes"], title="Privacy", slug="privacy"),
        "kennis": ThemePageFactory(
            parent=site_tree["themes"], title="Kennisveiligheid", slug="kennisveiligheid",
        ),
    }


@pytest.fixture
def instruments(themes, steps, instrument_types):
    """A public and a members-only instrument under the theme Kennisveiligheid."""
    common = {"parent": themes["kennis"], "instrument_type": instrument_types[0],
              "steps": [steps[0]]}
    return {
        "public": InstrumentPageFactory(title="Openbaar stappenplan", slug="openbaar", **common),
        "secret": InstrumentPageFactory(
            title="Vertrouwelijk dreigingsbeeld", slug="vertrouwelijk", visibility="members",
            **common,
        ),
    }


@pytest.fixture
def viewer(db):
    """A member who looks at others: the directory and members-only profiles are theirs."""
    user = MemberFactory(first_name="Vera", last_name="Kijker")
    profile_for(user)
    return user


@pytest.fixture
def outsider(db):
    """Logged in, but not (yet) a member."""
    user = UserFactory(first_name="Olaf", last_name="Buiten")
    profile_for(user, status=Profile.Status.PENDING)
    return user
