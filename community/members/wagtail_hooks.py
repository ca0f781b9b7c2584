"""The Wagtail admin for the network: institutions (with their e-mail domains) and the
queue of accounts waiting for approval."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views_approval
from .models import Institution
from .selectors import approvals
from .services import institution_members_sync


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "home"
    menu_label = "Instellingen"
    menu_name = "instellingen"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "short_name",
        "kind",
        "is_small",
        Column("domains", label="E-maildomeinen",
               accessor=lambda institution: ", ".join(
                   item.domain for item in institution.domains.all())),
    ]
    list_filter = ["kind", "is_small"]

    def get_queryset(self, request):
        return Institution.objects.prefetch_related("domains")


register_snippet(InstitutionViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def approve_waiting_people_on_new_domains(request, instance):
    """A domain added to an institution admits who already has a verified address on it."""
    if not isinstance(instance, Institution):
        return
    changed = institution_members_sync(institution=instance)
    if changed:
        messages.info(
            request,
            ngettext(
                "%(count)d account met een adres op een domein van %(institution)s "
                "is nu lid van deze instelling.",
                "%(count)d accounts met een adres op een domein van %(institution)s "
                "zijn nu lid van deze instelling.",
                changed,
            ) % {"count": changed, "institution": instance.name},
        )


# --- Aanmeldingen -----------------------------------------------------------------------


class ApprovalsMenuItem(MenuItem):
    """"Aanmeldingen", with the number waiting in the label."""

    def is_shown(self, request):
        return approvals.may_decide(request.user)

    def render_component(self, request):
        count = approvals.pending_count_for(request.user)
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name,
                            classname=self.classname, attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return ApprovalsMenuItem(
        "Aanmeldingen", reverse("members_admin:approvals"), name="aanmeldingen",
        icon_name="user", order=240,
    )


admin_urlpatterns = [
    path("", views_approval.AdminApprovalListView.as_view(), name="approvals"),
    path("<int:profile_id>/goedkeuren/", views_approval.admin_approval_approve,
         name="approve"),
    path("<int:profile_id>/afwijzen/", views_approval.admin_approval_reject, name="reject"),
]


@hooks.register("register_admin_urls")
def register_approval_urls():
    return [path("aanmeldingen/", include((admin_urlpatterns, "members_admin")))]
