"""AVG: a person's contributions are in their data download; erasure unlinks, the scan stays."""

import pytest

from community.privacy.services import account_erase, personal_data_export
from community.quickscan import services
from community.quickscan.models import Action, Answer, Scan

pytestmark = pytest.mark.django_db


def test_export_and_erase(version, themes, steps, scan_member, colleague):
    scan = services.scan_start(user=scan_member, version=version)
    questions = list(version.questions.all())
    for question in questions:
        services.answer_save(user=colleague, scan=scan, question_id=question.pk, level="3")
    services.answer_save(user=scan_member, scan=scan, question_id=questions[0].pk, level="2",
                         evidence="Jaarverslag veiligheid 2025")
    scan = services.scan_submit(user=scan_member, scan=scan)
    services.action_create(user=scan_member, scan=scan, theme_id=themes[0].pk,
                           step_id=steps[0].pk, title="Dreigingsbeeld opstellen",
                           owner="Security officer", due_date=scan.submitted_at.date())

    data = personal_data_export(user=scan_member)
    assert data["quickscans"][0]["gestart_door_jou"] and data["quickscans"][0]["ingediend_door_jou"]
    assert [a["vraag"] for a in data["quickscan_antwoorden"]] == [questions[0].text]
    assert data["quickscan_acties"][0]["actie"] == "Dreigingsbeeld opstellen"
    assert len(personal_data_export(user=colleague)["quickscan_antwoorden"]) == 9

    account_erase(user=scan_member)
    scan = Scan.objects.get()
    assert scan.started_by is None and scan.submitted_by is None and scan.is_submitted
    assert Answer.objects.count() == 10
    assert Answer.objects.filter(answered_by__isnull=True).count() == 1
    assert Action.objects.get().created_by is None


def test_the_export_holds_the_persons_involvement_not_the_scans_content(
    version, themes, steps, scan_member, colleague, institution
):
    """Review finding 11: the scan's levels and evidence belong to the institution."""
    from tests.factories import InstitutionFactory

    scan = services.scan_start(user=scan_member, version=version)
    question = version.questions.first()
    services.answer_save(user=colleague, scan=scan, question_id=question.pk, level="4",
                         evidence="Vertrouwelijk: notulen CvB van Bas")
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="2",
                         evidence="Vertrouwelijk: notulen CvB van Bas")  # Bas's words kept
    # The member moves to another institution; the old scan stays with the old one.
    profile = scan_member.profile
    profile.institution = InstitutionFactory(name="Hogeschool Elders")
    profile.save()

    data = personal_data_export(user=scan_member)
    text = repr(data)
    assert "notulen CvB" not in text
    answer = data["quickscan_antwoorden"][0]
    assert answer["vraag"] == question.text and answer["instelling"] == institution.name
    assert not {"niveau", "onderbouwing", "zekerheid", "niet_van_toepassing"} & set(answer)
    assert answer["laatst_door_jou_gewijzigd_op"]
