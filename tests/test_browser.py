"""Browser tests at phone size (390x844) in Debian's Chromium, driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

from conftest import ARGS, CHROMIUM, PHONE  # noqa: F401 (re-exported for other test modules)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DOCS = Path(__file__).parent.parent / "docs"
SCENARIOS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DOCS / "scenarios").glob("*.yml"))}

# The browser and phone fixtures live in conftest.py, so every test module shares one Chromium: a fixture
# imported into a second module is a second session fixture there, and a second Playwright in one process
# fails ("Sync API inside the asyncio loop"). These names stay importable for modules that import them
# from here; they are not fixtures, so pytest gives those modules the conftest ones.
browser = phone = None


def site_pages(built_site: Path) -> list[str]:
    pages = []
    for p in sorted(built_site.glob("**/index.html")):
        rel = p.parent.relative_to(built_site).as_posix()
        if rel.startswith(("assets", "search")) or 'http-equiv="refresh"' in p.read_text(encoding="utf-8"):
            continue
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


def scenario_pages(built_site: Path) -> dict[str, str]:
    """Scenario id -> address of the page that embeds it."""
    found = {}
    for address in site_pages(built_site):
        html = (built_site / address.strip("/") / "index.html").read_text(encoding="utf-8")
        for sid in re.findall(r'data-scenario="([a-z0-9-]+)"', html):
            found.setdefault(sid, address)
    return found


# Let running CSS transitions end first (Material cross-fades the header's title after a scroll; axe measured
# its text half faded and reported a contrast failure no reader sees). Waits two frames, so a transition a
# scroll has just started is counted, then for every finite animation, at most 3 seconds.
SETTLE = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const running = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity);
  Promise.race([Promise.all(running.map(a => a.finished.catch(() => null))), new Promise(r => setTimeout(r, 3000))])
    .then(() => requestAnimationFrame(() => done(running.length)));
})))"""


def settle(page: Page) -> int:
    """Wait until no transition is running; returns how many were waited for."""
    return page.evaluate(SETTLE)


AXE_RUN = """options => axe.run(document, options).then(r => r.violations.map(v =>
  `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map(n => n.target))}`))"""


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.0-2.2 A and AA rules on the page as it is now: one line per violation. axe is injected
    once per document (it stays for a second run, say after switching the colour scheme)."""
    from axe_playwright_python.sync_playwright import Axe
    settle(page)
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(Axe().axe_script)
    return page.evaluate(AXE_RUN, {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_in_reader_states(server, phone, scheme):
    """axe after answering a quiz, mid-scenario, with the menu open and with search open."""
    page = phone(color_scheme=scheme)
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    quiz = page.locator(".quiz").first
    quiz.locator("label").nth(0).click()
    quiz.locator("button[type=submit], .quiz-submit, button:has-text('Submit')").first.click()
    quiz.locator("label").nth(1).click()
    assert axe_violations(page) == [], "after answering a quiz"

    page.goto(server + "/psychotic/first-episode-psychosis/early-signs/", wait_until="networkidle")
    page.locator(".ps-scenario__node:not([hidden]) a[data-choice]").first.click()
    page.wait_for_timeout(600)  # let the header's title cross-fade finish
    assert axe_violations(page) == [], "mid-scenario"

    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)
    assert axe_violations(page) == [], "menu open"

    page.goto(server + "/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("voices", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert axe_violations(page) == [], "search open"


# Crisis page --------------------------------------------------------------------------------------

@pytest.mark.parametrize("zone,country", [("Europe/London", "uk"), ("America/Chicago", "us"), ("America/Toronto", "ca"),
                                          ("Australia/Sydney", "au"), ("Pacific/Auckland", "nz"),
                                          ("Europe/Dublin", "ie"), ("Asia/Tokyo", "other")])
def test_crisis_page_opens_on_the_country_of_the_time_zone(server, phone, zone, country):
    page = phone(timezone_id=zone, locale="en")
    page.goto(server + "/crisis/", wait_until="networkidle")
    expect(page.locator(f'.ps-country[data-country="{country}"]')).to_be_visible()
    assert page.locator(".ps-country:visible").count() == 1
    expect(page.locator("#ps-country")).to_have_value(country)


def test_crisis_page_has_tel_and_sms_links_and_checked_date(server, phone):
    page = phone(timezone_id="America/New_York")
    page.goto(server + "/crisis/", wait_until="networkidle")
    us = page.locator('.ps-country[data-country="us"]')
    expect(us.locator('a[href="tel:988"]')).to_be_visible()
    expect(us.locator('a[href="sms:988"]')).to_be_visible()
    expect(us.locator('a[href^="sms:741741"]')).to_be_visible()
    expect(page.get_by_text("These numbers were last checked on")).to_be_visible()


def test_crisis_country_choice_is_kept(server, phone):
    page = phone(timezone_id="Europe/London")
    page.goto(server + "/crisis/", wait_until="networkidle")
    page.locator("#ps-country").select_option("nz")
    expect(page.locator('.ps-country[data-country="nz"]')).to_be_visible()
    page.reload(wait_until="networkidle")
    expect(page.locator("#ps-country")).to_have_value("nz")
    expect(page.locator('.ps-country[data-country="nz"]')).to_be_visible()
    expect(page.locator('.ps-country[data-country="uk"]')).to_be_hidden()


def crisis_tab_sets(page: Page):
    """The "Whom to call" tab sets on a page (each tab's first paragraph names its country)."""
    return page.locator(".tabbed-set:has([data-ps-country])")


def assert_every_number_is_a_link(page: Page) -> None:
    """In every "Whom to call" tab, each number in the text is one that a tel: or sms: link there dials."""
    problems = page.evaluate("""() => {
      const out = [];
      document.querySelectorAll(".tabbed-set:has([data-ps-country]) .tabbed-block").forEach(block => {
        const dialled = new Set([...block.querySelectorAll("a[href]")]
          .map(a => a.getAttribute("href")).filter(h => /^(tel|sms):/.test(h))
          .map(h => h.split("?")[0].replace(/[^0-9+]/g, "")));
        if (!dialled.size) out.push("no tel:/sms: link in a tab");
        const copy = block.cloneNode(true);
        copy.querySelectorAll("a").forEach(a => a.remove());
        (copy.textContent.match(/\\d[\\d -]*\\d/g) || []).forEach(n => {
          const digits = n.replace(/[^0-9]/g, "");
          if (digits.length >= 3 && !dialled.has(digits)) out.push("plain number: " + n);
        });
      });
      return out;
    }""")
    assert problems == [], problems


def test_whom_to_call_opens_on_the_country_chosen_on_the_crisis_page(server, phone):
    """Choose Ireland on /crisis/ (the device says the US); stage pages then open their "Whom to call" block on
    Ireland, on a fresh load and after instant navigation, and every number there is a tel: or sms: link."""
    page = phone(timezone_id="America/Chicago", locale="en-US")
    page.goto(server + "/crisis/", wait_until="networkidle")
    page.locator("#ps-country").select_option("ie")

    page.goto(server + "/psychotic/first-episode-psychosis/crisis/", wait_until="networkidle")
    sets = crisis_tab_sets(page)
    assert sets.count() == 1
    ireland = sets.first.locator("label", has_text="Ireland")
    expect(page.locator("#" + ireland.get_attribute("for"))).to_be_checked()
    expect(sets.first.locator('[data-ps-country="ie"]')).to_be_visible()
    expect(sets.first.locator('[data-ps-country="us"]')).to_be_hidden()
    expect(sets.first.locator('a[href="tel:1800247247"]')).to_be_visible()
    expect(sets.first.locator('a[href="sms:50808"]')).to_be_visible()
    assert_every_number_is_a_link(page)

    # instant navigation: the script arrives with the page and still opens Ireland
    page.goto(server + "/crisis/", wait_until="networkidle")
    page.evaluate("window.psSamePage = true")
    page.locator("article a[href*='skills/crisis-and-safety/']").first.click()
    page.wait_for_url("**/skills/crisis-and-safety/**")
    assert page.evaluate("window.psSamePage === true"), "expected Material's instant navigation"
    expect(crisis_tab_sets(page).first.locator('[data-ps-country="ie"]')).to_be_visible()
    assert_every_number_is_a_link(page)

    # tapping another country's tab makes it the reader's country on the next page
    crisis_tab_sets(page).first.locator("label", has_text="New Zealand").click()
    assert page.evaluate("localStorage.getItem('ps-crisis-country')") == "nz"
    page.goto(server + "/affective/bipolar/crisis/", wait_until="networkidle")
    expect(crisis_tab_sets(page).first.locator('[data-ps-country="nz"]')).to_be_visible()
    assert_every_number_is_a_link(page)


def test_whom_to_call_opens_on_the_country_of_the_time_zone(server, phone):
    page = phone(timezone_id="Europe/London", locale="en-GB")
    page.goto(server + "/affective/depression/crisis/", wait_until="networkidle")
    expect(crisis_tab_sets(page).first.locator('[data-ps-country="uk"]')).to_be_visible()
    expect(crisis_tab_sets(page).first.locator('a[href="tel:08088088000"]')).to_be_visible()


def test_crisis_page_without_javascript_shows_every_country(browser, server):
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "/crisis/")
    assert page.locator(".ps-country:visible").count() == 7
    ctx.close()


# Quizzes ------------------------------------------------------------------------------------------

def test_quiz_by_keyboard_browses_without_submitting(server, phone):
    """Arrow keys move between options without submitting (auto_submit off); Enter on Submit shows feedback."""
    page = phone()
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    quiz = page.locator(".quiz").first
    first = quiz.locator("input").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(quiz.locator(".answer-feedback:visible")).to_have_count(0)
    expect(quiz.locator("input").nth(1)).to_be_checked()
    submit = quiz.locator("button[type=submit]").first
    submit.focus()
    page.keyboard.press("Enter")
    expect(quiz.locator(".answer-feedback:visible, .quiz-feedback:visible").first).to_be_visible()


def test_quiz_by_tap_shows_feedback_and_allows_retry(server, phone):
    page = phone()
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    quiz = page.locator(".quiz").nth(1)
    quiz.locator("label").first.tap()
    quiz.locator("button[type=submit]").first.tap()
    expect(quiz.locator(".answer-feedback:visible, .quiz-feedback:visible").first).to_be_visible()
    retry = quiz.locator("button", has_text=re.compile("try again", re.I))
    expect(retry).to_be_visible()
    retry.tap()
    expect(quiz.locator("input").first).to_be_enabled()


def test_clear_control_empties_storage(server, phone):
    """Quiz answers and the country choice are stored, and the About page's control removes them all."""
    page = phone(timezone_id="Europe/London")
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    quiz = page.locator(".quiz").first
    quiz.locator("label").first.tap()
    quiz.locator("button[type=submit]").first.tap()
    page.goto(server + "/crisis/", wait_until="networkidle")
    page.locator("#ps-country").select_option("au")
    page.goto(server + "/about/", wait_until="networkidle")
    keys = page.evaluate("Object.keys(localStorage)")
    assert any(k.startswith("quiz_progress_") for k in keys) and "ps-crisis-country" in keys
    about = page.locator("#privacy").locator("xpath=..").inner_text()
    for key in keys:  # every stored key is named in the privacy statement
        named = key if key.startswith("ps-") else ("quiz_progress_" if key.startswith("quiz_") else key.split(".")[-1])
        assert named in about or named in page.content(), key
    page.locator("html[data-ps-offline=saved]").wait_for(state="attached", timeout=60000)
    assert page.evaluate("caches.keys()"), "the offline helper saved pages"
    page.get_by_role("button", name="Clear everything this site stored on this device").tap()
    expect(page.locator("#ps-clear-status")).to_contain_text("Done")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("caches.keys()") == []
    # The page is still under the offline helper until it is left: its next request must not bring a cache back.
    page.evaluate("fetch(location.href).then(r => r.text())")
    assert page.evaluate("caches.keys()") == []
    assert page.context.cookies() == []


# Offline: tests/test_offline_perf.py (every page offline after one visit, Data Saver, updates, kill switch).


# Search -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query,expected", [
    ("validation", "Communicating"),
    ("hearing voices", "Communicating"),
    ("carer's assessment", "Looking after yourself"),
    ("stays in bed", "depression"),
    ("won't take his meds", "first episode"),
    ("lazy", "schizophrenia"),
    ("paranoid", "psychosis"),
])
def test_search_finds_pages_from_lay_words(server, phone, query, expected):
    """Site search (offline, in the browser) finds the right page from the words relatives type."""
    page = phone()
    page.goto(server + "/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    # The first five pages, each with its matching sections' headings ("When mood is low: depression").
    titles = page.locator(".md-search-result__item").evaluate_all(
        "items => items.slice(0, 5).map(i => [...i.querySelectorAll('h1, h2')].map(h => h.textContent).join(' | '))")
    assert any(expected.lower() in t.lower() for t in titles), (query, titles)


# Scenarios ----------------------------------------------------------------------------------------

def play(page: Page, sid: str, pick: str) -> str:
    """Play one scenario by tapping, always the first or the last choice; return the ending reached."""
    root = page.locator(f'[data-scenario="{sid}"]')
    begin = root.locator(".ps-scenario__begin")
    if begin.count() and begin.is_visible():
        begin.tap()
    for _ in range(30):
        node = root.locator(".ps-scenario__node:not([hidden])")
        expect(node).to_have_count(1)
        ending = node.get_attribute("data-ending")
        if ending:
            expect(node.locator(".ps-scenario__debrief")).to_be_visible()
            expect(node.locator(".ps-scenario__restart")).to_be_visible()
            if SCENARIOS[sid].get("crisis"):
                expect(node.locator(".ps-scenario__crisis a")).to_be_visible()
            return ending
        before = node.get_attribute("id")
        choices = node.locator("a[data-choice]")
        (choices.first if pick == "first" else choices.last).tap()
        expect(root.locator(".ps-scenario__node:not([hidden])")).not_to_have_id(before)
    raise AssertionError(f"{sid}: no ending after 30 steps")


@pytest.mark.parametrize("pick", ["first", "last"])
def test_every_scenario_plays_to_an_ending_by_tapping(built_site, server, phone, pick):
    pages = scenario_pages(built_site)
    assert set(pages) == set(SCENARIOS), "every scenario is embedded"
    page = phone()
    for sid, address in pages.items():
        page.goto(server + address)
        expect(page.locator(f'[data-scenario="{sid}"]')).to_have_attribute("data-ps-ready", "1")  # scenario.js ran
        assert play(page, sid, pick) in ("supportive", "mixed", "difficult")


def test_scenario_works_after_instant_navigation(server, phone):
    """Arriving by Material's instant navigation (no full page load), the scenario still plays."""
    page = phone()
    page.goto(server + "/groups/", wait_until="networkidle")
    page.evaluate("window.__marker = 'same document'")
    page.locator('article a[href$="skills/looking-after-yourself/"]').first.click()
    page.wait_for_url(re.compile(r".*/skills/looking-after-yourself/(#.*)?$"))
    assert page.evaluate("window.__marker") == "same document", "instant navigation did not handle the link"
    root = page.locator('[data-scenario="any-carer-snapped"]')
    expect(root).to_have_attribute("data-ps-ready", "1")
    start = root.locator(".ps-scenario__node:not([hidden])")
    before = start.get_attribute("id")
    start.locator("a[data-choice]").first.tap()
    expect(root.locator(".ps-scenario__node:not([hidden])")).not_to_have_id(before)


def test_scenario_keyboard_only(server, phone):
    """Enter follows a choice, focus moves to the new step, Tab reaches its choices, and start again works."""
    page = phone()
    page.goto(server + "/skills/looking-after-yourself/", wait_until="networkidle")
    root = page.locator('[data-scenario="any-carer-snapped"]')
    root.locator(".ps-scenario__node:not([hidden]) a[data-choice]").first.focus()
    for _ in range(30):
        page.keyboard.press("Enter")
        current = root.locator(".ps-scenario__node:not([hidden])")
        assert page.evaluate("document.activeElement.classList.contains('ps-scenario__node')")
        assert page.evaluate("document.activeElement.id") == current.get_attribute("id")
        if current.get_attribute("data-ending"):
            break
        page.keyboard.press("Tab")
        while not page.evaluate("document.activeElement.hasAttribute('data-choice')"):
            page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.hasAttribute('data-restart')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(root.locator(".ps-scenario__node:not([hidden])")).to_have_id("any-carer-snapped--" + SCENARIOS["any-carer-snapped"]["start"])


def test_scenario_feedback_and_back_button(server, phone):
    page = phone()
    page.goto(server + "/skills/services-and-rights/", wait_until="networkidle")
    sid = "any-confidentiality"
    root = page.locator(f'[data-scenario="{sid}"]')
    start = root.locator(".ps-scenario__node:not([hidden])")
    start_id = start.get_attribute("id")
    choice = start.locator("a[data-choice][data-feedback]").first
    feedback = choice.get_attribute("data-feedback")
    choice.tap()
    current = root.locator(".ps-scenario__node:not([hidden])")
    expect(current.locator(".ps-scenario__feedback")).to_contain_text(feedback)
    page.go_back()
    expect(root.locator(".ps-scenario__node:not([hidden])")).to_have_id(start_id)


def test_scenario_without_javascript_is_a_gamebook(built_site, browser, server):
    """With JavaScript off, every choice link leads to its node."""
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    page = ctx.new_page()
    for sid, address in scenario_pages(built_site).items():
        page.goto(server + address)
        links = page.locator(f'[data-scenario="{sid}"] a[data-choice]')
        targets = sorted(set(links.evaluate_all("els => els.map(e => e.getAttribute('href'))")))
        for href in targets:
            page.goto(server + address + href)
            expect(page.locator(href)).to_be_visible()
    ctx.close()


def test_scenario_prints_every_node(server, phone):
    """Printing shows the whole scenario as a gamebook: every node's text is in the PDF."""
    from pypdf import PdfReader
    page = phone()
    page.goto(server + "/skills/looking-after-yourself/", wait_until="networkidle")
    page.emulate_media(media="print")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages)
    text = " ".join(text.split())
    for name, node in SCENARIOS["any-carer-snapped"]["nodes"].items():
        words = " ".join(str(node["text"]).split()[:4]).strip('"“')
        assert words.replace("*", "") in text, (name, words)


# Group course (issue 11) --------------------------------------------------------------------------

GROUP_PLANS = sorted((DOCS / "groups").glob("session-*.md"), key=lambda p: int(p.stem.split("-")[1]))


def plan_titles() -> list[str]:
    return [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["title"] for p in GROUP_PLANS]


def test_packet_prints_every_session_on_its_own_page(server, phone, tmp_path):
    """Printed to PDF in Chromium and read back with pdftotext: each session title tops a page, the crisis
    numbers are all there, and the header, navigation, search, footer and print button are not."""
    import shutil
    import subprocess
    assert shutil.which("pdftotext"), "poppler-utils is missing: tests/run.sh installs it"
    page = phone()
    page.goto(server + "/groups/packet/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".ps-help-link", "[data-ps-print]"):
        shown = page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")
        assert shown == 0, f"{selector} shows in print"
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(p.split()) for p in text.split("\f") if p.strip()]
    titles = plan_titles()
    assert len(titles) == 8
    for title in titles:
        tops = [i for i, p in enumerate(pages) if p.startswith(title)]
        assert tops, f"'{title}' does not start a printed page"
    everything = " ".join(pages)
    crisis = (DOCS / "crisis.md").read_text(encoding="utf-8")
    for number in set(re.findall(r'data-number="([^"]+)"', crisis)):
        assert number in everything, number
    assert len(pages) >= 8 + 8 + 2  # plans, take-home sheets, cover and crisis numbers, at least


def test_packet_print_button_prints_after_instant_navigation(server, phone):
    """The button appears with JavaScript and calls the browser's print, also when the packet was reached by
    Material's instant navigation (print.js runs again from inside the swapped content)."""
    page = phone()
    page.goto(server + "/groups/", wait_until="networkidle")
    page.evaluate("window.__marker = 'same document'")
    page.locator('article a[href$="groups/packet/"], article a[href="packet/"]').first.click()
    page.wait_for_url(re.compile(r".*/groups/packet/(#.*)?$"))
    assert page.evaluate("window.__marker") == "same document", "instant navigation did not handle the link"
    button = page.get_by_role("button", name="Print the packet")
    expect(button).to_be_visible()
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    assert page.evaluate("window.__printed") == 1
    page.goto(server + "/groups/packet/", wait_until="networkidle")  # a full load works too
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print the packet").click()
    assert page.evaluate("window.__printed") == 1


def test_packet_on_screen_shows_contents_not_the_printed_course(server, phone):
    """The printed course (67 pages) is for paper: on a phone the packet page is its contents and a button."""
    page = phone()
    page.goto(server + "/groups/packet/", wait_until="networkidle")
    expect(page.locator(".ps-packet")).to_be_hidden()
    assert page.evaluate("document.body.scrollHeight") < 20000
    page.emulate_media(media="print")
    expect(page.locator(".ps-packet")).to_be_visible()


LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });"""


JUMPERS = {  # page -> the deferred scripts that show something on it, and what they show
    "/psychotic/first-episode-psychosis/early-recovery/": (["copy-link", "text-size"], ["[data-ps-copy-wrap]", "[data-ps-tools]"]),
    "/skills/services-and-rights/": (["copy-link", "text-size"], ["[data-ps-copy-wrap]", "[data-ps-tools]"]),
}


@pytest.mark.parametrize("address", sorted(JUMPERS))
def test_page_does_not_jump_when_its_scripts_arrive(server, phone, address):
    """Listen, text size and the copy-link buttons appear from deferred scripts; their places are kept from the
    first paint (site.css "Keep their place", html.ps-js), so the first screen does not move when they arrive
    (cumulative layout shift under 0.01; Google's "good" is under 0.1, and this jump alone was 0.06)."""
    scripts, shown = JUMPERS[address]
    # A first load in a fresh browser reported no shifts at all, so the measured load is the second. Service
    # workers are blocked: requests they answer would pass the held routes by.
    warm = phone(service_workers="block")
    warm.goto(server + address, wait_until="networkidle")
    page = warm.context.new_page()
    page.add_init_script(script=LAYOUT_SHIFT)
    held = []  # on loopback the scripts beat the first paint; on a phone they come after it, so hold them
    # Our scripts are served joined (hooks/join_scripts.py): hold every file whose name lists one of them.
    page.route(re.compile(r"/assets/javascripts/[a-z_-]*(%s)[a-z_-]*\.[0-9a-f]{10}\.js$" % "|".join(scripts)),
               lambda route: held.append(route))
    page.goto(server + address, wait_until="commit")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")  # painted
    page.wait_for_timeout(100)
    asked = lambda: all(any(name in r.request.url for r in held) for name in scripts)  # noqa: E731
    for _ in range(100):
        if asked():
            break
        page.wait_for_timeout(50)
    assert asked(), f"{address} did not ask for {scripts}"
    for route in held:
        route.continue_()
    for selector in shown:
        expect(page.locator(selector).first).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01


def test_packet_without_javascript_says_how_to_print(browser, server):
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "/groups/packet/")
    expect(page.get_by_text("use your browser's Print command")).to_be_visible()
    expect(page.locator("[data-ps-print]")).to_be_hidden()
    expect(page.locator("article").get_by_role("link", name=plan_titles()[0])).to_be_visible()
    ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("address", ["/groups/", "/groups/session-5/", "/groups/packet/"])
def test_axe_on_group_pages(server, phone, scheme, address):
    """The hub, a session plan (with its content note and story map) and the packet, at 390x844."""
    page = phone(color_scheme=scheme)
    page.goto(server + address, wait_until="networkidle")
    assert axe_violations(page) == [], address
    maps = page.locator("details.ps-scenario-map > summary:visible")
    if maps.count():
        maps.first.click()
        assert axe_violations(page) == [], f"{address}: story map open"
