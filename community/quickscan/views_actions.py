"""The PDCA action plan of a scan: add, change, remove, and download as XLSX."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import exports, presenters, selectors, services
from .forms import ActionForm
from .views import with_scan


def _form(scan, user, data=None, *, initial=None, with_status=False):
    cells = selectors.action_cells(scan)
    instruments = selectors.recommended_instrument_choices(scan=scan, user=user)
    return ActionForm(data, cells=cells, instruments=instruments, initial=initial,
                      with_status=with_status)


def _apply(form, error):
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


def _save(request, scan, form, done, write):
    """A POST of the action form: the service writes, or its errors go on the form.

    Returns the redirect after a save, else None (the page shows the form again).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        write()
    except ValidationError as error:
        _apply(form, error)
        return None
    messages.success(request, done)
    return redirect("quickscan:actions", scan.public_id)


def _service_fields(form):
    theme_id, step_id = form.cleaned_cell()
    data = form.cleaned_data
    return {
        "theme_id": theme_id, "step_id": step_id, "title": data["title"],
        "owner": data["owner"], "due_date": data["due_date"],
        "description": data["description"], "instrument_id": data["instrument"] or None,
    }


@with_scan
@require_http_methods(["GET", "POST"])
def action_plan(request, scan):
    initial = {}
    if request.GET.get("cel"):
        initial["cell"] = request.GET["cel"]
    if request.GET.get("instrument"):
        initial["instrument"] = request.GET["instrument"]
    form = _form(scan, request.user, request.POST or None, initial=initial)
    if saved := _save(request, scan, form, _("De actie staat in het actieplan."),
                      lambda: services.action_create(user=request.user, scan=scan,
                                                     **_service_fields(form))):
        return saved
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "quickscan/actions.html", {
        "scan": scan,
        "form": form,
        "actions": selectors.scan_actions(scan),
        "carried_over": selectors.carried_over_actions(scan),
    }, status=status)


def _action_or_404(scan, action_id):
    action = selectors.action_for_viewer(scan=scan, action_id=action_id)
    if action is None:
        raise Http404(_("Geen actie"))
    return action


@with_scan
@require_http_methods(["GET", "POST"])
def action_edit(request, scan, action_id):
    action = _action_or_404(scan, action_id)
    initial = {
        "cell": f"{action.theme_id}:{action.step_id}", "title": action.title,
        "description": action.description, "owner": action.owner,
        "due_date": action.due_date, "status": action.status,
        "instrument": str(action.instrument_id) if action.instrument_id else "",
    }
    form = _form(scan, request.user, request.POST or None, initial=initial, with_status=True)
    if saved := _save(request, scan, form, _("De actie is bijgewerkt."),
                      lambda: services.action_update(
                          user=request.user, action=action, status=form.cleaned_data["status"],
                          **_service_fields(form))):
        return saved
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "quickscan/action_edit.html", {
        "scan": scan, "action": action, "form": form,
    }, status=status)


@with_scan
@require_POST
def action_status(request, scan, action_id):
    action = _action_or_404(scan, action_id)
    try:
        services.action_status_set(user=request.user, action=action,
                                   status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Status van '{title}' bijgewerkt.").format(title=action.title))
    return redirect("quickscan:actions", scan.public_id)


@with_scan
@require_POST
def action_delete(request, scan, action_id):
    action = _action_or_404(scan, action_id)
    services.action_delete(user=request.user, action=action)
    messages.success(
        request, _("'{title}' is uit het actieplan verwijderd.").format(title=action.title)
    )
    return redirect("quickscan:actions", scan.public_id)


@with_scan
@require_safe
def action_plan_xlsx(request, scan):
    content = exports.action_plan_xlsx(
        scan=scan, results=presenters.scan_results(scan),
        actions=list(selectors.scan_actions(scan)),
        carried_over=list(selectors.carried_over_actions(scan)),
    )
    response = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
    name = slugify(f"actieplan-{scan.institution.label}-{scan.started_at:%Y-%m-%d}")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
