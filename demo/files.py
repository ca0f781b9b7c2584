"""Small, real office files for the demo instruments, generated rather than shipped.

Each function returns the bytes of a file whose text is a title and a few lines,
so the download links in the demo open a genuine PDF, DOCX or XLSX.
"""

import io

from docx import Document as DocxDocument
from fpdf import FPDF
from openpyxl import Workbook

# fpdf2's built-in Helvetica covers Latin-1 only; map the few typographic
# characters our Dutch texts use outside it.
_LATIN1_REPLACEMENTS = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'",
                                      "“": '"', "”": '"', "…": "...", "€": "EUR"})
FOOTER = "Demo-inhoud van Platform IV-HO. Vrij te gebruiken en aan te passen."


def _latin1(text):
    return text.translate(_LATIN1_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(title, lines):
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_author("Platform IV-HO")
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    for line in [*lines, FOOTER]:
        pdf.multi_cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def docx_bytes(title, lines):
    document = DocxDocument()
    document.core_properties.title = title
    document.core_properties.author = "Platform IV-HO"
    document.add_heading(title, level=1)
    for line in [*lines, FOOTER]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(title, lines):
    """A worksheet to fill in: the lines become numbered rows with empty columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Invulblad"
    sheet.append([title])
    sheet.append([])
    sheet.append(["Nr.", "Onderdeel", "Stand van zaken", "Actie", "Eigenaar"])
    for number, line in enumerate(lines, start=1):
        sheet.append([number, line, "", "", ""])
    sheet.append([])
    sheet.append([FOOTER])
    sheet.column_dimensions["B"].width = 70
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GENERATORS = {"pdf": pdf_bytes, "docx": docx_bytes, "xlsx": xlsx_bytes}


def file_bytes(extension, title, lines):
    return GENERATORS[extension](title, lines)
