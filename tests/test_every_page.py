"""Every page once, at phone size: title and "Get help now" in view, axe-core in light and dark, only local
requests, no cookies. Its own module so the slowest fixture of the suite runs beside the others (pytest-xdist)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from test_browser import PHONE, axe_violations, site_pages

pytestmark = pytest.mark.browser


SCHEME = "document.body.getAttribute('data-md-color-scheme') === 'slate' ? 'dark' : 'light'"
# Material's own palette switch, as a reader's tap on it does (its form listens for the input's change). Picks the
# input of the other scheme by its data-md-color-scheme: right after load neither input is checked yet.
SWITCH = """() => {
  const now = document.body.getAttribute('data-md-color-scheme');
  [...document.querySelectorAll('[data-md-component=palette] input')]
    .find(i => i.getAttribute('data-md-color-scheme') !== now).click();
  return now;
}"""
SWITCHED = "was => document.body.getAttribute('data-md-color-scheme') !== was"


# Two halves of the site (every other page), each in its own xdist group, so the two test workers share the work.
HALVES = [pytest.param(i, marks=pytest.mark.xdist_group(f"every-page-{i + 1}"), id=f"half{i + 1}") for i in (0, 1)]


@pytest.fixture(scope="module", params=HALVES)
def sweep(request, built_site, server, browser) -> dict:
    """One visit to every page, at phone size, shared by the every-page tests below (each page is loaded once,
    not once per test: the suite stays a few minutes): the title and 'Get help now' in view, before and after
    scrolling; axe in the scheme the page opened in, then again after switching with Material's palette
    control; how far the page sticks out sideways; every request made and every cookie set. At one device pixel
    per CSS pixel: the layout is the same as on a phone's sharper screen, and it paints a quarter of the pixels."""
    ctx = browser.new_context(**{**PHONE, "device_scale_factor": 1}, color_scheme="light")
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    pages = {}
    for address in site_pages(built_site)[request.param::2]:
        page.goto(server + address, wait_until="load")
        link = page.locator("a.ps-help-link")
        seen = {"h1": page.locator("h1").first.is_visible(), "link": link.is_visible() and link.bounding_box(),
                "sideways": page.evaluate("document.documentElement.scrollWidth - innerWidth")}
        seen[page.evaluate(SCHEME)] = axe_violations(page)
        page.wait_for_function(SWITCHED, arg=page.evaluate(SWITCH), timeout=5000)
        seen[page.evaluate(SCHEME)] = axe_violations(page)
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(100)
        seen["link_scrolled"] = link.bounding_box()
        pages[address] = seen
    cookies = ctx.cookies()
    ctx.close()
    return {"pages": pages, "requests": requests, "cookies": cookies, "local": urlparse(server).netloc}


def test_all_pages_render_with_help_link_and_only_local_requests(sweep):
    """Every page: its title, 'Get help now' in view without scrolling (and after scrolling), nothing wider than
    the screen, no third-party request, no cookie."""
    assert len(sweep["pages"]) >= 35 // 2
    for address, seen in sweep["pages"].items():
        assert seen["h1"], f"{address}: no visible title"
        box = seen["link"]
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= 390, address
        box = seen["link_scrolled"]
        assert box and 0 <= box["y"] < 100, f"{address}: help link scrolled away"
        assert seen["sideways"] <= 0, f"{address}: {seen['sideways']} px wider than a 390 px screen"
    outside = sorted({u for u in sweep["requests"]
                      if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != sweep["local"]})
    assert outside == [], outside
    assert sweep["cookies"] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(sweep, scheme):
    """axe-core, WCAG 2.0-2.2 A and AA, on every page in light and dark schemes."""
    missing = [a for a, seen in sweep["pages"].items() if scheme not in seen]
    assert missing == [], f"never shown in the {scheme} scheme: {missing[:3]} (did the palette switch change?)"
    problems = {a: seen[scheme] for a, seen in sweep["pages"].items() if seen[scheme]}
    assert problems == {}, problems
