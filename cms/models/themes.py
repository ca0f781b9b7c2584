from django.db import models

from wagtail.admin.panels import FieldPanel

from .base import ContentPage


class ThemeIndexPage(ContentPage):
    """The overview of all safety themes."""

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ThemePage"]

    class Meta:
        verbose_name = "themaoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = self.get_children().live().public().specific()
        return context


class ThemePage(ContentPage):
    """A safety theme (sociale veiligheid, kennisveiligheid, …) and its instruments."""

    short_name = models.CharField(
        "korte naam", max_length=40, blank=True,
        help_text="Voor filters en labels, bijvoorbeeld 'Privacy'. Leeg: de titel.",
    )

    content_panels = ContentPage.content_panels[:1] + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.ThemeIndexPage"]
    subpage_types = ["cms.InstrumentPage"]

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    @property
    def label(self):
        return self.short_name or self.title

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import theme_matrix

        context = super().get_context(request, *args, **kwargs)
        context["matrix"] = theme_matrix(theme=self, user=request.user)
        return context
