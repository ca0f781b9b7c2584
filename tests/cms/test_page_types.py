"""Creation rules of every page type, and creating pages the way editors do: in the admin."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    HomePage,
    InstrumentIndexPage,
    InstrumentPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    ThemeIndexPage,
    ThemePage,
)
from community.events.models import EventIndexPage
from community.privacy.models import PrivacyStatementPage
from tests.factories import (
    InstrumentTypeFactory,
    ProcessStepFactory,
    ThemePageFactory,
    UserFactory,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_the_sections(self):
        # The agenda (events app) and the privacy statement (privacy app) join by
        # naming the home page as their parent; cms does not name them.
        self.assertAllowedSubpageTypes(
            HomePage,
            {ThemeIndexPage, InstrumentIndexPage, NewsIndexPage, EventIndexPage, StandardPage,
             PrivacyStatementPage},
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_instruments_live_under_a_theme(self):
        self.assertAllowedParentPageTypes(InstrumentPage, {ThemePage})
        self.assertAllowedSubpageTypes(ThemePage, {InstrumentPage})
        self.assertAllowedSubpageTypes(InstrumentPage, set())
        self.assertCanNotCreateAt(HomePage, InstrumentPage)

    def test_news_under_its_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_singletons_cannot_be_added_twice(self):
        home = HomePage.objects.get()
        home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
        self.assertFalse(NewsIndexPage.can_create_at(home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))


class AdminCreationTests(WagtailPageTestCase):
    """A superuser fills in the admin forms; the pages come out published and complete."""

    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()
        self.themes = self.home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
        self.theme = ThemePageFactory(parent=self.themes, title="Privacy")
        self.step = ProcessStepFactory(name="Beleid", slug="beleid")
        self.kind = InstrumentTypeFactory(name="Stappenplan", slug="stappenplan")

    def instrument_data(self, **overrides):
        data = {
            "title": "Stappenplan datalek",
            "slug": "stappenplan-datalek",
            "summary": "Wat te doen in de eerste 72 uur na een datalek.",
            "instrument_type": self.kind.pk,
            "visibility": "public",
            "publication_date": "2026-01-15",
            "body": streamfield([("paragraph", rich_text("<p>Meld binnen 72 uur.</p>"))]),
            "attachments": inline_formset([]),
        }
        data.update(overrides)
        form_data = nested_form_data(data)
        form_data["steps"] = [self.step.pk]  # a multi-value field, posted as a list
        return form_data

    def test_editor_creates_an_instrument(self):
        self.assertCanCreate(self.theme, InstrumentPage, self.instrument_data())
        instrument = InstrumentPage.objects.get(slug="stappenplan-datalek")
        self.assertTrue(instrument.live)
        self.assertEqual(list(instrument.steps.all()), [self.step])
        self.assertEqual(instrument.get_parent().specific, self.theme)

    def test_review_date_before_publication_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["cms", "instrumentpage", self.theme.pk])
        data = self.instrument_data(review_date="2025-01-01")
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("review_date", response.context["form"].errors)
        self.assertFalse(InstrumentPage.objects.exists())


class ModerationWorkflowTests(WagtailPageTestCase):
    """Redacteuren submit; Eindredactie approves and the page goes live."""

    def setUp(self):
        self.home = HomePage.objects.get()
        self.news_index = self.home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
        self.writer = UserFactory(groups=["Redacteuren"])
        self.chief = UserFactory(groups=["Redacteuren", "Eindredactie"])

    def test_submit_then_approve(self):
        self.client.force_login(self.writer)
        url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", self.news_index.pk])
        data = nested_form_data(
            {
                "title": "Nieuwe handreiking",
                "slug": "nieuwe-handreiking",
                "date": datetime.date(2026, 11, 1).isoformat(),
                "intro": "Er is een nieuwe handreiking.",
                "body": streamfield([]),
                "action-submit": "action-submit",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        news = NewsPage.objects.get(slug="nieuwe-handreiking")
        self.assertFalse(news.live)
        state = WorkflowState.objects.get(object_id=str(news.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

        # The writer may not publish; the chief editor approves.
        self.assertFalse(news.permissions_for_user(self.writer).can_publish())
        self.client.force_login(self.chief)
        task_state = state.current_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state.pk]
        )
        response = self.client.post(approve, {"comment": "Akkoord"})
        self.assertIn(response.status_code, (200, 302))
        news.refresh_from_db()
        self.assertTrue(news.live)

    def test_editor_groups_are_created_by_migration(self):
        names = set(Group.objects.values_list("name", flat=True))
        self.assertTrue({"Leden", "Redacteuren", "Eindredactie"} <= names)
        self.assertNotIn("Editors", names)
