"""Find your path (/start/), progress (/progress/), Listen and text size, and the privacy of all of it (issue 12).

The browser tests run at phone size in Debian's Chromium. Every browser test also checks that nothing was
requested from any other host.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import Page, expect

import paths
import vocabulary as V
from conftest import FIXTURES, ROOT, run_build
from test_browser import PHONE, axe_violations, browser, phone, play, site_pages  # noqa: F401 (fixtures)

DOCS = ROOT / "docs"
PATHS = yaml.safe_load((DOCS / "paths.yml").read_text(encoding="utf-8"))
JS = sorted((DOCS / "assets" / "javascripts").glob("*.js"))
PROGRESS_KEYS = ("ps-path", "ps-progress", "ps-scenario-endings")


def address(page: str) -> str:
    """A docs path (with an optional #section) as a site address: skills/x.md#y -> /skills/x/#y."""
    src, _, anchor = page.partition("#")
    path = "/" + re.sub(r"(index)?\.md$", "", src)
    path = path if path.endswith("/") else path + "/"
    return path + (f"#{anchor}" if anchor else "")


def watch(page: Page, server: str) -> list[str]:
    """Every request the page's context makes (service worker included); checked by no_other_host."""
    seen: list[str] = []
    page.context.on("request", lambda r: seen.append(r.url))
    return seen


def no_other_host(seen: list[str], server: str) -> None:
    local = urlparse(server).netloc
    outside = sorted({u for u in seen if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != local})
    assert outside == [], outside


def stored(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


# The paths table (hooks/paths.py) ---------------------------------------------------------------

def pages_in_docs() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}


def test_site_paths_table_passes_its_checks():
    assert paths.check(PATHS, "docs/paths.yml", pages_in_docs()) == []


def test_every_situation_starts_on_its_stage_page_and_ends_with_its_story():
    """Stage page first (schizophrenia's early signs on the first-episode page), crisis help where the stage
    calls for it, the practice story last; 'not sure yet' leads to recovery.md and the early-signs pages."""
    for condition in V.STAGE_CELLS:
        for stage in V.STAGES:
            items = paths.expand(PATHS, condition, stage)
            cell = V.EARLY_SIGNS_ON.get(condition, condition) if stage not in V.STAGE_CELLS[condition] else condition
            track = "psychotic" if cell in V.PAIRS["psychotic"] else "affective"
            assert items[0].page == f"{track}/{cell}/{stage}.md", (condition, stage)
            assert items[-1].page == f"{track}/{cell}/{stage}.md#practise"
            assert ("crisis.md" in [i.page for i in items]) == (stage == "crisis"), (condition, stage)
            assert 4 <= len(items) <= 6
    unsure = paths.expand(PATHS, "any", "early-signs")
    assert {"recovery.md", "psychotic/first-episode-psychosis/early-signs.md", "affective/bipolar/early-signs.md",
            "affective/depression/early-signs.md"} <= {i.src for i in unsure}
    for stage in V.STAGES:
        assert any(i.src == "recovery.md" for i in paths.expand(PATHS, "any", stage))


def test_paths_fixture_good_has_no_problems():
    data = yaml.safe_load((FIXTURES / "paths" / "good.yml").read_text(encoding="utf-8"))
    assert paths.check(data, "good.yml", pages_in_docs()) == []


def test_paths_fixture_naming_a_missing_page_fails_with_cell_and_hint():
    data = yaml.safe_load((FIXTURES / "paths" / "missing-page.yml").read_text(encoding="utf-8"))
    found = [str(p) for p in paths.check(data, "docs/paths.yml", pages_in_docs())]
    assert found == ["docs/paths.yml: paths: depression/rebuilding: page 'skills/comunicating.md' does not exist "
                     "(hint: did you mean 'skills/communicating.md'? (paths are relative to docs/))"]


def test_paths_check_names_unknown_vocabulary_and_missing_cells():
    data = yaml.safe_load((FIXTURES / "paths" / "good.yml").read_text(encoding="utf-8"))
    data["paths"]["bipolar"] = {k: v for k, v in data["paths"]["bipolar"].items() if k != "living-well"}
    data["stages"]["rebuliding"] = data["stages"].pop("rebuilding")
    found = "\n".join(map(str, paths.check(data, "p.yml", pages_in_docs())))
    assert "paths: bipolar/living-well is missing or empty" in found
    assert "stages: 'rebuliding' is not in the vocabulary (hint: did you mean 'rebuilding'?)" in found


def test_build_stops_when_the_paths_table_names_a_missing_page(mini_site):
    bad = (FIXTURES / "paths" / "missing-page.yml").read_text(encoding="utf-8")
    config = mini_site({"paths.yml": bad})
    result = run_build(config, config.parent / "site")
    assert result.returncode != 0
    assert "docs/paths.yml: paths: depression/rebuilding: page 'skills/comunicating.md' does not exist" in \
        result.stdout + result.stderr


# Privacy: every key the code stores is named in the privacy statement ------------------------------

KEY_LITERAL = re.compile(r"""\b[A-Z_]*(?:KEY|PREFIX)\s*=\s*["']([^"']+)["']|localStorage\.(?:get|set|remove)Item\(\s*["']([^"']+)["']""")


def storage_keys() -> set[str]:
    sources = [p.read_text(encoding="utf-8") for p in JS]
    sources.append((ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    return {a or b for text in sources for a, b in KEY_LITERAL.findall(text)}


def test_privacy_statement_names_every_key_the_code_stores():
    keys = storage_keys()
    assert {"ps-path", "ps-progress", "ps-scenario-endings", "ps-text-size", "ps-listen-rate", "ps-crisis-country",
            "quiz_progress_"} <= keys, keys
    about = (DOCS / "about.md").read_text(encoding="utf-8")
    privacy = about.split("{#privacy}")[1].split("\n## ")[0]
    for key in keys:
        assert f"`{key}`" in privacy, f"{key} is stored by the code but not named in about.md#privacy"
    for named in re.findall(r"`(ps-[a-z0-9-]+)`", privacy):  # and nothing named that the code no longer stores
        assert named in keys, f"about.md#privacy names {named}, which no script stores"


def test_quiz_key_is_the_one_mkdocs_quiz_uses():
    """progress.js reads mkdocs-quiz's answers under its own key: check the installed plugin still uses it."""
    import mkdocs_quiz
    quiz_js = (Path(mkdocs_quiz.__file__).parent / "js" / "quiz.js").read_text(encoding="utf-8")
    assert 'STORAGE_KEY_PREFIX = "quiz_progress_"' in quiz_js
    assert "STORAGE_KEY_PREFIX + window.location.pathname" in quiz_js


# /start/ ----------------------------------------------------------------------------------------

def choose(page: Page, condition: str, stage: str, relation: str | None = None) -> None:
    if relation:
        page.locator(f'input[name="relation"][value="{relation}"]').check()
    page.locator(f'input[name="condition"][value="{condition}"]').check()
    page.locator(f'input[name="stage"][value="{stage}"]').check()
    page.get_by_role("button", name="Show my path").click()


def shown_path(page: Page) -> list[str]:
    links = page.locator("[data-ps-start-steps] a")
    links.first.wait_for(state="attached")  # start.js draws the path once it runs: on a busy machine, after networkidle
    return links.evaluate_all("els => els.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


@pytest.mark.browser
def test_choose_a_situation_keep_it_and_see_it_on_the_home_page(server, phone):
    page = phone()
    seen = watch(page, server)
    page.goto(server + "/start/", wait_until="networkidle")
    expect(page.locator("[data-ps-paths]")).to_be_hidden()
    choose(page, "bipolar", "crisis", "friend")
    result = page.locator("#your-path")
    expect(result).to_be_visible()
    expect(result).to_be_focused()
    steps = shown_path(page)
    assert steps[0] == "/affective/bipolar/crisis/"
    assert "/crisis/" in steps and steps[-1] == "/affective/bipolar/crisis/#practise"
    assert len(steps) == 5
    expect(result.locator("[data-ps-start-relation]")).to_contain_text("friend")
    expect(result.locator('[data-ps-start-relation] a[href$="skills/friends/"]')).to_be_visible()

    page.reload(wait_until="networkidle")
    expect(result).to_be_visible()
    assert shown_path(page) == steps
    expect(page.locator('input[name="condition"][value="bipolar"]')).to_be_checked()
    expect(page.locator('input[name="stage"][value="crisis"]')).to_be_checked()

    page.goto(server + "/", wait_until="networkidle")
    box = page.locator("[data-ps-your-path]")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Your path:")
    expect(box).to_contain_text("Bipolar disorder")
    expect(box.get_by_role("link", name="Crisis in bipolar disorder")).to_be_visible()
    box.get_by_role("link", name="Change your situation").click()
    page.wait_for_url(re.compile(r".*/start/#choose$"))
    expect(page.locator('input[name="condition"][value="bipolar"]')).to_be_checked()
    no_other_host(seen, server)


@pytest.mark.browser
def test_every_situation_shows_the_path_of_the_table(server, phone):
    """All 25 choices (4 conditions and 'not sure yet', by 5 stages) show the table's path, in order."""
    page = phone()
    seen = watch(page, server)
    page.goto(server + "/start/", wait_until="networkidle")
    for condition in paths.CONDITIONS:
        for stage in V.STAGES:
            choose(page, condition, stage)
            expected = [address(i.page) for i in paths.expand(PATHS, condition, stage)]
            assert shown_path(page) == expected, (condition, stage)
    no_other_host(seen, server)


@pytest.mark.browser
def test_start_takes_a_situation_from_the_address(server, phone):
    page = phone()
    page.goto(server + "/start/?condition=any&stage=crisis", wait_until="networkidle")
    assert shown_path(page)[0] == "/crisis/"
    page.goto(server + "/start/#path-schizophrenia-early-signs", wait_until="networkidle")
    assert shown_path(page)[0] == "/psychotic/first-episode-psychosis/early-signs/"


@pytest.mark.browser
def test_start_asks_for_a_missing_answer(server, phone):
    page = phone()
    page.goto(server + "/start/", wait_until="networkidle")
    page.locator('input[name="stage"][value="rebuilding"]').check()
    page.get_by_role("button", name="Show my path").click()
    expect(page.get_by_role("alert")).to_contain_text("Not sure yet")
    expect(page.locator("#your-path")).to_be_hidden()
    assert "ps-path" not in stored(page)


@pytest.mark.browser
def test_home_page_situations_lead_to_the_right_section(server, phone):
    """'Just admitted to hospital' is one tap from the crisis page's hospital section; 'not sure' preselects."""
    page = phone()
    page.goto(server + "/", wait_until="networkidle")
    expect(page.get_by_role("link", name="Find your path: tell us where you are")).to_be_in_viewport()
    situations = page.locator(".ps-home-situations li")
    expect(situations.first).to_be_in_viewport()
    admitted = situations.filter(has_text="Just admitted to hospital")
    admitted.get_by_role("link", name="schizophrenia").click()
    page.wait_for_url(re.compile(r".*/psychotic/schizophrenia/crisis/#hospital$"))
    expect(page.locator("#hospital")).to_be_attached()
    page.goto(server + "/", wait_until="networkidle")
    page.locator(".ps-home-situations li").filter(has_text="Home from hospital").get_by_role(
        "link", name="not sure yet").click()
    page.wait_for_url(re.compile(r".*/start/\?condition=any&stage=early-recovery$"))
    expect(page.locator("#your-path")).to_be_visible()
    assert shown_path(page)[0] == "/recovery/#early-recovery"


@pytest.mark.browser
def test_start_and_listen_work_after_instant_navigation(server, phone):
    """Arriving by Material's instant navigation, start.js and listen.js are loaded and work."""
    page = phone()
    page.goto(server + "/", wait_until="networkidle")
    page.evaluate("window.__marker = 'same document'")
    page.get_by_role("link", name="Find your path: tell us where you are").click()
    page.wait_for_url(re.compile(r".*/start/$"))
    expect(page.locator("[data-ps-start]")).to_be_visible()
    choose(page, "depression", "early-recovery")
    page.locator("[data-ps-start-steps] a").first.click()
    page.wait_for_url(re.compile(r".*/affective/depression/early-recovery/$"))
    assert page.evaluate("window.__marker") == "same document", "instant navigation did not handle the links"
    expect(page.get_by_role("button", name="Listen")).to_be_visible()
    expect(page.get_by_role("group", name="Text size")).to_be_visible()


def test_start_without_javascript_lists_every_situation_as_plain_links(browser, server):  # noqa: F811
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "/start/")
    expect(page.locator("form[data-ps-start]")).to_be_hidden()
    cells = page.locator("[data-ps-path]")
    assert cells.count() == len(paths.CONDITIONS) * len(V.STAGES)
    links = page.locator("[data-ps-paths] a[href]")
    assert links.count() >= 120
    first = page.locator('[data-ps-path="bipolar/crisis"] a').first
    expect(first).to_be_visible()
    first.click()
    page.wait_for_url(re.compile(r".*/affective/bipolar/crisis/$"))
    ctx.close()


# Progress ---------------------------------------------------------------------------------------

def row(page: Page, path: str):
    return page.locator(f'[data-progress-page="{path}"]')


@pytest.mark.browser
def test_progress_read_answer_play_mark_and_clear(server, phone):
    page = phone()
    seen = watch(page, server)
    page.goto(server + "/start/", wait_until="networkidle")
    choose(page, "first-episode-psychosis", "early-signs", "parent")
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    quiz = page.locator(".quiz").first
    quiz.locator("label").first.click()
    quiz.locator("button[type=submit]").first.click()
    end = page.locator("[data-ps-module-end]")
    end.scroll_into_view_if_needed()
    page.wait_for_function("JSON.parse(localStorage.getItem('ps-progress') || '{}')['/skills/communicating/']?.end")

    page.goto(server + "/progress/", wait_until="networkidle")
    rows = page.locator("[data-progress-page]")
    assert rows.count() >= 36
    communicating = row(page, "/skills/communicating/")
    expect(communicating).not_to_have_attribute("data-status", "not-started")
    expect(communicating).to_contain_text("read to the end")
    expect(communicating).to_contain_text("1 of")
    expect(row(page, "/skills/warning-signs/")).to_have_attribute("data-status", "not-started")
    assert set(rows.evaluate_all("els => els.map(e => e.dataset.status)")) <= {"not-started", "in-progress", "done"}

    communicating.get_by_role("button", name="Mark Communicating as done").click()
    expect(communicating).to_have_attribute("data-status", "done")
    mark = page.locator('.md-nav--primary a[href$="skills/communicating/"] .ps-done-mark').first
    expect(mark).to_be_attached()
    expect(mark).to_have_text("\u2713 done")
    expect(mark.locator(".ps-visually-hidden")).to_have_text(" done")
    communicating.get_by_role("button", name="Mark Communicating as not done").click()
    expect(communicating).to_have_attribute("data-status", "in-progress")
    expect(page.locator('.md-nav--primary a[href$="skills/communicating/"] .ps-done-mark')).to_have_count(0)

    page.goto(server + "/skills/looking-after-yourself/", wait_until="networkidle")
    play(page, "any-carer-snapped", "first")
    assert "any-carer-snapped" in stored(page)["ps-scenario-endings"]
    page.get_by_role("button", name="Mark this page as done").click()
    page.goto(server + "/progress/", wait_until="networkidle")
    expect(row(page, "/skills/looking-after-yourself/")).to_have_attribute("data-status", "done")
    expect(row(page, "/skills/looking-after-yourself/")).to_contain_text("practice story played")

    page.get_by_role("button", name="Clear my progress").click()
    page.get_by_role("button", name="Yes, clear it").click()
    expect(page.locator("[data-ps-clear-progress-status]")).to_contain_text("cleared")
    assert set(rows.evaluate_all("els => els.map(e => e.dataset.status)")) == {"not-started"}
    keys = stored(page)
    assert not [k for k in keys if k in PROGRESS_KEYS or k.startswith("quiz_progress_")], keys
    expect(page.locator(".ps-done-mark")).to_have_count(0)
    page.goto(server + "/", wait_until="networkidle")
    expect(page.locator("[data-ps-your-path]")).to_be_hidden()
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    expect(page.locator(".quiz").first.locator("input:checked")).to_have_count(0)
    no_other_host(seen, server)
    assert page.context.cookies() == []


@pytest.mark.browser
def test_clear_my_progress_on_the_about_page_asks_first_and_keeps_display_choices(server, phone):
    page = phone()
    page.goto(server + "/start/", wait_until="networkidle")
    choose(page, "depression", "crisis")
    page.evaluate("localStorage.setItem('ps-text-size', '1')")
    page.goto(server + "/about/#privacy", wait_until="networkidle")
    page.get_by_role("button", name="Clear my progress").click()
    page.get_by_role("button", name="Keep it").click()
    assert "ps-path" in stored(page)
    page.get_by_role("button", name="Clear my progress").click()
    page.get_by_role("button", name="Yes, clear it").click()
    keys = stored(page)
    assert "ps-path" not in keys and keys.get("ps-text-size") == "1"


# Listen and text size ----------------------------------------------------------------------------

SPEECH_STUB = """
(() => {
  const log = window.__speech = { spoken: [], calls: [], auto: false };
  class Utterance { constructor(text) { this.text = text; this.rate = 1; this.lang = ""; this.onend = null; this.onerror = null; } }
  const synth = {
    speak(u) { log.spoken.push(u.text); log.rate = u.rate; if (log.auto) setTimeout(() => u.onend && u.onend({}), 0); },
    pause() { log.calls.push("pause"); },
    resume() { log.calls.push("resume"); },
    cancel() { log.calls.push("cancel"); },
    getVoices() { return []; },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
})();
"""


@pytest.mark.browser
def test_listen_starts_pauses_resumes_and_stops(server, phone):
    page = phone()
    seen = watch(page, server)
    page.add_init_script(SPEECH_STUB)
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    tools = page.locator("[data-ps-tools]")
    expect(tools).to_be_in_viewport()
    tools.get_by_role("button", name="Listen").click()
    assert page.evaluate("__speech.spoken") == ["Communicating"]
    expect(page.locator(".ps-reading")).to_have_text("Communicating")
    pause = tools.get_by_role("button", name="Pause")
    pause.click()
    assert page.evaluate("__speech.calls").count("pause") == 1
    expect(tools.get_by_role("button", name="Resume")).to_have_attribute("aria-pressed", "true")
    tools.get_by_role("button", name="Resume").click()
    assert "resume" in page.evaluate("__speech.calls")
    page.evaluate("__speech.calls = []")
    tools.get_by_role("button", name="Stop").click()
    assert "cancel" in page.evaluate("__speech.calls")
    expect(tools.get_by_role("button", name="Listen")).to_be_visible()
    expect(page.locator(".ps-reading")).to_have_count(0)
    tools.get_by_label("Reading speed").select_option("1.2")
    assert stored(page).get("ps-listen-rate") == "1.2"
    tools.get_by_role("button", name="Listen").click()
    assert page.evaluate("__speech.rate") == 1.2
    tools.get_by_role("button", name="Stop").click()
    no_other_host(seen, server)


@pytest.mark.browser
def test_listen_reads_the_article_but_not_quizzes_navigation_or_marks(server, phone):
    page = phone()
    page.add_init_script(SPEECH_STUB)
    page.goto(server + "/skills/crisis-and-safety/", wait_until="networkidle")
    answers = page.locator(".quiz label, .quiz .answer-feedback, .quiz-question").all_text_contents()
    page.evaluate("__speech.auto = true")
    page.get_by_role("button", name="Listen").click()
    expect(page.locator("[data-ps-listen-status]")).to_have_text("Finished reading this page.", timeout=30000)
    spoken = page.evaluate("__speech.spoken")
    text = "\n".join(spoken)
    assert spoken[0] == "Crisis and safety" and len(spoken) > 40
    assert "In short" in spoken and any("suicide" in s.lower() for s in spoken)
    leaked = [a.strip() for a in answers if a.strip() and any(a.strip() in s for s in spoken)]
    assert leaked == [], leaked
    for never in ("Skip to content", "Your progress", "Find your path", "Sources and review", "Mark this page as done",
                  "Link to this section", "Standard text", "Slower", "¶"):
        assert never not in spoken and never not in text, never
    assert not re.search(r"\[\d", text), "citation marks were read"
    expect(page.locator(".ps-reading")).to_have_count(0)


@pytest.mark.browser
def test_listen_is_hidden_without_speech_and_text_size_is_kept(server, phone):
    page = phone()
    page.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined});"
                         "Object.defineProperty(window, 'SpeechSynthesisUtterance', {value: undefined});")
    page.goto(server + "/skills/warning-signs/", wait_until="networkidle")
    expect(page.locator("[data-ps-listen]")).to_be_hidden()
    sizes = page.get_by_role("group", name="Text size")
    expect(sizes).to_be_visible()
    before = page.locator("article > p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    sizes.get_by_role("button", name="Largest text").click()
    expect(sizes.get_by_role("button", name="Largest text")).to_have_attribute("aria-pressed", "true")
    after = page.locator("article > p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert after > before * 1.2
    page.goto(server + "/crisis/", wait_until="domcontentloaded")  # applied in the head, before any script here
    assert page.evaluate("document.documentElement.classList.contains('ps-text-2')")
    page.goto(server + "/skills/warning-signs/", wait_until="networkidle")
    expect(page.get_by_role("button", name="Largest text")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Standard text").click()
    assert "ps-text-size" not in stored(page)


# Accessibility ------------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_start_progress_and_a_module_page(server, phone, scheme):
    page = phone(color_scheme=scheme)
    page.goto(server + "/start/", wait_until="networkidle")
    assert axe_violations(page) == [], "start, empty"
    choose(page, "schizophrenia", "rebuilding", "sibling")
    assert axe_violations(page) == [], "start, path shown"
    page.goto(server + "/skills/communicating/", wait_until="networkidle")
    page.locator("[data-ps-module-end]").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert axe_violations(page) == [], "module page with tools row and end"
    page.goto(server + "/progress/", wait_until="networkidle")
    row(page, "/recovery/").get_by_role("button", name="Mark Recovery and its stages as done").click()
    assert axe_violations(page) == [], "progress"
    page.get_by_role("button", name="Clear my progress").click()
    assert axe_violations(page) == [], "progress, asking to clear"
    page.goto(server + "/", wait_until="networkidle")
    assert axe_violations(page) == [], "home with your path"


@pytest.mark.browser
def test_start_and_listen_work_offline_once_the_site_is_saved(server, phone):
    """After 'Save every page on this device', /start/ and a module's tools work with no connection."""
    page = phone()
    page.add_init_script(SPEECH_STUB)
    page.goto(server + "/about/", wait_until="networkidle")
    page.wait_for_function("navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready")
    page.get_by_role("button", name="Save every page on this device").tap()
    expect(page.locator("#ps-save-status")).to_contain_text("Every page is saved", timeout=30000)
    page.context.set_offline(True)
    try:
        page.goto(server + "/start/")
        expect(page.locator("[data-ps-start]")).to_be_visible()
        choose(page, "any", "early-signs")
        assert shown_path(page)[0] == "/recovery/#something-wrong"
        page.goto(server + "/skills/social-connection/")
        page.get_by_role("button", name="Listen").click()
        assert page.evaluate("__speech.spoken")[0] == "Supporting social connection"
    finally:
        page.context.set_offline(False)
