"""The agenda and event pages now belong to the events app (community/events/models/pages.py).

In the state only: events.0004 took the models over with their tables, which keep
their cms_ names. What does change is the content type rows: a Wagtail page
knows its own type through Page.content_type, and revisions, log entries,
comments, permissions and the search index point at the same rows by id. The
rows are renamed (app_label "cms" becomes "events") rather than replaced, so
every one of those references keeps pointing at the right row and id.
"""

from django.contrib.contenttypes.models import ContentType as CurrentContentType
from django.db import migrations

MOVED_MODELS = ["eventpage", "eventindexpage"]


def relabel(old_label, new_label):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        rows = ContentType.objects.using(schema_editor.connection.alias)
        for model in MOVED_MODELS:
            old = rows.filter(app_label=old_label, model=model).first()
            if old is None:
                continue  # never created here; post_migrate creates it under the new label
            # A row under the new label can only have been made by code that looked
            # the model up before this migration ran (ContentType.get_for_model, or
            # a data migration that created permissions in between): nothing that
            # existed before the move points at it, and it stands in the way.
            rows.filter(app_label=new_label, model=model).delete()
            old.app_label = new_label
            old.save(update_fields=["app_label"])
        # The process-wide cache may still map the models to the old rows.
        CurrentContentType.objects.clear_cache()

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0005_event_online_url_help_text"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0004_event_pages_from_cms"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="EventPage"),
                migrations.DeleteModel(name="EventIndexPage"),
            ],
        ),
        migrations.RunPython(relabel("cms", "events"), relabel("events", "cms")),
    ]
