"""HTML-stage glue, called from site.on_page_content: glossary links, search tuning, mkdocs-quiz's code moved
into cached files, and the feature scripts each page needs."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import glossary
import minify
import quiz_assets
from glue_state import STATE, fail

def link_glossary(html_text: str, page: Page) -> str:
    """On module pages, the first use of a clinical word links to its glossary entry (works by tap)."""
    if not cm.is_module(page.file.src_uri):
        return html_text
    target = STATE["pages"].get("glossary.md")
    if target is None:
        return html_text
    if "glossary_terms" not in STATE:
        STATE["glossary_terms"] = glossary.terms(Path(target.abs_src_path).read_text(encoding="utf-8"))
    return glossary.link_terms(html_text, STATE["glossary_terms"], get_relative_url(target.url, page.url))


def page_scripts(page: Page) -> str:
    """Feature scripts only where used. Inside the content, so instant navigation loads them too."""
    src = page.file.src_uri
    names = []
    if cm.is_module(src):
        names += ["text-size.js", "listen.js"]
    if src in ("start.md", "index.md"):
        names.append("start.js")
    return "".join(f'\n<script src="{get_relative_url("assets/javascripts/" + n, page.url)}" defer></script>'
                   for n in names)


# Blocks kept out of the site search: Material's indexer skips an element marked data-search-exclude="..." and
# then removes the attribute from the page. Quiz feedback and the quiz button (the question and options stay
# in), and the crisis page's country picker (its option list was the page's search snippet). None of these
# elements holds another of its own tag, which Material's indexer needs: it matches elements by tag name.
OUT_OF_SEARCH = ('<div class="answer-feedback', '<button type="submit" class="quiz-button"',
                 '<div class="ps-country-picker"')


def search_tuning(html_text: str, page: Page) -> str:
    """Mark the OUT_OF_SEARCH blocks; rank the facilitators' pages (/groups/...) below module text, unless a
    page sets its own search boost (Material reads page.meta["search"] after this hook)."""
    src = page.file.src_uri
    if src == "groups.md" or src.startswith("groups/"):
        search = page.meta.get("search") or {}
        if isinstance(search, dict) and "boost" not in search:
            page.meta["search"] = {**search, "boost": 0.5}
    for start in OUT_OF_SEARCH:
        tag = start.split()[0]
        html_text = html_text.replace(start, f'{tag} data-search-exclude="true"{start[len(tag):]}')
    return html_text


def move_quiz_code(html_text: str, page: Page) -> str:
    """mkdocs-quiz's inline CSS and JS become two cached files (hooks/quiz_assets.py says why and how)."""
    try:
        html_text, css, scripts = quiz_assets.split(html_text)
    except quiz_assets.QuizCodeNotFound as err:
        fail([cm.Problem(f"docs/{page.file.src_uri}", str(err),
                         "mkdocs-quiz changed how it adds its code: update hooks/quiz_assets.py")])
    if not css:
        return html_text
    css = minify.css(css)  # comments and spaces out, as for our own files (hooks/minify.py)
    css_name = quiz_assets.file_name("css", css)
    js = minify.js(quiz_assets.script_file(css_name, scripts))
    js_name = quiz_assets.file_name("js", js)
    STATE["quiz_files"].update({css_name: css, js_name: js})
    tag = quiz_assets.tags(get_relative_url(js_name, page.url))
    return quiz_assets.drop_hidden_progress(html_text.replace(quiz_assets.MARKER, tag), scripts)
