"""Editors keep versions in the Wagtail admin: draft, publish (then frozen), copy."""

from django.urls import reverse

import pytest

from community.quickscan import services
from community.quickscan.models import Question, QuickscanVersion
from tests.factories import MemberFactory
from tests.factories.quickscan import QuestionFactory, QuickscanVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(themes, steps):
    version = QuickscanVersionFactory(title="Concept 2027", status="concept", published_at=None)
    QuestionFactory(version=version, theme=themes[0], step=steps[0],
                    text="Is er een risicoanalyse?")
    return version


def edit_url(version):
    return reverse("wagtailsnippets_quickscan_quickscanversion:edit", args=[version.pk])


def form_data(version, **changes):
    questions = list(version.questions.all())
    data = {"title": version.title, "kind": version.kind, "introduction": "",
            "questions-TOTAL_FORMS": str(len(questions)), "questions-INITIAL_FORMS":
            str(len(questions)), "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "1000"}
    for index, question in enumerate(questions):
        prefix = f"questions-{index}-"
        data.update({f"{prefix}id": str(question.pk), f"{prefix}ORDER": str(index + 1),
                     f"{prefix}DELETE": "", f"{prefix}theme": str(question.theme_id),
                     f"{prefix}step": str(question.step_id), f"{prefix}text": question.text,
                     f"{prefix}help_text": question.help_text})
        data.update({f"{prefix}level_{n}": getattr(question, f"level_{n}") for n in range(1, 6)})
    data.update(changes)
    return data


def test_editors_edit_a_draft_with_its_questions(client, editor, draft):
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_quickscan_quickscanversion:list")).status_code == 200
    assert client.get(edit_url(draft)).status_code == 200
    response = client.post(edit_url(draft), form_data(draft, **{
        "questions-0-text": "Is er een actuele risicoanalyse?"}))
    assert response.status_code == 302
    assert draft.questions.get().text == "Is er een actuele risicoanalyse?"


def test_publishing_freezes_a_version(client, editor, draft):
    client.force_login(editor)
    publish = reverse("quickscan_admin:publish", args=[draft.pk])
    assert client.post(publish).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.published_at is not None

    # The edit page opens read-only; a forged POST changes nothing.
    response = client.get(edit_url(draft))
    assert response.status_code == 302 and "/inspect/" in response["Location"]
    client.post(edit_url(draft), form_data(draft, **{"questions-0-text": "Gewijzigd"}))
    assert draft.questions.get().text == "Is er een risicoanalyse?"
    form_class = QuickscanVersion.get_edit_handler().get_form_class()
    form = form_class(form_data(draft, title="Anders"), instance=draft, for_user=editor)
    assert not form.is_valid() and "staat vast" in str(form.errors)
    # Nor can it be deleted.
    delete = reverse("wagtailsnippets_quickscan_quickscanversion:delete", args=[draft.pk])
    client.post(delete)
    assert QuickscanVersion.objects.filter(pk=draft.pk).exists()


def test_an_incomplete_version_is_not_published(client, editor, themes, steps):
    empty = QuickscanVersionFactory(status="concept", published_at=None)
    client.force_login(editor)
    response = client.post(reverse("quickscan_admin:publish", args=[empty.pk]))
    assert response.status_code == 400
    assert "nog geen vragen" in response.content.decode()
    QuestionFactory(version=empty, theme=themes[0], step=steps[0], level_4="  ")
    with pytest.raises(services.ValidationError) as error:
        services.version_publish(version=empty)
    assert "niveau 4" in str(error.value)
    empty.refresh_from_db()
    assert not empty.is_published


def test_a_new_draft_is_copied_beside_a_published_version(client, editor, version):
    client.force_login(editor)
    response = client.post(reverse("quickscan_admin:copy", args=[version.pk]))
    copy = QuickscanVersion.objects.exclude(pk=version.pk).get()
    assert response.status_code == 302 and response["Location"] == edit_url(copy)
    assert (copy.status, copy.based_on, copy.kind) == ("concept", version, version.kind)
    assert copy.questions.count() == version.questions.count() == 10
    assert Question.objects.filter(version=version).count() == 10
    listing = client.get(reverse("wagtailsnippets_quickscan_quickscanversion:list"))
    assert "Nieuwe conceptversie op basis hiervan" in listing.content.decode()


def test_members_have_no_access_to_the_admin_views(client, draft):
    client.force_login(MemberFactory())
    for url in (reverse("quickscan_admin:publish", args=[draft.pk]),
                reverse("quickscan_admin:report")):
        assert client.get(url).status_code in (302, 403)
    draft.refresh_from_db()
    assert not draft.is_published


# --- Review findings 3 and 6 -------------------------------------------------------------


def test_an_institution_with_scans_is_not_deleted_and_the_admin_says_why(client, version,
                                                                        institution):
    from community.members.models import Institution
    from community.quickscan.models import Scan
    from tests.factories.people import UserFactory
    from tests.factories.quickscan import submitted_scan

    submitted_scan(institution=institution, version=version, levels={"default": 3})
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    delete = reverse("wagtailsnippets_members_institution:delete", args=[institution.pk])
    response = client.post(delete, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "kan niet worden verwijderd: er zijn quickscans van ingevuld" in body
    assert Institution.objects.filter(pk=institution.pk).exists()
    assert Scan.objects.filter(institution=institution).count() == 1
    # The database refuses as well: no code path silently deletes the history.
    from django.db.models import ProtectedError
    with pytest.raises(ProtectedError):
        Institution.objects.get(pk=institution.pk).delete()


def test_an_institution_without_scans_can_still_be_deleted(client, institution):
    from community.members.models import Institution
    from tests.factories.people import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    delete = reverse("wagtailsnippets_members_institution:delete", args=[institution.pk])
    assert client.post(delete).status_code == 302
    assert not Institution.objects.filter(pk=institution.pk).exists()


def test_the_report_counts_scans_not_scans_times_questions(client, editor, version,
                                                          make_institutions):
    import re

    from tests.factories.quickscan import ScanFactory, submitted_scan

    assert version.questions.count() == 10
    one, two, three = make_institutions(3)
    submitted_scan(institution=one, version=version, levels={"default": 3})
    submitted_scan(institution=two, version=version, levels={"default": 4})
    ScanFactory(institution=three, version=version)
    client.force_login(editor)
    body = client.get(reverse("quickscan_admin:report")).content.decode()
    row = re.search(r"<td>Quickscan 2026</td>(.*?)</tr>", body, flags=re.S).group(1)
    cells = [text.strip() for text in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
    assert cells[-3:] == ["10", "1", "2"]  # questions, drafts, submitted
