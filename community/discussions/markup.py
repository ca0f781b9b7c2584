"""Comment text: simple Markdown in, sanitised HTML (and plain text for mail) out.

What a member types is stored as typed. It is rendered on the way out:
Markdown to HTML, then nh3 keeps only a small set of tags, `href` on links with
http, https or mailto (or a relative path), and adds rel="nofollow noopener".
Raw HTML in the input is stripped (script and style with their content).
"""

import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import markdown
import nh3

MIN_LENGTH = 2
MAX_LENGTH = 3000  # django-comments' COMMENT_MAX_LENGTH sizes the column

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"

TOO_SHORT = _("Schrijf een reactie van minstens {min} tekens.")
TOO_LONG = _("Je reactie is {length} tekens lang; het maximum is {max}. Maak hem wat korter.")
CONTROL_CHARACTER = _(
    "Je reactie bevat een onzichtbaar stuurteken (zoals een nulbyte); haal het weg."
)
NOTHING_READABLE = _(
    "Je reactie bevat geen leesbare tekst. HTML wordt niet getoond; "
    "gebruik Markdown voor opmaak, zoals **vet**, *cursief* of [tekst](https://…)."
)


LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
LIST_START = re.compile(r"^\s{0,3}(?:[-*+]|1[.)])\s+\S")


def _lists_may_interrupt_paragraphs(text):
    """A list right under a line of text is a list, as people expect (and CommonMark says).

    Python-Markdown wants a blank line before it; add one.
    """
    lines = text.split("\n")
    result = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if (LIST_START.match(line) and previous.strip()
                and not LIST_ITEM.match(previous)):
            result.append("")
        result.append(line)
    return "\n".join(result)


def render_html(text):
    """Sanitised HTML for a comment's text (safe to mark safe)."""
    source = _lists_may_interrupt_paragraphs((text or "").replace("\r\n", "\n"))
    html = markdown.markdown(source, extensions=["nl2br", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


def render_text(text):
    """Plain text for a mail, made from the sanitised HTML (so no stripped link survives)."""
    converter = _TextConverter()
    converter.feed(render_html(text))
    converter.close()
    return converter.result()


def excerpt(text, length=160):
    """A short one-line plain-text excerpt (home page, admin, digest)."""
    flat = " ".join(render_text(text).split())
    if len(flat) <= length:
        return flat
    return flat[: length - 1].rsplit(" ", 1)[0] + "…"


def clean_comment_text(text):
    """Validate what a member typed; returns the text to store (trimmed)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise ValidationError(CONTROL_CHARACTER, code="control_character")
    if len(text) < MIN_LENGTH:
        raise ValidationError(TOO_SHORT.format(min=MIN_LENGTH), code="too_short")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            TOO_LONG.format(length=len(text), max=MAX_LENGTH), code="too_long"
        )
    if not render_text(text).strip():
        raise ValidationError(NOTHING_READABLE, code="nothing_readable")
    return text


class _TextConverter(HTMLParser):
    """Sanitised comment HTML to readable plain text: links keep their address."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.href_stack = []
        self.list_stack = []
        self.quote_depth = 0

    def _quote(self):
        return "> " * self.quote_depth

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.parts.append("\n\n" + self._quote())
        elif tag == "blockquote":
            self.quote_depth += 1
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n" + self._quote())
        elif tag in ("ul", "ol"):
            self.list_stack.append([tag, 0])
            self.parts.append("\n")
        elif tag == "li":
            marker = "- "
            if self.list_stack and self.list_stack[-1][0] == "ol":
                self.list_stack[-1][1] += 1
                marker = f"{self.list_stack[-1][1]}. "
            self.parts.append("\n" + self._quote() + marker)
        elif tag == "a":
            self.href_stack.append((dict(attrs).get("href"), len(self.parts)))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.list_stack:
            self.list_stack.pop()
            self.parts.append("\n")
        elif tag == "blockquote" and self.quote_depth:
            self.quote_depth -= 1
            self.parts.append("\n")
        elif tag == "a" and self.href_stack:
            href, start = self.href_stack.pop()
            label = "".join(self.parts[start:]).strip()
            if href and label != href and not href.startswith("mailto:"):
                self.parts.append(f" <{href}>")

    def handle_data(self, data):
        if "\n" in data and not data.strip():
            return  # the layout newlines Markdown puts between block tags
        if self.parts and self.parts[-1].endswith(("\n", "> ")):
            data = data.lstrip("\n")
        self.parts.append(data)

    def result(self):
        text = "".join(self.parts)
        lines = [line.rstrip() for line in text.split("\n")]
        collapsed = "\n".join(lines)
        while "\n\n\n" in collapsed:
            collapsed = collapsed.replace("\n\n\n", "\n\n")
        return collapsed.strip()
