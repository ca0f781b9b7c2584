"""Editors' views in the Wagtail admin: publish or copy a version, and the sector report.

The report shows aggregates only: how many scans per version, how many
institutions per cohort, and each cohort's benchmark through the very same
function the members see (so the k-minimum rule and the reference date apply).
No page here opens a scan, an answer or an action of any institution.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cms.admin_views import AdminPageView

from . import selectors, services
from .access import may_view_sector_report
from .cohorts import Cohort
from .models import QuickscanVersion, Scan
from .presenters import cohort_benchmark, comparison_rows

VERSION_PERMISSION = "quickscan.change_quickscanversion"


def _version_or_404(request, pk, permission=VERSION_PERMISSION):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(QuickscanVersion, pk=pk)


def _edit_url(version):
    from .wagtail_hooks import version_viewset

    return version_viewset.get_url_name("edit"), version.pk


@require_http_methods(["GET", "POST"])
def version_publish(request, pk):
    version = _version_or_404(request, pk)
    problems = [] if version.is_published else selectors.version_problems(version)
    if request.method == "POST" and not version.is_published:
        try:
            services.version_publish(version=version)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("'{title}' is gepubliceerd en staat nu vast.").format(
                title=version.title))
            return redirect("quickscan_admin:report")
    return TemplateResponse(request, "quickscan/admin/version_publish.html", {
        "version": version, "problems": problems,
        "question_count": version.questions.count(),
        "page_title": _("Quickscanversie publiceren"), "header_icon": "upload",
    }, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def version_copy(request, pk):
    version = _version_or_404(request, pk, "quickscan.add_quickscanversion")
    if request.method == "POST":
        copy = services.version_copy(version=version)
        messages.success(
            request, _("Nieuwe conceptversie gemaakt op basis van '{title}'. Pas hem hier aan en "
                       "publiceer hem als hij klaar is.").format(title=version.title),
        )
        name, pk = _edit_url(copy)
        return redirect(name, pk)
    return TemplateResponse(request, "quickscan/admin/version_copy.html", {
        "version": version, "question_count": version.questions.count(),
        "page_title": _("Nieuwe conceptversie"), "header_icon": "copy",
    })


class SectorReportView(AdminPageView):
    template_name = "quickscan/admin/report.html"
    page_title = gettext_lazy("Quickscan: sectorrapportage")
    header_icon = "table"

    def may_view(self, user):
        return may_view_sector_report(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # distinct=True on every count: the two joins (scans, questions) multiply rows.
        versions = QuickscanVersion.objects.annotate(
            drafts=Count("scans", filter=Q(scans__status=Scan.Status.DRAFT), distinct=True),
            submitted=Count(
                "scans", filter=Q(scans__status=Scan.Status.SUBMITTED), distinct=True,
            ),
            question_count=Count("questions", distinct=True),
        ).order_by("kind", "-published_at", "-created_at")
        context["versions"] = versions
        benchmarks = [cohort_benchmark(cohort=cohort) for cohort in Cohort.values]
        context["benchmarks"] = [
            {"benchmark": item, "rows": comparison_rows(benchmark=item, own_scores=None)}
            for item in benchmarks
        ]
        context["min_institutions"] = benchmarks[0].min_institutions
        return context
