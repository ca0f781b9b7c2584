"""Replace Wagtail's "Welcome" page with our HomePage as the site root."""

from django.db import migrations


def install_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("cms.HomePage")

    if HomePage.objects.exists():
        return
    welcome_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=welcome_type, depth=2, slug="home").delete()
    root = Page.objects.get(depth=1)

    home_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    existing = Page.objects.filter(depth=2).count()
    home = HomePage.objects.create(
        title="Integrale Veiligheid Hoger Onderwijs",
        draft_title="Integrale Veiligheid Hoger Onderwijs",
        slug="home",
        content_type=home_type,
        path=f"{root.path}{existing + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        intro="Samen werken aan een veilige, open en integere leer- en werkomgeving.",
    )
    Page.objects.filter(pk=root.pk).update(numchild=existing + 1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": "IV-HO"},
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(install_home_page, migrations.RunPython.noop)]
