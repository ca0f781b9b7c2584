"""The approval queue: on the site for contact persons, in the Wagtail admin for editors.

Both show the pending accounts a person may decide on and take the same two
POSTs (approve with an institution, reject with an optional reason). A bad
POST (an account that is gone or already decided, a missing or foreign
institution) ends in a message on the queue, never in an error page; an account
outside a contact person's institutions is a 404, as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms_approval import ApproveForm, RejectForm
from .models import Profile
from .selectors import approvals
from .services import profile_approve, profile_reject

SITE_QUEUE = "members:approvals"
ADMIN_QUEUE = "members_admin:approvals"


def _first_error(form):
    return next(iter(form.errors.values()))[0]


def _decide(request, profile_id, *, approve, queue_url):
    """Approve or reject one account on behalf of request.user; always back to the queue."""
    profile = approvals.profile_in_scope(request.user, profile_id)
    if profile is None:
        if not approvals.can_decide_all(request.user):
            raise Http404(_("Geen aanmelding die je kunt beoordelen."))
        messages.error(request, _("Deze aanmelding bestaat niet (meer)."))
        return redirect(queue_url)
    if profile.status != Profile.Status.PENDING:
        messages.warning(
            request, _("De aanmelding van %(name)s is al beoordeeld.") % {"name": profile.name}
        )
        return redirect(queue_url)

    if approve:
        form = ApproveForm(
            request.POST, institutions=approvals.decision_institutions(request.user, profile)
        )
    else:
        form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"{profile.name}: {_first_error(form)}")
        return redirect(queue_url)

    try:
        if approve:
            institution = form.cleaned_data["institution"]
            profile_approve(profile=profile, institution=institution, decided_by=request.user)
            messages.success(
                request,
                _("%(name)s is nu lid namens %(institution)s. We hebben een e-mail gestuurd.")
                % {"name": profile.name, "institution": institution.name},
            )
        else:
            profile_reject(profile=profile, decided_by=request.user,
                           reason=form.cleaned_data["reason"])
            messages.success(
                request,
                _("De aanmelding van %(name)s is afgewezen. We hebben een e-mail gestuurd.")
                % {"name": profile.name},
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(queue_url)


# --- On the site: contact persons -----------------------------------------------------


def _not_a_contact(request):
    return TemplateResponse(
        request, "members/approvals.html",
        {"not_a_contact": True, "is_editor": approvals.can_decide_all(request.user)},
        status=403,
    )


@login_required
@require_GET
def approval_list(request):
    if not approvals.contact_institutions(request.user):
        return _not_a_contact(request)
    return TemplateResponse(request, "members/approvals.html", {
        "rows": approvals.queue_rows(request.user),
        "institutions": approvals.contact_institutions(request.user),
        "reject_form": RejectForm(),
    })


@login_required
@require_POST
def approval_approve(request, profile_id):
    if not approvals.contact_institutions(request.user):
        return _not_a_contact(request)
    return _decide(request, profile_id, approve=True, queue_url=reverse(SITE_QUEUE))


@login_required
@require_POST
def approval_reject(request, profile_id):
    if not approvals.contact_institutions(request.user):
        return _not_a_contact(request)
    return _decide(request, profile_id, approve=False, queue_url=reverse(SITE_QUEUE))


# --- In the Wagtail admin: editors (and contact persons with admin access) --------------


def _require_decider(request):
    if not approvals.may_decide(request.user):
        raise PermissionDenied


class AdminApprovalListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "members/admin/approvals.html"
    page_title = "Aanmeldingen"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        _require_decider(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=approvals.queue_rows(self.request.user),
            sees_everyone=approvals.can_decide_all(self.request.user),
            **kwargs,
        )


@require_POST
def admin_approval_approve(request, profile_id):
    _require_decider(request)
    return _decide(request, profile_id, approve=True, queue_url=reverse(ADMIN_QUEUE))


@require_POST
def admin_approval_reject(request, profile_id):
    _require_decider(request)
    return _decide(request, profile_id, approve=False, queue_url=reverse(ADMIN_QUEUE))
