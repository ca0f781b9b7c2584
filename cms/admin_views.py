"""A base for the project's own pages in the Wagtail admin.

Generic Wagtail plumbing, no knowledge of any app: an app's admin page says who
may open it (`may_view`) and, when it sits below another page, the crumbs on
the way there (`parent_breadcrumbs`); the base refuses everyone else with a 403
before any work is done and appends the page itself to Wagtail's breadcrumbs.
It lives in cms because every app that adds admin pages may depend on cms.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminPageView(WagtailAdminTemplateMixin, TemplateView):
    """One admin page of our own: a permission check first, breadcrumbs that lead back."""

    def may_view(self, user: Any) -> bool:
        """Who may open this page; override. The default refuses nobody but Wagtail's
        own admin access check (which runs before any admin URL) still applies."""
        return True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def parent_breadcrumbs(self) -> list[dict[str, Any]]:
        """Crumbs between the admin's home and this page ({"url", "label"} each); none by
        default, so the page shows Wagtail's own breadcrumbs."""
        return []

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        parents = self.parent_breadcrumbs()
        if not parents:
            return list(super().get_breadcrumbs_items())
        return [*self.breadcrumbs_items, *parents, {"url": "", "label": self.get_page_title()}]
