"""Quiz code as cached files: mkdocs-quiz's inline <style> and <script>s moved into one CSS and one JS file.

Pure: works on a page's HTML text; no MkDocs import. mkdocs-quiz 1.7.1 appends its whole stylesheet (~10 KB)
and script (~44 KB), plus small translation and config scripts, to the content of every page with a quiz, and
cannot be told to link them instead. Inline, they are downloaded again with every quiz page and never cached;
they also need 'unsafe-inline' in a Content-Security-Policy. ``split`` takes them out and returns the page
with a <link> and a <script src> in their place, and the code to write once as content-addressed files.

Upgrade safety: ``split`` raises ``QuizCodeNotFound`` when a page has a quiz but none of the inline code is
where mkdocs-quiz 1.7.1 puts it, and the build stops (hooks/site.py); tests/test_quiz_assets.py runs the
installed mkdocs-quiz's own strings through it. If an upgrade changes how the code is added, the build and
those tests fail loudly instead of shipping quizzes without their code.
"""

from __future__ import annotations

import hashlib
import re

# What mkdocs-quiz 1.7.1 appends (plugin.py, on_page_content): style, [confetti], translations, config, quiz.js,
# [auto-number]. Every one of its scripts carries type="text/javascript"; the site's own Markdown never does.
STYLE = re.compile(r'<style type="text/css">(.*?)</style>', re.S)
SCRIPT = re.compile(r'<script type="text/javascript"(?: defer)?>(.*?)</script>', re.S)
QUIZ = re.compile(r'<div class="quiz[ "]')
# Its quiz forms carry an inline handler and a javascript: URL, which a strict CSP blocks; quiz.js itself calls
# preventDefault() on submit, so neither is needed.
FORM = '<form action="javascript:void(0);" onsubmit="return false;">'
DIRECTORY = "assets/quiz"
MARKER = "<!--ps:quiz-code-->"  # where the first inline script was: the caller puts tags() there


class QuizCodeNotFound(ValueError):
    """A page has a quiz, but mkdocs-quiz's inline code is not where version 1.7.1 puts it."""


def file_name(kind: str, code: str) -> str:
    """assets/quiz/quiz.<hash>.css|js: a new name whenever the code changes, so it can be cached for ever."""
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:10]
    return f"{DIRECTORY}/quiz.{digest}.{kind}"


def split(html: str) -> tuple[str, str, str]:
    """(html with MARKER where the code was, css, js). Pages without a quiz come back unchanged with empty code."""
    if not QUIZ.search(html):
        return html, "", ""
    styles = STYLE.findall(html)
    scripts = SCRIPT.findall(html)
    if not styles or not scripts or not any("mkdocsQuiz" in s for s in scripts):
        raise QuizCodeNotFound("mkdocs-quiz's inline <style> and <script type=\"text/javascript\"> were not found")
    css = "\n".join(s.strip() for s in styles) + "\n"
    # Classic scripts run one after another in the global scope; joined in the same order they do the same.
    js = "\n;\n".join(s.strip() for s in scripts) + "\n"
    html = STYLE.sub("", html)
    html = SCRIPT.sub(MARKER, html, count=1)
    html = SCRIPT.sub("", html).replace(FORM, "<form>")
    return html, css, js


def tags(css_href: str, js_href: str) -> str:
    """The tags that replace the inline code (a plain script: it runs where the inline one ran)."""
    return f'<link rel="stylesheet" href="{css_href}">\n<script src="{js_href}"></script>'


# With show_progress off the progress widgets stay hidden (display: none) for good; quiz.js checks for them
# before use, so they can go (they are also search noise: "Answered: 0 / 0").
PROGRESS = re.compile(r'<div id="quiz-progress-sidebar"[^>]*style="display: none;">.*?</ul>\s*</div>'
                      r'|<nav id="quiz-progress-mobile"[^>]*style="display: none;">.*?</nav>', re.S)


def drop_hidden_progress(html: str, js: str) -> str:
    """Remove the progress widgets when the page's quiz config turns progress off."""
    if "showProgress: false" not in js:
        return html
    return PROGRESS.sub("", html)
