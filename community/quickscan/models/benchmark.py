"""Published benchmark snapshots: the one set of figures a cohort sees until the next.

A snapshot is computed once per cohort and reference date (the first day of a
quarter) and never changes afterwards. It is *published* only when at least k
institutions differ from the previously published snapshot of the cohort (see
`community.quickscan.benchmark`); otherwise members, the board overview and the
editors keep seeing that earlier one.
"""

from django.db import models


class Cohort(models.TextChoices):
    UNIVERSITY = "universiteit", "Universiteiten"
    UNIVERSITY_OF_APPLIED_SCIENCES = "hogeschool", "Hogescholen"
    SMALL_UNIVERSITY_OF_APPLIED_SCIENCES = "kleine-hogeschool", "Kleine hogescholen"


class BenchmarkSnapshot(models.Model):
    cohort = models.CharField("cohort", max_length=20, choices=Cohort.choices)
    reference_date = models.DateField("peildatum")
    window_start = models.DateField("scans ingediend vanaf")
    published = models.BooleanField(
        "gepubliceerd", default=False,
        help_text="Alleen als minstens k instellingen verschillen van de vorige publicatie.",
    )
    institution_count = models.PositiveIntegerField("instellingen", default=0)
    # {"<institution id>": <scan id>}: which scan of each institution counted.
    scans = models.JSONField("scans per instelling", default=dict)
    # [[theme id, step id, count, q1 or null, median, q3 or null], …]: shown cells only.
    figures = models.JSONField("cijfers", default=list)
    created_at = models.DateTimeField("berekend op", auto_now_add=True)

    class Meta:
        verbose_name = "benchmarkstand"
        verbose_name_plural = "benchmarkstanden"
        ordering = ["cohort", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "reference_date"], name="quickscan_one_snapshot_per_quarter",
            ),
        ]

    def __str__(self):
        return f"{self.get_cohort_display()} per {self.reference_date:%d-%m-%Y}"
