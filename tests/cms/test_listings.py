"""The theme matrix, the instrument filters, news pagination and feeds."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from tests.factories import (
    EventPageFactory,
    InstrumentPageFactory,
    NewsPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_themes(site_tree, steps, instrument_types):
    privacy = ThemePageFactory(parent=site_tree["themes"], title="Privacy", slug="privacy")
    cyber = ThemePageFactory(parent=site_tree["themes"], title="Cybersecurity", slug="cyber")
    risico, beleid, organisatie, bewustzijn, _ = steps
    normenkader, stappenplan, handleiding, _ = instrument_types
    items = {
        "dpia": InstrumentPageFactory(parent=privacy, title="DPIA-sjabloon",
                                      steps=[risico], instrument_type=stappenplan),
        "beleid": InstrumentPageFactory(parent=privacy, title="Privacybeleid model",
                                        steps=[beleid, organisatie], instrument_type=normenkader),
        "phishing": InstrumentPageFactory(parent=cyber, title="Phishingtraining",
                                          steps=[bewustzijn], instrument_type=handleiding,
                                          other_themes=[privacy]),
    }
    return {"privacy": privacy, "cyber": cyber, "steps": steps, **site_tree, **items}


def matrix_titles(response):
    return {
        row["step"].slug: [item.title for item in row["instruments"]]
        for row in response.context["matrix"]["rows"]
    }


def test_theme_matrix_has_a_row_per_step_in_order(client, two_themes):
    response = client.get(two_themes["privacy"].url)
    rows = matrix_titles(response)
    assert list(rows) == ["risicomanagement", "beleid", "organisatie", "bewustzijn", "continuiteit"]
    assert rows["risicomanagement"] == ["DPIA-sjabloon"]
    # An instrument in two steps appears in both cells.
    assert rows["beleid"] == rows["organisatie"] == ["Privacybeleid model"]
    # An instrument of another theme, linked to this one, is shown too.
    assert rows["bewustzijn"] == ["Phishingtraining"]
    assert rows["continuiteit"] == []
    assert response.context["matrix"]["total"] == 3
    assert "Nog geen instrumenten voor deze stap." in response.content.decode()


def test_theme_matrix_query_count_does_not_grow_with_instruments(
    client, two_themes, django_assert_max_num_queries
):
    for number in range(15):
        InstrumentPageFactory(parent=two_themes["privacy"], title=f"Extra {number}",
                              steps=two_themes["steps"][:2])
    with django_assert_max_num_queries(25):
        assert client.get(two_themes["privacy"].url).status_code == 200


def list_titles(client, url, query=""):
    response = client.get(url + query)
    assert response.status_code == 200
    return sorted(item.title for item in response.context["page_obj"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["DPIA-sjabloon", "Phishingtraining", "Privacybeleid model"]),
        ("?thema=privacy", ["DPIA-sjabloon", "Phishingtraining", "Privacybeleid model"]),
        ("?thema=cyber", ["Phishingtraining"]),
        ("?stap=beleid", ["Privacybeleid model"]),
        ("?stap=beleid&stap=risicomanagement", ["DPIA-sjabloon", "Privacybeleid model"]),
        ("?type=handleiding", ["Phishingtraining"]),
        ("?thema=privacy&stap=bewustzijn&type=handleiding", ["Phishingtraining"]),
        ("?thema=cyber&stap=beleid", []),
        # Unknown values are ignored rather than failing.
        ("?thema=bestaat-niet&stap=%00&type=<script>", ["DPIA-sjabloon", "Phishingtraining",
                                                        "Privacybeleid model"]),
        ("?page=abc", ["DPIA-sjabloon", "Phishingtraining", "Privacybeleid model"]),
        ("?page=99999&sorteer=onzin", ["DPIA-sjabloon", "Phishingtraining",
                                       "Privacybeleid model"]),
    ],
)
def test_instrument_filters(client, two_themes, query, expected):
    assert list_titles(client, two_themes["instruments"].url, query) == expected


def test_filter_state_is_kept_in_the_form_and_counted(client, two_themes):
    response = client.get(two_themes["instruments"].url + "?stap=beleid&sorteer=nieuw")
    html = response.content.decode()
    assert 'value="beleid" checked' in html
    assert '<option value="nieuw" selected>' in html
    assert "1 instrument" in html
    assert "Wis alle filters" in html


def test_instrument_list_paginates_and_keeps_filters_in_links(client, two_themes):
    for number in range(25):
        InstrumentPageFactory(parent=two_themes["cyber"], title=f"Cyber {number:02d}",
                              steps=[two_themes["steps"][4]])
    url = two_themes["instruments"].url
    first = client.get(url + "?stap=continuiteit")
    assert first.context["result_count"] == 25
    assert len(first.context["page_obj"]) == 20
    assert "stap=continuiteit&amp;page=2" in first.content.decode()
    assert len(client.get(url + "?stap=continuiteit&page=2").context["page_obj"]) == 5


def test_instrument_page_shows_its_facts(client, two_themes):
    html = client.get(two_themes["beleid"].url).content.decode()
    for text in ["Privacybeleid model", "Normenkader", "Beleid, Organisatie", "Privacy"]:
        assert text in html


@pytest.fixture
def news_items(site_tree):
    today = timezone.localdate()
    return [
        NewsPageFactory(parent=site_tree["news"], title=f"Bericht {number:02d}",
                        date=today - datetime.timedelta(days=number))
        for number in range(13)
    ]


def test_news_list_is_paginated_newest_first(client, site_tree, news_items):
    url = site_tree["news"].url
    first = client.get(url)
    assert [item.title for item in first.context["page_obj"]][:2] == ["Bericht 00", "Bericht 01"]
    assert len(first.context["page_obj"]) == 10
    assert [item.title for item in client.get(url + "?page=2").context["page_obj"]] == [
        "Bericht 10", "Bericht 11", "Bericht 12"]
    for bad in ["?page=abc", "?page=-1", "?page=99999", "?page="]:
        assert client.get(url + bad).status_code == 200


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feeds(client, site_tree, news_items, kind):
    response = client.get(site_tree["news"].url + f"feed/{kind}/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert "Bericht 00" in text and "Bericht 12" in text
    if kind == "rss":
        assert len(root.findall("./channel/item")) == 13
    else:
        assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 13
    assert f'href="{site_tree["news"].url}feed/{kind}/"' in client.get(
        site_tree["news"].url).content.decode()


def test_unpublished_news_is_not_in_the_feed(client, site_tree, news_items):
    news_items[0].unpublish()
    assert "Bericht 00" not in client.get(site_tree["news"].url + "feed/rss/").content.decode()


def test_home_shows_themes_latest_news_and_upcoming_events(client, two_themes, news_items):
    events = two_themes["events"]
    EventPageFactory(parent=events, title="Komende netwerkdag")
    EventPageFactory(parent=events, title="Voorbije conferentie",
                     start=timezone.now() - datetime.timedelta(days=30),
                     end=timezone.now() - datetime.timedelta(days=30, hours=-3))
    html = client.get("/").content.decode()
    assert "Privacy" in html and "Cybersecurity" in html
    assert "Bericht 00" in html and "Bericht 05" not in html
    assert "Komende netwerkdag" in html and "Voorbije conferentie" not in html
