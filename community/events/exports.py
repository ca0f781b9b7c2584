"""The attendee list of an event as rows, and as CSV or XLSX for the editors.

Only confirmed registrations of this one event are exported (selectors.attendees).
Every answer to a registration question gets a column of its own, headed by the
question as it was asked: answers keep their question's label, so a question
an editor renamed or removed later still gets a column.

What people typed goes into a spreadsheet: a cell that starts with = + - @ (or a
tab or carriage return) could run as a formula when the file is opened, so such
a cell gets a leading quote (OWASP's advice on CSV injection), in both formats.
"""

import csv
import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .selectors import attendees

ANONYMISED = "geanonimiseerd"
BASE_COLUMNS = ["Naam", "E-mailadres", "Instelling", "Aangemeld op", "Toegevoegd door redactie"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "%d-%m-%Y %H:%M"


def neutralise(value):
    """A cell value that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def display_name(registration):
    return ANONYMISED if registration.anonymised_at else registration.name


def question_labels(*, event, registrations):
    """The event's questions in their order, then labels only found in old answers."""
    questions = event.registration_questions.order_by("sort_order")
    labels = list(questions.values_list("label", flat=True))
    for registration in registrations:
        for item in registration.answers or []:
            label = item.get("question") if isinstance(item, dict) else None
            if label and label not in labels:
                labels.append(label)
    return labels


def answers_by_question(registration):
    result = {}
    for item in registration.answers or []:
        if isinstance(item, dict) and item.get("question"):
            answer = item.get("answer")
            if isinstance(answer, list):
                answer = ", ".join(str(part) for part in answer)
            result[str(item["question"])] = "" if answer is None else str(answer)
    return result


def local(moment):
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)) if moment else None


def attendee_table(*, event):
    """(header, rows) of the attendee list; rows hold plain values, times in Amsterdam."""
    registrations = list(attendees(event=event))
    labels = question_labels(event=event, registrations=registrations)
    header = BASE_COLUMNS + labels
    rows = []
    for registration in registrations:
        answers = answers_by_question(registration)
        rows.append(
            [
                display_name(registration),
                registration.email,
                registration.institution_name
                or (registration.institution.name if registration.institution else ""),
                local(registration.created_at),
                "ja" if registration.added_by_id else "",
            ]
            + [answers.get(label, "") for label in labels]
        )
    return header, rows


def filename(*, event, extension):
    slug = event.slug or f"bijeenkomst-{event.pk}"
    return f"aanmeldingen-{slug}.{extension}"


def attendees_csv(*, event):
    """The list as CSV text for Excel in Dutch: semicolons, a byte order mark, CRLF."""
    header, rows = attendee_table(event=event)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(label) for label in header])
    for row in rows:
        writer.writerow(
            [
                neutralise(value.strftime(DATETIME_FORMAT) if hasattr(value, "strftime") else value)
                for value in row
            ]
        )
    return buffer.getvalue()


def _xlsx_value(value):
    if hasattr(value, "strftime"):
        # Excel knows no time zones: the wall-clock time in Amsterdam.
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        # openpyxl refuses control characters, which a pasted answer may hold.
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def attendees_xlsx(*, event):
    """The list as an .xlsx workbook (bytes): one sheet, a bold header row that stays put."""
    header, rows = attendee_table(event=event)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aanmeldingen"
    sheet.append([_xlsx_value(label) for label in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    date_column = BASE_COLUMNS.index("Aangemeld op") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=date_column, max_col=date_column):
        cell.number_format = "dd-mm-yyyy hh:mm"
    for index, label in enumerate(header, start=1):
        width = max([len(str(label))] + [len(str(row[index - 1] or "")) for row in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
