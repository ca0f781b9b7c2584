"""A member posts a comment under an instrument and replies to it, in a real browser."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories.people import PASSWORD

from .test_accessibility import violations_on
from .test_smoke import InlineCodeFinder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, member, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.locator("input[name=login]").fill(member.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")


def assert_no_inline_code(page):
    finder = InlineCodeFinder()
    finder.feed(page.content())
    assert not finder.found, finder.found


def test_member_posts_a_comment_and_replies_to_it(page, knowledge_base, member):
    instrument = knowledge_base["instrument"]
    log_in(page, member, instrument.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(instrument.title)

    discussion = page.get_by_role("region", name=re.compile("^Discussie"))
    expect(discussion.get_by_role("heading", level=2)).to_have_text("Discussie (0 reacties)")
    discussion.get_by_label("Je reactie").fill(
        "Wij gebruiken dit met **twee** aanvullingen:\n"
        "- een vaste contactpersoon\n- een jaarlijkse check"
    )
    discussion.get_by_role("button", name="Plaats reactie").click()

    expect(page).to_have_url(re.compile(r"#c\d+$"))
    expect(page.get_by_role("status")).to_contain_text("Je reactie is geplaatst")
    discussion = page.get_by_role("region", name=re.compile("^Discussie"))
    expect(discussion.get_by_role("heading", level=2)).to_have_text("Discussie (1 reactie)")
    comment = discussion.get_by_role("article").first
    expect(comment.locator("strong")).to_have_text("twee")
    expect(comment.get_by_role("listitem")).to_have_count(2)
    assert_no_inline_code(page)

    comment.get_by_role("link", name=re.compile("^Antwoord op")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Antwoord op")
    page.get_by_label("Je antwoord").fill("Goed idee, die jaarlijkse check nemen we over.")
    page.get_by_role("button", name="Plaats antwoord").click()

    discussion = page.get_by_role("region", name=re.compile("^Discussie"))
    expect(discussion.get_by_role("heading", level=2)).to_have_text("Discussie (2 reacties)")
    replies = discussion.locator(".comment__replies")
    expect(replies.get_by_role("article")).to_have_count(1)
    expect(replies).to_contain_text("die jaarlijkse check nemen we over")
    # The reply sits one heading level below the comment it answers.
    expect(replies.get_by_role("heading", level=4)).to_have_count(1)

    axe = Axe()
    assert violations_on(page, axe) == []
    comment = discussion.get_by_role("article").first
    expect(comment.get_by_role("link", name=re.compile("^Meld"))).to_have_count(0)  # own comment
    page.goto(comment.get_by_role("link", name=re.compile("^Antwoord op")).get_attribute("href"))
    assert violations_on(page, axe) == []
    assert_no_inline_code(page)


def test_bad_comment_is_explained_next_to_the_field(page, knowledge_base, member):
    instrument = knowledge_base["instrument"]
    log_in(page, member, instrument.url)
    discussion = page.get_by_role("region", name=re.compile("^Discussie"))
    discussion.get_by_label("Je reactie").fill("x")
    discussion.get_by_role("button", name="Plaats reactie").click()
    field = page.get_by_label("Je reactie")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_comment_error")).to_contain_text("minstens 2 tekens")
    expect(field).to_have_value("x")
    assert violations_on(page, Axe()) == []


def test_visitor_reads_and_is_asked_to_log_in(page, knowledge_base):
    page.goto(knowledge_base["instrument"].url)
    discussion = page.get_by_role("region", name=re.compile("^Discussie"))
    expect(discussion.get_by_role("link", name="Log in")).to_be_visible()
    expect(discussion.get_by_role("textbox")).to_have_count(0)
