"""Editors keep the process steps and instrument types in the admin."""

from django.urls import reverse

import pytest

from cms.models import InstrumentType, ProcessStep
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editor_adds_an_instrument_type(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_cms_instrumenttype:add")
    response = client.post(url, {"name": "Scenariokaart", "slug": "scenariokaart",
                                 "description": "Een kaart om een scenario mee te oefenen."})
    assert response.status_code == 302
    assert InstrumentType.objects.get(slug="scenariokaart").name == "Scenariokaart"


def test_duplicate_slug_gets_a_message_not_an_error(client, editor, instrument_types):
    client.force_login(editor)
    url = reverse("wagtailsnippets_cms_instrumenttype:add")
    response = client.post(url, {"name": "Nog een", "slug": instrument_types[0].slug})
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_steps_are_listed_in_their_order_and_can_be_reordered(client, editor, steps):
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_cms_processstep:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    positions = [html.index(step.name) for step in steps]
    assert positions == sorted(positions)

    last = steps[-1]
    reorder = reverse("wagtailsnippets_cms_processstep:reorder", args=[last.pk])
    response = client.post(reorder + "?position=0")
    assert response.status_code == 200
    assert list(ProcessStep.objects.values_list("slug", flat=True))[0] == last.slug


def test_members_cannot_reach_the_admin(client):
    client.force_login(UserFactory(groups=["Leden"]))
    response = client.get(reverse("wagtailsnippets_cms_processstep:list"))
    assert response.status_code == 302
