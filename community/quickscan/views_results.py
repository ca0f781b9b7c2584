"""Results of a scan: heat map and table, advice, board overview (HTML and PDF), benchmark."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from . import benchmark as sector
from . import exports, selectors
from .access import member_institution
from .heatmap import heatmap
from .views import login_first, not_for_you, with_scan


def _results_context(request, scan):
    results = selectors.scan_results(scan)
    return {
        "scan": scan,
        "results": results,
        "map": heatmap(results),
        "actions": list(selectors.scan_actions(scan)),
        "carried_over": list(selectors.carried_over_actions(scan)),
    }


@with_scan
@require_safe
def scan_results(request, scan):
    context = _results_context(request, scan)
    context["recommendations"] = selectors.recommendations(
        results=context["results"], user=request.user
    )
    return TemplateResponse(request, "quickscan/results.html", context)


def _board_context(request, scan):
    context = _results_context(request, scan)
    results = context["results"]
    context["weakest"] = sorted(results.cells_below_target(), key=lambda cell: cell.score)[:5]
    context["strongest"] = sorted(
        results.scored_cells(), key=lambda cell: -cell.score
    )[:3]
    context["open_actions"] = [action for action in context["actions"] if action.is_open]
    context["benchmark"] = sector.institution_benchmark(institution=scan.institution)
    return context


@with_scan
@require_safe
def board_overview(request, scan):
    return TemplateResponse(request, "quickscan/board.html", _board_context(request, scan))


def _benchmark_line(benchmark, results):
    if benchmark is None:
        return None
    label = benchmark.cohort_label.lower()
    if benchmark.is_expired:
        return (f"Sectorbenchmark ({label}): niet getoond. De laatste cijfers (stand per "
                f"{benchmark.reference_date:%d-%m-%Y}) zijn te oud en sindsdien hebben te "
                f"weinig instellingen (minder dan {benchmark.min_institutions}) een scan "
                "ingediend voor nieuwe cijfers.")
    if not benchmark.shown:
        return (f"Sectorbenchmark ({label}): nog niet beschikbaar, "
                f"minder dan {benchmark.min_institutions} instellingen in het cohort.")
    pairs = [(cell, benchmark.cell(*cell.key)) for cell in results.scored_cells()]
    pairs = [(cell, cohort) for cell, cohort in pairs
             if cohort is not None and cohort.quartiles_shown]
    codes = [sector.position(cell.score, cohort)[0] for cell, cohort in pairs]
    return (f"Sectorbenchmark ({label}, {benchmark.institution_count} instellingen, stand per "
            f"{benchmark.reference_date:%d-%m-%Y}): {codes.count('boven')} cellen boven het "
            f"derde kwartiel, {codes.count('onder')} cellen onder het eerste kwartiel.")


@with_scan
@require_safe
def board_pdf(request, scan):
    context = _board_context(request, scan)
    content = exports.board_pdf(
        scan=scan, results=context["results"], actions=context["actions"],
        benchmark_rows=_benchmark_line(context["benchmark"], context["results"]),
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"quickscan-{scan.institution.label}-bestuur")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_first
@require_safe
def benchmark_page(request):
    institution = member_institution(request.user)
    if institution is None:
        return not_for_you(request)
    benchmark = sector.institution_benchmark(institution=institution)
    own_scan = selectors.latest_submitted_scan(institution=institution)
    own_scores = selectors.scan_scores(own_scan) if own_scan else {}
    rows = sector.comparison_rows(benchmark=benchmark, own_scores=own_scores)
    return TemplateResponse(request, "quickscan/benchmark.html", {
        "institution": institution,
        "benchmark": benchmark,
        "own_scan": own_scan,
        "rows": rows,
    })
