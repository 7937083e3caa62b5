"""Offline, updates, installability, the Content-Security-Policy and a search index loaded only on demand, in
Debian's Chromium at phone size. Tests that change what is served (a rebuild, the kill switch) serve their
own copy of the built site, so the session's site stays as built."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from playwright.sync_api import Error, Page, expect

from conftest import ROOT, run_build
from site_server import serve
from test_browser import PHONE, browser, phone, site_pages  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

STAGE = "/psychotic/first-episode-psychosis/early-recovery/"
SCENARIO_PAGE = ("/skills/services-and-rights/", "any-confidentiality")
SAVED = "html[data-ps-offline=saved]"
CHANGED = "This sentence was added by the update test."


def wait_saved(page: Page, timeout_ms: int = 90000) -> None:
    """The page's offline.js marks <html> when the worker has saved every file of this version."""
    page.locator(SAVED).wait_for(state="attached", timeout=timeout_ms)


def cached_urls(page: Page) -> list[str]:
    return page.evaluate("""async () => {
        const out = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
        return out; }""")


def poll(page: Page, script: str, expected, timeout_s: float = 30):
    """Evaluate until the value is as expected (Playwright's wait_for_function is not allowed by the CSP)."""
    end = time.time() + timeout_s
    value = None
    while time.time() < end:
        try:
            value = page.evaluate(script)
        except Error:  # the page navigated meanwhile (the kill worker reloads it): ask again
            value = None
        if value == expected:
            return value
        page.wait_for_timeout(250)
    return value


def play_to_an_ending(page: Page, sid: str) -> str:
    root = page.locator(f'[data-scenario="{sid}"]')
    for _ in range(30):
        node = root.locator(".ps-scenario__node:not([hidden])")
        if node.get_attribute("data-ending"):
            expect(node.locator(".ps-scenario__debrief")).to_be_visible()
            return node.get_attribute("data-ending")
        before = node.get_attribute("id")
        node.locator("a[data-choice]").first.tap()
        expect(root.locator(".ps-scenario__node:not([hidden])")).not_to_have_id(before)
    raise AssertionError("no ending")


def search(page: Page, query: str) -> list[str]:
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item h1").all_inner_texts()


@pytest.fixture
def own_copy(built_site, tmp_path):
    """A copy of the built site on its own port (for tests that change what is served)."""
    served = tmp_path / "served"
    shutil.copytree(built_site, served)
    base, httpd = serve(served)
    yield base, served
    httpd.shutdown()


# Every page offline after one visit ---------------------------------------------------------------

def test_every_page_search_and_stories_work_offline_after_one_visit(built_site, server, phone):
    page = phone()
    page.goto(server + STAGE, wait_until="load")
    wait_saved(page)
    unvisited = [a for a in site_pages(built_site) if a != STAGE]
    ten = list(dict.fromkeys(["/crisis/", SCENARIO_PAGE[0]] + unvisited[:: max(1, len(unvisited) // 10)] + unvisited))
    ten = ten[:10]
    page.context.set_offline(True)
    try:
        for address in ten:
            response = page.goto(server + address)
            assert response is not None and response.ok, address
            title = page.locator("h1").first.inner_text()
            assert title and title != "You are offline", address
        page.goto(server + "/crisis/")
        expect(page.locator('a[href^="tel:"]').first).to_be_attached()
        page.goto(server + SCENARIO_PAGE[0])
        assert play_to_an_ending(page, SCENARIO_PAGE[1]) in ("supportive", "mixed", "difficult")
        assert any("communicat" in t.lower() for t in search(page, "validation")[:5])
    finally:
        page.context.set_offline(False)


def test_data_saver_keeps_only_crisis_help_and_what_was_read(built_site, server, phone):
    page = phone()
    page.add_init_script("Object.defineProperty(navigator, 'connection', {get: () => ({saveData: true})})")
    page.goto(server + "/skills/communicating/", wait_until="load")
    page.locator("html[data-ps-offline=kept]").wait_for(state="attached", timeout=60000)
    saved = {u.replace(server, "") for u in cached_urls(page)}
    assert {"/crisis/", "/offline.html", "/skills/communicating/"} <= saved
    assert "/skills/medicines/" not in saved and "/search/search_index.json" not in saved
    assert sorted(u for u in saved if u.endswith("/")) == ["/crisis/", "/skills/communicating/"], sorted(saved)
    page.context.set_offline(True)
    try:
        page.goto(server + "/skills/communicating/")
        expect(page.locator("h1").first).to_have_text("Communicating")
        page.goto(server + "/skills/medicines/")
        expect(page.locator("h1")).to_have_text("You are offline")
        expect(page.get_by_role("link", name="Get help now")).to_be_visible()
        page.goto(server + "/crisis/")
        expect(page.locator("h1").first).to_have_text("Get help now")
    finally:
        page.context.set_offline(False)


def test_about_page_says_what_is_saved_and_removes_it(server, phone):
    page = phone()
    page.goto(server + "/about/", wait_until="load")
    wait_saved(page)
    expect(page.locator("[data-ps-offline-size]")).to_contain_text(re.compile(r"\d\.\d MB to download"))
    expect(page.locator("[data-ps-offline-status]")).to_have_text("Every page is saved on this device.")
    page.get_by_role("button", name="Remove saved pages").tap()
    expect(page.locator("[data-ps-offline-status]")).to_contain_text("Saved pages removed")
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    page.reload(wait_until="load")  # stays off: nothing is saved again on the next page
    page.wait_for_timeout(1500)
    assert page.evaluate("caches.keys()") == []
    page.get_by_role("button", name="Save every page on this device").tap()
    wait_saved(page)
    assert len(cached_urls(page)) > 50


# New build: a quiet notice, never a mix ------------------------------------------------------------

def test_update_notice_after_a_rebuild_and_no_mix_of_versions(built_site, own_copy, phone, tmp_path):
    base, served = own_copy
    page = phone()
    page.goto(base + "/", wait_until="load")
    wait_saved(page)
    project = tmp_path / "project"
    for part in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    recovery = project / "docs" / "recovery.md"
    recovery.write_text(recovery.read_text(encoding="utf-8").rstrip() + f"\n\n{CHANGED}\n", encoding="utf-8")
    result = run_build(project / "mkdocs.yml", served, site_url=base + "/")  # rebuilt into the served folder
    assert result.returncode == 0, result.stdout + result.stderr
    page.goto(base + "/recovery/", wait_until="load")
    expect(page.locator(".md-content h1")).to_be_visible()
    assert CHANGED not in page.content(), "the old version keeps serving its own pages until the reader reloads"
    notice = page.locator(".ps-update")
    expect(notice).to_contain_text("This site has been updated.", timeout=30000)
    expect(notice).to_have_attribute("role", "status")
    notice.get_by_role("button", name="Reload").tap()
    expect(page.get_by_text(CHANGED)).to_be_visible(timeout=30000)
    assert poll(page, "caches.keys().then(k => k.length)", 1) == 1, "one cache per version: the old one is gone"


# Kill switch ----------------------------------------------------------------------------------------

def test_kill_switch_removes_the_worker_and_every_saved_page(own_copy, phone):
    base, served = own_copy
    page = phone()
    page.goto(base + "/", wait_until="load")
    wait_saved(page)
    assert len(page.evaluate("caches.keys()")) == 1
    shutil.copy(served / "sw-kill.js", served / "sw.js")  # README: "Turning offline off"
    page.goto(base + "/crisis/", wait_until="load")  # the browser checks sw.js on navigation
    assert poll(page, "caches.keys().then(k => k.length)", 0) == 0
    assert poll(page, "navigator.serviceWorker.controller === null", True) is True
    page.wait_for_load_state("load")
    page.reload(wait_until="load")
    page.wait_for_timeout(2000)  # a page may register sw.js again: it is now the kill worker, which saves nothing
    assert page.evaluate("caches.keys()") == []


# Installable --------------------------------------------------------------------------------------

def test_manifest_icons_and_installability(server, phone):
    page = phone()
    page.goto(server + "/", wait_until="load")
    wait_saved(page)
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and manifest["errors"] == []
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == [], errors  # Playwright's contexts are incognito
    for icon in ("icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"):
        response = page.request.get(server + "/assets/images/" + icon)
        assert response.ok and response.headers["content-type"] == "image/png", icon


# Content-Security-Policy --------------------------------------------------------------------------

CSP_PAGES = ["/", "/crisis/", "/about/", "/groups/", "/sources/", "/glossary/", "/psychotic/",
             "/skills/communicating/", STAGE, "/affective/depression/crisis/"]
REPORT = """document.addEventListener("securitypolicyviolation", (e) =>
    console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));"""


def test_the_site_works_under_its_content_security_policy(browser, server):  # noqa: F811
    """Served with the headers of _headers enforced (and the <meta> policy in every page): pages at every
    depth, search, a quiz, a scenario and instant navigation, with no console error and no CSP violation."""
    context = browser.new_context(**{**PHONE, "bypass_csp": False})
    context.add_init_script(REPORT)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        for address in CSP_PAGES:
            response = page.goto(server + address, wait_until="load")
            policy = response.headers.get("content-security-policy", "")
            assert "script-src 'self' 'sha256-" in policy and "frame-ancestors 'none'" in policy, address
            assert response.headers.get("x-content-type-options") == "nosniff"
            assert response.headers.get("referrer-policy") == "no-referrer"
        page.goto(server + "/skills/communicating/", wait_until="load")
        quiz = page.locator(".quiz").first
        quiz.locator("label").first.tap()
        quiz.locator("button[type=submit]").tap()
        expect(quiz.locator(".ps-quiz-verdict")).to_be_visible()
        assert search(page, "hearing voices")
        page.goto(server + SCENARIO_PAGE[0], wait_until="load")
        assert play_to_an_ending(page, SCENARIO_PAGE[1])
        page.goto(server + "/groups/", wait_until="load")
        page.evaluate("window.__same = 1")
        page.locator('article a[href$="skills/looking-after-yourself/"]').first.click()
        page.wait_for_url(re.compile(r".*/skills/looking-after-yourself/(#.*)?$"))
        expect(page.locator('[data-scenario="any-carer-snapped"]')).to_have_attribute("data-ps-ready", "1")
        assert page.evaluate("window.__same") == 1, "instant navigation"
        wait_saved(page)
        page.wait_for_timeout(500)
        assert problems == []
    finally:
        context.close()


# Search index on demand ---------------------------------------------------------------------------

def test_search_index_is_requested_only_when_search_is_opened(server, phone):
    page = phone(service_workers="block")  # the page's own requests only
    seen: list[str] = []
    held = []
    page.on("request", lambda r: seen.append(r.url))
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(server + STAGE, wait_until="networkidle")
    page.wait_for_timeout(1500)
    assert not [u for u in seen if "search_index.json" in u], "requested before search was opened"
    page.locator("label.md-header__button[for='__search']").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Loading search…")
    for _ in range(40):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    held[0].continue_()
    page.locator("input.md-search__input").press_sequentially("lazy", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert len([u for u in seen if "search_index.json" in u]) == 1


def test_next_page_fetches_only_itself(server, phone):
    """After one stage page, following a link to another (Material's instant navigation) fetches that page's
    HTML and nothing else: our scripts, stylesheets and favicon are named by content and cached for good
    (hooks/fingerprint.py, `_headers`), and each page's scripts are one joined file (hooks/join_scripts.py) that
    stage pages share. Before: six files asked for again, about 8 KB."""
    from benchmark import Meter, click_to, settle
    page = phone(service_workers="block")  # what the network carries
    meter = Meter(page.context, page)
    page.goto(server + STAGE, wait_until="load")
    settle(page)
    meter.reset()
    second = "/psychotic/schizophrenia/early-recovery/"
    click_to(page, server + second)
    expect(page.locator("[data-ps-tools]").first).to_be_visible()  # its joined scripts ran (from the cache)
    fetched = [(url, n) for url, n in meter.requests if n > 0]
    assert [url for url, _ in fetched] == [server + second], fetched
