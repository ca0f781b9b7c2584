"""Accounts with admin access but limited page rights, shared by the events tests."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from tests.factories import UserFactory

from .conftest import fresh


def admin_only_user():
    """Reaches the Wagtail admin, but may edit no page at all."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return fresh(user)


def section_editor(page):
    """An editor whose group may edit only `page` and what lies below it."""
    group = Group.objects.create(name="Redactie nieuws")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory()
    user.groups.add(group)
    return fresh(user)
