"""Event pages and the agenda as visitors see them, and the home page's upcoming events."""

import datetime

from django.utils import timezone

import pytest

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return {
        "start": timezone.now() - datetime.timedelta(days=days),
        "end": timezone.now() - datetime.timedelta(days=days, hours=-3),
    }


def test_event_index_splits_upcoming_and_past(client, site_tree):
    EventPageFactory(parent=site_tree["events"], title="Komende netwerkdag")
    EventPageFactory(parent=site_tree["events"], title="Voorbije conferentie",
                     start=timezone.now() - datetime.timedelta(days=30),
                     end=timezone.now() - datetime.timedelta(days=30, hours=-3))
    response = client.get(site_tree["events"].url + "?page=zzz")
    assert [event.title for event in response.context["upcoming"]] == ["Komende netwerkdag"]
    assert [event.title for event in response.context["page_obj"]] == ["Voorbije conferentie"]


def test_event_times_are_shown_in_amsterdam_time_across_dst(client, site_tree):
    # 29 March 2026, 01:30 UTC is 03:30 summer time (CEST) in Amsterdam.
    start = datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC)
    event = EventPageFactory(parent=site_tree["events"], title="Nachtelijke oefening",
                             start=start, end=start + datetime.timedelta(hours=2))
    html = client.get(event.url).content.decode()
    assert "29 maart 2026, 03:30" in html
    assert "05:30" in html
    winter = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)
    event2 = EventPageFactory(parent=site_tree["events"], title="Winteroverleg",
                              start=winter, end=winter + datetime.timedelta(hours=1))
    assert "1 december 2026, 13:00" in client.get(event2.url).content.decode()


def test_the_home_page_shows_the_three_next_events(client, site_tree):
    """Through the events app's {% upcoming_events 3 %}: cms's home page model knows no events."""
    soon = timezone.now() + datetime.timedelta(days=1)
    for n in [3, 1, 4, 2]:
        EventPageFactory(parent=site_tree["events"], title=f"Overleg {n}",
                         start=soon + datetime.timedelta(days=n),
                         end=soon + datetime.timedelta(days=n, hours=2))
    EventPageFactory(parent=site_tree["events"], title="Overleg voorbij", **days_ago(2))
    html = client.get("/").content.decode()
    shown = [title for title in ["Overleg 1", "Overleg 2", "Overleg 3", "Overleg 4"]
             if title in html]
    assert shown == ["Overleg 1", "Overleg 2", "Overleg 3"]
    assert html.index("Overleg 1") < html.index("Overleg 2") < html.index("Overleg 3")
    assert "Overleg voorbij" not in html


def test_the_home_page_says_when_nothing_is_planned(client, site_tree):
    EventPageFactory(parent=site_tree["events"], title="Overleg voorbij", **days_ago(2))
    html = client.get("/").content.decode()
    assert "Er staan geen bijeenkomsten gepland." in html


def test_the_home_page_cards_name_no_seats(client, site_tree):
    # As before the move: only the agenda counts seats (one query for all cards).
    EventPageFactory(parent=site_tree["events"], title="Netwerkdag",
                     registration_enabled=True, capacity=10)
    html = client.get("/").content.decode()
    assert "Netwerkdag" in html and "plaatsen vrij" not in html
    assert "Nog 10 plaatsen vrij" in client.get(site_tree["events"].url).content.decode()
