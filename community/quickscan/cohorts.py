"""The benchmark cohorts. An institution belongs to exactly one, fixed by its record.

A scan takes its institution's cohort when it is submitted (`Scan.cohort`) and keeps
it: the benchmark reads that frozen value, never the institution's record.

A fixed cohort per institution (no filters a viewer can choose) means two views
of the benchmark can never be subtracted from each other to isolate one
institution: there is only one view per cohort.
"""

from community.members.models import Institution

from .models.benchmark import Cohort

__all__ = ["Cohort", "cohort_of", "institutions_in"]


def cohort_of(institution):
    """The cohort of an institution, or None for a partner organisation."""
    if institution.kind == Institution.Kind.UNIVERSITY:
        return Cohort.UNIVERSITY
    if institution.kind == Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES:
        if institution.is_small:
            return Cohort.SMALL_UNIVERSITY_OF_APPLIED_SCIENCES
        return Cohort.UNIVERSITY_OF_APPLIED_SCIENCES
    return None


def institutions_in(cohort):
    """A queryset of the institutions in `cohort`."""
    queryset = Institution.objects.all()
    if cohort == Cohort.UNIVERSITY:
        return queryset.filter(kind=Institution.Kind.UNIVERSITY)
    kind = Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES
    if cohort == Cohort.SMALL_UNIVERSITY_OF_APPLIED_SCIENCES:
        return queryset.filter(kind=kind, is_small=True)
    if cohort == Cohort.UNIVERSITY_OF_APPLIED_SCIENCES:
        return queryset.filter(kind=kind, is_small=False)
    return queryset.none()
