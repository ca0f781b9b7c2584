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
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import selectors, services
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


def with_scan(view):
    """Log in first; then the scan of the viewer's institution, or 404 for anything else."""

    @login_first
    @wraps(view)
    def wrapper(request, scan_id, *args, **kwargs):
        scan = selectors.scan_for_viewer(public_id=scan_id, user=request.user)
        if scan is None:
            raise Http404("Geen quickscan")
        try:
            return view(request, scan, *args, **kwargs)
        except PermissionDenied as error:
            # The membership ended between lookup and write: the same 404.
            raise Http404("Geen quickscan") from error

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


@login_first
@require_safe
def scan_index(request):
    institution = member_institution(request.user)
    if institution is None:
        return not_for_you(request)
    return TemplateResponse(request, "quickscan/index.html",
                            _index_context(request, institution))


@login_first
@require_POST
def scan_start(request):
    institution = member_institution(request.user)
    if institution is None:
        return not_for_you(request)
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
                request, "De quickscan is gestart. Je collega's kunnen nu ook antwoorden invullen.",
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


@with_scan
@require_http_methods(["GET", "POST"])
def theme_answers(request, scan, theme_id):
    groups = selectors.theme_questions(scan=scan, theme_id=theme_id)
    if not groups:
        raise Http404("Geen thema in deze quickscan")
    theme = groups[0][1][0].theme
    answers = selectors.answers_by_question(scan)
    errors, posted, status, general_error = {}, None, 200, None
    if request.method == "POST":
        posted = request.POST
        try:
            changed = services.answers_save(
                user=request.user, scan=scan, answers=answers_from_post(request.POST),
            )
        except ValidationError as error:
            code = getattr(error, "code", None)
            status = 409 if code == "submitted" else 400
            if hasattr(error, "error_dict"):
                errors = {key: value[0].messages for key, value in error.error_dict.items()}
                general_error = (
                    f"Er is niets opgeslagen: bij {len(errors)} vraag of vragen klopt iets niet. "
                    "Je invoer staat hieronder nog klaar."
                )
            else:
                general_error = error.messages[0]
            if code == "submitted":
                posted = None
                scan.refresh_from_db()
        else:
            messages.success(
                request, "Je antwoorden zijn opgeslagen als concept." if changed
                else "Er was niets gewijzigd.",
            )
            next_theme = _next_theme(scan, theme) if "volgende" in request.POST else None
            if next_theme is not None:
                return redirect("quickscan:theme", scan.public_id, next_theme.pk)
            return redirect("quickscan:theme", scan.public_id, theme.pk)
    return TemplateResponse(request, "quickscan/theme_answers.html", {
        "scan": scan,
        "theme": theme,
        "groups": [
            (step, [_question_view(q, answers.get(q.pk), posted, errors) for q in questions])
            for step, questions in groups
        ],
        "general_error": general_error,
        "error_count": len(errors),
        "errors": errors,
        "next_theme": _next_theme(scan, theme),
        "levels": Level.choices,
        "confidence_choices": Confidence.choices,
        "read_only": scan.is_submitted,
    }, status=status)


def _next_theme(scan, theme):
    themes, _ = selectors.version_grid(scan.version)
    ids = [item.pk for item in themes]
    position = ids.index(theme.pk) if theme.pk in ids else -1
    return themes[position + 1] if 0 <= position < len(themes) - 1 else None


def _question_view(question, answer, posted, errors):
    """What the form shows for one question: the posted input after an error, else the answer."""
    if posted is not None:
        level = posted.get(f"vraag-{question.pk}-niveau", "")
        evidence = posted.get(f"vraag-{question.pk}-onderbouwing", "")
        confidence = posted.get(f"vraag-{question.pk}-zekerheid", "")
    elif answer is not None:
        level = "nvt" if answer.not_applicable else str(answer.level)
        evidence, confidence = answer.evidence, answer.confidence
    else:
        level, evidence, confidence = "", "", ""
    return {
        "question": question,
        "answer": answer,
        "level": level,
        "evidence": evidence,
        "confidence": confidence or Confidence.MEDIUM,
        "errors": errors.get(str(question.pk), []),
    }


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
    messages.success(request, "Het streefniveau is opgeslagen.")
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
                request, "De quickscan is ingediend. Hieronder staan de resultaten; plan nu "
                "je acties voor de volgende PDCA-cyclus.",
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
    messages.success(request, "De conceptscan is verwijderd.")
    return redirect("quickscan:index")
