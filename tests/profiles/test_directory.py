"""The member directory at /leden/: members only, approved members only, filters in the URL."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.members.models import Profile
from community.members.selectors.directory import display_name
from tests.accounts.conftest import audit_account_page
from tests.factories import UserFactory

from .conftest import approved_member, profile_for

URL = "/leden/"

pytestmark = pytest.mark.django_db


def listed(response):
    """Names of the members on this page of the directory."""
    return {profile.shown_name for profile in response.context["page_obj"]}


@pytest.fixture
def people(institutions, themes):
    return {
        "anna": approved_member(
            first_name="Anna", last_name="Jansen", institution=institutions["tue"],
            function="CISO", expertise=[themes["privacy"]],
        ),
        "bram": approved_member(
            first_name="Bram", last_name="de Boer", display_name="Bram (BHV)",
            institution=institutions["hva"], function="Coördinator crisismanagement",
            expertise=[themes["kennis"]],
        ),
        "carla": approved_member(
            first_name="Carla", last_name="Visser", institution=institutions["hva"],
            function="Privacy officer", expertise=[themes["privacy"], themes["kennis"]],
        ),
    }


def test_anonymous_visitor_is_asked_to_log_in(client):
    response = client.get(URL + "?thema=privacy")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/leden/%3Fthema%3Dprivacy"


def test_logged_in_non_member_gets_an_explanation(client, outsider, people):
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 403
    html = response.content.decode()
    assert "De ledenlijst is alleen voor leden" in html
    assert "Anna" not in html


def test_member_sees_the_directory(client, viewer, people):
    client.force_login(viewer)
    response = client.get(URL)
    audit_account_page(response)
    assert {"Anna Jansen", "Bram (BHV)", "Carla Visser"} <= listed(response)
    html = response.content.decode()
    assert f'href="/leden/{people["anna"].user_id}/"' in html
    assert 'href="/leden/"' in html  # the header links to the directory for members


def test_header_links(client, viewer, outsider):
    client.force_login(outsider)
    html = client.get("/leden/profiel/").content.decode()
    assert 'href="/leden/profiel/"' in html and ">Leden<" not in html
    client.force_login(viewer)
    html = client.get("/leden/profiel/").content.decode()
    assert ">Leden<" in html


def test_only_approved_active_members_are_listed(client, viewer, people):
    profile_for(UserFactory(first_name="Piet", last_name="Wacht"), status=Profile.Status.PENDING)
    profile_for(UserFactory(first_name="Rik", last_name="Afgewezen"),
                status=Profile.Status.REJECTED)
    gone = UserFactory(first_name="Ina", last_name="Actief", is_active=False)
    profile_for(gone)
    UserFactory(first_name="Zonder", last_name="Profiel")
    client.force_login(viewer)
    names = listed(client.get(URL))
    assert "Anna Jansen" in names
    assert not {"Piet Wacht", "Rik Afgewezen", "Ina Actief", "Zonder Profiel"} & names
    assert names == {
        display_name(profile)
        for profile in Profile.objects.filter(status="approved", user__is_active=True)
    }


def test_email_addresses_are_not_shown(client, viewer, people):
    client.force_login(viewer)
    html = client.get(URL).content.decode()
    assert people["anna"].user.email not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=anna", {"Anna Jansen"}),            # first name
        ("q=VISSER", {"Carla Visser"}),         # last name, any case
        ("q=bhv", {"Bram (BHV)"}),              # display name
        ("q=bram+boer", {"Bram (BHV)"}),        # every word must match
        ("q=anna+visser", set()),
        ("instelling=hva", {"Bram (BHV)", "Carla Visser"}),
        ("thema=privacy", {"Anna Jansen", "Carla Visser"}),
        ("thema=kennisveiligheid&instelling=hva", {"Bram (BHV)", "Carla Visser"}),
        ("functie=privacy", {"Carla Visser"}),
        ("functie=crisis&thema=kennisveiligheid", {"Bram (BHV)"}),
    ],
)
def test_search_and_filters(client, viewer, people, query, expected):
    client.force_login(viewer)
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert listed(response) == expected


def test_filters_are_kept_in_the_form(client, viewer, people):
    client.force_login(viewer)
    html = client.get(f"{URL}?q=anna&instelling=tue&thema=privacy&functie=ciso").content.decode()
    assert 'name="q" value="anna"' in html
    assert re.search(r'<option value="tue" selected>', html)
    assert re.search(r'<option value="privacy" selected>', html)
    assert 'name="functie" value="ciso"' in html


@pytest.mark.parametrize(
    "query",
    ["instelling=bestaat-niet", "thema=onbekend", "page=abc", "page=99999", "page=-1",
     "q=" + "x" * 500, "instelling=tue&instelling=", "q=%00", "functie=a%00b&q=%01"],
)
def test_bad_parameters_give_a_normal_page(client, viewer, people, query):
    client.force_login(viewer)
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    if query.startswith(("instelling=bestaat", "thema=", "page=")):
        assert {"Anna Jansen", "Bram (BHV)", "Carla Visser"} <= listed(response)


def test_pagination_keeps_the_filters(client, viewer, institutions):
    for number in range(23):
        approved_member(first_name="Lid", last_name=f"{number:02d}",
                        institution=institutions["tue"])
    client.force_login(viewer)
    first = client.get(f"{URL}?instelling=tue")
    assert first.context["page_obj"].paginator.count == 23
    assert len(first.context["page_obj"]) == 20
    html = first.content.decode()
    assert 'href="?instelling=tue&amp;page=2"' in html
    second = client.get(f"{URL}?instelling=tue&page=2")
    assert len(second.context["page_obj"]) == 3
    assert not listed(first) & listed(second)
    # Alphabetical by name.
    assert [p.name for p in first.context["page_obj"]][:2] == ["Lid 00", "Lid 01"]


def directory_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_members(client, viewer, institutions, themes):
    def add_members(count, start):
        for number in range(start, start + count):
            approved_member(
                first_name="Lid", last_name=f"{number:03d}", function="Adviseur",
                institution=institutions["tue" if number % 2 else "hva"],
                expertise=[themes["privacy"], themes["kennis"]],
            )

    add_members(5, 0)
    client.force_login(viewer)
    directory_queries(client)  # warm up caches (content types, site root)
    few = directory_queries(client)
    add_members(45, 5)
    many = directory_queries(client)
    assert many == few, f"{few} queries for 5 members, {many} for 50"
    assert many <= 20  # session, permissions, filters, navigation, one page of members
