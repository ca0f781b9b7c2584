"""Every visible string in our templates goes through gettext.

A heuristic, not a parser: after removing what is translated ({% translate %},
{% blocktranslate %}…{% endblocktranslate %}), comments, variables, tags, HTML
tags and entities, no letters may be left; nor in the attributes people read
(aria-label, title, alt, placeholder). So a new hard-coded Dutch string fails.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every folder and top-level file under templates/: all of them are ours (the allauth
# and mfa folders override the package's templates with our own markup and text).
CHECKED = [
    "templates/404.html",
    "templates/429.html",
    "templates/500.html",
    "templates/503.html",
    "templates/base.html",
    "templates/account",
    "templates/allauth",
    "templates/blocks",
    "templates/cms",
    "templates/discussions",
    "templates/events",
    "templates/includes",
    "templates/members",
    "templates/mfa",
    "templates/privacy",
    "templates/quickscan",
    "templates/search",
]

COMMENT = re.compile(r"{% comment %}.*?{% endcomment %}|{#.*?#}", re.S)
TRANSLATED = re.compile(
    r"{% blocktranslate\b.*?%}.*?{% endblocktranslate %}|{% translate\b.*?%}", re.S
)
# Not text: a CSS class given to base.html's <body>.
CSS_BLOCK = re.compile(r"{% block body_class %}.*?{% endblock %}", re.S)
# Not text: allauth's element templates build a class list or an id list in
# {% setvar %}…{% endsetvar %} ("button button--danger", "…_error …_helptext").
SETVAR = re.compile(r"{% setvar\b.*?%}.*?{% endsetvar %}", re.S)
# Not text: the CSS in an inline <style> element (the printable check-in list).
STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S)
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
READ_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")
LETTER = re.compile(r"[^\W\d_]")
# Proper names that are the same in every language, allowed only as a whole piece of
# text, with at most separators around them: the brand ("— IV-HO" after a page title,
# "[IV-HO]" before a mail subject) and the feed formats ("RSS · Atom"). A name inside
# a sentence is translated with the sentence.
PROPER_NAMES = {"IV-HO", "RSS", "Atom"}
SEPARATORS = re.compile(r"[\s—·:()\[\]]+")


def is_proper_name(piece):
    words = [word for word in SEPARATORS.split(piece) if word]
    return bool(words) and all(word in PROPER_NAMES for word in words)


def untranslated(source):
    """The pieces of visible text in a template that are not in a translate tag."""
    text = TRANSLATED.sub(" ", COMMENT.sub(" ", source))
    text = STYLE.sub(" ", SETVAR.sub(" ", CSS_BLOCK.sub(" ", text)))
    found = [
        value for value in READ_ATTRIBUTE.findall(text)
        if LETTER.search(ENTITY.sub("", TEMPLATE_TAG.sub("", value)))
        and not is_proper_name(ENTITY.sub("", TEMPLATE_TAG.sub("", value)))
    ]
    text = ENTITY.sub(" ", HTML_TAG.sub(" ", TEMPLATE_TAG.sub(" ", text)))
    found += [
        " ".join(line.split()) for line in text.splitlines()
        if LETTER.search(line) and not is_proper_name(line)
    ]
    return found


# i18n among the libraries of a {% load %} ("{% load allauth i18n %}").
LOAD_I18N = re.compile(r"{% load\b[^%]*\bi18n\b[^%]*%}")


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
        assert LOAD_I18N.search(source), "translate tags without {% load i18n %}"
    assert untranslated(source) == [], f"{path.relative_to(ROOT)}: not in a translate tag"


@pytest.mark.parametrize(("source", "found"), [
    ("<p>Hallo {{ name }}</p>", ["Hallo"]),
    ('<nav aria-label="Kruimelpad"></nav>', ["Kruimelpad"]),
    ("{% load i18n %}<p>{% translate 'Hallo' %} {{ name }}</p>", []),
    ("{% load i18n %}<p>{% blocktranslate %}Beste\n{{ name }},{% endblocktranslate %}</p>", []),
    ('<nav aria-label="{% translate \'Kruimelpad\' %}"><a href="/">&ldquo;</a></nav>', []),
    ("{% comment %}Uitleg{% endcomment %}<p>{{ x|date:'j F Y' }} · 3</p>", []),
    ("<title>{% block title %}{% endblock %} — IV-HO</title>", []),
    ('<a href="/rss/">RSS</a> · <a href="/atom/">Atom</a><link title="{{ t }} (RSS)">', []),
    ("<p>IV-HO is een platform</p>", ["IV-HO is een platform"]),
    ('<img alt="Logo IV-HO">', ["Logo IV-HO"]),
    ("<style>body { margin: 0; }</style><p>Hallo</p>", ["Hallo"]),
    ("{% setvar c %}button button--danger{% endsetvar %}<b class=\"{{ c }}\"></b>", []),
])
def test_the_check_finds_hard_coded_text(source, found):
    assert untranslated(source) == found


SIMPLE_TRANSLATE = re.compile(r"""{% translate (["'])(.*?)\1(?: context (["'])(.*?)\3)? %}""")


# Our overrides of django-allauth's templates keep allauth's own (English) msgids where
# they show allauth's text ("Verified", "Activate Authenticator App"): allauth's Dutch
# catalogue translates those on purpose. Only there, and only for a msgid that catalogue
# holds, is a translated msgid expected.
ALLAUTH_OVERRIDES = ("templates/account/", "templates/allauth/", "templates/mfa/")


def allauth_dutch():
    import gettext as python_gettext

    import allauth

    return python_gettext.translation(
        "django", Path(allauth.__file__).parent / "locale", languages=["nl"]
    )


def test_no_other_catalogue_translates_our_dutch_message_ids():
    """Our msgids are Dutch; a Dutch catalogue of Django or a package may hold the same
    text as an English msgid ("Log in" → "Inloggen"). Such a collision needs a context."""
    from django.utils import translation
    from django.utils.translation import gettext, pgettext

    allauth_catalogue = allauth_dutch()
    changed = []
    with translation.override("nl"):
        for path in templates():
            source = path.read_text(encoding="utf-8")
            for _quote, msgid, _cquote, context in SIMPLE_TRANSLATE.findall(source):
                shown = pgettext(context, msgid) if context else gettext(msgid)
                name = str(path.relative_to(ROOT))
                if name.startswith(ALLAUTH_OVERRIDES) and not context \
                        and allauth_catalogue.gettext(msgid) == shown:
                    continue
                if shown != msgid:
                    changed.append((str(path.relative_to(ROOT)), msgid, shown))
    assert changed == []
