"""The PDCA action plan: its lifecycle, the XLSX export read back, the next scan shows it."""

import datetime
import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from community.quickscan import services
from community.quickscan.models import Action
from tests.factories import InstrumentPageFactory
from tests.factories.quickscan import submitted_scan

pytestmark = pytest.mark.django_db
DUE = datetime.date(2027, 3, 31)


@pytest.fixture
def scan(version, institution):
    return submitted_scan(institution=institution, version=version, levels={"default": 2})


@pytest.fixture
def instrument(themes, steps, instrument_types):
    return InstrumentPageFactory(parent=themes[0], title="Stappenplan meldpunt",
                                 steps=[steps[0]])


def test_action_lifecycle_through_the_pages(client, scan, themes, steps, scan_member, colleague,
                                            instrument):
    client.force_login(scan_member)
    url = reverse("quickscan:actions", args=[scan.public_id])
    form = client.get(f"{url}?cel={themes[0].pk}:{steps[0].pk}&instrument={instrument.pk}")
    assert f'<option value="{instrument.pk}" selected>' in form.content.decode()
    response = client.post(url, {
        "cell": f"{themes[0].pk}:{steps[0].pk}", "title": "Meldpunt inrichten",
        "description": "Eén meldpunt voor studenten en medewerkers.", "owner": "Directeur HRM",
        "due_date": "2027-03-31", "instrument": str(instrument.pk),
    })
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.theme, action.step, action.instrument, action.status, action.created_by) == (
        themes[0], steps[0], instrument, "gepland", scan_member)

    client.force_login(colleague)
    edit = reverse("quickscan:action_edit", args=[scan.public_id, action.pk])
    response = client.post(edit, {
        "cell": f"{themes[0].pk}:{steps[0].pk}", "title": "Meldpunt inrichten",
        "owner": "Directeur HRM", "due_date": "2027-06-30", "status": "bezig",
        "instrument": "",
    })
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.due_date, action.instrument) == (
        "bezig", datetime.date(2027, 6, 30), None)
    client.post(reverse("quickscan:action_status", args=[scan.public_id, action.pk]),
                {"status": "afgerond"})
    action.refresh_from_db()
    assert action.status == "afgerond" and not action.is_open
    client.post(reverse("quickscan:action_delete", args=[scan.public_id, action.pk]))
    assert not Action.objects.exists()


def test_bad_action_input_is_explained_and_kept(client, scan, scan_member, themes, steps):
    client.force_login(scan_member)
    url = reverse("quickscan:actions", args=[scan.public_id])
    response = client.post(url, {"cell": "999:999", "title": "Mijn actie", "owner": "",
                                 "due_date": "31-31-2027"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies een thema en processtap uit deze quickscan." in body
    assert "Geef een geldige datum" in body
    assert 'value="Mijn actie"' in body
    assert not Action.objects.exists()


def test_action_rules_in_the_service(scan, scan_member, themes, steps, version, institution,
                                     site_tree, instrument_types):
    hidden = InstrumentPageFactory(parent=themes[0], steps=[steps[0]], live=False)
    base = {"user": scan_member, "scan": scan, "theme_id": themes[0].pk, "step_id": steps[0].pk,
            "title": "Actie", "owner": "CISO", "due_date": DUE}
    with pytest.raises(services.ValidationError) as error:
        services.action_create(**{**base, "instrument_id": hidden.pk})
    assert "instrument" in error.value.message_dict
    with pytest.raises(services.ValidationError):
        services.action_create(**{**base, "title": "  "})
    action = services.action_create(**base)
    with pytest.raises(services.ValidationError):
        services.action_status_set(user=scan_member, action=action, status="klaar")
    # A draft has no results yet, so no plan either.
    draft = services.scan_start(user=scan_member, version=version)
    with pytest.raises(services.ValidationError) as error:
        services.action_create(**{**base, "scan": draft})
    assert error.value.code == "draft"


def test_the_xlsx_export_reads_back(client, scan, scan_member, themes, steps, instrument):
    services.action_create(
        user=scan_member, scan=scan, theme_id=themes[0].pk, step_id=steps[0].pk,
        title="=HYPERLINK(\"http://evil.example\")", owner="Bestuurssecretaris",
        due_date=DUE, instrument_id=instrument.pk, description="Let op: formule als tekst.",
    )
    client.force_login(scan_member)
    response = client.get(reverse("quickscan:actions_xlsx", args=[scan.public_id]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment; filename=\"actieplan-" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Actieplan", "Eerdere acties", "Scores"]
    plan = workbook["Actieplan"]
    header = [cell.value for cell in plan[1]]
    assert header[:4] == ["Thema", "Processtap", "Score", "Actie"]
    row = [cell.value for cell in plan[2]]
    assert row[0] == "Sociale veiligheid" and row[1] == steps[0].name and row[2] == 2
    assert row[3] == '=HYPERLINK("http://evil.example")' and plan.cell(2, 4).data_type == "s"
    assert row[5] == "Stappenplan meldpunt" and row[6] == "Bestuurssecretaris"
    assert row[7].date() == DUE and row[8] == "Gepland"
    scores = list(workbook["Scores"].iter_rows(min_row=2, values_only=True))
    assert len(scores) == 10 and scores[0][2] == 2 and scores[0][5] == "ja"


def test_the_next_scan_shows_the_previous_plan(client, scan, scan_member, version, themes, steps):
    services.action_create(user=scan_member, scan=scan, theme_id=themes[0].pk,
                           step_id=steps[0].pk, title="Crisisoefening plannen", owner="BHV",
                           due_date=DUE)
    next_scan = services.scan_start(user=scan_member, version=version)
    client.force_login(scan_member)
    body = client.get(reverse("quickscan:scan", args=[next_scan.public_id])).content.decode()
    assert "Acties uit eerdere quickscans" in body and "Crisisoefening plannen" in body
