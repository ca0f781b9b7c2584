"""Move uploads of an older installation out of MEDIA_ROOT into PRIVATE_MEDIA_ROOT.

Before the split into a private and a public storage, documents, original images
and profile photos were stored under MEDIA_ROOT. Only the renditions (`images/`)
belong there now. The names stay the same, so the database needs no change. Safe
to run again (the compose stack's migrate service runs it on every start).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from config.media_layout import private_files_move


class Command(BaseCommand):
    help = _(
        "Verplaats bestanden van een oudere installatie (documenten, originele "
        "afbeeldingen, profielfoto's) van MEDIA_ROOT naar PRIVATE_MEDIA_ROOT. "
        "Afgeleide afbeeldingen (images/) blijven staan. Veilig om te herhalen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Verander niets; laat zien wat er verplaatst zou worden."),
        )

    def handle(self, *args, dry_run, **options):
        report = private_files_move(
            media_root=settings.MEDIA_ROOT,
            private_root=settings.PRIVATE_MEDIA_ROOT,
            dry_run=dry_run,
        )
        verb = _("Zou verplaatsen") if dry_run else _("Verplaatst")
        for name in report.moved:
            self.stdout.write(f"{verb}: {name}", self.style.SUCCESS)
        for name in report.already_there:
            self.stdout.write(_("Stond al in de privé-map: %(name)s") % {"name": name})
        for name in report.conflicts:
            self.stderr.write(
                _(
                    "Niet verplaatst: %(name)s verschilt van het bestand met die naam in "
                    "PRIVATE_MEDIA_ROOT. Vergelijk ze en ruim er één op."
                )
                % {"name": name}
            )
        for name in report.skipped:
            self.stderr.write(
                _("Overgeslagen (geen gewoon bestand): %(name)s") % {"name": name}
            )
        self.stdout.write(
            _("%(moved)d verplaatst, %(there)d stonden er al, %(conflicts)d conflicten, "
              "%(skipped)d overgeslagen.")
            % {
                "moved": len(report.moved),
                "there": len(report.already_there),
                "conflicts": len(report.conflicts),
                "skipped": len(report.skipped),
            }
        )
