"""Comment text: simple Markdown, sanitised; XSS payloads never survive."""

from html.parser import HTMLParser

import pytest

from community.discussions.markup import clean_comment_text, excerpt, render_html, render_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote"}

XSS_PAYLOADS = [
    "<script>alert(1)</script>Tekst",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>Tekst",
    '<img src=x onerror="alert(1)">Tekst',
    "<svg onload=alert(1)>Tekst</svg>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="jav&#x61;script:alert(1)">klik</a>',
    '<a href="jav&#97;script:alert(1)">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">klik</a>',
    '<a href="  JaVaScRiPt:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](jav&#x61;script:alert(1))",
    "[klik](JAVASCRIPT:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
    "[klik](vbscript:msgbox(1))",
    "![plaatje](https://tracker.example/pixel.png) Tekst",
    '<iframe src="https://evil.example"></iframe>Tekst',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">Tekst</p>',
    "<style>body{display:none}</style>Tekst",
    '<a href="https://ok.example" onmouseover="alert(1)">klik</a>',
    "<form action=https://evil.example><input name=x></form>Tekst",
]


class Structure(HTMLParser):
    """Every tag and attribute in a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def structure(html):
    parser = Structure()
    parser.feed(html)
    return parser.tags


def assert_safe_html(html):
    for tag, attrs in structure(html):
        assert tag in ALLOWED_TAGS, (tag, html)
        allowed_attrs = {"href", "rel"} if tag == "a" else set()
        assert set(attrs) <= allowed_attrs, (tag, attrs, html)
        if "href" in attrs:
            href = attrs["href"].strip().lower()
            assert href.startswith(("http://", "https://", "mailto:", "/", "#")), html
        if tag == "a":
            assert attrs.get("rel") == "nofollow noopener", html
    lowered = html.lower()
    for needle in ("<script", "javascript:", "vbscript:", "data:", "onerror", "onload",
                   "onclick", "onmouseover", "<iframe", "<img", "<style", "tracker.example"):
        assert needle not in lowered, (needle, html)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_are_sanitised(payload):
    html = render_html(payload)
    assert_safe_html(html)
    text = render_text(payload)
    for needle in ("<script", "javascript:", "data:", "onerror", "vbscript:"):
        assert needle not in text.lower(), (needle, text)


def test_simple_markdown_is_rendered():
    html = render_html(
        "**vet** en *schuin* en `code`\n\n- een\n- twee\n\n1. eerst\n2. dan\n\n> citaat\n\n"
        "[site](https://www.example.nl/pad?x=1) en <https://auto.example> en "
        "[mail](mailto:info@example.nl) en [intern](/instrumenten/)"
    )
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<code>code</code>" in html
    assert "<ul>" in html and "<ol>" in html and "<li>een</li>" in html
    assert "<blockquote>" in html
    assert '<a href="https://www.example.nl/pad?x=1" rel="nofollow noopener">site</a>' in html
    assert '<a href="https://auto.example" rel="nofollow noopener">' in html
    assert 'href="mailto:info@example.nl"' in html
    assert 'href="/instrumenten/"' in html
    assert_safe_html(html)


def test_a_list_right_under_a_line_is_a_list():
    html = render_html("Twee punten:\n- een\n- twee\n\nEn:\n1. eerst\n2. dan\n3. klaar")
    assert html.count("<li>") == 5
    assert "<p>Twee punten:</p>" in html
    # A number that merely starts a line of text does not start a list.
    assert "<li>" not in render_html("In het jaar\n2024. was het druk")


def test_line_breaks_are_kept():
    assert render_html("regel een\nregel twee") == "<p>regel een<br>\nregel twee</p>"


def test_code_spans_show_html_as_text():
    html = render_html("Gebruik nooit `<script>` in een reactie")
    assert "<code>&lt;script&gt;</code>" in html


def test_headings_and_images_are_not_kept():
    assert structure(render_html("# Kop\n\n![x](https://example.nl/a.png)")) == [("p", {})]


def test_plain_text_keeps_link_addresses_for_mail():
    text = render_text("Zie [de handreiking](https://example.nl/h) en *dit*.\n\n- een\n- twee")
    assert "de handreiking <https://example.nl/h>" in text
    assert "- een\n- twee" in text
    assert "*" not in text and "<em>" not in text


def test_excerpt_is_short_and_flat():
    assert excerpt("**Een** lange\n\ntekst " * 40, 50).endswith("…")
    assert len(excerpt("woord " * 100, 50)) <= 50
    assert "\n" not in excerpt("a\n\nb\n- c")


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "too_short"), (" a ", "too_short"), ("x" * 3001, "too_long"),
     ("<script>x</script>", "nothing_readable"), ("<img src=x>", "nothing_readable")],
)
def test_clean_comment_text_messages(text, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        clean_comment_text(text)
    assert error.value.code == code


def test_clean_comment_text_keeps_what_was_typed():
    typed = "  Zie <https://example.nl> en **let op**  \r\n- punt  "
    assert clean_comment_text(typed) == "Zie <https://example.nl> en **let op**  \n- punt"
