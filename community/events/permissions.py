"""Who may do what with an event beyond what its page shows everyone.

`can_manage`: the editors' registration pages follow Wagtail's page
permissions: whoever may edit the event page (superusers included). Kept here,
not in admin_views, so the public views can share the rule.
"""


def can_manage(user, event) -> bool:
    """May `user` see and run the registrations of `event` (and so edit its page)?

    Reaching the admin is not enough: the registrations hold personal data, so
    the page's own edit permission decides (see admin_views).
    """
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and event.permissions_for_user(user).can_edit()
    )
