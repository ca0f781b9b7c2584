"""The instrument list's filters: theme, process step and type, read from the URL.

Unknown or malformed values are ignored, so a shared or hand-edited URL
always gives a normal page.
"""

from django.db.models import Q

from cms.selectors import paginate, themes_by_path, visible_instruments, with_listing_relations

INSTRUMENTS_PER_PAGE = 20
SORTS = {"titel": ("title",), "nieuw": ("-publication_date", "title")}


def _chosen(request, name, known_slugs):
    return [value for value in request.GET.getlist(name) if value in known_slugs]


def instrument_filter_context(request):
    from cms.models import InstrumentType, ProcessStep, ThemePage

    themes = list(ThemePage.objects.live().public().order_by("path"))
    steps = list(ProcessStep.objects.all())
    types = list(InstrumentType.objects.all())

    chosen_themes = _chosen(request, "thema", {theme.slug for theme in themes})
    chosen_steps = _chosen(request, "stap", {step.slug for step in steps})
    chosen_types = _chosen(request, "type", {kind.slug for kind in types})
    sort = request.GET.get("sorteer") if request.GET.get("sorteer") in SORTS else "titel"

    instruments = visible_instruments(user=request.user)
    if chosen_themes:
        theme_query = Q()
        for theme in themes:
            if theme.slug in chosen_themes:
                theme_query |= Q(path__startswith=theme.path) | Q(other_themes=theme)
        instruments = instruments.filter(theme_query)
    if chosen_steps:
        instruments = instruments.filter(steps__slug__in=chosen_steps)
    if chosen_types:
        instruments = instruments.filter(instrument_type__slug__in=chosen_types)
    instruments = with_listing_relations(instruments.distinct()).order_by(*SORTS[sort])

    page_obj = paginate(request, instruments, per_page=INSTRUMENTS_PER_PAGE)
    primary = themes_by_path()
    for item in page_obj:
        item.primary_theme = primary.get(item.path[: -item.steplen])
    return {
        "filter_themes": themes,
        "filter_steps": steps,
        "filter_types": types,
        "chosen_themes": chosen_themes,
        "chosen_steps": chosen_steps,
        "chosen_types": chosen_types,
        "sort": sort,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "is_filtered": bool(chosen_themes or chosen_steps or chosen_types),
        "querystring_without_page": _querystring_without_page(request),
    }


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
