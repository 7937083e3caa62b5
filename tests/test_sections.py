"""The 'On this page' list and the back links (hooks/sections.py)."""

from __future__ import annotations

import sections

SECTIONS = [("What is happening now", "what-is-happening"), ("What helps", "what-helps"),
            ("Going to hospital", "hospital")]
PAGE = ('<div class="ps-inshort">x</div>' + sections.PLACEHOLDER +
        '<h2 id="what-is-happening">What is happening now</h2><p>a</p>'
        '<h2 id="what-helps">What helps</h2><p>b</p><h2 id="hospital">Going to hospital</h2>')


def test_list_links_every_section_in_order():
    out = sections.add_sections(PAGE, SECTIONS)
    nav = out[out.index('<nav class="ps-sections"'):out.index("</nav>")]
    assert [a for a in nav.split('href="#')[1:]] and nav.index("#what-is-happening") < nav.index("#hospital")
    assert 'id="on-this-page"' in nav and ">Going to hospital</a>" in nav


def test_back_link_before_every_section_but_the_first():
    out = sections.add_sections(PAGE, SECTIONS)
    assert out.count('class="ps-back-to-sections"') == 2
    assert out.index('class="ps-back-to-sections"') > out.index('id="what-is-happening"')


def test_short_pages_get_no_list_and_lose_the_placeholder():
    out = sections.add_sections(PAGE, SECTIONS[:2])
    assert "ps-sections" not in out and sections.PLACEHOLDER not in out


def test_titles_are_escaped():
    nav = sections.sections_nav([("A <b>", "a"), ("B", "b"), ("C & D", "c")])
    assert "A &lt;b&gt;" in nav and "C &amp; D" in nav


def test_labels_are_short():
    known = {"what-to-expect": "What to expect"}
    assert sections.label("What to expect socially at this stage", "what-to-expect", known) == "What to expect"
    assert sections.label("Whom to call, and what to tell them", "whom-to-call", known) == "Whom to call"
    assert sections.label("Going to hospital", "hospital", known) == "Going to hospital"
    assert sections.label("Serious signs: tell the prescriber the same day", "serious", known) == "Serious signs"
    assert sections.label("Brothers, sisters and children", "siblings", known) == "Brothers, sisters and children"
    assert sections.label("Hope, with realism", "hope", known) == "Hope, with realism"
