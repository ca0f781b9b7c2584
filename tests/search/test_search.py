"""Search over everything the viewer may see, with filters and counts per kind."""

from django.conf import settings

import pytest

from tests.factories import (
    EventPageFactory,
    InstrumentPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(site_tree, steps, instrument_types, home):
    privacy = ThemePageFactory(parent=site_tree["themes"], title="Privacy", slug="privacy",
                               intro="Bescherming van persoonsgegevens en datalekken.")
    cyber = ThemePageFactory(parent=site_tree["themes"], title="Cybersecurity", slug="cyber")
    datalek = InstrumentPageFactory(
        parent=privacy, title="Stappenplan datalek", steps=[steps[4]],
        summary="Wat te doen na een datalek: melden, herstellen, leren.",
    )
    InstrumentPageFactory(parent=cyber, title="Wachtwoordbeleid", steps=[steps[1]],
                          summary="Een normenkader voor wachtwoorden en sleutels.")
    news = NewsPageFactory(parent=site_tree["news"], title="Meer meldingen van datalekken",
                           intro="Het aantal gemelde datalekken stijgt.")
    news.themes.set([privacy])
    news.save_revision().publish()
    EventPageFactory(parent=site_tree["events"], title="Oefening datalek",
                     intro="Een tafeloefening rond een datalek.")
    StandardPageFactory(parent=home, title="Privacyverklaring",
                        intro="Hoe dit platform omgaat met persoonsgegevens.")
    return {"privacy": privacy, "cyber": cyber, "datalek": datalek, "steps": steps}


def search(client, query_string):
    response = client.get("/zoeken/" + query_string)
    assert response.status_code == 200
    return response


def titles(response):
    return sorted(page.title for page in response.context["results"])


def test_finds_every_kind_and_counts_them(client, corpus):
    response = search(client, "?q=datalek")
    assert set(titles(response)) >= {"Stappenplan datalek", "Oefening datalek"}
    facets = {key: count for key, _, count in response.context["facets"]}
    assert facets["instrument"] == 1
    assert facets["bijeenkomst"] == 1
    assert response.context["total"] == sum(facets.values())
    assert "resultaten voor ‘datalek’" in response.content.decode()


def test_kind_filter_narrows_results_but_keeps_counts(client, corpus):
    response = search(client, "?q=datalek&soort=instrument")
    assert titles(response) == ["Stappenplan datalek"]
    facets = {key: count for key, _, count in response.context["facets"]}
    assert facets["bijeenkomst"] == 1  # counts stay visible for switching kind


def test_theme_and_step_filters(client, corpus):
    by_theme = titles(search(client, "?q=datalek&thema=cyber"))
    assert by_theme == []
    privacy = titles(search(client, "?q=datalek&thema=privacy"))
    assert "Stappenplan datalek" in privacy
    assert "Oefening datalek" not in privacy  # the event is not linked to the theme
    assert titles(search(client, "?q=datalek&stap=continuiteit")) == ["Stappenplan datalek"]
    assert titles(search(client, "?q=datalek&stap=beleid")) == []


@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "?q=",
        "?q=%20%20",
        "?q=datalek&soort=onbekend",
        "?q=datalek&thema=bestaat-niet&stap=xyz",
        "?q=datalek&page=abc",
        "?q=datalek&page=99999",
        "?q=" + "a" * 500,
        "?q=%22datalek%22+AND+(OR",
        "?q=<script>alert(1)</script>",
        "?q=%00",
    ],
)
def test_bad_input_gives_a_normal_page(client, corpus, query_string):
    response = search(client, query_string)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_results_are_paginated(client, corpus):
    for number in range(12):
        InstrumentPageFactory(parent=corpus["privacy"], title=f"Datalek variant {number}",
                              steps=[corpus["steps"][0]])
    first = search(client, "?q=datalek&soort=instrument")
    assert len(first.context["results"]) == 10
    second = search(client, "?q=datalek&soort=instrument&page=2")
    assert len(second.context["results"]) == 3
    assert "soort=instrument&amp;page=2" in first.content.decode()


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="Dutch stemming needs PostgreSQL")
def test_dutch_stemming_on_postgres(client, corpus):
    # "datalekken" (plural) finds pages that only say "datalek", and vice versa.
    assert "Stappenplan datalek" in titles(search(client, "?q=datalekken"))
    assert "Meer meldingen van datalekken" in titles(search(client, "?q=datalek"))
    # "wachtwoord" finds "wachtwoorden" in a summary.
    assert "Wachtwoordbeleid" in titles(search(client, "?q=wachtwoord"))
