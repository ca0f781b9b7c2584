"""Every visible string in the discussion and quickscan templates goes through gettext.

A heuristic, not a parser: after removing what is translated ({% translate %},
{% blocktranslate %}…{% endblocktranslate %}), comments, variables, tags, HTML
tags and entities, no letters may be left; nor in the attributes people read
(aria-label, title, alt, placeholder). So a new hard-coded Dutch string fails.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["templates/discussions", "templates/quickscan"]

COMMENT = re.compile(r"{% comment %}.*?{% endcomment %}|{#.*?#}", re.S)
TRANSLATED = re.compile(
    r"{% blocktranslate\b.*?%}.*?{% endblocktranslate %}|{% translate\b.*?%}", re.S
)
# Not text: a CSS class given to base.html's <body>.
CSS_BLOCK = re.compile(r"{% block body_class %}.*?{% endblock %}", re.S)
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
READ_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")
LETTER = re.compile(r"[^\W\d_]")


def untranslated(source):
    """The pieces of visible text in a template that are not in a translate tag."""
    text = TRANSLATED.sub(" ", COMMENT.sub(" ", source))
    text = CSS_BLOCK.sub(" ", text)
    found = [
        value for value in READ_ATTRIBUTE.findall(text)
        if LETTER.search(ENTITY.sub("", TEMPLATE_TAG.sub("", value)))
    ]
    text = ENTITY.sub(" ", HTML_TAG.sub(" ", TEMPLATE_TAG.sub(" ", text)))
    found += [" ".join(line.split()) for line in text.splitlines() if LETTER.search(line)]
    return found


def templates():
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file():
                yield path


def is_attribute_fragment(path, source):
    """An include that writes part of a tag (e.g. aria-describedby="…"), not text."""
    return path.suffix == ".html" and "<" not in source


@pytest.mark.parametrize("path", list(templates()), ids=lambda path: str(path.relative_to(ROOT)))
def test_visible_text_is_translated(path):
    source = path.read_text(encoding="utf-8")
    if is_attribute_fragment(path, source):
        return
    if TRANSLATED.search(source):
        assert "{% load i18n" in source
    assert untranslated(source) == [], f"{path.relative_to(ROOT)}: not in a translate tag"


@pytest.mark.parametrize(("source", "found"), [
    ("<p>Hallo {{ name }}</p>", ["Hallo"]),
    ('<nav aria-label="Kruimelpad"></nav>', ["Kruimelpad"]),
    ("{% load i18n %}<p>{% translate 'Hallo' %} {{ name }}</p>", []),
    ("{% load i18n %}<p>{% blocktranslate %}Beste\n{{ name }},{% endblocktranslate %}</p>", []),
    ('<nav aria-label="{% translate \'Kruimelpad\' %}"><a href="/">&ldquo;</a></nav>', []),
    ("{% comment %}Uitleg{% endcomment %}<p>{{ x|date:'j F Y' }} · 3</p>", []),
])
def test_the_check_finds_hard_coded_text(source, found):
    assert untranslated(source) == found


SIMPLE_TRANSLATE = re.compile(r"""{% translate (["'])(.*?)\1(?: context (["'])(.*?)\3)? %}""")


def test_no_other_catalogue_translates_our_dutch_message_ids():
    """Our msgids are Dutch; a Dutch catalogue of Django or a package may hold the same
    text as an English msgid ("Log in" → "Inloggen"). Such a collision needs a context."""
    from django.utils import translation
    from django.utils.translation import gettext, pgettext

    changed = []
    with translation.override("nl"):
        for path in templates():
            source = path.read_text(encoding="utf-8")
            for _quote, msgid, _cquote, context in SIMPLE_TRANSLATE.findall(source):
                shown = pgettext(context, msgid) if context else gettext(msgid)
                if shown != msgid:
                    changed.append((str(path.relative_to(ROOT)), msgid, shown))
    assert changed == []
