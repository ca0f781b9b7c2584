"""Results of a scan: heat map and table, advice, board overview (HTML and PDF), benchmark."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from . import exports, presenters, selectors
from .heatmap import heatmap
from .views import with_institution, with_scan


def _results_context(request, scan):
    results = presenters.scan_results(scan)
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
    context["recommendations"] = presenters.recommendations(
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
    context["benchmark"] = presenters.institution_benchmark(institution=scan.institution)
    return context


@with_scan
@require_safe
def board_overview(request, scan):
    return TemplateResponse(request, "quickscan/board.html", _board_context(request, scan))


@with_scan
@require_safe
def board_pdf(request, scan):
    context = _board_context(request, scan)
    content = exports.board_pdf(
        scan=scan, results=context["results"], actions=context["actions"],
        benchmark_rows=presenters.benchmark_line(context["benchmark"], context["results"]),
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"quickscan-{scan.institution.label}-bestuur")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@with_institution
@require_safe
def benchmark_page(request, institution):
    """Reads the published snapshot only: a GET never computes or stores one."""
    benchmark = presenters.institution_benchmark(institution=institution)
    own_scan = selectors.latest_submitted_scan(institution=institution)
    own_scores = selectors.scan_scores(own_scan) if own_scan else {}
    rows = presenters.comparison_rows(benchmark=benchmark, own_scores=own_scores)
    return TemplateResponse(request, "quickscan/benchmark.html", {
        "institution": institution,
        "benchmark": benchmark,
        "own_scan": own_scan,
        "rows": rows,
    })
