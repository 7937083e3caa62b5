"""Markdown-stage glue: citations, <!-- md:... --> markers (scenarios, maps, source list, crisis lines,
facilitator notes), the quiz privacy note and the stage switcher. Called from site.on_page_markdown."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import crisis_lines
import vocabulary as V
from glue_state import STATE, fail, relative_md

def reference_html(key: str, entry: dict[str, Any]) -> str:
    """One formatted reference: authors (year). Title. Publication. Link."""
    e = {k: html.escape(str(v)) for k, v in entry.items()}
    out = f"{e['authors']} ({e['year']}). {e['title'].rstrip('.')}. <em>{e['publication']}</em>."
    if "doi" in entry:
        out += f' <a href="https://doi.org/{e["doi"]}" rel="noopener">doi:{e["doi"]}</a>'
    elif "url" in entry:
        out += f' <a href="{e["url"]}" rel="noopener">{e["url"]}</a>'
    return out


CITE = re.compile(r"\s?" + cm.CITE.pattern)  # also takes the space before the marker


def render_citations(body: str, refs: list[str]) -> tuple[str, list[str]]:
    """Turn [@key] markers into numbered links to the page's reference list (keys were checked already)."""
    sources = STATE["sources"]

    def number(key: str) -> int:
        if key not in refs:
            refs.append(key)
        return refs.index(key) + 1

    def replace(m: re.Match) -> str:
        links = []
        for key in cm.cite_keys(m.group(1)):
            n = number(key)
            who = html.escape(f"{sources[key]['authors'].split(',')[0]} {sources[key]['year']}")
            links.append(f'<a href="#ref-{key}" aria-label="Source {n}: {who}">{n}</a>')
        return f'<sup class="ps-cite">[{", ".join(links)}]</sup>'

    lines = body.split("\n")
    # Lines inside code fences are blanked by mask_code: leave those alone.
    out = [CITE.sub(replace, line) if masked == line else line for line, masked in zip(lines, cm.mask_code(lines))]
    return "\n".join(out), refs


MARKER = re.compile(r"^[ \t]*<!--\s*md:(scenario|scenario-map|source-list)\s*(\S*)\s*-->[ \t]*$", re.M)


def render_markers(body: str, page: Page) -> str:
    """Replace <!-- md:scenario ID --> and <!-- md:scenario-map ID --> with rendered HTML."""
    env: jinja2.Environment = STATE["jinja"]

    def replace(m: re.Match) -> str:
        kind, sid = m.group(1), m.group(2)
        if kind == "source-list":
            sources = STATE["sources"]
            items = "".join(f'<li id="ref-{k}">{reference_html(k, sources[k])}</li>\n'
                            for k in sorted(sources, key=lambda k: (sources[k]["authors"].lower(), k)))
            return f'<ol class="ps-refs ps-refs--all">\n{items}</ol>\n'
        s = STATE["scenarios"][sid]
        nodes = []
        for name, node in s["nodes"].items():
            node = dict(node)
            node["first_line"] = shorten(str(node.get("text", "")), 140)
            nodes.append((str(name), node))
        if kind == "scenario":
            STATE["embedded"].setdefault(sid, []).append(page.file.src_uri)
        template = "scenario.html" if kind == "scenario" else "scenario-map.html"
        return env.get_template(template).render(
            s=s, nodes=nodes, depth=longest_path(s), steps={name: i for i, (name, _) in enumerate(nodes, 1)},
            ending_names={e: e.capitalize() for e in V.ENDINGS}, stage_name=stage_label(s),
            crisis_href=get_relative_url("crisis/", page.url) if page.url else "crisis/",
            played_at=played_at(sid, page),
        )

    return MARKER.sub(replace, body)


CRISIS_MARKER = re.compile(r"^[ \t]*<!--\s*md:crisis-lines\s*(\S*)\s*-->[ \t]*$", re.M)


def render_crisis_lines(body: str, page: Page) -> str:
    """<!-- md:crisis-lines -->: the country panels on /crisis/, the "Whom to call" tabs on other pages.
    Flags the page so overrides/main.html adds crisis-lines.js (opens the reader's country)."""
    found = CRISIS_MARKER.findall(body)
    if not found:
        return body
    shown = f"docs/{page.file.src_uri}"
    if STATE["crisis_lines"] is None:
        fail([cm.Problem(shown, "uses <!-- md:crisis-lines --> but docs/crisis-lines.yml is missing",
                         "every crisis number lives in that file")])
    arg = next((a for a in found if a), "")
    if arg:
        fail([cm.Problem(shown, f"<!-- md:crisis-lines {arg} --> takes no argument",
                         "write <!-- md:crisis-lines -->; advice for a country goes in docs/crisis-lines.yml")])
    page.meta["ps_crisis_lines"] = True
    render = crisis_lines.render_page if page.file.src_uri == "crisis.md" else crisis_lines.render_tabs
    return CRISIS_MARKER.sub(lambda m: render(STATE["crisis_lines"]), body)


TRACK_ORDER = ("why-you-matter", "recovery", "skills/", "psychotic/", "affective/")


def render_facilitator_notes(body: str, dest: str) -> str:
    """<!-- md:facilitator-notes -->: every module's facilitator notes, gathered on one page."""
    marker = re.compile(r"^[ \t]*<!--\s*md:facilitator-notes\s*-->[ \t]*$", re.M)
    if not marker.search(body):
        return body
    out = []
    order = sorted(STATE["pages"], key=lambda s: (next((i for i, p in enumerate(TRACK_ORDER) if s.startswith(p)), 9), s))
    for src in order:
        if not cm.is_module(src):
            continue
        text = Path(STATE["pages"][src].abs_src_path).read_text(encoding="utf-8")
        notes = cm.facilitator_notes(text)
        if not notes:
            continue
        parsed, _ = cm.parse_front_matter(src, text)
        title = parsed.meta.get("title", src) if parsed else src
        slug = re.sub(r"[^a-z0-9]+", "-", src[:-3].lower()).strip("-")
        link = posixpath.relpath(src, posixpath.dirname(dest) or ".")
        # data-search-exclude on the heading keeps the section out of the site search: the notes already sit
        # on their own module pages, and here they would outrank them.
        out.append(f"### {title} {{#notes-{slug} data-search-exclude=\"true\"}}\n\nFrom [{title}]({link}).\n")
        for note in notes:
            out.append(f'<div class="ps-facilitator-note" markdown>\n\n{cm.rebase_links(note, src, dest)}\n\n</div>\n')
    return marker.sub(lambda m: "\n".join(out), body)


QUIZ_SECTION = re.compile(r"^(## .*\{#check-yourself\}[ \t]*\n)", re.M)


def add_quiz_privacy_note(body: str, src: str) -> str:
    """Under 'Check yourself': answers are for learning and stay on this device (phones are shared)."""
    if "<quiz>" not in body or "about.md" not in STATE["pages"]:
        return body
    about = relative_md(src, "about.md")
    note = ("\nThese questions are for learning, not a test. Your answers are kept only on this device, so you can "
            f"come back to them; [clear them]({about}#privacy) at any time.\n{{: .ps-quiz-note data-search-exclude=\"true\" }}\n")
    return QUIZ_SECTION.sub(lambda m: m.group(1) + note, body, count=1)


def shorten(text: str, limit: int) -> str:
    """The opening words of a text, cut at a word boundary."""
    out = ""
    for word in text.split():
        if len(out) + len(word) + 1 > limit:
            return out + " …"
        out = f"{out} {word}" if out else word
    return out


def stage_label(s: dict[str, Any]) -> str:
    condition = V.CONDITION_NAMES.get(s.get("condition"), "Shared skills")
    stage = V.STAGES.get(s.get("stage"), "")
    return f"{condition}, {stage.lower()}" if stage else condition


def played_at(sid: str, page: Page) -> str:
    """Link from a map to the page that embeds the scenario (found by scanning sources once)."""
    if "homes" not in STATE:
        homes: dict[str, str] = {}
        for src, f in STATE["pages"].items():
            text = Path(f.abs_src_path).read_text(encoding="utf-8")
            for kind, found in MARKER.findall(text):
                if kind == "scenario":
                    homes.setdefault(found, src)
        STATE["homes"] = homes
    src = STATE["homes"].get(sid)
    if not src or src == page.file.src_uri:
        return ""
    return get_relative_url(STATE["pages"][src].url, page.url) + f"#{sid}--{STATE['scenarios'][sid]['start']}"


def longest_path(s: dict[str, Any]) -> int:
    """Number of steps on the longest path from start (the graph has no cycles)."""
    memo: dict[str, int] = {}

    def depth(name: str) -> int:
        if name not in memo:
            node = s["nodes"][name]
            memo[name] = 1 + max((depth(str(c["goto"])) for c in node.get("choices") or []), default=0)
        return memo[name]

    return depth(str(s["start"]))


def stage_links(page: Page, module: dict[str, Any]) -> list[dict[str, Any]]:
    """The stage switcher for stage pages and condition overviews: only pages that exist."""
    condition = module.get("condition")
    if condition not in V.STAGE_CELLS:
        return []
    track = module["disorder"]
    links = []
    cells = [(condition, stage) for stage in V.STAGE_CELLS[condition]]
    if condition in V.EARLY_SIGNS_ON:
        cells.insert(0, (V.EARLY_SIGNS_ON[condition], "early-signs"))
    for cell_condition, stage in cells:
        f = STATE["pages"].get(f"{track}/{cell_condition}/{stage}.md")
        if f is None:
            continue
        links.append({"name": V.STAGES[stage], "href": get_relative_url(f.url, page.url),
                      "current": module.get("stage") == stage})
    return links
