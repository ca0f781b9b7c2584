"""The agenda and event pages: where they may stand, and creating one in the admin."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import HomePage
from community.events.models import EventIndexPage, EventPage


class EventPageTreeRulesTests(WagtailPageTestCase):
    def test_events_live_under_the_agenda(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_the_agenda_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        home = HomePage.objects.get()
        self.assertTrue(EventIndexPage.can_create_at(home))
        home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
        self.assertFalse(EventIndexPage.can_create_at(home))


class EventPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        home = HomePage.objects.get()
        self.agenda = home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))

    def test_the_add_url_names_the_events_app(self):
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.agenda.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Aanmelding")  # the registration tab

    def test_event_end_before_start_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.agenda.pk])
        data = nested_form_data(
            {
                "title": "Netwerkdag",
                "slug": "netwerkdag",
                "start": "2026-12-10 13:00",
                "end": "2026-12-10 11:00",
                "format": "on_site",
                "location_name": "Utrecht",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("end", response.context["form"].errors)
        self.assertFalse(EventPage.objects.exists())
