"""Taking a scan: start it, fill it in with colleagues as drafts, submit it; bad input."""

import re
from html import unescape

from django.urls import reverse

import pytest

from community.quickscan import services
from community.quickscan.models import Answer, QuickscanVersion, Scan
from tests.factories.quickscan import QuestionFactory, QuickscanVersionFactory

pytestmark = pytest.mark.django_db


def theme_url(scan, theme):
    return reverse("quickscan:theme", args=[scan.public_id, theme.pk])


def level_post(questions, level="3", **extra):
    data = {f"vraag-{q.pk}-niveau": level for q in questions}
    data.update({f"vraag-{q.pk}-zekerheid": "redelijk" for q in questions})
    data.update(extra)
    return data


def start(client, user, version, target="3"):
    client.force_login(user)
    return client.post(reverse("quickscan:start"), {"version": version.pk, "target_level": target})


def test_a_member_starts_a_scan_colleagues_fill_it_in_and_one_submits(
    client, version, themes, institution, scan_member, colleague
):
    response = start(client, scan_member, version, target="4")
    scan = Scan.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{scan.public_id}/")
    assert (scan.institution, scan.target_level, scan.started_by) == (
        institution, 4, scan_member)

    social, knowledge = themes
    social_questions = list(version.questions.filter(theme=social))
    data = level_post(social_questions, "2")
    data[f"vraag-{social_questions[0].pk}-onderbouwing"] = "Zie het veiligheidsplan 2025."
    data[f"vraag-{social_questions[1].pk}-niveau"] = "nvt"
    response = client.post(theme_url(scan, social), data)
    assert response.status_code == 302
    assert scan.answers.count() == 5
    first = scan.answers.get(question=social_questions[0])
    assert (first.level, first.evidence, first.answered_by) == (2, "Zie het veiligheidsplan 2025.",
                                                                scan_member)
    assert scan.answers.get(question=social_questions[1]).not_applicable

    # A colleague changes one answer; the unchanged ones keep their author.
    client.force_login(colleague)
    page = client.get(theme_url(scan, social))
    assert 'value="2" checked' in page.content.decode()
    data[f"vraag-{social_questions[2].pk}-niveau"] = "4"
    client.post(theme_url(scan, social), data)
    assert scan.answers.get(question=social_questions[2]).answered_by == colleague
    assert scan.answers.get(question=social_questions[0]).answered_by == scan_member

    # Submitting with open questions is refused and says how many.
    response = client.post(reverse("quickscan:submit", args=[scan.public_id]))
    assert response.status_code == 400
    assert "5 open" in response.content.decode()
    client.post(theme_url(scan, knowledge), level_post(version.questions.filter(theme=knowledge)))
    response = client.post(reverse("quickscan:submit", args=[scan.public_id]))
    assert response.status_code == 302
    scan.refresh_from_db()
    assert scan.status == Scan.Status.SUBMITTED and scan.submitted_by == colleague
    assert scan.submitted_at is not None


def test_one_draft_per_institution(client, version, scan_member, colleague):
    start(client, scan_member, version)
    response = start(client, colleague, version)
    draft = Scan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("quickscan:scan", args=[draft.public_id])
    assert "Er loopt al een quickscan" in client.get(response["Location"]).content.decode()
    with pytest.raises(services.ValidationError) as error:
        services.scan_start(user=colleague, version=version)
    assert error.value.code == "draft_exists"
    assert Scan.objects.count() == 1


def test_a_draft_version_cannot_be_started(version, scan_member):
    draft = QuickscanVersionFactory(status="concept", published_at=None)
    with pytest.raises(services.ValidationError):
        services.scan_start(user=scan_member, version=draft)


@pytest.fixture
def scan(version, scan_member):
    return services.scan_start(user=scan_member, version=version)


def test_a_level_of_7_is_a_clear_error_and_nothing_is_lost(client, scan, themes, scan_member):
    social = themes[0]
    questions = list(scan.version.questions.filter(theme=social))
    data = level_post(questions, "3")
    data[f"vraag-{questions[0].pk}-niveau"] = "7"
    data[f"vraag-{questions[1].pk}-onderbouwing"] = "Notulen MT van 3 maart."
    client.force_login(scan_member)
    response = client.post(theme_url(scan, social), data)
    body = unescape(response.content.decode())
    assert response.status_code == 400
    assert "'7' is geen geldig niveau. Kies 1 tot en met 5" in body
    assert "Er is niets opgeslagen" in body
    # Everything typed is still there, including the other answers.
    assert "Notulen MT van 3 maart." in body
    assert f'id="vraag-{questions[2].pk}-niveau-3" value="3" checked' in body
    assert not Answer.objects.exists()


def test_a_foreign_question_id_is_refused(client, scan, themes, scan_member, steps):
    foreign = QuestionFactory(theme=themes[0], step=steps[0])  # in another version
    client.force_login(scan_member)
    data = level_post(scan.version.questions.filter(theme=themes[0]))
    data[f"vraag-{foreign.pk}-niveau"] = "3"
    response = client.post(theme_url(scan, themes[0]), data)
    assert response.status_code == 400
    assert f"niet in deze quickscan staat (vraag {foreign.pk})" in response.content.decode()
    assert not Answer.objects.exists()
    response = client.post(theme_url(scan, themes[0]), {"vraag-abc-niveau": "3"})
    assert response.status_code == 400 and not Answer.objects.exists()
    with pytest.raises(services.ValidationError) as error:
        services.answer_save(user=scan_member, scan=scan, question_id=foreign.pk, level="3")
    assert error.value.code == "foreign_question"


def test_evidence_without_level_and_bad_confidence_are_errors(scan, scan_member):
    question = scan.version.questions.first()
    with pytest.raises(services.ValidationError) as error:
        services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="",
                             evidence="Alleen een notitie")
    assert "Kies een niveau" in str(error.value)
    with pytest.raises(services.ValidationError):
        services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3",
                             confidence="heel-zeker")
    with pytest.raises(services.ValidationError):
        services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="0")
    assert not Answer.objects.exists()


def test_a_submitted_scan_cannot_be_edited(client, scan, themes, scan_member):
    for question in scan.version.questions.all():
        services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3")
    services.scan_submit(user=scan_member, scan=scan)
    social = themes[0]
    questions = list(scan.version.questions.filter(theme=social))

    client.force_login(scan_member)
    response = client.post(theme_url(scan, social), level_post(questions, "5"))
    assert response.status_code == 409
    assert "al ingediend en kan niet meer worden gewijzigd" in response.content.decode()
    assert set(scan.answers.values_list("level", flat=True)) == {3}
    page = client.get(theme_url(scan, social)).content.decode()
    assert "disabled" in page and "Opslaan als concept" not in page

    with pytest.raises(services.ValidationError) as error:
        services.answer_save(user=scan_member, scan=scan, question_id=questions[0].pk, level="1")
    assert error.value.code == "submitted"
    for call in (
        lambda: services.scan_submit(user=scan_member, scan=scan),
        lambda: services.scan_target_set(user=scan_member, scan=scan, target_level=4),
        lambda: services.scan_discard(user=scan_member, scan=scan),
    ):
        with pytest.raises(services.ValidationError):
            call()
    assert client.post(reverse("quickscan:submit", args=[scan.public_id])).status_code == 409


def test_target_level_can_be_set_on_a_draft_and_bad_values_are_refused(client, scan, scan_member):
    client.force_login(scan_member)
    url = reverse("quickscan:target", args=[scan.public_id])
    assert client.post(url, {"target_level": "4"}).status_code == 302
    scan.refresh_from_db()
    assert scan.target_level == 4
    response = client.post(url, {"target_level": "9"})
    assert response.status_code == 400
    assert "Kies een streefniveau van 1 tot en met 5." in response.content.decode()
    scan.refresh_from_db()
    assert scan.target_level == 4


def test_the_answer_page_has_a_fieldset_and_legend_per_question(client, scan, themes, scan_member):
    client.force_login(scan_member)
    body = client.get(theme_url(scan, themes[0])).content.decode()
    question = scan.version.questions.filter(theme=themes[0]).first()
    assert f'<fieldset class="qs-question" id="vraag-{question.pk}">' in body
    assert f'<legend class="qs-question__text">{question.text}</legend>' in body
    assert f'<label for="vraag-{question.pk}-niveau-1">' in body
    assert "1 · Initieel" in body and "Niet van toepassing" in body
    assert body.count("<legend>Hoe zeker ben je?</legend>") == 5


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_in_the_note_are_an_error_not_a_500(client, scan, themes, scan_member,
                                                              character):
    """Review finding 5: PostgreSQL refuses NUL in text; the member gets a clear message."""
    questions = list(scan.version.questions.filter(theme=themes[0]))
    data = level_post(questions, "3")
    data[f"vraag-{questions[0].pk}-onderbouwing"] = f"Zie bijlage{character}A"
    client.force_login(scan_member)
    response = client.post(theme_url(scan, themes[0]), data)
    assert response.status_code == 400
    assert "onzichtbare stuurtekens" in unescape(response.content.decode())
    assert not Answer.objects.exists()
    with pytest.raises(services.ValidationError) as error:
        services.answer_save(user=scan_member, scan=scan, question_id=questions[0].pk,
                             level="3", evidence=f"a{character}b")
    assert str(questions[0].pk) in error.value.message_dict


def test_newlines_and_tabs_in_the_note_are_kept(scan, scan_member):
    question = scan.version.questions.first()
    services.answer_save(user=scan_member, scan=scan, question_id=question.pk, level="3",
                         evidence="Regel 1\r\n\tRegel 2")
    assert Answer.objects.get().evidence == "Regel 1\n\tRegel 2"


@pytest.mark.parametrize(("small", "suggested"), [(True, "short"), (False, "full")])
def test_the_start_form_offers_both_versions_and_suggests_one_by_size(
    client, version, themes, steps, institution, scan_member, small, suggested
):
    """A small hogeschool gets the short version checked by default, a large one the full."""
    from tests.factories.quickscan import version_with_grid

    short = version_with_grid(themes[:1], steps[:2], title="Quickscan kort 2026",
                              kind=QuickscanVersion.Kind.SHORT)
    institution.is_small = small
    institution.save()
    client.force_login(scan_member)
    body = client.get(reverse("quickscan:index")).content.decode()
    radios = dict(re.findall(r'<input type="radio" name="version" value="(\d+)"([^>]*)>', body))
    assert set(radios) == {str(version.pk), str(short.pk)}  # both versions are choices
    expected = short if suggested == "short" else version
    checked = [pk for pk, attrs in radios.items() if "checked" in attrs]
    assert checked == [str(expected.pk)]
