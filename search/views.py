from django.template.response import TemplateResponse

from cms.models import ProcessStep, ThemePage
from cms.selectors import paginate

from .forms import KINDS, SearchForm
from .services import search_pages, specific_pages

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET)
    data = form.cleaned_or_empty()
    themes = list(ThemePage.objects.live().public().order_by("path"))
    steps = list(ProcessStep.objects.all())
    theme = next((item for item in themes if item.slug == data["thema"]), None)
    step = next((item for item in steps if item.slug == data["stap"]), None)

    context = {
        "form": form,
        "query": data["q"],
        "kind": data["soort"],
        "kinds": [(key, label) for key, (_, label) in KINDS.items()],
        "themes": themes,
        "steps": steps,
        "theme": theme,
        "step": step,
    }
    if data["q"]:
        results, counts = search_pages(
            query=data["q"], user=request.user, kind=data["soort"], theme=theme, step=step
        )
        page_obj = paginate(request, results, per_page=RESULTS_PER_PAGE)
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            page_obj=page_obj,
            results=specific_pages(page_obj),
            facets=[(key, label, counts[key]) for key, (_, label) in KINDS.items()],
            total=sum(counts.values()),
            querystring_without_page=params.urlencode(),
        )
    return TemplateResponse(request, "search/search.html", context)
