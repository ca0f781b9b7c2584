from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from .base import ContentPage

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, ContentPage):
    """The news list, paginated, with RSS and Atom feeds."""

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = "nieuwsoverzicht"

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import paginate

        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["page_obj"] = paginate(request, items, per_page=NEWS_PER_PAGE)
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(ContentPage):
    date = models.DateField("datum", default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="afbeelding", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    themes = ParentalManyToManyField(
        "cms.ThemePage", verbose_name="thema's", blank=True, related_name="news",
    )
    related_instruments = ParentalManyToManyField(
        "cms.InstrumentPage", verbose_name="gerelateerde instrumenten", blank=True,
        related_name="news",
    )

    content_panels = ContentPage.content_panels[:1] + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("related_instruments")], heading="Verwijzingen"
        ),
    ]
    search_fields = ContentPage.search_fields + [index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "nieuwsbericht"
        verbose_name_plural = "nieuwsberichten"

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import visible_instruments

        context = super().get_context(request, *args, **kwargs)
        context["instruments"] = visible_instruments(
            user=request.user, queryset=self.related_instruments.all()
        )
        context["themes"] = self.themes.live().public()
        return context
