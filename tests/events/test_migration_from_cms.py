"""A database seeded while event pages still lived in cms survives the move to the events app.

The test migrates the test database back to the last state before the move
(cms.0005, events.0003), builds an agenda, a themed event page with registration
settings, a question, a seat row, a registration and a revision there with the
historical models of that state (as the old code stored them), migrates forward
and checks that the site, the admin and the registration services still work on
that data. It also migrates back and forth once, so both directions run.

Transactional (a migration on SQLite cannot run inside the test's transaction);
serialized_rollback puts back the pages, groups and workflow the migrations
made, and the database is always left fully migrated.
"""

import datetime

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Page, Revision

import pytest

from community.events import services
from community.events.models import EventIndexPage, EventPage, Registration
from community.events.selectors import seats_taken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_MOVE = [("cms", "0005_event_online_url_help_text"), ("events", "0003_ics_sequence")]


def migrate(targets):
    """Migrate to `targets` and return the historical apps of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # the recorder changed: read the applied set again
    return executor.loader.project_state(targets).apps


def latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def reload_content_types():
    """Fill the content type cache from the database, as it was before the test.

    The migration clears the cache (it renamed rows). After this test the
    database is flushed and its rows reloaded (serialized_rollback); code that
    meets a cold cache in between would create content types under new ids,
    and the reload would then collide with them.
    """
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)


def next_child_path(apps, parent):
    """treebeard's materialised path for a new last child (steps of 4 base-36 digits)."""
    Page = apps.get_model("wagtailcore", "Page")
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-4:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        step = digits[rest] + step
    return parent.path + step


def add_page(apps, parent, label, **fields):
    """A live page made as the old code's migrations would: rows only, no Page.save()."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model_name = label.split(".")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    page = apps.get_model(app_label, model_name).objects.create(
        content_type=content_type,
        path=next_child_path(apps, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        draft_title=fields["title"],
        locale_id=parent.locale_id,
        live=True,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def seed_before_the_move(apps, member):
    """Agenda, theme, event with settings, question, seats, registration and a revision."""
    Page = apps.get_model("wagtailcore", "Page")
    home = Page.objects.get(depth=2)
    themes = add_page(apps, home, "cms.ThemeIndexPage", title="Thema's", slug="themas")
    theme = add_page(apps, themes, "cms.ThemePage", title="Kennisveiligheid", slug="kv")
    agenda = add_page(apps, home, "cms.EventIndexPage", title="Agenda", slug="agenda")
    start = timezone.now() + datetime.timedelta(days=10)
    event = add_page(
        apps, agenda, "cms.EventPage", title="Netwerkdag kennisveiligheid", slug="netwerkdag",
        start=start, end=start + datetime.timedelta(hours=4), location_name="Utrecht",
        registration_enabled=True, capacity=12, max_per_institution=3, offer_hours=24,
    )
    # The table behind ParentalManyToManyField, written directly (no cluster save here).
    event.themes.through.objects.create(eventpage_id=event.pk, themepage_id=theme.pk)
    question = apps.get_model("events", "RegistrationQuestion").objects.create(
        event_id=event.pk, sort_order=0, label="Dieetwensen", kind="text"
    )
    apps.get_model("events", "EventSeats").objects.create(event_id=event.pk, ics_sequence=2)
    apps.get_model("events", "Registration").objects.create(
        event_id=event.pk, user_id=member.pk, name="Anouk Jansen", email=member.email,
        institution_name="TU/e", status="confirmed",
        answers=[{"question": "Dieetwensen", "answer": "Geen"}],
    )
    # The revision as Wagtail stored it then: the page's fields with its content
    # type's id, and the questions as a child relation.
    content = get_serializable_data_for_fields(event)
    content["themes"] = [theme.pk]
    content["registration_questions"] = [get_serializable_data_for_fields(question)]
    revision = apps.get_model("wagtailcore", "Revision").objects.create(
        content_type_id=event.content_type_id,
        base_content_type=apps.get_model("contenttypes", "ContentType").objects.get(
            app_label="wagtailcore", model="page"
        ),
        object_id=str(event.pk),
        object_str=event.title,
        created_at=timezone.now(),
        content=content,
    )
    Page.objects.filter(pk=event.pk).update(
        latest_revision_id=revision.pk, live_revision_id=revision.pk
    )
    return {
        "agenda": agenda.pk, "event": event.pk, "theme": theme.pk,
        "content_type": event.content_type_id, "revision": revision.pk,
    }


@pytest.fixture
def seeded(member):
    """The ids of what was seeded before the move; the database is migrated forward again."""
    try:
        seeded = seed_before_the_move(migrate(BEFORE_THE_MOVE), member)
        migrate(latest_targets())
        yield {**seeded, "member": member}
    finally:
        migrate(latest_targets())
        reload_content_types()


def check_the_content_type_is_renamed_in_place(seeded):
    page = Page.objects.get(pk=seeded["event"])
    assert page.content_type.natural_key() == ("events", "eventpage")
    assert page.content_type_id == seeded["content_type"]  # the same row, so every id holds
    assert page.specific_class is EventPage
    assert not ContentType.objects.filter(app_label="cms", model__startswith="event").exists()
    agenda = Page.objects.get(pk=seeded["agenda"])
    assert agenda.specific_class is EventIndexPage


def check_the_event_is_served_at_its_url_with_its_registrations(client, seeded):
    event = EventPage.objects.get(pk=seeded["event"])
    assert event.url == "/agenda/netwerkdag/"
    assert [theme.pk for theme in event.themes.all()] == [seeded["theme"]]
    assert [q.label for q in event.registration_questions.all()] == ["Dieetwensen"]
    assert event.seats.ics_sequence == 2
    assert seats_taken(event=event) == 1

    client.force_login(seeded["member"])
    html = client.get(event.url).content.decode()
    assert "Netwerkdag kennisveiligheid" in html
    assert "Je bent aangemeld voor deze bijeenkomst." in html  # the registration box
    assert ">Kennisveiligheid</a>" in html
    agenda = client.get("/agenda/")
    assert [e.pk for e in agenda.context["upcoming"]] == [event.pk]
    assert "Nog 11 plaatsen vrij" in agenda.content.decode()
    assert "Netwerkdag kennisveiligheid" in client.get("/").content.decode()


def check_registering_still_counts_the_old_seats(seeded, members):
    event = EventPage.objects.get(pk=seeded["event"])
    registration = services.registration_create(
        event=event, user=members(1)[0], answers=[{"question": "Dieetwensen", "answer": "Vegan"}]
    )
    assert registration.status == Registration.Status.CONFIRMED
    assert seats_taken(event=event) == 2


def check_an_old_revision_can_be_viewed_reverted_and_published(client, seeded):
    event = EventPage.objects.get(pk=seeded["event"])
    old = Revision.objects.get(pk=seeded["revision"])
    assert old.content_object.specific_class is EventPage
    restored = old.as_object()
    assert isinstance(restored, EventPage)
    assert [q.label for q in restored.registration_questions.all()] == ["Dieetwensen"]

    event.title = "Netwerkdag (gewijzigd)"
    event.save_revision().publish()
    assert EventPage.objects.get(pk=event.pk).title == "Netwerkdag (gewijzigd)"

    client.force_login(UserFactory(is_superuser=True))
    history_url = reverse("wagtailadmin_pages:history", args=[event.pk])
    assert client.get(history_url).status_code == 200
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[event.pk, old.pk])
    assert client.get(revert_url).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).status_code == 200

    old.as_object().save_revision(previous_revision=old).publish()
    event = EventPage.objects.get(pk=event.pk)
    assert event.title == "Netwerkdag kennisveiligheid"
    assert event.live and event.registrations.count() == 1
    assert [q.label for q in event.registration_questions.all()] == ["Dieetwensen"]


def test_pages_seeded_before_the_move_work_after_it(client, seeded, members):
    # One test, four checks: each test here migrates the database twice.
    check_the_content_type_is_renamed_in_place(seeded)
    check_the_event_is_served_at_its_url_with_its_registrations(client, seeded)
    check_an_old_revision_can_be_viewed_reverted_and_published(client, seeded)
    check_registering_still_counts_the_old_seats(seeded, members)


def test_the_move_migrates_back_and_forth(seeded):
    migrate(BEFORE_THE_MOVE)
    assert Page.objects.get(pk=seeded["event"]).content_type_id == seeded["content_type"]
    assert ContentType.objects.get(pk=seeded["content_type"]).app_label == "cms"
    migrate(latest_targets())
    assert Page.objects.get(pk=seeded["event"]).specific_class is EventPage
