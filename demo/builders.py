"""Find-or-create helpers the seed command is built from; each one is idempotent."""

import datetime
import hashlib
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from community.accounts.services import email_address_verify
from community.members.models import Institution, InstitutionDomain
from community.members.services import profile_membership_sync
from demo.files import file_bytes

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A second file of the same instrument needs its own title, so it can be found again.
DOCUMENT_TITLE_SUFFIX = {"pdf": "", "docx": " (bewerkbaar)", "xlsx": " (invulblad)"}
ATTACHMENT_DESCRIPTION = {
    "pdf": "Om te lezen en te printen.",
    "docx": "Bewerkbare versie om aan te passen aan je eigen instelling.",
    "xlsx": "Rekenblad om in te vullen.",
}

def ensure_child(parent, model, slug, make_fields):
    """The child of `parent` with this slug, created and published when missing.

    An existing page is left untouched: a second run must not overwrite what an
    editor changed, nor pile up revisions. `make_fields` is only called for a new
    page, so the work of building one (such as generating files) is skipped too.
    Returns (page, created).
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, **make_fields())
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True

def ensure_by_key(model, key, item):
    """A snippet looked up by one unique field; the other fields only fill a new row."""
    defaults = {name: value for name, value in item.items() if name != key}
    return model.objects.get_or_create(**{key: item[key]}, defaults=defaults)[0]

def local_datetime(day, clock):
    """An aware datetime for a wall-clock time ("13:00") in Amsterdam on `day`."""
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)

def working_day(day):
    """The day itself, or the Monday after it: the network does not meet at weekends."""
    days_to_monday = {5: 2, 6: 1}.get(day.weekday(), 0)  # Saturday, Sunday
    return day + datetime.timedelta(days=days_to_monday)

def ensure_document(*, title, slug, extension, lines):
    """A Wagtail document holding a freshly generated file, reused when the title exists."""
    Document = get_document_model()
    full_title = title + DOCUMENT_TITLE_SUFFIX[extension]
    document = Document.objects.filter(title=full_title).first()
    if document is not None:
        return document
    content = file_bytes(extension, title, lines)
    document = Document(
        title=full_title,
        file=ContentFile(content, name=f"{slug}.{extension}"),
        file_size=len(content),
        file_hash=hashlib.sha1(content).hexdigest(),
    )
    document.save()
    return document

def ensure_user(*, email, password, first_name, last_name, groups):
    """An account that can log in at once: verified primary address, known password.

    The password is only set on a new account (hashing is slow, and a changed
    demo password is the operator's choice); groups and the address are repaired
    on every run.
    """
    user, created = get_user_model().objects.get_or_create(
        email=email,
        defaults={"username": email, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(*[Group.objects.get(name=name) for name in groups])
    email_address_verify(user=user, email=email)
    return user, created

def ensure_institution(*, slug, domains, **fields):
    """An institution looked up by slug; its e-mail domains are added when missing."""
    institution, created = Institution.objects.get_or_create(slug=slug, defaults=fields)
    for domain in domains:
        InstitutionDomain.objects.get_or_create(domain=domain,
                                                defaults={"institution": institution})
    return institution, created

def ensure_profile(user, *, theme_pages, function, bio, expertise, requested_institution=""):
    """The account's profile after the membership rules ran, with the demo text.

    Text only fills empty fields, so what a tester changed stays; the membership
    follows the rules (a verified institution address makes a member).
    """
    profile = profile_membership_sync(user=user)
    fields = {"display_name": user.get_full_name(), "function": function, "bio": bio,
              "requested_institution": requested_institution}
    changed = [name for name, value in fields.items() if value and not getattr(profile, name)]
    for name in changed:
        setattr(profile, name, fields[name])
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    if expertise and not profile.expertise.exists():
        profile.expertise.set([theme_pages[slug] for slug in expertise])
    return profile
