"""Quiz code as cached files: mkdocs-quiz's inline <style> and <script>s moved into one CSS and one JS file.

Pure: works on a page's HTML text; no MkDocs import. mkdocs-quiz 1.7.1 appends its whole stylesheet (~10 KB)
and script (~44 KB), plus small translation and config scripts, to the content of every page with a quiz, and
cannot be told to link them instead. Inline, they are downloaded again with every quiz page and never cached;
they also need 'unsafe-inline' in a Content-Security-Policy. ``split`` takes them out and returns the page
with one deferred <script src> in their place, and the code to write once as content-addressed files (the
script loads the stylesheet).

Upgrade safety: ``split`` raises ``QuizCodeNotFound`` when a page has a quiz but none of the inline code is
where mkdocs-quiz 1.7.1 puts it, and the build stops (hooks/site.py); tests/test_quiz_assets.py runs the
installed mkdocs-quiz's own strings through it. If an upgrade changes how the code is added, the build and
those tests fail loudly instead of shipping quizzes without their code.
"""

from __future__ import annotations

import hashlib
import json
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


def split(html: str) -> tuple[str, str, list[str]]:
    """(html with MARKER where the code was, css, scripts in page order). Pages without a quiz come back
    unchanged with no code."""
    if not QUIZ.search(html):
        return html, "", []
    styles = STYLE.findall(html)
    scripts = [s.strip() for s in SCRIPT.findall(html)]
    if not styles or not scripts or not any("mkdocsQuiz" in s for s in scripts):
        raise QuizCodeNotFound("mkdocs-quiz's inline <style> and <script type=\"text/javascript\"> were not found")
    css = "\n".join(s.strip() for s in styles) + "\n"
    html = STYLE.sub("", html)
    html = SCRIPT.sub(MARKER, html, count=1)
    html = SCRIPT.sub("", html).replace(FORM, "<form>")
    return html, css, scripts


# Prepended to the script file: load the quiz stylesheet without holding up the first paint (quizzes sit at the
# end of a page). Material's instant navigation re-runs the script on each quiz page, which re-adds the link.
CSS_LOADER = """(function () {
  var me = document.currentScript, href = me && new URL(%s, me.src).href;
  if (href && !document.querySelector('link[rel="stylesheet"][href="' + href + '"]')) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }
})();"""


def script_file(css_name: str, scripts: list[str]) -> str:
    """One file: the stylesheet loader, then mkdocs-quiz's scripts in page order (classic scripts run one
    after another in the global scope, so joined they do the same). quiz.js itself (the script that reads
    document$) runs with document$ hidden: it is loaded with `defer`, after Material's bundle has defined
    document$, and would then initialise twice on the first load (once now, once when document$ first fires),
    adding a second "Try again" button to every quiz. Material re-runs the script on every instant
    navigation anyway, so one initialisation per run is all it needs."""
    parts = [CSS_LOADER % json.dumps(css_name.rsplit("/", 1)[-1])]
    for code in scripts:
        if "document$" in code:
            code = "(function (document$) {\n" + code + "\n})();"
        parts.append(code)
    return "\n;\n".join(parts) + "\n"


def tags(js_href: str) -> str:
    """The tag that replaces the inline code: deferred, so it never holds up reading the page."""
    return f'<script src="{js_href}" defer></script>'


# With show_progress off the progress widgets stay hidden (display: none) for good; quiz.js checks for them
# before use, so they can go (they are also search noise: "Answered: 0 / 0").
PROGRESS = re.compile(r'<div id="quiz-progress-sidebar"[^>]*style="display: none;">.*?</ul>\s*</div>'
                      r'|<nav id="quiz-progress-mobile"[^>]*style="display: none;">.*?</nav>', re.S)


def drop_hidden_progress(html: str, scripts: list[str]) -> str:
    """Remove the progress widgets when the page's quiz config turns progress off."""
    if not any("showProgress: false" in code for code in scripts):
        return html
    return PROGRESS.sub("", html)
