"""Keep the search index small: text that repeats another page, or is not worth finding, is left out.

Pure: adds Material's ``data-search-exclude`` attribute to rendered HTML; no MkDocs import. Material's indexer
(material/plugins/search/plugin.py) skips an element with that attribute and everything inside it, and drops a
whole section when its heading carries it. Left out: the blocks
listed in BLOCKS below (reference lists, scenario maps, quiz answer feedback, page furniture), and the
facilitator notes gathered on the groups page (indexed where they are written): their headings carry the
attribute, written by hooks/site.py.

Caution (Material 9.8.1): its parser compares elements by tag name only, so an excluded element with an
element of the same tag nested inside ends the exclusion early and can crash the build
(``ValueError: '<li>' is not in list``). Each pattern below therefore matches only blocks with no nested
element of the same tag.
"""

from __future__ import annotations

import re

ATTR = "data-search-exclude"
# Material removes the attribute from the page after indexing only when it has a value (its search plugin,
# on_page_context: r'\s?data-search-\w+="[^"]+"'); a bare one (as mkdocs-quiz writes it) would stay in the HTML.
MARK = f'{ATTR}="true"'
BARE = re.compile(rf'\b{ATTR}(?=[\s/>])')
# (tag, class attribute as rendered): blocks that repeat other pages or are furniture, not content.
BLOCKS = [
    ("ol", "ps-refs"),                        # a page's own reference list: indexed once, on the sources page
    ("details", "ps-scenario-map"),           # groups page maps: the stories are indexed on their own pages
    ("div", "answer-feedback hidden"),        # quiz answer feedback (question and options stay findable)
    ("nav", "ps-sections"),                   # "On this page": the section titles are indexed already
    ("nav", "ps-stages"),                     # the stage switcher, the same on every stage page
    ("p", "ps-back-to-sections"),             # "Back to the sections"
    ("p", "ps-quiz-note"),                    # the same privacy note above every quiz
    ("p", "ps-scenario__how"),                # scenario instructions, the same in every scenario
    ("p", "ps-scenario__step"),               # "Step 3"
    ("p", "ps-scenario__feedback"),           # empty until a choice is made
    ("p", "ps-scenario__prompt"),             # "What do you do?"
    ("p", "ps-scenario__again"),              # "Start the scenario again"
    ("a", "quiz-header-link"),                # the quiz's "#" link
    ("button", "quiz-button"),                # "Check my answer"
]


def pattern(tag: str, cls: str) -> re.Pattern:
    """The block, only when no element of the same tag is nested in it (see the caution above)."""
    return re.compile(rf'(<{tag}\b[^>]*?\bclass="{re.escape(cls)}"[^>]*?)(>(?:(?!<{tag}\b).)*?</{tag}>)', re.S)


PATTERNS = [pattern(tag, cls) for tag, cls in BLOCKS]


def exclude(html: str) -> str:
    """Mark the repeated blocks so Material's search indexer skips them."""
    for pat in PATTERNS:
        html = pat.sub(lambda m: m.group(1) + ("" if ATTR in m.group(1) else f" {MARK}") + m.group(2), html)
    return BARE.sub(MARK, html)
