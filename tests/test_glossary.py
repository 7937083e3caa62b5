"""Glossary links: first use of a clinical word on a module page links to its entry (tap works; hover is not needed)."""

from __future__ import annotations

import re

import glossary

GLOSSARY = """
### Hearing voices (hallucinations) {#hallucinations}
Text.
### Delusion (fixed false belief) {#delusion}
Text.
### CBT (cognitive behavioural therapy) {#cbt}
Text.
### Recovery (personal recovery) {#recovery}
Text.
"""
TERMS = glossary.terms(GLOSSARY)


def link(html: str, limit: int = 12) -> str:
    return glossary.link_terms(html, TERMS, "../glossary/", limit)


def test_terms_come_from_headings_with_their_other_names():
    anchors = {t.anchor for t in TERMS}
    assert anchors == {"hallucinations", "delusion", "cbt"}  # everyday 'recovery' is not linked


def test_first_use_only_is_linked():
    out = link("<p>He has delusions. The delusions scare him.</p>")
    assert out.count('class="ps-term"') == 1
    assert '<a class="ps-term" href="../glossary/#delusion"' in out and ">delusions</a>" in out


def test_other_names_and_acronyms_match():
    out = link("<p>Hallucinations can be treated. Ask about CBT, not cbt-like apps.</p>")
    assert 'href="../glossary/#hallucinations"' in out and ">CBT</a>" in out


def test_headings_links_code_scenarios_and_quizzes_are_left_alone():
    html = ('<h2 id="x">Delusions</h2><p><a href="y">delusions</a> <code>CBT</code></p>'
            '<div class="ps-scenario" data-scenario="s"><div><p>Hallucinations</p></div></div>'
            '<div class="quiz"><p>CBT</p></div>')
    assert link(html) == html


def test_text_after_a_skipped_block_is_linked():
    out = link('<div class="ps-scenario"><div>CBT</div></div><p>CBT helps.</p>')
    assert out.endswith('<p><a class="ps-term" href="../glossary/#cbt" title="CBT: what it means (glossary)">CBT</a> helps.</p>')


def test_words_inside_other_words_are_not_linked():
    assert link("<p>Undelusional and CBTs.</p>") == "<p>Undelusional and CBTs.</p>"


def test_limit_per_page():
    out = link("<p>delusion, hallucinations and CBT</p>", limit=2)
    assert out.count('class="ps-term"') == 2


def test_built_pages_link_to_glossary_entries_that_exist(built_site):
    """Every glossary link in the built site points at an id on the glossary page."""
    ids = set(re.findall(r'id="([^"]+)"', (built_site / "glossary" / "index.html").read_text(encoding="utf-8")))
    found = 0
    for page in built_site.glob("**/index.html"):
        for anchor in re.findall(r'class="ps-term" href="[^"#]*#([^"]+)"', page.read_text(encoding="utf-8")):
            assert anchor in ids, (page, anchor)
            found += 1
    assert found > 100
