"""The maturity scale (1–5) and how sure someone is of an answer."""

from django.db import models


class Level(models.IntegerChoices):
    INITIAL = 1, "Initieel"
    REPEATABLE = 2, "Herhaalbaar"
    DEFINED = 3, "Gedefinieerd"
    MANAGED = 4, "Beheerst"
    OPTIMISING = 5, "Optimaliserend"


LEVEL_NAMES = dict(Level.choices)
LEVEL_MIN, LEVEL_MAX = 1, 5


class Confidence(models.TextChoices):
    LOW = "laag", "Onzeker: een inschatting"
    MEDIUM = "redelijk", "Redelijk zeker"
    HIGH = "hoog", "Zeker: onderbouwd met stukken"
