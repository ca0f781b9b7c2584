"""Search over every published page the viewer may see."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page

from cms.models import NewsPage
from cms.selectors import visible_instruments
from cms.visibility import visible_pages
from community.events.models import EventPage

from .forms import KINDS


def kind_models():
    return {key: apps.get_model(label) for key, (label, _) in KINDS.items()}


def searchable_pages(*, user, theme=None, step=None):
    """Visible content pages, narrowed to a theme and/or process step when given."""
    models = kind_models()
    pages = visible_pages(Page.objects.type(*models.values()), user)
    if theme is None and step is None:
        return pages

    instruments = visible_instruments(user=user)
    if theme is not None:
        instruments = instruments.filter(
            Q(path__startswith=theme.path) | Q(other_themes=theme)
        )
    if step is not None:
        instruments = instruments.filter(steps=step)
    ids = set(instruments.values_list("pk", flat=True))
    if step is None:
        # Themes reach news and events through their theme links, and themselves.
        ids.add(theme.pk)
        ids.update(NewsPage.objects.filter(themes=theme).values_list("pk", flat=True))
        ids.update(EventPage.objects.filter(themes=theme).values_list("pk", flat=True))
    return pages.filter(pk__in=sorted(ids))


def search_pages(*, query, user, kind="", theme=None, step=None):
    """Return (results, counts per kind). `results` is a lazy, sliceable result set."""
    models = kind_models()
    pages = searchable_pages(user=user, theme=theme, step=step)
    per_type = pages.search(query).facet("content_type_id")
    content_types = ContentType.objects.get_for_models(*models.values())
    counts = {
        key: per_type.get(content_types[model].pk, 0) for key, model in models.items()
    }
    if kind in models:
        pages = pages.type(models[kind])
    return pages.search(query), counts


def specific_pages(pages):
    """The specific page objects for one page of results, in the same order."""
    ids = [page.pk for page in pages]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]
