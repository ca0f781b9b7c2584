"""AVG: a person's contributions are in their data download; erasure unlinks, the scan stays."""

import pytest

from community.members.privacy import account_erase, personal_data_export
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
    assert [a["onderbouwing"] for a in data["quickscan_antwoorden"]] == [
        "Jaarverslag veiligheid 2025"]
    assert data["quickscan_acties"][0]["actie"] == "Dreigingsbeeld opstellen"
    assert len(personal_data_export(user=colleague)["quickscan_antwoorden"]) == 9

    account_erase(user=scan_member)
    scan = Scan.objects.get()
    assert scan.started_by is None and scan.submitted_by is None and scan.is_submitted
    assert Answer.objects.count() == 10
    assert Answer.objects.filter(answered_by__isnull=True).count() == 1
    assert Action.objects.get().created_by is None
