"""Colleagues filling in one scan at once: a stale page never overwrites a newer answer.

Review finding 4: the form carries each answer's version and what it showed; only what
the person changed is written, and a change on top of a colleague's newer answer is
refused per question (409) with the colleague's value shown and the typed one kept.
"""

from html import unescape
from html.parser import HTMLParser

from django.urls import reverse

import pytest

from community.quickscan import services
from community.quickscan.models import Answer

pytestmark = pytest.mark.django_db


class _Form(HTMLParser):
    """The values a browser would post for the answers form (hidden, checked, textarea)."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") == "radio" and "checked" not in attrs:
                return
            self.data[attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def form_of(response):
    parser = _Form()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


@pytest.fixture
def scan(version, scan_member):
    return services.scan_start(user=scan_member, version=version)


def url(scan, theme):
    return reverse("quickscan:theme", args=[scan.public_id, theme.pk])


def test_a_stale_page_does_not_overwrite_a_colleagues_answer(client, scan, themes, scan_member,
                                                            colleague):
    theme = themes[0]
    q0, q1, q2, *_ = scan.version.questions.filter(theme=theme).order_by("step__sort_order")
    for question in (q0, q1, q2):
        services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3")

    # Iris and Bas open the page at the same time.
    client.force_login(scan_member)
    iris = form_of(client.get(url(scan, theme)))
    client.force_login(colleague)
    bas = form_of(client.get(url(scan, theme)))
    assert bas[f"vraag-{q0.pk}-niveau"] == "3"

    # Iris changes q0 and q2 and saves.
    iris[f"vraag-{q0.pk}-niveau"] = "4"
    iris[f"vraag-{q2.pk}-onderbouwing"] = "Audit 2025"
    client.force_login(scan_member)
    assert client.post(url(scan, theme), iris).status_code == 302

    # Bas, on his old page, changes q0 as well, and q1 that nobody else touched.
    bas[f"vraag-{q0.pk}-niveau"] = "2"
    bas[f"vraag-{q1.pk}-niveau"] = "5"
    client.force_login(colleague)
    response = client.post(url(scan, theme), bas)
    body = unescape(response.content.decode())
    assert response.status_code == 409
    # Iris's answers stand: q0 not overwritten, q2 (unchanged on Bas's page) not written back.
    first = Answer.objects.get(question=q0)
    assert (first.level, first.answered_by) == (4, scan_member)
    assert Answer.objects.get(question=q2).evidence == "Audit 2025"
    # Bas's other change is saved.
    assert (Answer.objects.get(question=q1).level,
            Answer.objects.get(question=q1).answered_by) == (5, colleague)
    # The page shows Iris's value beside q0 and keeps what Bas typed.
    assert "Iris" in body and "niveau 4" in body and f'id="vraag-{q0.pk}-conflict"' in body
    assert f'id="vraag-{q0.pk}-niveau-2" value="2" checked' in body
    assert f'id="vraag-{q1.pk}-niveau-5" value="5" checked' in body

    # Having seen Iris's answer, Bas saves again deliberately: now his value counts.
    again = form_of(response)
    assert client.post(url(scan, theme), again).status_code == 302
    assert Answer.objects.get(question=q0).level == 2
    assert Answer.objects.get(question=q2).evidence == "Audit 2025"


def test_an_untouched_field_is_never_written(client, scan, themes, scan_member, colleague):
    theme = themes[0]
    question = scan.version.questions.filter(theme=theme).first()
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3",
                         evidence="Eerste versie")
    client.force_login(colleague)
    page = form_of(client.get(url(scan, theme)))
    assert client.post(url(scan, theme), page).status_code == 302  # nothing changed
    answer = Answer.objects.get(question=question)
    assert answer.answered_by == scan_member and answer.evidence == "Eerste versie"


def test_a_level_can_be_cleared_back_to_unanswered(client, scan, themes, scan_member):
    theme = themes[0]
    question = scan.version.questions.filter(theme=theme).first()
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3",
                         evidence="Notitie")
    client.force_login(scan_member)
    page = form_of(client.get(url(scan, theme)))
    page[f"vraag-{question.pk}-niveau"] = "leeg"
    # With the note still there, clearing is refused: the note is never lost silently.
    response = client.post(url(scan, theme), page)
    assert response.status_code == 400 and "Haal ook die weg" in unescape(
        response.content.decode())
    assert Answer.objects.filter(question=question).exists()
    page[f"vraag-{question.pk}-onderbouwing"] = ""
    assert client.post(url(scan, theme), page).status_code == 302
    assert not Answer.objects.filter(question=question).exists()
    body = client.get(url(scan, theme)).content.decode()
    assert f'id="vraag-{question.pk}-niveau-leeg" value="leeg" checked' in body
    # And through the service.
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="2")
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="leeg")
    assert not Answer.objects.filter(question=question).exists()


def test_the_help_text_describes_the_level_radios(client, scan, themes, scan_member):
    question = scan.version.questions.filter(theme=themes[0]).first()
    client.force_login(scan_member)
    body = client.get(url(scan, themes[0])).content.decode()
    assert f'id="vraag-{question.pk}-hulp"' in body
    for value in ("1", "5", "nvt"):
        assert (f'id="vraag-{question.pk}-niveau-{value}" value="{value}"'
                f' aria-describedby="vraag-{question.pk}-hulp"') in body
