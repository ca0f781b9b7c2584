"""Only members of the institution see its scans: the same 404 for everything else."""

import re
import uuid

from django.urls import reverse

import pytest

from community.members.models import Institution, Profile
from community.quickscan import services
from community.quickscan.models import Scan
from tests.factories import EditorFactory, InstitutionFactory, MemberFactory, UserFactory
from tests.factories.quickscan import submitted_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan(version, institution, scan_member):
    scan = submitted_scan(institution=institution, version=version, levels={"default": 2})
    services.action_create(
        user=scan_member, scan=scan, theme_id=version.questions.first().theme_id,
        step_id=version.questions.first().step_id, title="Risicoanalyse actualiseren",
        owner="Manager IV", due_date=scan.submitted_at.date(),
    )
    return scan


def scan_urls(scan):
    action = scan.actions.get()
    theme_id = scan.version.questions.first().theme_id
    args = [scan.public_id]
    return [
        reverse("quickscan:scan", args=args),
        reverse("quickscan:theme", args=[*args, theme_id]),
        reverse("quickscan:submit", args=args),
        reverse("quickscan:results", args=args),
        reverse("quickscan:board", args=args),
        reverse("quickscan:board_pdf", args=args),
        reverse("quickscan:actions", args=args),
        reverse("quickscan:actions_xlsx", args=args),
        reverse("quickscan:action_edit", args=[*args, action.pk]),
    ]


def post_urls(scan):
    action = scan.actions.get()
    args = [scan.public_id]
    return [
        reverse("quickscan:target", args=args),
        reverse("quickscan:submit", args=args),
        reverse("quickscan:discard", args=args),
        reverse("quickscan:actions", args=args),
        reverse("quickscan:action_status", args=[*args, action.pk]),
        reverse("quickscan:action_delete", args=[*args, action.pk]),
    ]


def without_csrf(response):
    """The page minus its CSRF token (new on every response, from the logout form)."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", response.content)


def test_members_of_the_institution_see_everything(client, scan, colleague):
    client.force_login(colleague)
    for url in scan_urls(scan):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["outsider", "editor", "pending", "superuser"])
def test_anyone_else_gets_the_same_404_as_for_a_scan_that_does_not_exist(
    client, scan, who, outsider
):
    viewer = {
        "outsider": outsider,
        "editor": EditorFactory(),
        "pending": UserFactory(),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }[who]
    client.force_login(viewer)
    missing = reverse("quickscan:results", args=[uuid.uuid4()])
    reference = client.get(missing)
    assert reference.status_code == 404
    for url in scan_urls(scan):
        response = client.get(url)
        assert response.status_code == 404, url
        assert without_csrf(response) == without_csrf(reference), url
    for url in post_urls(scan):
        assert client.post(url, {"status": "afgerond", "target_level": "1"}).status_code == 404
    scan.refresh_from_db()
    assert scan.actions.get().status == "gepland"
    assert Scan.objects.filter(pk=scan.pk).exists()


def test_anonymous_visitors_are_sent_to_login_for_any_address(client, scan):
    missing = reverse("quickscan:results", args=[uuid.uuid4()])
    for url in [reverse("quickscan:index"), reverse("quickscan:benchmark"), missing,
                *scan_urls(scan)]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_index_explains_why_a_non_member_or_partner_has_no_quickscan(client, db):
    client.force_login(UserFactory())
    response = client.get(reverse("quickscan:index"))
    assert response.status_code == 403
    assert "alleen voor goedgekeurde leden" in response.content.decode()

    partner = InstitutionFactory(name="SURF", kind=Institution.Kind.PARTNER)
    client.force_login(MemberFactory(institution=partner))
    response = client.get(reverse("quickscan:index"))
    assert response.status_code == 403
    assert "partnerorganisatie" in response.content.decode()


def test_a_member_who_left_the_institution_loses_access(client, scan, scan_member):
    client.force_login(scan_member)
    assert client.get(reverse("quickscan:results", args=[scan.public_id])).status_code == 200
    Profile.objects.filter(user=scan_member).update(institution=InstitutionFactory())
    assert client.get(reverse("quickscan:results", args=[scan.public_id])).status_code == 404


def test_services_refuse_another_institution(scan, outsider):
    for call in (
        lambda: services.answer_save(user=outsider, scan=scan,
                                     question_id=scan.version.questions.first().pk, level="1"),
        lambda: services.scan_submit(user=outsider, scan=scan),
        lambda: services.action_status_set(user=outsider, action=scan.actions.get(),
                                           status="afgerond"),
        lambda: services.action_delete(user=outsider, action=scan.actions.get()),
    ):
        with pytest.raises(services.PermissionDenied):
            call()


def test_the_index_lists_only_the_own_institutions_scans(client, scan, outsider, version):
    other_scan = submitted_scan(institution=Institution.objects.get(slug="noordkade"),
                                version=version, levels={})
    client.force_login(outsider)
    body = client.get(reverse("quickscan:index")).content.decode()
    assert str(other_scan.public_id) in body
    assert str(scan.public_id) not in body


def test_the_header_links_members_to_the_quickscan(client, scan_member, home):
    client.force_login(scan_member)
    assert 'href="/quickscan/"' in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert 'href="/quickscan/"' not in client.get("/").content.decode()
