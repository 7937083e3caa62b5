"""Reading on a phone (320x640 and 390x844): find your place, a readable header, nothing sideways, quizzes
that say right or wrong in words. Browser tests in Debian's Chromium; the fixtures come from test_browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from test_browser import PHONE, browser, phone, site_pages  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

SIZES = [(320, 640), (390, 844)]
STAGE = re.compile(r"^/(psychotic|affective)/[a-z-]+/(early-signs|crisis|early-recovery|rebuilding|living-well)/$")


def stage_pages(built_site) -> list[str]:
    return [p for p in site_pages(built_site) if STAGE.match(p)]


@pytest.mark.parametrize("width,height", SIZES)
def test_section_links_sit_in_the_first_two_screens_of_every_stage_page(built_site, server, phone, width, height):
    page = phone(viewport={"width": width, "height": height})
    pages = stage_pages(built_site)
    assert len(pages) == 19
    for address in pages:
        page.goto(server + address)
        links = page.locator("#on-this-page a")
        assert links.count() >= 8, address
        bottom = page.evaluate("Math.max(...[...document.querySelectorAll('#on-this-page a')]"
                               ".map(a => a.getBoundingClientRect().bottom + scrollY))")
        assert bottom <= 2 * height, f"{address}: the last section link ends at {bottom:.0f} px"


def test_each_section_link_scrolls_to_its_section_below_the_header(server, phone):
    page = phone(viewport={"width": 320, "height": 640})
    page.goto(server + "/psychotic/first-episode-psychosis/crisis/")
    header = page.locator(".md-header").bounding_box()["height"]
    for i in range(page.locator("#on-this-page a").count()):
        link = page.locator("#on-this-page a").nth(i)
        target = link.get_attribute("href").split("#")[1]
        link.tap()
        page.wait_for_function(f"location.hash === '#{target}'")
        page.wait_for_timeout(100)
        top = page.locator(f"[id='{target}']").bounding_box()["y"]
        assert header - 1 <= top <= header + 80, f"#{target} lands at {top:.0f} px under a {header:.0f} px header"
        page.locator("#on-this-page").scroll_into_view_if_needed()


def test_going_to_hospital_is_one_tap_from_the_top(server, phone):
    page = phone()
    page.goto(server + "/psychotic/first-episode-psychosis/crisis/")
    page.locator("#on-this-page").get_by_role("link", name="Going to hospital").tap()
    expect(page.locator("h2", has_text="hospital").first).to_be_in_viewport()


def test_back_link_returns_to_the_section_list(server, phone):
    page = phone()
    page.goto(server + "/psychotic/first-episode-psychosis/crisis/#what-to-avoid")
    expect(page.locator("#what-to-avoid")).to_be_in_viewport()  # the browser's own jump to the section is done
    back = page.locator(".ps-back-to-sections a").nth(3)
    back.scroll_into_view_if_needed()
    # Material 9.8's instant navigation saves the scroll position into the history entry 100 ms after a scroll
    # stops (integrations/instant: viewport$ debounceTime(100) then replaceState). A tap sooner than that gets
    # the old position written onto the new entry, and the page stays where it was. Readers rarely tap that
    # fast after a scroll; the test waits like a reader would.
    page.wait_for_timeout(300)
    back.click()
    expect(page.locator("#on-this-page")).to_be_in_viewport()


@pytest.mark.parametrize("width,height", SIZES)
def test_header_title_is_readable_beside_help(built_site, server, phone, width, height):
    page = phone(viewport={"width": width, "height": height})
    for address in ["/", "/psychotic/first-episode-psychosis/crisis/", "/skills/communicating/"]:
        page.goto(server + address)
        title = page.locator(".md-header__title").bounding_box()["width"]
        assert title >= 100, f"{address}: the header title is {title:.0f} px wide at {width} px"
        expect(page.locator(".ps-help-link")).to_be_visible()
        expect(page.locator(".ps-help-link")).to_have_accessible_name("Get help now")


def test_nothing_sticks_out_sideways_on_a_small_phone(built_site, server, phone, width=320, height=640):
    """At 390 px wide the every-page visit checks this (tests/test_every_page.py)."""
    page = phone(viewport={"width": width, "height": height}, device_scale_factor=1)
    wide = []
    for address in site_pages(built_site):
        page.goto(server + address)
        over = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if over > 0:
            wide.append(f"{address} (+{over} px)")
    assert not wide, "pages wider than the screen: " + ", ".join(wide)


def test_no_back_to_top_pill_over_text(server, phone):
    page = phone()
    page.goto(server + "/recovery/")
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -400)
    expect(page.locator(".md-top")).to_have_count(0)


# Quizzes that speak --------------------------------------------------------------------------------

def answer(quiz, right: bool) -> None:
    option = quiz.locator("input[data-correct]" if right else "input:not([data-correct])").first
    quiz.locator(f"label[for='{option.get_attribute('id')}']").tap()
    quiz.locator("button[type=submit]").tap()


def test_wrong_answer_is_said_in_words_in_a_live_region(server, phone):
    page = phone()
    page.goto(server + "/skills/communicating/")
    quiz = page.locator(".quiz").first
    answer(quiz, right=False)
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback.locator(".ps-quiz-verdict")).to_have_text("Not quite.")
    expect(quiz.locator(".quiz-reset-button")).to_be_visible()
    # The right answer is not given away on the first try: the reader can ask for it.
    expect(quiz.locator("input[data-correct]").locator("xpath=..")).not_to_have_class(re.compile("correct"))
    quiz.locator(".ps-quiz-show").tap()
    expect(feedback.locator(".ps-quiz-answer")).to_contain_text("The answer that helps most")


def test_second_wrong_try_reveals_the_right_answer_with_its_explanation(server, phone):
    page = phone()
    page.goto(server + "/skills/communicating/")
    quiz = page.locator(".quiz").nth(1)
    answer(quiz, right=False)
    quiz.locator(".quiz-reset-button").tap()
    answer(quiz, right=False)
    box = quiz.locator(".ps-quiz-answer")
    expect(box).to_be_visible()
    why = quiz.locator("input[data-correct] ~ .answer-feedback").first.inner_html()
    assert why.strip() and why.strip()[:40] in box.inner_html()


def test_right_answer_is_said_and_offers_no_try_again(server, phone):
    page = phone()
    page.goto(server + "/skills/communicating/")
    quiz = page.locator(".quiz").first
    answer(quiz, right=True)
    expect(quiz.locator(".ps-quiz-verdict")).to_have_text("That's right.")
    expect(quiz.locator(".quiz-reset-button")).to_be_hidden()


def test_chosen_answer_shows_in_full(server, phone):
    page = phone()
    page.goto(server + "/skills/communicating/")
    for i in range(page.locator(".quiz").count()):
        quiz = page.locator(".quiz").nth(i)
        longest = max(quiz.locator("label").all_inner_texts(), key=len)
        if len(longest) > 30:
            quiz.locator("label", has_text=longest).tap()
            quiz.locator("button[type=submit]").tap()
            expect(quiz.locator(".quiz-feedback-badge").first).to_have_text(longest.strip())
            return
    pytest.fail("no quiz answer longer than 30 characters on the page")


def test_quiz_voice_after_instant_navigation(server, phone):
    page = phone()
    page.goto(server + "/")
    page.evaluate("document$.subscribe(() => { window.__navigated = (window.__navigated || 0) + 1 })")
    page.locator(".md-content a[href$='skills/communicating/']").first.click()
    page.wait_for_function("window.__navigated >= 2")
    quiz = page.locator(".quiz").first
    answer(quiz, right=False)
    expect(quiz.locator(".ps-quiz-verdict")).to_have_text("Not quite.")
