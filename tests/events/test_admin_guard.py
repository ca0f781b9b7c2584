"""Upcoming events with registrations are cancelled first, never unpublished or deleted silently."""

from django.urls import reverse

import pytest

from community.events.models import EventPage, Registration
from tests.factories import EditorFactory
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def registered(make_event, member):
    event = make_event(title="Netwerkdag kennisveiligheid")
    RegistrationFactory(event=event, user=member)
    return event


def unpublish(client, event):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=[event.pk]), follow=True)


def delete(client, event):
    return client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]), follow=True)


@pytest.mark.parametrize("action", [unpublish, delete])
def test_an_event_with_registrations_is_not_taken_offline(editor_client, registered, action):
    response = action(editor_client, registered)

    html = response.content.decode()
    assert "nog 1 persoon aangemeld of op de wachtlijst" in html
    assert "Zet eerst ‘geannuleerd’ aan" in html
    edit_url = reverse("wagtailadmin_pages:edit", args=[registered.pk])
    assert response.redirect_chain[-1][0] == edit_url
    page = EventPage.objects.get(pk=registered.pk)
    assert page.live
    assert Registration.objects.filter(event=page).count() == 1


@pytest.mark.parametrize("action", [unpublish, delete])
def test_once_cancelled_the_page_may_go(editor_client, registered, action):
    registered.cancelled = True
    registered.save_revision().publish()

    response = action(editor_client, registered)

    assert response.status_code == 200
    assert not EventPage.objects.filter(pk=registered.pk, live=True).exists()


def test_an_event_whose_registrations_were_cancelled_may_go(editor_client, registered):
    Registration.objects.update(status=Registration.Status.CANCELLED)

    unpublish(editor_client, registered)

    assert not EventPage.objects.get(pk=registered.pk).live


def test_other_pages_are_not_affected(editor_client, site_tree):
    news_index = site_tree["news"]

    unpublish(editor_client, news_index)

    assert not news_index.__class__.objects.get(pk=news_index.pk).live
