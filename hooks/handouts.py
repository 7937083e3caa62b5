"""Paper: one-page handouts for stage pages, the print-only card on every module page, quiz answers for the
printed worksheet, and a compact list of crisis numbers.

Pure Python, no MkDocs import: every function takes text and returns data, Markdown or HTML, so each can be
unit-tested (tests/test_handouts.py). hooks/clinician_tools.py wires them to MkDocs.

A handout is built from the stage page itself, so it never drifts from it:
- "In short": the page's front matter ``module.keypoints``;
- "Three things to do first": the first three items of its ``#what-helps`` section (subsections included);
- "What to avoid": the first four items of its ``#what-to-avoid`` section;
- the crisis numbers, the review date, and the page's own address with a QR code.
An item is a top-level list item (``- text``) or a paragraph that starts with a bold lead line
(``**Plan ahead.**`` alone on its line, then its explanation); the lead and its first sentence are kept.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

import search_scope

HANDOUT_FILE = "handout.md"
FIRST_COUNT = 3      # "three things to do first"
AVOID_COUNT = 4      # what to avoid
ITEM_CHARS = 170     # an item longer than this is cut at a sentence (or word) boundary


def handout_src(stage_src: str) -> str:
    """'affective/bipolar/rebuilding.md' -> 'affective/bipolar/rebuilding/handout.md' (address .../handout/)."""
    if not stage_src.endswith(".md"):
        raise ValueError(f"not a Markdown source: {stage_src}")
    return f"{stage_src[:-3]}/{HANDOUT_FILE}"


# Reading a stage page -----------------------------------------------------------------------------


def section(body: str, anchor: str) -> str:
    """The Markdown of one ## section, found by its explicit id ('' when the page has none)."""
    m = re.search(rf"^## .*\{{#{re.escape(anchor)}\}}[ \t]*$(.*?)(?=^## |\Z)", body, re.M | re.S)
    return m.group(1) if m else ""


CITATION = re.compile(r"\s?\[@[^\]]+\]")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”']))\s+(?=[A-Z\"“'(])")


def clean(text: str) -> str:
    """One line of prose for paper: no citation markers, links reduced to their words, spaces tidied."""
    text = CITATION.sub("", text)
    text = LINK.sub(r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text


def balanced(text: str) -> bool:
    """True when every quotation opened in the text is closed."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def first_sentence(text: str) -> str:
    """The first sentence, or more when a quotation runs on: never an open quotation mark."""
    parts = SENTENCE_END.split(text)
    out = parts[0].strip()
    for part in parts[1:]:
        if balanced(out):
            break
        out = f"{out} {part.strip()}"
    return out


def shorten(text: str, limit: int = ITEM_CHARS) -> str:
    """Keep whole sentences up to ``limit`` characters; a single long sentence is cut at a word."""
    if len(text) <= limit:
        return text
    out = ""
    for sentence in SENTENCE_END.split(text):
        if out and len(out) + 1 + len(sentence) > limit and balanced(out):
            return out
        out = f"{out} {sentence}" if out else sentence
    if len(out) <= limit:
        return out
    cut = out[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*[ \t]*$")
BOLD_START = re.compile(r"^\*\*(.+?)\*\*\s*(.*)$")
LIST_ITEM = re.compile(r"^[-*][ \t]+(.*)$")


def items(text: str, limit: int) -> list[str]:
    """The first ``limit`` items of a section, in order (### subsections included: some pages group what
    helps under "In mania" and "In depression").

    Items are top-level list items or bold-lead paragraphs, whichever the section uses first: in a section of
    bold leads, a list spells out the lead above it and is not an item of its own. Admonitions, content tabs,
    quotes and indented blocks are skipped. A bold lead keeps its bold; after it comes the first sentence of
    its explanation (more when a quotation runs on)."""
    lines = text.split("\n")
    found: list[str] = []
    style = ""  # the section's item style, set by its first item: "list" or "lead"
    i = 0
    while i < len(lines) and len(found) < limit:
        line = lines[i]
        m_list = LIST_ITEM.match(line)
        m_lead = BOLD_LEAD.match(line)
        if m_list and style == "lead":  # a list under a bold lead spells out that lead: not an item of its own
            i += 1
            continue
        if m_list:
            style = "list"
            parts = [m_list.group(1)]
            i += 1
            while i < len(lines) and lines[i].startswith(("  ", "\t")) and lines[i].strip() \
                    and not LIST_ITEM.match(lines[i].strip()):
                parts.append(lines[i].strip())
                i += 1
            found.append(format_item(" ".join(parts)))
            continue
        if m_lead and style != "list":
            style = "lead"
            lead = m_lead.group(1).strip()
            explanation = ""
            j = i + 1
            if j < len(lines) and lines[j].strip() and not lines[j].startswith((" ", "\t", "!!!", "???", "===", "-", "*", ">", "<")):
                explanation = first_sentence(clean(lines[j]))
            found.append(format_item(f"**{lead}** {explanation}".strip()))
            i = j
            continue
        i += 1
    return [f for f in found if f]


def format_item(raw: str) -> str:
    """'**Lead.** More text. Even more.' -> '**Lead.** More text.' (within ITEM_CHARS); plain items shortened."""
    raw = clean(raw)
    m = BOLD_START.match(raw)
    if m:
        lead, rest = m.group(1).strip(), m.group(2).strip()
        rest = first_sentence(rest) if rest else ""
        rest = shorten(rest, max(40, ITEM_CHARS - len(lead)))
        joiner = "" if rest[:1] in ",.;:!?" else " "
        return f"**{lead}**{joiner}{rest}".strip()
    return shorten(raw)


@dataclass
class Handout:
    """What a one-page handout says (built from a stage page by ``extract``)."""

    title: str
    condition: str          # "Bipolar disorder"
    stage: str              # "Rebuilding"
    keypoints: list[str]
    first: list[str]
    avoid: list[str]
    reviewed: dt.date | None = None
    clinical_review: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)  # what could not be found (shown in the build log)


def extract(meta: dict[str, Any], body: str, condition_name: str, stage_name: str) -> Handout:
    """The handout of one stage page, from its front matter and body."""
    module = meta.get("module") or {}
    keypoints = [clean(str(k)) for k in module.get("keypoints") or []]
    first = items(section(body, "what-helps"), FIRST_COUNT)
    avoid = items(section(body, "what-to-avoid"), AVOID_COUNT)
    problems = []
    if len(first) < FIRST_COUNT:
        problems.append(f"#what-helps has {len(first)} items (a list, or bold-lead paragraphs); the handout wants "
                        f"{FIRST_COUNT}")
    if not avoid:
        problems.append("#what-to-avoid has no items (a list, or bold-lead paragraphs)")
    reviewed = module.get("reviewed")
    return Handout(
        title=str(meta.get("title", "")), condition=condition_name, stage=stage_name, keypoints=keypoints,
        first=first, avoid=avoid, reviewed=reviewed if isinstance(reviewed, dt.date) else None,
        clinical_review=module.get("clinical_review"), problems=problems,
    )


def long_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def review_line(reviewed: dt.date | None, clinical_review: dict[str, Any] | None) -> str:
    """The review status in one sentence or two, as the page foot says it."""
    out = f"Last checked against its sources on {long_date(reviewed)}." if reviewed else ""
    if clinical_review and clinical_review.get("by"):
        when = clinical_review.get("date")
        out += f" Reviewed by {clinical_review['by']}" + (f" on {long_date(when)}." if isinstance(when, dt.date) else ".")
    else:
        out += " Not yet reviewed by a clinician."
    return out.strip()


def yaml_text(value: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(h: Handout, *, page_link: str, crisis_link: str, url: str, qr_svg: str, crisis_markdown: str) -> str:
    """The handout page's Markdown (front matter included). Links are relative .md paths, checked by MkDocs."""
    title = f"Handout: {h.title}"
    description = f"A one-page printable summary of {h.title[0].lower() + h.title[1:]}, with crisis numbers."
    if len(description) > 160:
        description = "A one-page printable summary of a stage page, with crisis numbers and a QR code."
    out = [
        "---",
        f"title: {yaml_text(title)}",
        f"description: {yaml_text(description)}",
        "search:",
        "  exclude: true",
        "---",
        "",
        '<div class="ps-handout" markdown>',
        "",
        f'<p class="ps-handout__kicker">{html.escape(h.condition)} · {html.escape(h.stage)} · '
        "a one-page handout from Together in Recovery</p>",
        "",
        '<div class="ps-handout__actions" markdown>',
        '<button type="button" class="md-button md-button--primary ps-handout__print" data-ps-print hidden>'
        "Print this handout</button>",
        f"[Read the full page]({page_link}){{: .md-button }}",
        "</div>",
        "",
        "## In short {#in-short}",
        "",
        *[f"- {k}" for k in h.keypoints],
        "",
        "## Three things to do first {#do-first}",
        "",
        *[f"{n}. {item}" for n, item in enumerate(h.first, 1)],
        "",
        "## What to avoid {#avoid}",
        "",
        *[f"- {item}" for item in h.avoid],
        "",
        "## If you are worried about safety now {#crisis-numbers}",
        "",
        '<div class="ps-handout__crisis" markdown>',
        "",
        f"If someone may be in danger, call your local emergency number. More help: [Get help now]({crisis_link}).",
        "",
        crisis_markdown.strip(),
        "",
        "</div>",
        "",
        '<div class="ps-handout__foot" markdown>',
        "",
        f'<div class="ps-handout__qr">{qr_svg}</div>' if qr_svg else "",
        "",
        '<div class="ps-handout__where" markdown>',
        "",
        f"**The full page online:** <span class=\"ps-handout__url\">{html.escape(url)}</span>" if url else "",
        "",
        f"{review_line(h.reviewed, h.clinical_review)} Information, not advice: talk to the person's care team "
        "about your situation.",
        "",
        "</div>",
        "",
        "</div>",
        "",
        "</div>",
        "",
    ]
    return "\n".join(out)


# The print-only card on every module page -------------------------------------------------------


def print_card(url: str, qr_svg: str, review: str, crisis_markdown: str) -> str:
    """Markdown (md_in_html) for a block shown only on paper: the page's address and QR code, its review
    status and the crisis numbers. It has no heading, so it adds no id and no section."""
    return "\n".join([
        '<div class="ps-print-card" markdown>',
        "",
        f'<div class="ps-print-card__qr">{qr_svg}</div>' if qr_svg else "",
        "",
        '<div class="ps-print-card__text" markdown>',
        "",
        f'**This page online:** <span class="ps-print-card__url">{html.escape(url)}</span>' if url else "",
        f"{review} Information, not advice.",
        "{: .ps-print-card__where }",
        "",
        "**If you are worried about safety now**, call your local emergency number, or:",
        "{: .ps-print-card__crisis-title }",
        "",
        crisis_markdown.strip(),
        "",
        "</div>",
        "",
        "</div>",
        "",
        "",
    ])


# Crisis numbers from the crisis page (used when docs/crisis-lines.yml does not exist) -------------

COUNTRY_DIV = re.compile(r'<div class="ps-country" data-country="([a-z]+)"[^>]*>(.*?)</div>', re.S)
CALL = re.compile(r'<a class="ps-call[^"]*"[^>]*>(.*?)</a>', re.S)


def crisis_from_page(text: str, checked: dt.date | None = None) -> str:
    """A compact Markdown list of the crisis page's numbers, one line per country, in the format of
    crisis_lines.render_print: '- **United States**: Call 911; Call 988; Text 988.'"""
    out = []
    for _code, block in COUNTRY_DIV.findall(text):
        name = re.search(r"^###\s+(.+?)\s*(\{#[^}]*\})?\s*$", block, re.M)
        if not name:
            continue
        calls = [re.sub(r"<[^>]+>", "", c).strip() for c in CALL.findall(block)]
        if not calls:  # "Another country": its first sentence and any link text
            sentences = [clean(line) for line in block.split("\n")
                         if line.strip() and not line.lstrip().startswith(("#", "<"))]
            calls = [first_sentence(s) for s in sentences[:2]]
        calls = list(dict.fromkeys(c.rstrip(".") for c in calls if c))
        out.append(f"- **{name.group(1)}**: " + "; ".join(calls) + ".")
    if checked:
        out.append(f"\nThese numbers were last checked on {long_date(checked)}.")
    return "\n".join(out) + "\n"


# Quiz answers for the printed worksheet ------------------------------------------------------------

QUIZ = re.compile(r'<div class="quiz"[^>]*\bid="(quiz-\d+)"[^>]*>(.*?)<section class="content[^"]*">(.*?)</section>',
                  re.S)
QUESTION = re.compile(r'<div class="quiz-question"[^>]*>(.*?)</div>', re.S)
# The feedback div may carry other attributes first: hooks/glue_content.py marks it data-search-exclude.
OPTION = re.compile(r'<input\b([^>]*)><label\b[^>]*>(.*?)</label><div\b[^>]*\bclass="answer-feedback[^"]*"[^>]*>(.*?)</div>',
                    re.S)


def strip_tags(fragment: str) -> str:
    """The words of an HTML fragment, as plain text (entities decoded: escape again before output)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)).strip())


def quiz_answers(page_html: str) -> str:
    """A print-only list of every quiz's right answer and why, in page order ('' when the page has none).
    On paper the questions print as a worksheet (options with empty boxes); this block comes last."""
    rows = []
    for n, (_qid, body, content) in enumerate(QUIZ.findall(page_html), 1):
        right = [(label, why) for attrs, label, why in OPTION.findall(body) if 'data-correct="true"' in attrs]
        if not right:
            continue
        answer = " / ".join(strip_tags(label) for label, _ in right)
        why = " ".join(strip_tags(w) for _, w in right if strip_tags(w))
        more = strip_tags(content)
        text = f"<strong>Question {n}.</strong> {html.escape(answer)}"
        if why:
            text += f" <span class=\"ps-answers__why\">{html.escape(why)}</span>"
        if more:
            text += f" <span class=\"ps-answers__why\">{html.escape(more)}</span>"
        rows.append(f"<li>{text}</li>")
    if not rows:
        return ""
    # Printed only, and the quiz's feedback again: kept out of search (Material drops the attribute after indexing).
    return (f'<section class="ps-answers" {search_scope.MARK} aria-label="Answers to the questions">'
            '<p class="ps-answers__title">Answers to the questions</p>'
            f'<ol class="ps-answers__list">{"".join(rows)}</ol></section>\n')
