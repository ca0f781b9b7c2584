"""The editors' list of flagged comments in the Wagtail admin, and what they can do with one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cms.admin_views import AdminPageView

from . import services
from .selectors import flagged_comments, moderation_comment

ACTIONS = {
    "verbergen": (
        services.comment_hide, _("De reactie is verborgen; de schrijver krijgt bericht."),
    ),
    "herstellen": (
        services.comment_restore, _("De reactie is weer zichtbaar; de schrijver krijgt bericht."),
    ),
    "verwijderen": (
        services.comment_remove, _("De reactie is verwijderd; de schrijver krijgt bericht."),
    ),
    "afhandelen": (
        services.flags_dismiss, _("De meldingen zijn afgehandeld; de reactie blijft staan."),
    ),
}


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(services.MODERATE_PERMISSION))


class FlaggedCommentsView(AdminPageView):
    template_name = "discussions/admin/flagged_comments.html"
    page_title = _("Gemarkeerde reacties")
    header_icon = "warning"

    def may_view(self, user):
        return can_moderate(user)

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
    comment = moderation_comment(comment_id=comment_id)
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
