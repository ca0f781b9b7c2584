"""Who may see what of an event beyond what its page shows everyone.

Two rules, kept here so the public views, the template tag and the admin share
them:
- `can_manage`: the editors' registration pages follow Wagtail's page
  permissions: whoever may edit the event page (superusers included).
- `may_see_online_link`: the online meeting link reaches people with a
  confirmed seat and those editors, nobody else. An open offer is not a seat
  (it may still be refused or expire), a waitlist place or an unconfirmed guest
  sign-up neither. Mails carry it to confirmed seats only (mails.py).
"""

from .models import Registration


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


def holds_confirmed_seat(user, event) -> bool:
    """Does `user`'s own account hold a confirmed seat for `event`?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return event.registrations.filter(
        user=user, status=Registration.Status.CONFIRMED
    ).exists()


def may_see_online_link(user, event) -> bool:
    """Seat holders and the event's editors get the online link; see the module docstring."""
    if not event.online_url:
        return False
    return holds_confirmed_seat(user, event) or can_manage(user, event)
