"""Editors keep the institutions and decide on memberships.

Redacteuren and Eindredactie may add, change and delete institutions (with
their e-mail domains) in the Wagtail admin, and change profiles: the
permission behind the approval queue (community.members.selectors.approvals).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ["Redacteuren", "Eindredactie"]
CODENAMES = ["add_institution", "change_institution", "delete_institution", "change_profile"]


def _ensure_permissions(apps):
    # Permissions are normally made after migrate; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="members", codename__in=CODENAMES)
    )
    assert len(permissions) == len(CODENAMES), permissions
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="members", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_institutions_and_profiles"),
        ("cms", "0003_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
