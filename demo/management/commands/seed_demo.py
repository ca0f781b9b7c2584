"""`manage.py seed_demo`: a realistic Dutch demo site, built in one idempotent run.

The content lives in the data modules of `demo`; this module only decides
where each item goes. Running it again adds nothing that is already there, so
it is safe on a site that editors have started to change.
"""

import datetime
import logging
import time
from collections import Counter
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from django_comments_xtd.models import XtdComment

from cms.models import (
    ChainPartner,
    HomePage,
    InstrumentAttachment,
    InstrumentIndexPage,
    InstrumentPage,
    InstrumentType,
    NewsIndexPage,
    NewsPage,
    ProcessStep,
    StandardPage,
    ThemeIndexPage,
    ThemePage,
)
from cms.visibility import Visibility
from community.discussions.services import comment_post, comment_reply
from community.events.models import EventIndexPage, EventPage
from community.members.models import Institution, Profile
from community.members.services import django_site_sync
from community.privacy.models import PrivacyStatementPage
from demo import discussions, events, instruments, news, pages, people, themes, vocabularies
from demo.builders import (
    ATTACHMENT_DESCRIPTION,
    ensure_by_key,
    ensure_child,
    ensure_document,
    ensure_institution,
    ensure_profile,
    ensure_user,
    local_datetime,
    working_day,
)
from demo.quickscan import seed_quickscan

INDEX_MODELS = {
    "themes": ThemeIndexPage,
    "instruments": InstrumentIndexPage,
    "news": NewsIndexPage,
    "events": EventIndexPage,
}
REFERRAL_TYPE = "verwijzing-ketenpartner"


class Command(BaseCommand):
    help = (
        "Vult de site met demo-inhoud: thema's, instrumenten, nieuws, agenda, instellingen "
        "en accounts."
    )

    def handle(self, *args, verbosity=1, **options):
        started = time.monotonic()
        with quiet_wagtail_log(enabled=verbosity < 2), transaction.atomic():
            created = seed_demo_site(today=timezone.localdate())
        self.stdout.write(summary(created, seconds=time.monotonic() - started))


@contextmanager
def quiet_wagtail_log(*, enabled):
    """Wagtail logs three lines per published page; the summary says enough (-v 2 shows them)."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if enabled:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def seed_demo_site(*, today):
    """Build everything in dependency order; returns what this run created."""
    created = Counter()
    django_site_sync()
    vocabulary = seed_vocabularies()
    home = seed_home()
    index_pages = seed_fixed_pages(home, created)
    theme_pages = seed_themes(index_pages["themes"], created)
    seed_instruments(theme_pages, vocabulary, created, today=today)
    seed_news(index_pages["news"], theme_pages, created, today=today)
    seed_events(index_pages["events"], theme_pages, created, today=today)
    seed_people(theme_pages, created)
    events.seed_registrations(index_pages["events"], created)
    seed_discussions(created)
    seed_quickscan(created, today=today)
    return created


# --- Vocabularies and fixed pages ------------------------------------------------


def seed_vocabularies():
    """The snippets, keyed the way the data modules refer to them."""
    steps = [ensure_by_key(ProcessStep, "slug", {**item, "sort_order": order})
             for order, item in enumerate(vocabularies.PROCESS_STEPS)]
    types = [ensure_by_key(InstrumentType, "slug", {**item, "sort_order": order})
             for order, item in enumerate(vocabularies.INSTRUMENT_TYPES)]
    partners = [ensure_by_key(ChainPartner, "name", item) for item in vocabularies.CHAIN_PARTNERS]
    return {
        "steps": {step.slug: step for step in steps},
        "types": {kind.slug: kind for kind in types},
        "partners": {partner.name: partner for partner in partners},
    }


def seed_home():
    """Give the home page (made by migration cms 0002) its text, once."""
    home = HomePage.objects.get()
    if not home.body:
        home.intro = pages.HOME["intro"]
        home.body = pages.HOME["body"]
        home.save_revision().publish()
    return home


def seed_fixed_pages(home, created):
    """The four index pages in the menu, then the standard pages."""
    index_pages = {}
    for item in pages.INDEX_PAGES:
        page, was_created = ensure_child(
            home, INDEX_MODELS[item["key"]], item["slug"],
            lambda item=item: _page_fields(item, show_in_menus=True),
        )
        index_pages[item["key"]] = page
        created["pagina's"] += was_created
    for item in pages.STANDARD_PAGES:
        _, was_created = ensure_child(
            home, StandardPage, item["slug"],
            lambda item=item: _page_fields(item, show_in_menus=item["show_in_menus"]),
        )
        created["pagina's"] += was_created
    _, was_created = ensure_child(
        home, PrivacyStatementPage, pages.PRIVACY["slug"],
        lambda: _page_fields(pages.PRIVACY, show_in_menus=False),
    )
    created["pagina's"] += was_created
    return index_pages


def _page_fields(item, **extra):
    return {"title": item["title"], "intro": item["intro"], "body": item.get("body", []),
            **extra}


# --- Themes and instruments -------------------------------------------------------


def seed_themes(theme_index, created):
    theme_pages = {}
    for item in themes.THEMES:
        page, was_created = ensure_child(
            theme_index, ThemePage, item["slug"],
            lambda item=item: _page_fields(item, short_name=item["short_name"]),
        )
        theme_pages[item["slug"]] = page
        created["thema's"] += was_created
    return theme_pages


def seed_instruments(theme_pages, vocabulary, created, *, today):
    owners = {item["slug"]: item["owner"] for item in themes.THEMES}
    for position, item in enumerate(instruments.INSTRUMENTS):
        _, was_created = ensure_child(
            theme_pages[item["theme"]], InstrumentPage, slugify(item["title"]),
            lambda item=item, position=position: instrument_fields(
                item, theme_pages, vocabulary,
                owner=owners[item["theme"]],
                published=_publication_date(position, today),
            ),
        )
        created["instrumenten"] += was_created


def _publication_date(position, today):
    """Spread publication over the last two years, the same way on every run."""
    return today - datetime.timedelta(days=14 + (position * 37) % 700)


def instrument_fields(item, theme_pages, vocabulary, *, owner, published):
    partner = vocabulary["partners"].get(item.get("chain_partner"))
    is_referral = item["type"] == REFERRAL_TYPE
    return {
        "title": item["title"],
        "summary": item["summary"],
        "body": item["body"],
        "instrument_type": vocabulary["types"][item["type"]],
        "steps": [vocabulary["steps"][slug] for slug in item["steps"]],
        "other_themes": [theme_pages[slug] for slug in item.get("other_themes", ())],
        "visibility": Visibility.MEMBERS if item.get("members_only") else Visibility.PUBLIC,
        "must_adapt": item.get("must_adapt", False),
        "owner_name": partner.name if is_referral else item.get("owner", owner),
        "chain_partner": partner,
        "external_url": item.get("external_url", partner.website if partner else ""),
        "publication_date": published,
        # A referral is maintained by the partner; our own instruments get a review in 2 years.
        "review_date": None if is_referral else published + datetime.timedelta(days=730),
        "attachments": [_attachment(item, extension) for extension in item.get("files", ())],
    }


def _attachment(item, extension):
    """An attachment with a generated file: the title, the summary and the step titles."""
    lines = [item["summary"], *_step_titles(item["body"])]
    document = ensure_document(
        title=item["title"], slug=slugify(item["title"]), extension=extension, lines=lines
    )
    return InstrumentAttachment(document=document,
                                description=ATTACHMENT_DESCRIPTION[extension])


def _step_titles(body):
    return [f"{number}. {step['title']}"
            for block in body if block["type"] == "steps"
            for number, step in enumerate(block["value"]["steps"], start=1)]


# --- News and events ----------------------------------------------------------------


def seed_news(news_index, theme_pages, created, *, today):
    wanted = {slug for item in news.NEWS for slug in item.get("instruments", ())}
    instrument_pages = {page.slug: page for page in InstrumentPage.objects.filter(slug__in=wanted)}
    for item in news.NEWS:
        _, was_created = ensure_child(
            news_index, NewsPage, slugify(item["title"]),
            lambda item=item: _page_fields(
                item,
                date=today - datetime.timedelta(days=item["days_ago"]),
                themes=[theme_pages[slug] for slug in item.get("themes", ())],
                related_instruments=[instrument_pages[slug]
                                     for slug in item.get("instruments", ())],
            ),
        )
        created["nieuwsberichten"] += was_created


def seed_events(event_index, theme_pages, created, *, today):
    """Dates are relative to today, so the agenda always has past and upcoming meetings."""
    for item in events.EVENTS:
        day = working_day(today + datetime.timedelta(days=item["days_from_today"]))
        _, was_created = ensure_child(
            event_index, EventPage, item["slug"],
            lambda item=item, day=day: _page_fields(
                item,
                start=local_datetime(day, item["start"]),
                end=local_datetime(day, item["end"]),
                format=item["format"],
                location_name=item.get("location_name", ""),
                address=item.get("address", ""),
                online_url=item.get("online_url", ""),
                themes=[theme_pages[slug] for slug in item.get("themes", ())],
                **events.registration_fields(item),
            ),
        )
        created["bijeenkomsten"] += was_created


# --- People and the summary ------------------------------------------------------------


def seed_people(theme_pages, created):
    """Institutions first: the membership rules need their domains."""
    institutions = {}
    for item in people.INSTITUTIONS:
        institution, was_created = ensure_institution(**item)
        institutions[item["slug"]] = institution
        created["instellingen"] += was_created
    for person in people.PEOPLE:
        person = dict(person)
        profile_text = person.pop("profile")
        contact_for = person.pop("contact_for", None)
        user, was_created = ensure_user(**person)
        created["accounts"] += was_created
        ensure_profile(user, theme_pages=theme_pages, **profile_text)
        if contact_for:
            institutions[contact_for].contacts.add(user)


def seed_discussions(created):
    """A few threads by the demo members; a thread that exists is left alone."""
    members = {user.email: user for user in get_user_model().objects.filter(
        email__in={t["author"] for t in discussions.THREADS}
        | {r["author"] for t in discussions.THREADS for r in t["replies"]})}
    for thread in discussions.THREADS:
        page = InstrumentPage.objects.live().filter(title=thread["instrument"]).first()
        if page is None or XtdComment.objects.filter(
            object_pk=str(page.pk), parent_id=F("pk"), user=members[thread["author"]]
        ).exists():
            continue
        root = comment_post(user=members[thread["author"]], page=page, text=thread["text"])
        for reply in thread["replies"]:
            comment_reply(user=members[reply["author"]], parent=root, text=reply["text"])
        created["discussies"] += 1


def summary(created, *, seconds):
    """Totals on the site, and what this run added to them."""
    instrument_pages = InstrumentPage.objects.live()
    now = timezone.now()
    totals = [
        ("thema's", ThemePage.objects.live().count()),
        ("processtappen", ProcessStep.objects.count()),
        ("instrumenttypen", InstrumentType.objects.count()),
        ("ketenpartners", ChainPartner.objects.count()),
        ("instrumenten", instrument_pages.count()),
        ("  waarvan alleen leden", instrument_pages.filter(visibility=Visibility.MEMBERS).count()),
        ("  met bijlagen", instrument_pages.filter(attachments__isnull=False).distinct().count()),
        ("bijlagen", InstrumentAttachment.objects.count()),
        ("nieuwsberichten", NewsPage.objects.live().count()),
        ("bijeenkomsten voorbij", EventPage.objects.live().filter(end__lt=now).count()),
        ("bijeenkomsten komend", EventPage.objects.live().filter(end__gte=now).count()),
        ("standaardpagina's", StandardPage.objects.live().count()),
        ("instellingen", Institution.objects.count()),
        ("leden", Profile.objects.filter(status=Profile.Status.APPROVED).count()),
        ("aanmeldingen in afwachting",
         Profile.objects.filter(status=Profile.Status.PENDING).count()),
    ]
    lines = ["Demo-inhoud klaar."]
    lines += [f"  {label}: {count}" for label, count in totals]
    added = ", ".join(f"{count} {label}" for label, count in created.items() if count)
    lines.append(f"Nieuw in deze run: {added or 'niets'} ({seconds:.1f} s).")
    return "\n".join(lines)
