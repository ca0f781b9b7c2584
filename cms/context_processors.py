"""Navigation shared by every public page."""

from wagtail.models import Site

from cms.visibility import user_is_member


def site_navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    children = root.get_children().live().public()
    return {
        "site_root": root,
        "main_menu": children.in_menu(),
        # Privacy, accessibility, contact: the pages under home kept out of the menu.
        "footer_pages": children.not_in_menu(),
        "viewer_is_member": user_is_member(getattr(request, "user", None)),
    }
