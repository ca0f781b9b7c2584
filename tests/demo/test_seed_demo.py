"""`manage.py seed_demo`: what it builds, that a rerun adds nothing, and that the site renders.

A seed run takes seconds, so one test runs it twice and checks everything in
between; the data modules and file generators are checked without a database.
"""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

import pytest
from allauth.account.models import EmailAddress
from django_comments_xtd.models import XtdComment
from docx import Document as DocxDocument
from openpyxl import load_workbook

from cms.models import (
    ChainPartner,
    HomePage,
    InstrumentAttachment,
    InstrumentIndexPage,
    InstrumentPage,
    InstrumentType,
    NewsPage,
    ProcessStep,
    StandardPage,
    ThemePage,
)
from cms.visibility import Visibility
from community.events.models import EventPage
from community.members.models import Institution, InstitutionDomain, Profile
from community.privacy.models import PrivacyStatementPage
from community.quickscan.models import Action, Answer, Question, QuickscanVersion, Scan
from demo import events, news, pages, people, themes, vocabularies
from demo.files import file_bytes
from demo.instruments import INSTRUMENTS
from demo.quickscan import ACTIONS, EARLIER_SCAN, QUESTIONS, SCANS, SHORT_THEMES

STEP_SLUGS = ["risicomanagement", "beleid", "organisatie", "bewustzijn", "continuiteit"]
MAGIC_BYTES = {"pdf": b"%PDF", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04"}


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def site_counts():
    """Everything a careless rerun could duplicate, revisions included."""
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "attachments": InstrumentAttachment.objects.count(),
        "steps": ProcessStep.objects.count(),
        "types": InstrumentType.objects.count(),
        "partners": ChainPartner.objects.count(),
        "users": User.objects.count(),
        "group memberships": User.groups.through.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "institutions": Institution.objects.count(),
        "domains": InstitutionDomain.objects.count(),
        "contacts": Institution.contacts.through.objects.count(),
        "profiles": Profile.objects.count(),
        "expertise": Profile.expertise.through.objects.count(),
        "sites": DjangoSite.objects.count(),
        "comments": XtdComment.objects.count(),
        "quickscan versions": QuickscanVersion.objects.count(),
        "quickscan questions": Question.objects.count(),
        "quickscans": Scan.objects.count(),
        "quickscan answers": Answer.objects.count(),
        "quickscan actions": Action.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_builds_the_demo_site_and_a_rerun_adds_nothing(client):
    output = seed()
    assert "Demo-inhoud klaar" in output

    assert_vocabularies()
    assert_fixed_pages()
    assert_instrument_spread()
    assert_attachments_are_real_files()
    assert_news_and_events()
    assert_people_can_log_in()
    assert_institutions_and_memberships()
    assert_quickscan()
    assert DjangoSite.objects.get(id=settings.SITE_ID).domain == urlsplit(settings.SITE_URL).netloc

    first = site_counts()
    assert "Nieuw in deze run: niets" in seed()
    assert site_counts() == first

    assert_public_pages_render(client)


def assert_quickscan():
    published = QuickscanVersion.objects.filter(status=QuickscanVersion.Status.PUBLISHED)
    full = published.get(kind=QuickscanVersion.Kind.FULL)
    short = published.get(kind=QuickscanVersion.Kind.SHORT)
    assert QuickscanVersion.objects.count() == 2
    assert full.questions.count() == 5 * len(QUESTIONS)
    assert short.questions.count() == 5 * len(SHORT_THEMES)
    submitted = Scan.objects.filter(status=Scan.Status.SUBMITTED)
    assert submitted.count() == Scan.objects.count() == len(SCANS) + 1  # + the earlier one
    assert submitted.filter(institution__slug=EARLIER_SCAN[0]).count() == 2
    for scan in submitted.select_related("institution", "version"):
        assert scan.version == (short if scan.institution.is_small else full), scan
        assert scan.answers.count() == scan.version.questions.count(), scan
        assert scan.cohort, scan
    assert submitted.filter(version=short).exists()
    assert Action.objects.count() == len(ACTIONS)
    assert {action.scan.institution.slug for action in Action.objects.all()} == {"tue"}


def assert_vocabularies():
    steps = list(ProcessStep.objects.order_by("sort_order"))
    assert [step.slug for step in steps] == STEP_SLUGS
    assert [step.sort_order for step in steps] == [0, 1, 2, 3, 4]
    assert all(step.description for step in steps)
    assert InstrumentType.objects.exclude(description="").count() >= 8
    assert InstrumentType.objects.filter(slug="verwijzing-ketenpartner").exists()
    assert ChainPartner.objects.filter(name__in=["Politie", "NCTV", "SURF"]).count() == 3


def assert_fixed_pages():
    home = HomePage.objects.get()
    assert home.body and home.live
    menu = {page.slug for page in home.get_children().live().in_menu()}
    assert menu == {"themas", "instrumenten", "nieuws", "agenda", "over-iv-ho"}
    footer = {page.slug for page in home.get_children().live().not_in_menu()}
    assert footer == {"privacyverklaring", "toegankelijkheidsverklaring", "contact"}
    assert PrivacyStatementPage.objects.get(slug="privacyverklaring").live
    assert "2.1" in str(StandardPage.objects.get(slug="toegankelijkheidsverklaring").body)


def assert_instrument_spread():
    instruments = InstrumentPage.objects.live()
    assert ThemePage.objects.live().count() >= 8
    assert instruments.count() >= 60
    members_only = instruments.filter(visibility=Visibility.MEMBERS).count()
    assert 5 <= members_only <= instruments.count() // 3
    for theme in ThemePage.objects.live():
        in_theme = InstrumentPage.objects.child_of(theme)
        steps_used = ProcessStep.objects.filter(instruments__in=in_theme).distinct()
        assert steps_used.count() >= 3, theme.title
    for step in ProcessStep.objects.all():
        themes_with_step = {page.get_parent().pk for page in step.instruments.all()}
        assert len(themes_with_step) >= 6, step.name
    referrals = instruments.filter(instrument_type__slug="verwijzing-ketenpartner")
    assert referrals.exists()
    assert not referrals.filter(chain_partner=None).exists()
    assert not referrals.filter(external_url="").exists()
    assert all(2 <= len(page.body) <= 4 for page in instruments)


def assert_attachments_are_real_files():
    with_files = InstrumentPage.objects.filter(attachments__isnull=False).distinct()
    assert with_files.count() >= 10
    extensions = set()
    for attachment in InstrumentAttachment.objects.select_related("document"):
        document = attachment.document
        extension = document.file_extension
        with document.open_file() as handle:
            assert handle.read(4) == MAGIC_BYTES[extension], document.title
        assert document.file_size > 0
        extensions.add(extension)
    assert {"pdf", "docx"} <= extensions
    assert with_files.filter(visibility=Visibility.MEMBERS).exists()


def assert_news_and_events():
    assert NewsPage.objects.live().count() == 12
    assert NewsPage.objects.filter(related_instruments__isnull=False).distinct().count() >= 3
    assert len({page.date for page in NewsPage.objects.all()}) == 12
    now = timezone.now()
    assert EventPage.objects.live().filter(end__lt=now).count() == 3
    assert EventPage.objects.live().filter(start__gt=now).count() == 3
    assert set(EventPage.objects.values_list("format", flat=True)) == {
        "on_site", "online", "hybrid",
    }
    for event in EventPage.objects.all():
        event.full_clean()  # location and link match the format
        assert timezone.localtime(event.start).weekday() < 5, event.title
    crisis_day = EventPage.objects.get(slug="oefendag-crisisteams")
    assert timezone.localtime(crisis_day.start).strftime("%H:%M") == "13:00"


def assert_people_can_log_in():
    User = get_user_model()
    editor = User.objects.get(email="redactie@ivho.example")
    assert editor.check_password("demo-redactie-2026")
    assert not editor.is_superuser
    # Editors already see members-only content, so their profile is an approved one
    # (and approved means in "Leden"); the editor groups are their own.
    assert set(editor.groups.values_list("name", flat=True)) == {
        "Redacteuren", "Eindredactie", "Leden",
    }
    member = User.objects.get(email="lid@tue.example")
    assert member.check_password("demo-lid-2026")
    assert member.has_perm("cms.view_members_only")
    assert User.objects.filter(groups__name="Leden").count() >= 3
    for user in User.objects.filter(email__endswith=".example"):
        address = EmailAddress.objects.get(user=user)
        assert address.verified and address.primary and address.email == user.email


def assert_institutions_and_memberships():
    User = get_user_model()
    kinds = set(Institution.objects.values_list("kind", flat=True))
    assert kinds == {"universiteit", "hogeschool", "partner"}
    assert Institution.objects.count() >= 8
    assert Institution.objects.get(slug="surf").kind == "partner"
    assert all(domain.endswith(".example")
               for domain in InstitutionDomain.objects.values_list("domain", flat=True))
    assert not Institution.objects.filter(domains__isnull=True).exists()

    # Every account has a profile; the members got theirs through their institution address.
    assert Profile.objects.count() == User.objects.count()
    for person in people.PEOPLE:
        if not person["email"].startswith("lid@"):
            continue
        profile = Profile.objects.get(user__email=person["email"])
        domain = person["email"].split("@")[1]
        assert profile.status == Profile.Status.APPROVED, person["email"]
        assert profile.institution.domains.filter(domain=domain).exists()
        assert profile.affiliation_email == person["email"]
        assert profile.decided_by is None
        assert profile.function and profile.bio and profile.display_name
        assert profile.expertise.count() >= 2
        assert profile.user.groups.filter(name="Leden").exists()

    pending = Profile.objects.get(user__email="nieuw@adviesbureau.example")
    assert pending.status == Profile.Status.PENDING
    assert pending.institution is None and pending.requested_institution
    assert pending.user.check_password("demo-nieuw-2026")
    assert not pending.user.has_perm("cms.view_members_only")

    tue = Institution.objects.get(slug="tue")
    assert list(tue.contacts.values_list("email", flat=True)) == ["lid@tue.example"]

    # Demo discussions: three threads with replies, by approved members.
    assert XtdComment.objects.filter(level=0).count() == 3
    assert XtdComment.objects.filter(level=1).count() == 3


def assert_public_pages_render(client):
    theme = ThemePage.objects.get(slug="kennisveiligheid")
    instrument_list = InstrumentIndexPage.objects.get()
    for url in ["/", theme.url, instrument_list.url, instrument_list.url + "?stap=beleid"]:
        assert client.get(url).status_code == 200, url
    home_html = client.get("/").content.decode()
    assert "Privacyverklaring" in home_html and "Toegankelijkheidsverklaring" in home_html
    assert "Recente discussies" in home_html

    members_only = InstrumentPage.objects.filter(visibility=Visibility.MEMBERS).first()
    assert client.get(members_only.url).status_code == 302
    client.force_login(get_user_model().objects.get(email="lid@tue.example"))
    assert client.get(members_only.url).status_code == 200
    # The TU/e member is its contact person: the demo's pending account waits for them.
    queue = client.get("/leden/aanmeldingen/")
    assert queue.status_code == 200
    assert "Bram Nieuwenhuis" in queue.content.decode()


# --- Without a database: the data modules and the file generators ----------------------


def test_demo_data_refers_only_to_known_themes_steps_types_and_partners():
    theme_slugs = {theme["slug"] for theme in themes.THEMES}
    type_slugs = {kind["slug"] for kind in vocabularies.INSTRUMENT_TYPES}
    partner_names = {partner["name"] for partner in vocabularies.CHAIN_PARTNERS}
    for item in INSTRUMENTS:
        assert item["theme"] in theme_slugs
        assert item["type"] in type_slugs
        assert 1 <= len(item["steps"]) <= 2 and set(item["steps"]) <= set(STEP_SLUGS)
        assert set(item.get("other_themes", ())) <= theme_slugs - {item["theme"]}
        assert (item["type"] == "verwijzing-ketenpartner") == ("chain_partner" in item)
        if "chain_partner" in item:
            assert item["chain_partner"] in partner_names
        assert len(item["summary"]) <= 500, item["title"]


def test_demo_data_slugs_are_unique_and_news_links_resolve():
    from django.utils.text import slugify

    slugs = [slugify(item["title"]) for item in INSTRUMENTS]
    assert len(slugs) == len(set(slugs))
    linked = {slug for item in news.NEWS for slug in item.get("instruments", ())}
    assert linked <= set(slugs)
    assert len({slugify(item["title"]) for item in news.NEWS}) == len(news.NEWS)
    assert len({item["slug"] for item in events.EVENTS}) == len(events.EVENTS)
    assert [item["slug"] for item in pages.INDEX_PAGES] == [
        "themas", "instrumenten", "nieuws", "agenda",
    ]
    assert sum(person["email"].startswith("lid@") for person in people.PEOPLE) >= 3


@pytest.mark.parametrize("extension", ["pdf", "docx", "xlsx"])
def test_generated_files_are_real_documents_with_the_title(extension):
    title = "Continuïteit – draaiboek “voorbeeld”"
    content = file_bytes(extension, title, ["Eerste regel.", "Tweede regel."])
    assert content.startswith(MAGIC_BYTES[extension])
    if extension == "docx":
        paragraphs = [p.text for p in DocxDocument(io.BytesIO(content)).paragraphs]
        assert paragraphs[:2] == [title, "Eerste regel."]
    if extension == "xlsx":
        assert load_workbook(io.BytesIO(content)).active["A1"].value == title
