"""MkDocs glue for clinicians' tools: copy a link to any section, print short, one-page handouts, reading lists,
and the address for corrections. Registered after hooks/site.py in mkdocs.yml; the rules live in the pure
modules ``handouts`` (paper) and ``sharing`` (links and the page map).

What it does, by event:
- on_config: read ``extra.corrections`` (the one address readers report errors to).
- on_files: write a one-page handout for every stage page (a virtual page at TRACK/CONDITION/STAGE/handout/,
  not in the navigation), and the map of pages that reading lists read titles from.
- on_page_markdown: on module pages, a card shown only on paper (address, QR code, review date, crisis numbers).
- on_page_content: "Copy link" after every section heading of a module page, print controls, the quiz answers
  gathered for the printed worksheet, the corrections address, and each feature's script where it is used.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # hooks are loaded by path, not as a package

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import handouts
import qr
import sharing
import vocabulary as V

STATE: dict[str, Any] = {}

CORRECTIONS_MARK = "<!-- ps:corrections -->"


def on_config(config, **kwargs):
    STATE.clear()
    STATE["docs"] = Path(config["docs_dir"])
    corrections = (config.get("extra") or {}).get("corrections") or {}
    if corrections and not isinstance(corrections, dict):
        raise PluginError("mkdocs.yml: extra.corrections must be a mapping with 'email' and/or 'url'")
    STATE["corrections"] = corrections
    return config


def site_url(config) -> str:
    return (config.get("site_url") or "").rstrip("/") + "/" if config.get("site_url") else ""


def full_url(config, url: str) -> str:
    """A page's full web address (for paper and QR codes), or '' when site_url is not set."""
    base = site_url(config)
    return base + url.lstrip("/") if base else ""


def crisis_markdown(docs: Path) -> str:
    """The crisis numbers for paper, from docs/crisis-lines.yml when the project has it, else the crisis page."""
    data_file = docs / "crisis-lines.yml"
    if data_file.exists():
        try:
            import crisis_lines  # the crisis-lines data file and its renderer (hooks/crisis_lines.py)
        except ImportError:
            crisis_lines = None
        if crisis_lines is not None:
            data, problems = crisis_lines.read(data_file, "docs/crisis-lines.yml")
            if data is not None and not problems:
                return crisis_lines.render_print(data)
    page = docs / "crisis.md"
    if not page.exists():
        return ""
    text = page.read_text(encoding="utf-8")
    parsed, _ = cm.parse_front_matter("docs/crisis.md", text)
    checked = cm.as_date(parsed.meta.get("reviewed")) if parsed else None
    return handouts.crisis_from_page(text, checked)


@event_priority(-50)  # after hooks/site.py has recorded the pages written by authors
def on_files(files: Files, config, **kwargs):
    """One-page handouts for stage pages, and the map of pages for reading lists."""
    docs = STATE["docs"]
    STATE["crisis"] = crisis_markdown(docs)
    page_map: dict[str, dict[str, Any]] = {}
    handout_of: dict[str, File] = {}
    for f in list(files.documentation_pages()):
        text = Path(f.abs_src_path).read_text(encoding="utf-8-sig")
        parsed, _ = cm.parse_front_matter(f"docs/{f.src_uri}", text)
        if parsed is None:  # hooks/site.py reports it, with the line, when the page is built
            continue
        meta = parsed.meta
        page_map[sharing.site_path(f.url)] = sharing.entry(str(meta.get("title", f.src_uri)),
                                                           str(meta.get("description", "")), parsed.body)
        kind = cm.page_kind(f.src_uri)
        if isinstance(kind, cm.Problem) or kind.role != "stage" or not meta.get("module"):
            continue
        module = meta["module"]
        h = handouts.extract(meta, parsed.body, V.CONDITION_NAMES.get(module.get("condition"), ""),
                             V.STAGES.get(module.get("stage"), ""))
        src = handouts.handout_src(f.src_uri)
        url = full_url(config, f.url)
        stem = Path(f.src_uri).stem
        content = handouts.render(
            h, page_link=f"../{stem}.md", crisis_link=get_relative_url("crisis.md", src),
            url=url, qr_svg=qr.svg(url, f"QR code for the full page: {url}") if url else "",
            crisis_markdown=STATE["crisis"])
        generated = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(generated)
        handout_of[f.src_uri] = generated
        page_map[sharing.site_path(generated.url)] = sharing.entry(
            f"Handout: {h.title}", "A one-page printable summary, with crisis numbers.", kind="handout")
    STATE["page_map"] = page_map
    STATE["handouts"] = handout_of
    return files


@event_priority(30)  # after hooks/site.py (40) rendered the module boxes, before mkdocs-quiz (0)
def on_page_markdown(markdown: str, page: Page, config, files: Files, **kwargs) -> str:
    """Module pages: a card shown only on paper, first on the first sheet."""
    if page.file.generated_by or not cm.is_module(page.file.src_uri):
        return markdown
    url = full_url(config, page.file.url)
    module = page.meta.get("module") or {}
    review = handouts.review_line(cm.as_date(module.get("reviewed")), module.get("clinical_review"))
    card = handouts.print_card(url, qr.svg(url, f"QR code for this page: {url}") if url else "", review,
                               STATE.get("crisis", ""))
    return card + markdown


def script(page: Page, name: str) -> str:
    return f'\n<script src="{get_relative_url("assets/javascripts/" + name, page.url)}" defer></script>'


def print_actions(page: Page) -> str:
    """Under "In short": print this page, and on stage pages a one-page handout."""
    handout = STATE["handouts"].get(page.file.src_uri)
    link = ""
    if handout is not None:
        href = html.escape(get_relative_url(handout.url, page.url))
        link = f'<a class="md-button ps-print-actions__handout" href="{href}">Print a one-page handout</a>'
    button = ('<button type="button" class="md-button ps-print-actions__page" data-ps-print hidden>'
              "Print this page</button>")
    return f'<div class="ps-print-actions">{link}{button}</div>'


def corrections_html() -> str:
    c = STATE.get("corrections") or {}
    email, url = c.get("email"), c.get("url")
    if not email and not url:
        return ""
    ways = []
    if email:
        ways.append(f'email <a href="mailto:{html.escape(email)}">{html.escape(email)}</a>')
    if url:
        ways.append(f'use <a href="{html.escape(url)}">the corrections form</a>')
    return ('<p class="ps-corrections">Spotted a mistake, or something out of date? Please tell us: '
            + " or ".join(ways)
            + ". Say which page and what is wrong, and leave out anyone's name or health details.</p>")


@event_priority(-110)  # after mkdocs-quiz (0) and hooks/site.py (-100)
def on_page_content(html_text: str, page: Page, config, files: Files, **kwargs) -> str:
    src = page.file.src_uri
    html_text = html_text.replace(CORRECTIONS_MARK, corrections_html())
    if page.file.generated_by:  # a one-page handout
        return html_text + script(page, "print.js")
    if cm.is_module(src):
        html_text = sharing.add_copy_links(html_text)
        end = html_text.find("</div>", html_text.find('class="ps-inshort"'))
        actions = print_actions(page)
        if 'class="ps-inshort"' in html_text and end != -1:
            html_text = html_text[: end + 6] + actions + html_text[end + 6:]
        else:
            html_text = actions + html_text
        html_text += handouts.quiz_answers(html_text)
        return html_text + script(page, "copy-link.js") + script(page, "print.js")
    if src == "pathway.md":
        return (html_text + "\n" + sharing.page_map_element(STATE["page_map"]) + script(page, "qrcode-generator.js")
                + script(page, "copy-link.js") + script(page, "print.js") + script(page, "pathway.js"))
    if src == "clinicians.md":
        return html_text + script(page, "copy-link.js") + script(page, "pathway.js")
    return html_text
