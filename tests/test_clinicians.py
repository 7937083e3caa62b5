"""Clinicians' tools (issue 10), in Debian's Chromium at phone size (390x844) and at desktop size:
copy a link to any section, print short with the page's address and QR code, one-page handouts, reading lists
and their builder on the hub. Plus source checks over docs/ (every ## heading has an id; the hub lists every
page). Printing is read back with pdftotext and pdftoppm (poppler-utils) and QR codes with zbarimg
(zbar-tools); tests/run.sh installs both."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import content_model as cm
from test_browser import PHONE, axe_violations, browser, phone, site_pages  # noqa: F401 (fixtures, helpers)

DOCS = Path(__file__).parent.parent / "docs"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
STAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
                if not isinstance(k := cm.page_kind(p.relative_to(DOCS).as_posix()), cm.Problem) and k.role == "stage")
MODULES = sorted(p for p in DOCS.rglob("*.md")
                 if not isinstance(k := cm.page_kind(p.relative_to(DOCS).as_posix()), cm.Problem) and k.type == "module")
MAX_STAGE_SHEETS = 8


def address(src: str) -> str:
    """'affective/bipolar/rebuilding.md' -> '/affective/bipolar/rebuilding/'."""
    stem = src[:-3]
    return "/" + (stem[: -len("index")] if stem.endswith("index") else stem + "/")


def context(browser, size: str, **extra):
    return browser.new_context(**{**SIZES[size], **extra})


def needs(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is missing: tests/run.sh installs it (poppler-utils, zbar-tools)"
    return path


def pdf_text(pdf: Path) -> str:
    return subprocess.run([needs("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(str(pdf)).pages)


def qr_codes(pdf: Path, tmp: Path, page_no: int = 1) -> list[str]:
    """Every QR code zbarimg finds on one sheet, rastered at 150 dpi."""
    stem = tmp / f"sheet{page_no}"
    subprocess.run([needs("pdftoppm"), "-r", "150", "-f", str(page_no), "-l", str(page_no), "-singlefile", "-png",
                    str(pdf), str(stem)], check=True)
    out = subprocess.run([needs("zbarimg"), "-q", "--raw", str(stem) + ".png"], capture_output=True, text=True)
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def print_pdf(page: Page, url: str, path: Path, paper: str = "A4") -> Path:
    page.goto(url)  # "load": the QR code is an inline SVG and the page's scripts are deferred, so all have run
    page.emulate_media(media="print")
    path.write_bytes(page.pdf(format=paper))
    page.emulate_media(media="screen")
    return path


# Source checks (no browser) -----------------------------------------------------------------------

HEADING = re.compile(r"^##(?!#)\s+(.*)$")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_section_heading_of_a_module_page_has_an_id(path):
    """Links to sections must survive rewording: every ## heading carries an explicit {#id}."""
    lines = cm.mask_code(path.read_text(encoding="utf-8").split("\n"))
    missing = [f"line {i}: {line}" for i, line in enumerate(lines, 1)
               if HEADING.match(line) and not re.search(r"\{#[a-z0-9][a-z0-9-]*\}\s*$", line)]
    assert not missing, f"{path}: ## headings without an id: {missing}"


def test_hub_lists_every_module_page_once():
    """The hub's tables (the page picker and list builder) name every module page, each once."""
    text = (DOCS / "clinicians.md").read_text(encoding="utf-8")
    pickers = re.findall(r'<div class="ps-picker".*?</div>', text, re.S)
    linked = [m for block in pickers for m in re.findall(r"^\| \[[^\]]+\]\(([^)#]+)\)", block, re.M)]
    expected = sorted(p.relative_to(DOCS).as_posix() for p in MODULES)
    assert sorted(linked) == expected
    assert len(STAGES) == 19


# Copy a link to a section -------------------------------------------------------------------------

SECTION_PAGE = "/affective/bipolar/rebuilding/"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_copy_link_copies_the_sections_full_address(browser, server, size):
    ctx = context(browser, size)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = ctx.new_page()
    page.goto(server + SECTION_PAGE, wait_until="networkidle")
    headings = page.locator("article h2[id]")
    buttons = page.locator("article .ps-copy-link__button")
    assert headings.count() >= 8 and buttons.count() == headings.count()
    button = page.get_by_role("button", name="Copy link to section: What helps")
    expect(button).to_be_visible()  # visible without hovering
    box = button.bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44, box
    button.click()
    status = button.locator("xpath=following-sibling::*[@role='status']")
    expect(status).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == server + SECTION_PAGE + "#what-helps"
    page.get_by_role("button", name="Copy link to section: What to avoid").focus()  # by keyboard: Enter
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Copy link to section: What to avoid")
           .locator("xpath=following-sibling::*[@role='status']")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith("#what-to-avoid")
    ctx.close()


REFUSE_CLIPBOARD = """
Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError'))}});
"""


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_copy_link_when_the_clipboard_is_refused_shows_the_address_to_copy(browser, server, size):
    ctx = context(browser, size)
    ctx.add_init_script(REFUSE_CLIPBOARD + "Object.defineProperty(navigator, 'share', {value: undefined});")
    page = ctx.new_page()
    page.goto(server + SECTION_PAGE, wait_until="networkidle")
    page.get_by_role("button", name="Copy link to section: What helps").click()
    field = page.get_by_role("textbox", name="Copy this link:")
    expect(field).to_be_visible()
    expect(field).to_have_value(server + SECTION_PAGE + "#what-helps")
    assert page.evaluate("document.activeElement.value === document.activeElement.value.substring("
                         "document.activeElement.selectionStart, document.activeElement.selectionEnd)")
    expect(page.locator("#what-helps ~ .ps-copy-link [role=status]").first).to_contain_text("copy it from there")
    ctx.close()


def test_copy_link_when_the_clipboard_is_refused_offers_the_share_sheet(browser, server):
    ctx = context(browser, "phone")
    ctx.add_init_script(REFUSE_CLIPBOARD + "window.__shared = []; Object.defineProperty(navigator, 'share', "
                        "{value: (data) => { window.__shared.push(data); return Promise.resolve(); }});")
    page = ctx.new_page()
    page.goto(server + SECTION_PAGE, wait_until="networkidle")
    page.get_by_role("button", name="Copy link to section: What helps").tap()
    expect(page.locator("#what-helps + .ps-copy-link [role=status]")).to_have_text("Link shared")
    shared = page.evaluate("window.__shared")
    assert shared and shared[0]["url"] == server + SECTION_PAGE + "#what-helps", shared
    ctx.close()


def test_copy_link_works_after_instant_navigation_from_the_hub(browser, server):
    """From the hub to 'bipolar, rebuilding' by Material's instant navigation, then copy 'what helps'."""
    ctx = context(browser, "phone")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = ctx.new_page()
    page.goto(server + "/clinicians/", wait_until="networkidle")
    page.evaluate("window.__marker = 'same document'")
    link = page.locator('#pages-bipolar ~ .ps-picker a[href$="affective/bipolar/rebuilding/"]').first
    link.scroll_into_view_if_needed()
    # Material's navigation.tracking writes the section a reader scrolled to into the address 250 ms after the
    # scroll stops; a tap sooner than that can land the hub's '#pages-bipolar' on the next page's address.
    page.wait_for_timeout(400)
    link.tap()
    page.wait_for_url(re.compile(r".*/affective/bipolar/rebuilding/$"))
    assert page.evaluate("window.__marker") == "same document", "instant navigation did not handle the link"
    button = page.get_by_role("button", name="Copy link to section: What helps")
    expect(button).to_be_visible()
    button.tap()
    expect(button.locator("xpath=following-sibling::*[@role='status']")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == server + SECTION_PAGE + "#what-helps"
    ctx.close()


def test_without_javascript_the_permalink_remains(browser, server):
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + SECTION_PAGE)
    expect(page.locator(".ps-copy-link").first).to_be_hidden()
    expect(page.locator("#what-helps a.headerlink")).to_have_attribute("href", "#what-helps")
    ctx.close()


# Printing ---------------------------------------------------------------------------------------------

NAVIGATION_WORDS = ("Skip to content", "On this page", "Copy link", "Print a one-page handout", "Back to the sections",
                    "In this module")


@pytest.mark.parametrize("src", STAGES)
def test_stage_page_prints_short_with_its_address_qr_code_and_crisis_numbers(browser, server, tmp_path, src):
    ctx = context(browser, "desktop")
    page = ctx.new_page()
    url = server + address(src)
    pdf = print_pdf(page, url, tmp_path / "page.pdf")
    ctx.close()
    sheets = pdf_pages(pdf)
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    print(f"{address(src)}: {sheets} A4 pages")
    assert sheets <= MAX_STAGE_SHEETS, f"{src}: {sheets} A4 pages; the limit is {MAX_STAGE_SHEETS}"
    assert url in flat.replace(" ", "") or url in text, f"{src}: the page's address is not printed"
    for number in ("988", "116 123", "13 11 14", "1737"):
        assert number in flat, f"{src}: crisis number {number} is not printed"
    for word in NAVIGATION_WORDS:
        assert word not in flat, f"{src}: '{word}' printed (navigation or controls)"
    assert "Answers to the questions" in flat and "Question 1." in flat
    assert "Last checked against its sources" in flat
    assert url in qr_codes(pdf, tmp_path), f"{src}: the QR code on the first sheet does not decode to {url}"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_one_page_handouts_fit_one_sheet_and_scan_back_to_their_page(browser, server, tmp_path, paper):
    ctx = context(browser, "desktop")
    page = ctx.new_page()
    for src in STAGES:
        stage = address(src)
        pdf = print_pdf(page, server + stage + "handout/", tmp_path / "handout.pdf", paper)
        assert pdf_pages(pdf) == 1, f"{stage}handout/ prints on {pdf_pages(pdf)} sheets of {paper}"
        flat = " ".join(pdf_text(pdf).split())
        assert "Three things to do first" in flat and "What to avoid" in flat and "988" in flat
        if paper == "A4":  # the same QR code on either paper: decoded once
            assert qr_codes(pdf, tmp_path) == [server + stage], f"{stage}handout/: QR code"
    ctx.close()


def test_stage_page_offers_the_handout_and_the_handout_offers_print(browser, server):
    ctx = context(browser, "phone")
    page = ctx.new_page()
    page.goto(server + SECTION_PAGE, wait_until="networkidle")
    link = page.get_by_role("link", name="Print a one-page handout")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box and box["height"] >= 44
    link.tap()
    page.wait_for_url(re.compile(r".*/affective/bipolar/rebuilding/handout/$"))
    expect(page.locator("h1")).to_contain_text("Handout")
    expect(page.get_by_role("button", name="Print this handout")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_attached()
    ctx.close()


# Reading lists ----------------------------------------------------------------------------------------

LIST = ["/affective/bipolar/rebuilding/", "/skills/communicating/", "/recovery/"]
TITLES = ["Rebuilding life with bipolar disorder", "Communicating", "Recovery and its stages"]


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_reading_list_shows_pages_in_order_with_titles(browser, server, size):
    ctx = context(browser, size)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = ctx.new_page()
    url = server + "/pathway/?p=" + ",".join(LIST)
    page.goto(url, wait_until="networkidle")
    items = page.locator("[data-ps-pathway-list] > li")
    expect(items).to_have_count(3)
    for i, title in enumerate(TITLES):
        expect(items.nth(i).locator("a.ps-pathway__title")).to_have_text(title)
        expect(items.nth(i).locator(".ps-pathway__desc")).not_to_be_empty()
        assert items.nth(i).locator("a").get_attribute("href").endswith(LIST[i].lstrip("/"))
    expect(page.locator("[data-ps-pathway-count]")).to_have_text("3 pages to read, in this order.")
    copy = page.get_by_role("button", name="Copy the link to this list")
    copy.click()
    expect(page.locator(".ps-pathway__controls [role=status]")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == url
    expect(page.get_by_role("img", name="QR code that opens this reading list")).to_be_visible()
    ctx.close()


def test_reading_list_flags_unknown_and_malformed_paths_and_injects_nothing(browser, server, tmp_path):
    ctx = context(browser, "phone")
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    bad = '<img src=x onerror=alert(1)>'
    query = ",".join([LIST[0], "/no/such/page/", bad, LIST[1] + "#what-helps"])
    page.goto(server + "/pathway/?p=" + query.replace("#", "%23"), wait_until="networkidle")
    items = page.locator("[data-ps-pathway-list] > li")
    expect(items).to_have_count(4)
    expect(items.nth(0)).to_contain_text(TITLES[0])
    expect(items.nth(1)).to_have_class(re.compile("ps-pathway__error"))
    expect(items.nth(1)).to_contain_text("/no/such/page/")
    expect(items.nth(2)).to_have_class(re.compile("ps-pathway__error"))
    expect(items.nth(2)).to_contain_text(bad)
    expect(items.nth(3)).to_contain_text("Section: What helps")
    assert page.locator("[data-ps-pathway-list] img").count() == 0
    assert dialogs == []
    expect(page.locator("[data-ps-pathway-count]")).to_contain_text("2 addresses in the link could not be found")
    # The list prints with its own address as a QR code.
    page.emulate_media(media="print")
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    assert page.url in qr_codes(pdf, tmp_path)
    ctx.close()


def test_builder_on_the_hub_makes_a_three_page_list(browser, server):
    """From a phone: tick three pages on the hub, copy the link, open it."""
    ctx = context(browser, "phone")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = ctx.new_page()
    page.goto(server + "/clinicians/", wait_until="networkidle")
    for name in ("Add to the reading list: Bipolar disorder: Rebuilding", "Add to the reading list: Communicating",
                 "Add to the reading list: Recovery and its stages"):
        box = page.get_by_role("checkbox", name=name)
        box.scroll_into_view_if_needed()
        size = box.locator("xpath=..").bounding_box()
        assert size and size["height"] >= 44 and size["width"] >= 44, name
        box.tap()
        expect(box).to_be_checked()
    expect(page.locator("[data-ps-builder-bar]")).to_be_visible()
    expect(page.locator("[data-ps-builder-list] > li")).to_have_count(3)
    expected = server + "/pathway/?p=" + ",".join(LIST)
    expect(page.locator("[data-ps-builder-url]")).to_have_value(expected)
    page.get_by_role("button", name="Copy the link").tap()
    expect(page.locator(".ps-builder__actions [role=status]")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    page.get_by_role("link", name="Open the list").tap()
    page.wait_for_url(re.compile(r".*/pathway/\?p=.*"))
    items = page.locator("[data-ps-pathway-list] > li a.ps-pathway__title")
    expect(items).to_have_count(3)
    assert items.all_inner_texts() == TITLES
    ctx.close()


def test_reading_list_works_offline_once_opened(browser, server):
    ctx = context(browser, "phone")
    page = ctx.new_page()
    url = server + "/pathway/?p=" + ",".join(LIST)
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.reload(wait_until="networkidle")  # now fetched through the offline helper, which keeps a copy
    ctx.set_offline(True)
    page.goto(url.replace(",".join(LIST), ",".join(reversed(LIST))))
    expect(page.locator("[data-ps-pathway-list] > li a.ps-pathway__title")).to_have_count(3)
    expect(page.locator("[data-ps-pathway-list] > li a.ps-pathway__title").first).to_have_text(TITLES[-1])
    ctx.set_offline(False)
    ctx.close()


# Accessibility ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_hub_reading_list_and_handout(browser, server, scheme):
    ctx = context(browser, "phone", color_scheme=scheme)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = ctx.new_page()
    page.goto(server + "/clinicians/", wait_until="networkidle")
    assert axe_violations(page) == [], "hub"
    page.get_by_role("checkbox", name="Add to the reading list: Bipolar disorder: Rebuilding").check()
    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator(".ps-builder__actions [role=status]")).to_have_text("Link copied")
    assert axe_violations(page) == [], "hub with a list built"
    page.goto(server + "/pathway/?p=" + ",".join(LIST + ["/no/such/page/"]), wait_until="networkidle")
    assert axe_violations(page) == [], "reading list"
    page.goto(server + SECTION_PAGE, wait_until="networkidle")
    page.get_by_role("button", name="Copy link to section: What helps").click()
    assert axe_violations(page) == [], "module page after copying a link"
    page.goto(server + SECTION_PAGE + "handout/", wait_until="networkidle")
    assert axe_violations(page) == [], "handout"
    ctx.close()


def test_corrections_address_is_shown_on_hub_about_and_every_footer(built_site):
    """The address is set once, under extra.corrections in mkdocs.yml, and shown wherever corrections are invited."""
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    email = re.search(r"^\s+email:\s*(\S+)", config.split("\nextra:", 1)[1], re.M).group(1)
    for address_ in ("/clinicians/", "/about/", SECTION_PAGE, "/skills/communicating/"):
        html = (built_site / address_.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f'href="mailto:{email}"' in html, address_
