from .base import ContentPage


class HomePage(ContentPage):
    """The root of the site: themes, latest news and upcoming events."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ThemeIndexPage",
        "cms.InstrumentIndexPage",
        "cms.NewsIndexPage",
        "cms.EventIndexPage",
        "cms.StandardPage",
    ]

    class Meta:
        verbose_name = "homepagina"

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import home_highlights

        context = super().get_context(request, *args, **kwargs)
        context.update(home_highlights(user=request.user))
        return context

class StandardPage(ContentPage):
    """About, privacy statement, toegankelijkheidsverklaring, contact and the like."""

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "standaardpagina"
        verbose_name_plural = "standaardpagina's"
