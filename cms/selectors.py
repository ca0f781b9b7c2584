"""Read-side queries for the knowledge base, always filtered for the viewer."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q

from cms.visibility import Visibility, user_is_member


def paginate(request, items, *, per_page):
    """A page of `items`; a bad or too-high ?page= gives the first or last page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def visible_instruments(*, user, queryset=None):
    from cms.models import InstrumentPage

    queryset = InstrumentPage.objects.all() if queryset is None else queryset
    queryset = queryset.live().public()
    if not user_is_member(user):
        queryset = queryset.filter(visibility=Visibility.PUBLIC)
    return queryset


def instruments_in_theme(*, theme, user):
    """Instruments under this theme, plus those linked to it as an extra theme."""
    queryset = visible_instruments(user=user).filter(
        Q(path__startswith=theme.path, depth=theme.depth + 1) | Q(other_themes=theme)
    )
    return queryset.distinct()


def with_listing_relations(queryset):
    """Prefetch what an instrument card shows, so a list costs a fixed number of queries."""
    from cms.models import ProcessStep

    return queryset.select_related("instrument_type").prefetch_related(
        Prefetch("steps", queryset=ProcessStep.objects.order_by("sort_order"))
    )


def theme_matrix(*, theme, user):
    """Rows of (process step, instruments of this theme in that step), in step order."""
    from cms.models import ProcessStep

    instruments = list(
        with_listing_relations(instruments_in_theme(theme=theme, user=user)).order_by("title")
    )
    rows = []
    for step in ProcessStep.objects.all():
        in_step = [item for item in instruments if step in item.steps.all()]
        rows.append({"step": step, "instruments": in_step})
    return {"rows": rows, "total": len(instruments)}


def themes_by_path():
    """Live theme pages keyed by path, to find an instrument's primary theme without a query."""
    from cms.models import ThemePage

    return {theme.path: theme for theme in ThemePage.objects.live()}


def home_highlights(*, user):
    """What the home page shows from the knowledge base; upcoming events come from the
    events app's `{% upcoming_events %}` tag in the template."""
    from cms.models import NewsPage, ThemePage

    return {
        "themes": ThemePage.objects.live().public().order_by("path"),
        "latest_news": NewsPage.objects.live().public().order_by("-date", "-pk")[:3],
        "instrument_count": visible_instruments(user=user).count(),
    }
