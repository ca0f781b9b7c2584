"""Downloads: the action plan as XLSX (openpyxl) and the board overview as PDF (fpdf2).

Both are built in memory from the same selectors as the pages, so a download
never shows more than the page it is linked from.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .heatmap import delta_text, score_text
from .models import LEVEL_NAMES
from .scoring import rounded

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = PatternFill("solid", fgColor="14325C")


def _keep_as_text(row):
    """openpyxl stores text that starts with '=' as a formula: a title such as
    '=HYPERLINK(…)' would run in the board's spreadsheet. Store it as text."""
    for cell in row:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet(workbook, title, headers, rows, widths):
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    for row in rows:
        sheet.append(list(row))
        _keep_as_text(sheet[sheet.max_row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A2"
    return sheet


def action_plan_xlsx(*, scan, results, actions, carried_over):
    """Sheet 'Actieplan' (this scan's actions), 'Eerdere acties' and 'Scores'."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    headers = [_("Thema"), _("Processtap"), _("Score"), _("Actie"), _("Toelichting"),
               _("Instrument"), _("Eigenaar"), _("Gereed op"), _("Status")]
    widths = [24, 18, 8, 40, 50, 36, 26, 12, 14]

    def action_row(action):
        cell = results.cells.get((action.theme_id, action.step_id))
        return [
            action.theme.label, action.step.name,
            rounded(cell.score) if cell and cell.score is not None else None,
            action.title, action.description,
            action.instrument.title if action.instrument else "",
            action.owner, action.due_date, action.get_status_display(),
        ]

    plan = _sheet(workbook, _("Actieplan"), headers, [action_row(a) for a in actions], widths)
    for (date_cell,) in plan.iter_rows(min_row=2, min_col=8, max_col=8):
        date_cell.number_format = "DD-MM-YYYY"
    _sheet(
        workbook, _("Eerdere acties"), [_("Uit quickscan"), *headers[:2], *headers[3:]],
        [[a.scan.version.title, a.theme.label, a.step.name, a.title, a.description,
          a.instrument.title if a.instrument else "", a.owner, a.due_date,
          a.get_status_display()] for a in carried_over],
        [30, *widths[:2], *widths[3:]],
    )
    _sheet(
        workbook, _("Scores"),
        [_("Thema"), _("Processtap"), _("Score"), _("Vorige scan"), _("Verschil"),
         _("Onder streefniveau")],
        [[cell.theme.label, cell.step.name,
          rounded(cell.score) if cell.score is not None else None,
          rounded(cell.previous) if cell.previous is not None else None,
          rounded(cell.delta) if cell.delta is not None else None,
          _("ja") if cell.below_target else _("nee")]
         for row in results.rows() for cell in row["cells"]],
        [24, 18, 8, 12, 10, 18],
    )
    workbook.properties.title = _("Actieplan {name}").format(name=scan.institution.name)
    workbook.properties.creator = "IV-HO quickscan"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


# --- PDF -------------------------------------------------------------------------------

# fpdf2's built-in fonts know Latin-1 only: map typographic characters onto it.
PDF_REPLACEMENTS = {"–": "-", "—": "-", "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                    "…": "...", "▼": "v", "±": "+/-", "\u00a0": " "}
BAND_RGB = {0: (238, 241, 244), 1: (248, 208, 190), 2: (252, 234, 176), 3: (217, 234, 211),
            4: (160, 205, 178), 5: (47, 122, 90)}


def pdf_text(value):
    text = str(value)
    for old, new in PDF_REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def fit(pdf, value, width):
    """`value` for the PDF, shortened with '...' so it fits a cell `width` mm wide
    (0: up to the right margin) in the current font: it never runs into the next column."""
    text = pdf_text(value)
    room = (width or pdf.w - pdf.r_margin - pdf.x) - 2 * pdf.c_margin
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text.rstrip() + "...") > room:
        text = text[:-1]
    return text.rstrip(" ,;:-") + "..."


class BoardPdf(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font("helvetica", size=7)
        self.set_text_color(74, 83, 96)
        self.cell(0, 5, pdf_text(
            f"IV-HO quickscan integrale veiligheid - gemaakt op "
            f"{timezone.localtime():%d-%m-%Y %H:%M} - vertrouwelijk, alleen voor de instelling"
        ), align="C")


def board_pdf(*, scan, results, actions, benchmark_rows=None):
    """One A4 page (landscape) for the board: heat map, averages, weakest cells, actions."""
    pdf = BoardPdf(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.set_title(pdf_text(_("Quickscan {name}").format(name=scan.institution.name)))
    pdf.set_author("IV-HO")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.set_text_color(20, 50, 92)
    pdf.cell(0, 8, pdf_text(_("Quickscan integrale veiligheid - {name}").format(
        name=scan.institution.name)),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=9)
    pdf.set_text_color(27, 31, 36)
    submitted = (
        _("ingediend {date}").format(date=f"{scan.submitted_at:%d-%m-%Y}") if scan.submitted_at
        else _("concept")
    )
    overall = results.overall
    line = _("{title} ({submitted}). Streefniveau {target}. Gemiddelde score {score}").format(
        title=scan.version.title, submitted=submitted, target=scan.target_level,
        score=score_text(overall.value),
    )
    if overall.delta is not None:
        line += _(" ({change} ten opzichte van de vorige scan)").format(
            change=delta_text(overall.delta))
    pdf.multi_cell(0, 5, pdf_text(line + "."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    label_w, cell_w, row_h = 48, 30, 7
    pdf.set_font("helvetica", "B", 8)
    pdf.cell(label_w, row_h, "")
    for column in results.columns():
        pdf.cell(cell_w, row_h, fit(pdf, column["step"].name, cell_w), align="C")
    pdf.cell(cell_w, row_h, _("Gemiddeld"), align="C", new_x="LMARGIN", new_y="NEXT")
    for row in results.rows():
        pdf.set_font("helvetica", size=8)
        pdf.cell(label_w, row_h, fit(pdf, row["theme"].label, label_w))
        for cell in row["cells"]:
            _pdf_score_cell(pdf, cell_w, row_h, cell.band,
                            score_text(cell.score) + (" v" if cell.below_target else ""))
        _pdf_score_cell(pdf, cell_w, row_h, _band(row["average"].value),
                        score_text(row["average"].value), bold=True)
        pdf.ln(row_h)
    pdf.set_font("helvetica", "B", 8)
    pdf.cell(label_w, row_h, _("Gemiddeld"))
    for column in results.columns():
        _pdf_score_cell(pdf, cell_w, row_h, _band(column["average"].value),
                        score_text(column["average"].value), bold=True)
    _pdf_score_cell(pdf, cell_w, row_h, _band(overall.value), score_text(overall.value),
                    bold=True)
    pdf.ln(row_h + 1)
    pdf.set_font("helvetica", size=7)
    pdf.cell(0, 4, pdf_text(
        _("Schaal: {levels}. 'v' = onder het streefniveau; '-' = geen score (niet van "
          "toepassing).").format(
            levels=", ".join(f"{n} {name.lower()}" for n, name in LEVEL_NAMES.items()))
    ), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    below = sorted(results.cells_below_target(), key=lambda cell: cell.score)[:5]
    pdf.set_font("helvetica", "B", 10)
    pdf.cell(130, 6, _("Aandachtspunten (laagste cellen onder streefniveau)"))
    pdf.cell(0, 6, _("Actieplan (open acties)"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=8)
    open_actions = [action for action in actions if action.is_open][:6]
    lines = max(len(below), len(open_actions), 1)
    for index in range(lines):
        left = ""
        if index < len(below):
            cell = below[index]
            left = f"{cell.theme.label} - {cell.step.name}: {score_text(cell.score)}"
        elif index == 0:
            left = _("Geen cellen onder het streefniveau.")
        right = ""
        if index < len(open_actions):
            action = open_actions[index]
            right = _("{title} ({owner}, gereed {date}, {status})").format(
                title=action.title, owner=action.owner, date=f"{action.due_date:%d-%m-%Y}",
                status=action.get_status_display().lower())
        elif index == 0:
            right = _("Nog geen open acties.")
        pdf.cell(130, 5, fit(pdf, left, 130))
        pdf.cell(0, 5, fit(pdf, right, 0), new_x="LMARGIN", new_y="NEXT")
    if benchmark_rows is not None:
        pdf.ln(2)
        pdf.set_font("helvetica", size=8)
        pdf.multi_cell(0, 4, pdf_text(benchmark_rows), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _band(value):
    return 0 if value is None else max(1, min(5, int(value + 0.5)))


def _pdf_score_cell(pdf, width, height, band, text, bold=False):
    pdf.set_fill_color(*BAND_RGB[band])
    pdf.set_text_color(*((255, 255, 255) if band == 5 else (27, 31, 36)))
    pdf.set_font("helvetica", "B" if bold else "", 8)
    pdf.cell(width, height, pdf_text(text), border=1, align="C", fill=True)
    pdf.set_text_color(27, 31, 36)
