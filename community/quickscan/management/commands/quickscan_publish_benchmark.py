"""Publish this quarter's benchmark snapshots by hand or from cron (setups without beat)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from community.quickscan import services


class Command(BaseCommand):
    help = (
        "Berekent de benchmarkstand van elk cohort voor de peildatum van dit kwartaal "
        "(of van --datum) als die er nog niet is, en publiceert hem volgens de regels. "
        "Nog een keer draaien verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", help="Doe alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.",
        )

    def handle(self, *args, datum=None, **options):
        try:
            today = datetime.date.fromisoformat(datum) if datum else None
        except ValueError as error:
            raise CommandError(f"--datum {datum!r} is geen datum als 2026-04-01.") from error
        for snapshot in services.benchmark_publish(today=today):
            state = "gepubliceerd" if snapshot.published else "niet gepubliceerd"
            self.stdout.write(
                f"{snapshot.get_cohort_display()}: stand per {snapshot.reference_date:%d-%m-%Y}, "
                f"{state}."
            )
