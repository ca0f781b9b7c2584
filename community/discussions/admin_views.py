"""The editors' list of flagged comments in the Wagtail admin, and what they can do with one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .selectors import flagged_comments, instrument_comments, valid_id

ACTIONS = {
    "verbergen": (services.comment_hide, "De reactie is verborgen; de schrijver krijgt bericht."),
    "herstellen": (
        services.comment_restore, "De reactie is weer zichtbaar; de schrijver krijgt bericht.",
    ),
    "verwijderen": (
        services.comment_remove, "De reactie is verwijderd; de schrijver krijgt bericht.",
    ),
    "afhandelen": (
        services.flags_dismiss, "De meldingen zijn afgehandeld; de reactie blijft staan.",
    ),
}


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(services.MODERATE_PERMISSION))


class FlaggedCommentsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "discussions/admin/flagged_comments.html"
    page_title = "Gemarkeerde reacties"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("alle") == "1"
        context.update(comments=flagged_comments(only_open=not show_all), show_all=show_all)
        return context


@require_POST
def flagged_comment_action(request, comment_id, action):
    if not can_moderate(request.user):
        raise PermissionDenied
    if action not in ACTIONS:
        raise Http404
    comment_id = valid_id(comment_id)
    comments = instrument_comments().select_related("user")
    comment = comments.filter(pk=comment_id).first() if comment_id else None
    if comment is None:
        raise Http404
    service, done = ACTIONS[action]
    try:
        service(editor=request.user, comment=comment)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, done)
    return redirect("discussions_admin:flagged")
