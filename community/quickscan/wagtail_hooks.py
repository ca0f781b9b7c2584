"""The quickscan in the Wagtail admin: versions with their questions, and the sector report."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community.members.models import Institution

from . import admin_views
from .access import may_view_sector_report
from .models import QuickscanVersion, Scan
from .models.versions import FROZEN_MESSAGE


class QuickscanVersionViewSet(SnippetViewSet):
    model = QuickscanVersion
    icon = "list-ul"
    menu_label = _("Versies")
    menu_name = "quickscan-versies"
    list_display = [
        "title",
        "kind",
        "status",
        Column("question_count", label=_("Vragen"),
               accessor=lambda version: version.questions.count()),
        "published_at",
    ]
    list_filter = ["kind"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "kind", "introduction", "status", "published_at"]


version_viewset = QuickscanVersionViewSet()


class SectorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_sector_report(request.user)


class QuickscanGroup(SnippetViewSetGroup):
    items = (version_viewset,)
    menu_icon = "table"
    menu_label = _("Quickscan")
    menu_name = "quickscan"
    menu_order = 260

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            SectorReportMenuItem(
                _("Sectorrapportage"), reverse("quickscan_admin:report"), name="rapportage",
                icon_name="table", order=900,
            ),
        ]


register_snippet(QuickscanGroup)


@hooks.register("before_edit_snippet")
def keep_published_versions_frozen(request, instance):
    """A published version opens read-only: the edit form would only refuse to save."""
    if isinstance(instance, QuickscanVersion) and instance.is_published:
        messages.warning(request, FROZEN_MESSAGE)
        return redirect(version_viewset.get_url_name("inspect"), instance.pk)
    return None


@hooks.register("before_delete_snippet")
def keep_published_versions(request, instances):
    """Scans and the benchmark refer to published versions: they are never deleted."""
    if any(isinstance(item, QuickscanVersion) and item.is_published for item in instances):
        messages.error(
            request, _("Een gepubliceerde quickscanversie kan niet worden verwijderd: ingevulde "
                       "scans verwijzen ernaar. Alleen concepten kunnen weg."),
        )
        return redirect(version_viewset.get_url_name("list"))
    return None


INSTITUTION_HAS_SCANS = _(
    "{names} kan niet worden verwijderd: er zijn quickscans van ingevuld. Die horen bij de "
    "geschiedenis van de instelling en bij de sectorbenchmark. Pas de instelling zo nodig aan "
    "in plaats van haar te verwijderen."
)


@hooks.register("before_delete_snippet")
def keep_institutions_with_scans(request, instances):
    """Scan.institution is PROTECT: refuse with a message instead of a ProtectedError (500).

    Wagtail's delete view only knows about references in its reference index, which
    does not cover scans, so without this hook the delete would fail on the database.
    """
    institutions = [item for item in instances if isinstance(item, Institution)]
    if not institutions:
        return None
    blocked = [item for item in institutions
               if Scan.objects.filter(institution=item).exists()]
    if not blocked:
        return None
    messages.error(request, INSTITUTION_HAS_SCANS.format(
        names=", ".join(f"'{item.name}'" for item in blocked)))
    return redirect(blocked[0].snippet_viewset.get_url_name("list"))


@hooks.register("register_snippet_listing_buttons")
def version_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, QuickscanVersion):
        return []
    buttons = []
    if not snippet.is_published and user.has_perm(admin_views.VERSION_PERMISSION):
        buttons.append(Button(
            _("Publiceren"), reverse("quickscan_admin:publish", args=[snippet.pk]),
            icon_name="upload", priority=30,
        ))
    if user.has_perm("quickscan.add_quickscanversion"):
        buttons.append(Button(
            _("Nieuwe conceptversie op basis hiervan"),
            reverse("quickscan_admin:copy", args=[snippet.pk]), icon_name="copy", priority=40,
        ))
    return buttons


admin_urlpatterns = (
    [
        path("", admin_views.SectorReportView.as_view(), name="report"),
        path("versie/<int:pk>/publiceren/", admin_views.version_publish, name="publish"),
        path("versie/<int:pk>/kopieren/", admin_views.version_copy, name="copy"),
    ],
    "quickscan_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("quickscan/", include(admin_urlpatterns))]
