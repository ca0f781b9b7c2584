"""The member pages in a real browser: no axe findings; photo upload and filters work."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from community.members.models import Profile
from tests.factories import MemberFactory
from tests.factories.people import PASSWORD

from .test_accessibility import violations_on

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, user, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(f"**{next_url}")


def approved(user, **fields):
    profile, _ = Profile.objects.get_or_create(user=user)
    for name, value in {"status": Profile.Status.APPROVED, **fields}.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def test_member_pages_work_and_have_no_wcag_violations(page, knowledge_base, tmp_path):
    member = MemberFactory(first_name="Vera", last_name="Kijker")
    approved(member, function="Manager integrale veiligheid")
    colleague = MemberFactory(first_name="Anna", last_name="Jansen")
    approved(colleague, function="CISO", bio="Informatiebeveiliging.")
    Profile.objects.get(user=colleague).expertise.set([knowledge_base["theme"]])

    log_in(page, member, "/leden/profiel/")
    photo = tmp_path / "vakantie.jpg"
    Image.new("RGB", (900, 600), (30, 90, 160)).save(photo, format="JPEG")
    page.get_by_label("Functie", exact=True).fill("CISO en privacy officer")
    page.get_by_label("Kies een foto").set_input_files(str(photo))
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page.get_by_text("Je profiel is opgeslagen.")).to_be_visible()
    expect(page.get_by_alt_text("Je huidige foto")).to_be_visible()
    image = page.get_by_alt_text("Je huidige foto")
    # Visible is not yet decoded: wait for the image itself before measuring it.
    image.evaluate(
        "img => img.complete ? null : new Promise(done => { img.onload = img.onerror = done; })"
    )
    assert image.evaluate("img => img.naturalWidth") == 400

    # A file that is not a photo: a clear message beside the field, nothing lost.
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"geen foto" * 100)
    page.get_by_label("Functie", exact=True).fill("Nieuwe functie")
    page.get_by_label("Kies een andere foto").set_input_files(str(fake))
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page.locator("#id_photo_error")).to_contain_text("geen foto die we kunnen lezen")
    expect(page.get_by_label("Functie", exact=True)).to_have_value("Nieuwe functie")

    axe = Axe()
    report = {}
    pages = {
        "profile edit (errors)": None,
        "directory": "/leden/",
        "directory filtered": f"/leden/?thema={knowledge_base['theme'].slug}&q=anna",
        "profile": f"/leden/{colleague.pk}/",
        "my data": "/leden/mijn-gegevens/",
    }
    for name, url in pages.items():
        if url:
            response = page.goto(url)
            assert response.status == 200, f"{name}: HTTP {response.status}"
        found = violations_on(page, axe)
        if found:
            report[name] = found
    assert not report, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in report.items()
    )

    page.goto("/leden/")
    page.get_by_label("Naam").fill("anna")
    page.get_by_role("button", name="Toon leden").click()
    expect(page.get_by_role("heading", name="1 lid")).to_be_visible()
    expect(page.get_by_role("link", name="Anna Jansen")).to_be_visible()
    assert "q=anna" in page.url


def test_mobile_width_has_no_horizontal_scroll(open_page, knowledge_base):
    page, _log = open_page({"width": 390, "height": 844})
    member = MemberFactory()
    approved(member)
    log_in(page, member, "/leden/")
    for url in ("/leden/", "/leden/profiel/", "/leden/mijn-gegevens/"):
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
            " > document.documentElement.clientWidth).map(e => e.tagName + '.' + e.className"
            " + '#' + e.id).slice(0, 5)"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px: {wide}"
