"""Groups and the moderation workflow editors work in.

- Leden: may see members-only instruments.
- Redacteuren: write and edit pages, files and vocabularies; submit for review.
- Eindredactie: as Redacteuren, and approves and publishes.
Every page change goes through the workflow "Redactie" (one review task).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MEMBERS, EDITORS, CHIEF_EDITORS = "Leden", "Redacteuren", "Eindredactie"
SNIPPETS = ["processstep", "instrumenttype", "chainpartner"]


def _ensure_permissions(apps):
    # Permissions are normally made after migrate; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _perm(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_groups(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    # Wagtail's English default groups are replaced by the Dutch ones below.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()

    members, _ = Group.objects.get_or_create(name=MEMBERS)
    members.permissions.add(_perm(apps, "cms", "view_members_only"))

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    page_actions = {
        EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
        CHIEF_EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    for name, actions in page_actions.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            _perm(apps, "wagtailadmin", "access_admin"),
            _perm(apps, "cms", "view_members_only"),
            *[_perm(apps, "cms", f"{verb}_{model}") for model in SNIPPETS
              for verb in ("add", "change", "delete")],
        )
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_perm(apps, "wagtailcore", action)
            )
        for app_label, model in [("wagtaildocs", "document"), ("wagtailimages", "image")]:
            for verb in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_perm(apps, app_label, f"{verb}_{model}"),
                )


def setup_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Beoordeling door eindredactie", defaults={"content_type": task_type}
    )
    task.groups.set([Group.objects.get(name=CHIEF_EDITORS)])
    workflow, _ = Workflow.objects.get_or_create(name="Redactie")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Wagtail's own default workflow is replaced by ours for the whole tree.
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.filter(page=root).delete()
    WorkflowPage.objects.create(page=root, workflow=workflow)
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_install_home_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(setup_groups, migrations.RunPython.noop),
        migrations.RunPython(setup_workflow, migrations.RunPython.noop),
    ]
