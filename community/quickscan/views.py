"""Members' pages of the quickscan: start a scan, fill it in together, submit it.

Every page first asks who is there: anonymous visitors are sent to the login
page (for every address alike, so that says nothing about what exists). Then a
scan is looked up within the viewer's own institution only: a scan of another
institution gives exactly the same 404 as an id that does not exist.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import presenters, selectors, services
from .access import member_institution, member_profile
from .benchmark import min_institutions
from .forms import StartForm, TargetForm, answers_from_post
from .models import Confidence, Level


def login_first(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def with_institution(view):
    """Log in first; then the viewer's scan-taking institution, or the page that says why not."""

    @login_first
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        institution = member_institution(request.user)
        if institution is None:
            return not_for_you(request)
        return view(request, institution, *args, **kwargs)

    return wrapper


def with_scan(view):
    """Log in first; then the scan of the viewer's institution, or 404 for anything else."""

    @login_first
    @wraps(view)
    def wrapper(request, scan_id, *args, **kwargs):
        scan = selectors.scan_for_viewer(public_id=scan_id, user=request.user)
        if scan is None:
            raise Http404(_("Geen quickscan"))
        try:
            return view(request, scan, *args, **kwargs)
        except PermissionDenied as error:
            # The membership ended between lookup and write: the same 404.
            raise Http404(_("Geen quickscan")) from error

    return wrapper


def not_for_you(request):
    """Why a logged-in account without a scan-taking institution sees no quickscan."""
    profile = member_profile(request.user)
    return TemplateResponse(request, "quickscan/not_available.html", {
        "is_member": profile is not None,
        "institution": profile.institution if profile else None,
    }, status=403)


def _index_context(request, institution, start_form=None):
    versions = selectors.current_versions()
    suggested = selectors.suggested_version(institution, versions)
    draft = selectors.draft_scan(institution=institution)
    return {
        "institution": institution,
        "scans": selectors.institution_scans(institution=institution),
        "draft": draft,
        "versions": versions,
        "min_institutions": min_institutions(),
        "start_form": start_form or StartForm(
            versions=versions,
            initial={"version": suggested.pk if suggested else None, "target_level": 3},
        ),
    }


@with_institution
@require_safe
def scan_index(request, institution):
    return TemplateResponse(request, "quickscan/index.html",
                            _index_context(request, institution))


@with_institution
@require_POST
def scan_start(request, institution):
    form = StartForm(request.POST, versions=selectors.current_versions())
    if form.is_valid():
        try:
            scan = services.scan_start(
                user=request.user, version=form.versions[form.cleaned_data["version"]],
                target_level=form.cleaned_data["target_level"],
            )
        except ValidationError as error:
            draft = selectors.draft_scan(institution=institution)
            if getattr(error, "code", None) == "draft_exists" and draft is not None:
                messages.info(request, services.DRAFT_EXISTS)
                return redirect("quickscan:scan", draft.public_id)
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De quickscan is gestart. Je collega's kunnen nu ook antwoorden invullen."),
            )
            return redirect("quickscan:scan", scan.public_id)
    context = _index_context(request, institution, start_form=form)
    return TemplateResponse(request, "quickscan/index.html", context, status=400)


def _scan_context(scan, **extra):
    progress = selectors.scan_progress(scan)
    total = sum(item.total for item in progress)
    answered = sum(item.answered for item in progress)
    return {
        "scan": scan,
        "progress": progress,
        "total": total,
        "answered": answered,
        "percent": round(100 * answered / total) if total else 0,
        "carried_over": selectors.carried_over_actions(scan),
        "target_form": TargetForm(initial={"target_level": scan.target_level}),
        **extra,
    }


@with_scan
@require_safe
def scan_detail(request, scan):
    return TemplateResponse(request, "quickscan/scan.html", _scan_context(scan))


CONFLICTS = gettext_lazy(
    "Een collega heeft {count} antwoord(en) gewijzigd nadat jij deze pagina opende. Die zijn "
    "niet overschreven; je andere antwoorden zijn opgeslagen. Bekijk bij de gemarkeerde vragen "
    "wat je collega invulde: jouw invoer staat er nog. Sla opnieuw op om die te bewaren."
)


@with_scan
@require_http_methods(["GET", "POST"])
def theme_answers(request, scan, theme_id):
    groups = selectors.theme_questions(scan=scan, theme_id=theme_id)
    if not groups:
        raise Http404(_("Geen thema in deze quickscan"))
    theme = groups[0][1][0].theme
    errors, conflicts, status, general_error = {}, {}, 200, None
    typed = meta = None  # the POST, for what was typed and for the hidden "as loaded" fields
    if request.method == "POST":
        typed = meta = request.POST
        try:
            saved = services.answers_save(
                user=request.user, scan=scan, answers=answers_from_post(request.POST),
            )
        except ValidationError as error:
            code = getattr(error, "code", None)
            status = 409 if code == "submitted" else 400
            if hasattr(error, "error_dict"):
                errors = {key: value[0].messages for key, value in error.error_dict.items()}
                general_error = _(
                    "Er is niets opgeslagen: bij {count} vraag of vragen klopt iets niet. "
                    "Je invoer staat hieronder nog klaar."
                ).format(count=len(errors))
            else:
                general_error = error.messages[0]
            if code == "submitted":
                typed = meta = None
                scan.refresh_from_db()
        else:
            if saved.conflicts:
                status, conflicts = 409, saved.conflicts
                general_error = CONFLICTS.format(count=len(conflicts))
                # Saved answers are shown as stored now; the conflicting ones as typed,
                # with the colleague's version as the new "as loaded".
                meta = None
            else:
                messages.success(
                    request, _("Je antwoorden zijn opgeslagen als concept.") if saved.changed
                    else _("Er was niets gewijzigd."),
                )
                next_theme = (
                    selectors.next_theme(scan, theme) if "volgende" in request.POST else None
                )
                if next_theme is not None:
                    return redirect("quickscan:theme", scan.public_id, next_theme.pk)
                return redirect("quickscan:theme", scan.public_id, theme.pk)
    answers = selectors.answers_by_question(scan)
    views = []
    for step, questions in groups:
        items = []
        for question in questions:
            shown_typed = typed if (not conflicts or question.pk in conflicts) else None
            items.append(presenters.question_view(
                question, answers.get(question.pk), typed=shown_typed, meta=meta,
                errors=errors, conflict=question.pk in conflicts,
            ))
        views.append((step, items))
    return TemplateResponse(request, "quickscan/theme_answers.html", {
        "scan": scan,
        "theme": theme,
        "groups": views,
        "general_error": general_error,
        "error_count": len(errors),
        "errors": errors,
        "conflict_count": len(conflicts),
        "next_theme": selectors.next_theme(scan, theme),
        "levels": Level.choices,
        "confidence_choices": Confidence.choices,
        "read_only": scan.is_submitted,
    }, status=status)


@with_scan
@require_POST
def scan_target(request, scan):
    form = TargetForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(services.BAD_TARGET)
        services.scan_target_set(
            user=request.user, scan=scan, target_level=form.cleaned_data["target_level"]
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return TemplateResponse(request, "quickscan/scan.html",
                                _scan_context(scan, target_form=form), status=400)
    messages.success(request, _("Het streefniveau is opgeslagen."))
    return redirect("quickscan:scan", scan.public_id)


@with_scan
@require_http_methods(["GET", "POST"])
def scan_submit(request, scan):
    error, status = None, 200
    if request.method == "POST":
        try:
            services.scan_submit(user=request.user, scan=scan)
        except ValidationError as problem:
            error = problem.messages[0]
            status = 409 if problem.code == "submitted" else 400
        else:
            messages.success(
                request, _("De quickscan is ingediend. Hieronder staan de resultaten; plan nu "
                           "je acties voor de volgende PDCA-cyclus."),
            )
            return redirect("quickscan:results", scan.public_id)
    return TemplateResponse(request, "quickscan/submit.html", {
        "scan": scan,
        "error": error,
        "unanswered": list(selectors.unanswered_questions(scan)) if not scan.is_submitted else [],
    }, status=status)


@with_scan
@require_POST
def scan_discard(request, scan):
    try:
        services.scan_discard(user=request.user, scan=scan)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("quickscan:scan", scan.public_id)
    messages.success(request, _("De conceptscan is verwijderd."))
    return redirect("quickscan:index")
