"""CSV and XLSX exports of an event's attendees, read back as a spreadsheet program would."""

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest

from community.events.exports import neutralise
from community.events.models import Registration, RegistrationQuestion
from tests.factories import EditorFactory, InstitutionFactory
from tests.factories.events import RegistrationFactory

from .conftest import new_member

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def dst_event(make_event):
    """On the day the clocks go back: 25 October 2026, 09:00 in Amsterdam (CET)."""
    event = make_event(
        title="Themadag kennisveiligheid",
        start=datetime(2026, 10, 25, 8, 0, tzinfo=UTC),
        end=datetime(2026, 10, 25, 15, 0, tzinfo=UTC),
        capacity=10,
    )
    RegistrationQuestion.objects.create(event=event, label="Dieetwensen", sort_order=0)
    RegistrationQuestion.objects.create(
        event=event, label="Workshop", kind="choice", choices="Dreigingsbeeld\nAwareness",
        sort_order=1,
    )
    return event


def register(event, *, name, created_at=None, status=Status.CONFIRMED, answers=(), **kwargs):
    institution = kwargs.pop("institution", None) or InstitutionFactory()
    registration = RegistrationFactory(
        event=event, name=name, institution=institution, status=status,
        answers=list(answers), **kwargs,
    )
    if created_at:
        Registration.objects.filter(pk=registration.pk).update(created_at=created_at)
    return registration


@pytest.fixture
def filled(dst_event, make_event):
    tue = InstitutionFactory(name="Technische Universiteit Eindhoven")
    register(
        dst_event, name="Bram Visser", institution=tue,
        # Before the change: 10:00 summer time.
        created_at=datetime(2026, 10, 20, 8, 0, tzinfo=UTC),
        answers=[
            {"question": "Workshop", "answer": "Awareness"},
            {"question": "Dieetwensen", "answer": "=HYPERLINK(\"http://evil.example\",\"klik\")"},
        ],
    )
    register(
        dst_event, name="Anouk Jansen",
        # After the change: 09:00 winter time.
        created_at=datetime(2026, 10, 25, 8, 0, tzinfo=UTC),
        answers=[{"question": "Dieetwensen", "answer": "vegetarisch"},
                 {"question": "Parkeerkaart", "answer": "ja"}],
    )
    register(dst_event, name="+31 Iemand", email="plus@example.org")
    register(dst_event, name="Wacht Lijst", status=Status.WAITLISTED)
    register(dst_event, name="Weg Gegaan", status=Status.CANCELLED)
    register(dst_event, name="Nog Onbevestigd", status=Status.UNCONFIRMED)
    register(dst_event, name="Aangeboden Plek", status=Status.OFFERED,
             offer_expires_at=datetime(2026, 10, 24, 8, 0, tzinfo=UTC))
    register(make_event(title="Andere bijeenkomst"), name="Andere Deelnemer")
    return dst_event


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel recognises UTF-8 by it
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_csv_holds_the_confirmed_attendees_of_this_event_only(editor_client, filled):
    response = editor_client.get(f"/admin/bijeenkomsten/{filled.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="aanmeldingen-' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = read_csv(response)
    header, body = rows[0], rows[1:]
    assert header == [
        "Naam", "E-mailadres", "Instelling", "Aangemeld op", "Toegevoegd door redactie",
        "Dieetwensen", "Workshop", "Parkeerkaart",
    ]
    # Sorted by name; the CSV-injection guard quotes "+31 …".
    assert [row[0] for row in body] == ["'+31 Iemand", "Anouk Jansen", "Bram Visser"]
    names = " ".join(row[0] for row in body)
    for outsider in ("Wacht Lijst", "Weg Gegaan", "Nog Onbevestigd", "Aangeboden Plek",
                     "Andere Deelnemer"):
        assert outsider not in names
    anouk, bram = body[1], body[2]
    assert bram[2] == "Technische Universiteit Eindhoven"
    # Times in Amsterdam, on both sides of the clock change.
    assert bram[3] == "20-10-2026 10:00"
    assert anouk[3] == "25-10-2026 09:00"
    assert bram[5].startswith("'=HYPERLINK")
    assert bram[6] == "Awareness"
    assert (anouk[5], anouk[6], anouk[7]) == ("vegetarisch", "", "ja")


def test_xlsx_holds_the_same_list_without_formulas(editor_client, filled):
    response = editor_client.get(f"/admin/bijeenkomsten/{filled.pk}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet, rows = read_xlsx(response)
    assert rows[0][:5] == ["Naam", "E-mailadres", "Instelling", "Aangemeld op",
                           "Toegevoegd door redactie"]
    assert [row[0] for row in rows[1:]] == ["'+31 Iemand", "Anouk Jansen", "Bram Visser"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    bram = rows[3]
    assert bram[3] == datetime(2026, 10, 20, 10, 0)  # wall-clock time in Amsterdam
    assert rows[2][3] == datetime(2026, 10, 25, 9, 0)
    assert bram[5].startswith("'=HYPERLINK")


def test_anonymised_attendees_and_odd_input_export_without_error(editor_client, dst_event):
    register(
        dst_event, name="", email="", answers=[], anonymised_at=datetime(2026, 11, 1, tzinfo=UTC)
    )
    register(
        dst_event, name="Chris\x07 de Boer", email="chris@example.org",
        answers=[{"question": "Dieetwensen", "answer": "-geen\x0b"}, "geen dict", {"x": 1}],
    )
    csv_rows = read_csv(editor_client.get(f"/admin/bijeenkomsten/{dst_event.pk}/export.csv"))
    assert [row[:2] for row in csv_rows[1:]] == [
        ["geanonimiseerd", ""], ["Chris\x07 de Boer", "chris@example.org"],
    ]
    _, xlsx_rows = read_xlsx(editor_client.get(f"/admin/bijeenkomsten/{dst_event.pk}/export.xlsx"))
    assert xlsx_rows[1][0] == "geanonimiseerd"
    # Control characters Excel refuses are dropped; a leading minus is quoted.
    assert xlsx_rows[2][0] == "Chris de Boer"
    assert xlsx_rows[2][5] == "'-geen"


def test_an_event_without_registrations_exports_only_the_header(editor_client, dst_event):
    assert len(read_csv(editor_client.get(f"/admin/bijeenkomsten/{dst_event.pk}/export.csv"))) == 1
    _, rows = read_xlsx(editor_client.get(f"/admin/bijeenkomsten/{dst_event.pk}/export.xlsx"))
    assert rows == [["Naam", "E-mailadres", "Instelling", "Aangemeld op",
                     "Toegevoegd door redactie", "Dieetwensen", "Workshop"]]


def test_a_member_added_by_the_editors_is_marked(editor_client, dst_event):
    editor = EditorFactory()
    register(dst_event, name="Dirk Mulder", user=new_member(), added_by=editor)
    rows = read_csv(editor_client.get(f"/admin/bijeenkomsten/{dst_event.pk}/export.csv"))
    assert rows[1][4] == "ja"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("Gewoon", "Gewoon"), ("a=b", "a=b"), ("", ""),
        (None, None), (3, 3),
    ],
)
def test_cells_that_could_run_as_a_formula_are_quoted(value, expected):
    assert neutralise(value) == expected
