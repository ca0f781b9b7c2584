"""The privacy statement as a page: the editors' text, then what every app declares."""

from cms.models.base import ContentPage

from .registry import declarations


class PrivacyStatementPage(ContentPage):
    """Editors write the general parts (visitors, rights, contact); the part on what we
    keep, why and how long is built from the registry that also drives the data
    download and erasure (community/privacy/registry.py), so it cannot go stale.
    """

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "privacy/privacy_statement_page.html"

    class Meta:
        verbose_name = "privacyverklaring"
        verbose_name_plural = "privacyverklaringen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["declarations"] = declarations()
        return context
