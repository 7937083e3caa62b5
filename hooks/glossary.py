"""Glossary links: the first use of a clinical word on a module page becomes a link to its glossary entry.

Tooltips need hover, which phones lack; a link works by tap, by keyboard and in print. Pure Python, no
MkDocs import. Terms come from the glossary's ``### Term (other name) {#id}`` headings.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

HEADING = re.compile(r"^###\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$", re.M)

# Everyday words that have a glossary entry but would only clutter a page as links.
NOT_LINKED = {
    "recovery", "personal recovery", "boundaries", "limits", "grief and loss", "discharge", "leaving hospital",
    "carer", "caregiver", "side effects", "prescriber", "mental health team", "crisis plan", "crisis file",
    "safety plan", "confidentiality", "stages of recovery", "relapse", "depression", "major depression",
    "adherence", "burnout", "carer burnout", "crisis line", "helpline", "988", "peer support", "validation",
    # Never turned into links: words about suicide and self-harm stay plain text next to their content notes.
    "suicidal thoughts", "thoughts of suicide", "self-harm",
}

# Elements whose text is never linked: links, headings, code, controls, and the site's own boxes.
SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "summary", "button",
             "label", "select", "option", "sup", "abbr", "nav", "figcaption"}
SKIP_CLASSES = ("ps-scenario", "ps-refs", "ps-review", "admonition-title", "ps-box-title", "quiz", "tabbed-labels")
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}


@dataclass(frozen=True)
class Term:
    anchor: str
    pattern: re.Pattern


def terms(glossary_markdown: str) -> list[Term]:
    """Linkable terms from the glossary headings, longest names first so 'bipolar disorder' wins over 'bipolar'."""
    names: list[tuple[str, str]] = []
    for m in HEADING.finditer(glossary_markdown):
        title, anchor = m.group(1), m.group(2)
        main, _, rest = title.partition("(")
        variants = [main.strip()] + [v.strip() for v in rest.rstrip(")").split(",") if v.strip()]
        for v in variants:
            if v.lower() in NOT_LINKED or len(v.split()) > 3 or len(v) < 3:
                continue
            names.append((v, anchor))
    names.sort(key=lambda n: -len(n[0]))
    out = []
    for name, anchor in names:
        if name.isupper():  # acronyms match exactly: CBT, LEAP, HIPAA
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        else:
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?:s|es)?(?![\w-])", re.I)
        out.append(Term(anchor, pattern))
    return out


def link_terms(page_html: str, glossary_terms: list[Term], href: str, limit: int = 12) -> str:
    """Link the first use of each term in running text, at most ``limit`` links per page."""
    done: set[str] = set()
    skip: list[str] = []  # tag names of open elements whose text is skipped
    out: list[str] = []
    pos = 0
    for m in TAG.finditer(page_html):
        out.append(_link_text(page_html[pos:m.start()], glossary_terms, href, done, limit) if not skip
                   else page_html[pos:m.start()])
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if skip:
            if name == skip[-1] and not closing and not attrs.rstrip().endswith("/"):
                skip.append(name)  # same element nested inside a skipped one
            elif closing and name == skip[-1]:
                skip.pop()
        elif not closing and name not in VOID and (
                name in SKIP_TAGS or any(c in attrs for c in SKIP_CLASSES)):
            skip.append(name)
        out.append(m.group(0))
        pos = m.end()
    out.append(_link_text(page_html[pos:], glossary_terms, href, done, limit) if not skip else page_html[pos:])
    return "".join(out)


def _link_text(text: str, glossary_terms: list[Term], href: str, done: set[str], limit: int) -> str:
    if not text.strip() or len(done) >= limit:
        return text
    taken: list[tuple[int, int, str]] = []
    for term in glossary_terms:
        if term.anchor in done or len(done) >= limit:
            continue
        for m in term.pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in taken):
                continue
            taken.append((m.start(), m.end(), term.anchor))
            done.add(term.anchor)
            break
    for start, end, anchor in sorted(taken, reverse=True):
        word = text[start:end]
        link = (f'<a class="ps-term" href="{href}#{anchor}" '
                f'title="{html.escape(word)}: what it means (glossary)">{word}</a>')
        text = text[:start] + link + text[end:]
    return text
