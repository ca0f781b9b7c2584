"""The Wagtail admin menu item "Gemarkeerde reacties" for the editors."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class FlaggedCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_moderate(request.user)


admin_urlpatterns = (
    [
        path("", admin_views.FlaggedCommentsView.as_view(), name="flagged"),
        path(
            "<int:comment_id>/<slug:action>/", admin_views.flagged_comment_action,
            name="flagged_action",
        ),
    ],
    "discussions_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("gemarkeerde-reacties/", include(admin_urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_flagged_comments_menu_item():
    return FlaggedCommentsMenuItem(
        _("Gemarkeerde reacties"), reverse("discussions_admin:flagged"),
        name="gemarkeerde-reacties", icon_name="warning", order=900,
    )
