import pytest

from community.members.models import Institution
from tests.factories import InstitutionFactory, MemberFactory, ThemePageFactory
from tests.factories.quickscan import version_with_grid


@pytest.fixture
def themes(site_tree):
    return [
        ThemePageFactory(parent=site_tree["themes"], title="Sociale veiligheid",
                         slug="sociale-veiligheid"),
        ThemePageFactory(parent=site_tree["themes"], title="Kennisveiligheid",
                         slug="kennisveiligheid"),
    ]


@pytest.fixture
def version(themes, steps):
    """A published full version: one question in each of the 2 × 5 cells."""
    return version_with_grid(themes, steps, title="Quickscan 2026")


@pytest.fixture
def institution(db):
    return InstitutionFactory(name="Hogeschool Zuidwal", slug="zuidwal")


@pytest.fixture
def scan_member(institution):
    return MemberFactory(institution=institution, first_name="Iris")


@pytest.fixture
def colleague(institution):
    return MemberFactory(institution=institution, first_name="Bas")


@pytest.fixture
def outsider(db):
    """A member of another hogeschool."""
    other = InstitutionFactory(name="Hogeschool Noordkade", slug="noordkade")
    return MemberFactory(institution=other, first_name="Olga")


@pytest.fixture
def make_institutions(db):
    """make_institutions(5, kind="hogeschool", small=False) → that many institutions."""

    def make(count, *, kind=Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES, small=False):
        return [InstitutionFactory(kind=kind, is_small=small) for _ in range(count)]

    return make
