"""Find your place in a long page: the page's sections as links near the top, and a way back to them.

Pure: takes the section titles and ids (Material's table of contents, ``page.toc``) and the page's HTML; no
MkDocs import. The list sits after "In short", so a phone reader reaches any section in one tap; a small
"Back to the sections" link before each later section returns to it without covering anything, unlike a
floating button. Both stay out of the site search (``data-search-exclude``, which Material's search plugin
reads and removes): they repeat the headings, which are indexed already.
"""

from __future__ import annotations

import html
import re

LIST_ID = "on-this-page"
PLACEHOLDER = "<!-- ps:sections -->"
# A section heading as Python-Markdown writes it: <h2 id="...">.
H2 = re.compile(r'<h2 id="([^"]+)"')


# Where a heading's short name ends: a colon or semicolon, or a comma that starts a second clause ("Whom to
# call, and what to tell them"). A comma inside a list ("Brothers, sisters and children") does not end it.
LABEL_END = re.compile(r"[:;]\s|,\s(?=(?:and|or|but|then|so)\b)")


def label(title: str, anchor: str, known: dict[str, str]) -> str:
    """A short name for the list: a known section's name, else the heading up to the end of its first clause."""
    if anchor in known:
        return known[anchor]
    return LABEL_END.split(title, maxsplit=1)[0].strip()


def sections_nav(sections: list[tuple[str, str]]) -> str:
    """The "On this page" list: (title, id) pairs, in page order. Empty when there are fewer than three."""
    if len(sections) < 3:
        return ""
    items = "".join(
        f'<li><a href="#{html.escape(anchor)}">{html.escape(title)}</a></li>' for title, anchor in sections
    )
    return (
        f'<nav class="ps-sections" data-search-exclude="true" id="{LIST_ID}" aria-labelledby="{LIST_ID}-title">'
        f'<p class="ps-box-title" id="{LIST_ID}-title">On this page</p>'
        f'<ol class="ps-sections__list">{items}</ol></nav>'
    )


def back_link() -> str:
    return (f'<p class="ps-back-to-sections" data-search-exclude="true"><a href="#{LIST_ID}">'
            '<span aria-hidden="true">&uarr;</span> Back to the sections</a></p>\n')


def add_sections(html_text: str, sections: list[tuple[str, str]]) -> str:
    """Put the list where the module head left its placeholder, and a back link before every later section."""
    nav = sections_nav(sections)
    if PLACEHOLDER not in html_text or not nav:
        return html_text.replace(PLACEHOLDER, "")
    html_text = html_text.replace(PLACEHOLDER, nav, 1)
    listed = {anchor for _, anchor in sections}
    head, sep, rest = html_text.partition(nav)
    count = 0

    def before(m: re.Match) -> str:
        nonlocal count
        if m.group(1) not in listed:
            return m.group(0)
        count += 1
        return m.group(0) if count == 1 else back_link() + m.group(0)

    return head + sep + H2.sub(before, rest)
