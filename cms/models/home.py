from wagtail.models import get_page_models

from .base import ContentPage


class HomePage(ContentPage):
    """The root of the site: themes, latest news and upcoming events.

    Its sections are the page types that name it in their `parent_page_types`:
    cms's own indexes and standard pages, and sections of apps above cms (the
    events app's agenda), which cms may not name (README, "Architecture").
    """

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "homepagina"

    @classmethod
    def clean_subpage_models(cls):
        # Wagtail reads `subpage_types`; this computes that list instead of
        # spelling it out. A page type without `parent_page_types` (Wagtail's
        # base Page) could go anywhere and is not a section.
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]

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
