"""Our own templates hold no inline script: every script is a file loaded with src.

The public Content-Security-Policy forbids inline script; the admin's allows it
only because Wagtail needs it for its own, so our admin templates (the events
check-in list, for one) must not lean on that. The templates are read as
source, with Django's tags blanked out, so a handler behind an {% if %} counts.
Templates of installed packages are not ours and are not read.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

import pytest

BASE_DIR = Path(settings.BASE_DIR)

DJANGO_COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
DJANGO_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
# Inside an HTML start tag: an attribute named on… (onclick, onload, onsubmit …).
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^<>]*?\son[a-z]+\s*=", re.I)
SCRIPT_WITHOUT_SRC = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I)
JAVASCRIPT_URL = re.compile(r"\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*javascript:", re.I)
PROBLEMS = {
    "inline event handler": EVENT_HANDLER,
    "inline <script> without src": SCRIPT_WITHOUT_SRC,
    "javascript: URL": JAVASCRIPT_URL,
}


def own_template_dirs():
    """templates/ and the templates folder of every app of ours (none in site-packages)."""
    dirs = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    for app in apps.get_app_configs():
        path = Path(app.path)
        ours = path.is_relative_to(BASE_DIR) and not {".venv", "site-packages"} & set(path.parts)
        if ours and (path / "templates").is_dir():
            dirs.append(path / "templates")
    return dirs


def inline_scripts(source):
    """[(line, problem)] for every inline script in a template's source."""
    text = DJANGO_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    # Blank each tag out but keep its line breaks, so line numbers stay true.
    text = DJANGO_TAG.sub(lambda m: " " + "\n" * m.group(0).count("\n"), text)
    found = []
    for problem, pattern in PROBLEMS.items():
        for match in pattern.finditer(text):
            found.append((text.count("\n", 0, match.end()) + 1, problem))
    return sorted(found)


@pytest.mark.parametrize(
    "source",
    [
        '<button type="button" onclick="window.print()">Afdrukken</button>',
        '<body\n  onload="start()">',
        '<a href="#" {% if x %}onClick="go()"{% endif %}>x</a>',
        "<script>alert(1)</script>",
        '<script type="module">import "./a.js"</script>',
        '<a href="javascript:void(0)">x</a>',
    ],
)
def test_the_scan_finds_inline_script(source):
    assert inline_scripts(source)


@pytest.mark.parametrize(
    "source",
    [
        '<script src="{% static \'js/print.js\' %}" defer></script>',
        '<button type="button" data-print hidden>Afdrukken</button>',
        '{% include "x.html" with online=True %}<meta name="robots" content="noindex">',
        "<p>Reageer online= of op locatie</p>",
        "{# <script>alert(1)</script> #}",
        '{% comment %}<a onclick="x()">{% endcomment %}',
        "{{ data|json_script:'data' }}",
    ],
)
def test_the_scan_leaves_the_rest_alone(source):
    assert inline_scripts(source) == []


def test_our_templates_hold_no_inline_script():
    dirs = own_template_dirs()
    assert BASE_DIR / "templates" in dirs
    files = sorted(path for folder in dirs for path in folder.rglob("*.html"))
    assert any(path.name == "checkin_list.html" for path in files)
    found = [
        f"{path.relative_to(BASE_DIR)}:{line}: {problem}"
        for path in files
        for line, problem in inline_scripts(path.read_text(encoding="utf-8"))
    ]
    assert found == []
