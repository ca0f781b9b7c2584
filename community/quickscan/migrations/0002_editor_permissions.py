"""Editors keep the questionnaire versions; nobody gets permissions on scans.

Redacteuren and Eindredactie may add, change and delete quickscan versions
(with their questions) in the Wagtail admin, and see the sector report. Scans,
answers and actions have no admin: editors see aggregates only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ["Redacteuren", "Eindredactie"]
CODENAMES = [
    "add_quickscanversion",
    "change_quickscanversion",
    "delete_quickscanversion",
    "view_sector_report",
]


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
        Permission.objects.filter(content_type__app_label="quickscan", codename__in=CODENAMES)
    )
    assert len(permissions) == len(CODENAMES), permissions
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="quickscan", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("quickscan", "0001_initial"),
        ("cms", "0003_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
