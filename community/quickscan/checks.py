"""System checks: the benchmark's k-minimum must stay high enough to protect institutions."""

from django.conf import settings
from django.core import checks

# Below this k the benchmark can expose single institutions outright: refused.
MIN_INSTITUTIONS_ERROR_BELOW = 3
# Below this k the median and extremes are too close to single institutions' scores.
MIN_INSTITUTIONS_WARNING_BELOW = 5


@checks.register(checks.Tags.security)
def check_benchmark_min_institutions(app_configs=None, **kwargs):
    value = getattr(settings, "QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS", None)
    try:
        k = int(value)
    except (TypeError, ValueError):
        return [checks.Error(
            f"QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS must be a whole number, not {value!r}.",
            id="quickscan.E001",
        )]
    if k < MIN_INSTITUTIONS_ERROR_BELOW:
        return [checks.Error(
            f"QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS is {k}: with fewer than "
            f"{MIN_INSTITUTIONS_ERROR_BELOW} institutions a benchmark figure is (nearly) one "
            "institution's own score.",
            hint=f"Use {MIN_INSTITUTIONS_WARNING_BELOW} or more.",
            id="quickscan.E002",
        )]
    if k < MIN_INSTITUTIONS_WARNING_BELOW:
        return [checks.Warning(
            f"QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS is {k}: below "
            f"{MIN_INSTITUTIONS_WARNING_BELOW}, a few institutions together can work out "
            "another's scores from the median.",
            hint=f"Use {MIN_INSTITUTIONS_WARNING_BELOW} or more.",
            id="quickscan.W001",
        )]
    return []
