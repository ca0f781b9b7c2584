"""The editor groups may handle flagged comments (the admin menu "Gemarkeerde reacties")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ["Redacteuren", "Eindredactie"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrate; this migration needs this one now.
    app_config = apps.get_app_config("discussions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="discussions", codename="moderate_comments"
    )
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(
        content_type__app_label="discussions", codename="moderate_comments"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0001_initial"),
        ("cms", "0003_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
