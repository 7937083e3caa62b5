"""MkDocs glue: the events only. Validate content, render module boxes, citations and scenarios, guard the output.

The rules live in pure modules (``content_model``, ``scenario_graph``, ``vocabulary`` and the rest); this file
wires them to MkDocs events. The work each event does lives in small glue modules beside it:
``glue_state`` (the build's state, ``fail``), ``glue_markdown`` (markers, citations, notes), ``glue_paths``
(/start/ and /progress/) and ``glue_content`` (glossary links, search tuning, quiz code). Any problem stops the
build with a ``PluginError`` that names the file, the line or node, and a hint.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # hooks are loaded by path, not as a package

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import crisis_lines
import group_packet
import group_plans
import join_scripts
import minify
import paths
import publish
import scenario_graph
import search_scope
import sections
import stylesheets
import vocabulary as V
from glue_content import link_glossary, move_quiz_code, page_scripts, search_tuning
from glue_markdown import (add_quiz_privacy_note, reference_html, render_citations, render_crisis_lines,
                           render_facilitator_notes, render_markers, stage_links)
from glue_paths import load_paths, render_path_markers
from glue_state import STATE, fail, long_date, relative_md, site_path, strip_scripts


def on_config(config, **kwargs):
    """Runs first: load and check sources and scenarios, and prepare the templates."""
    docs = Path(config["docs_dir"])
    root = Path(config["config_file_path"]).parent
    STATE.clear()
    STATE["docs"] = docs

    problems = stylesheets.check_dir(docs)  # a block left open turns every later rule into part of it
    problems += join_scripts.check_dir(docs)  # what joining a page's scripts would break (hooks/join_scripts.py)
    if problems:
        fail(problems)

    data, problems = cm.load_sources(docs / "sources.yml")  # YAML is read strictly: hooks/strict_yaml.py
    if problems:
        fail(problems)
    STATE["sources"] = data

    STATE["crisis_lines"] = None  # docs/crisis-lines.yml: every crisis number, for <!-- md:crisis-lines -->
    if (docs / "crisis-lines.yml").exists():
        lines, problems = crisis_lines.read(docs / "crisis-lines.yml", "docs/crisis-lines.yml", sources=data)
        if problems:
            fail(problems)
        STATE["crisis_lines"] = lines

    scenarios: dict[str, dict[str, Any]] = {}
    problems = []
    for path in sorted((docs / "scenarios").glob("*")):
        shown = f"docs/scenarios/{path.name}"
        if path.suffix not in (".yml", ".yaml"):
            problems.append(cm.Problem(shown, "only .yml scenario files belong here", "rename it to ID.yml"))
            continue
        scenario, found = scenario_graph.check_file(path, shown)
        problems.extend(found)
        if scenario is not None and not found:
            scenarios[path.stem] = scenario
    if problems:
        fail(problems)
    STATE["scenarios"] = scenarios
    STATE["embedded"] = {}
    STATE["quiz_files"] = {}

    STATE["paths"] = load_paths(docs)
    STATE["jinja"] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / "overrides" / "partials" / "ps"),
        autoescape=False, comment_start_string="{#-", comment_end_string="-#}", trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return config


def on_files(files: Files, config, **kwargs):
    """Remember which pages exist, for stage switchers and links rendered by this hook."""
    STATE["pages"] = {f.src_uri: f for f in files.documentation_pages()}
    texts = {s: Path(f.abs_src_path).read_text(encoding="utf-8-sig") for s, f in STATE["pages"].items()}
    problems = group_plans.check_plans({s: t for s, t in texts.items() if group_plans.is_plan(s, t)},
                                       STATE["pages"], STATE["scenarios"])  # group session plans
    if problems:
        fail(problems)
    if STATE["paths"] is not None:
        problems = paths.check(STATE["paths"], "docs/paths.yml", STATE["pages"])
        if problems:
            fail(problems)
    return files


def on_nav(nav, config, files, **kwargs):
    """Keep the navigation: /progress/ lists the modules grouped as in it."""
    STATE["nav"] = nav
    return nav


@event_priority(40)  # before mkdocs-quiz (0) replaces quizzes, after Material's meta plugin (50)
def on_page_markdown(markdown: str, page: Page, config, files: Files, **kwargs) -> str:
    """Per page: re-parse and check the source, then render the module boxes, citations and scenarios."""
    if page.file.generated_by:  # pages a hook writes (one-page handouts: hooks/clinician_tools.py)
        return markdown
    src = page.file.src_uri
    shown = f"docs/{src}"
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    kind = cm.page_kind(src)
    if isinstance(kind, cm.Problem):
        fail([cm.Problem(shown, kind.message, kind.hint)])
    parsed, problems = cm.parse_front_matter(shown, text)
    if parsed is None:
        fail(problems)
    sources = STATE["sources"]
    problems = cm.check_front_matter(shown, parsed, kind, sources)
    problems += cm.check_body(shown, parsed.body, parsed.body_line, kind, sources, STATE["scenarios"])
    if problems:
        fail(problems)

    meta = parsed.meta
    module = meta.get("module") or {}
    if "<quiz>" in markdown:  # quiz code only on pages that have quizzes
        quiz = dict(meta.get("quiz") or {})
        quiz.setdefault("enabled", True)
        page.meta["quiz"] = quiz

    body = render_facilitator_notes(markdown, page.file.src_uri)
    body = group_packet.render(body, lambda s: Path(STATE["pages"][s].abs_src_path).read_text(encoding="utf-8")
                               if s in STATE["pages"] else None, config["site_url"] or "/", src,
                               crisis_lines.render_print(STATE["crisis_lines"]) if STATE["crisis_lines"] else "")
    body = add_quiz_privacy_note(body, src)
    refs = list(dict.fromkeys(module.get("sources") or meta.get("sources") or []))
    body = render_crisis_lines(body, page)
    body, refs = render_citations(body, refs)
    body = render_markers(body, page)
    body = render_path_markers(body, page)
    env: jinja2.Environment = STATE["jinja"]
    crisis = relative_md(src, "crisis.md")
    head = ""
    if kind.type == "module":
        head = env.get_template("module-head.html").render(
            content_note=module.get("content_note"), crisis_link=crisis,
            keypoints=module["keypoints"], objectives=module["objectives"], reading_time=module["reading_time"],
            stages=stage_links(page, module), condition_name=V.CONDITION_NAMES.get(module["condition"], ""),
        )
        head = env.get_template("module-tools.html").render() + head  # Listen and text size, one row
    elif meta.get("content_note"):  # plain pages (group session plans) may carry a content note too
        head = f'!!! warning "Content note"\n    {meta["content_note"]} If you need help now, go to [Get help now]({crisis}).\n\n'
    reviewed = cm.as_date(module.get("reviewed") or meta.get("reviewed"))
    review = module.get("clinical_review")
    foot = ""
    if kind.type == "module" or refs or reviewed:
        foot = env.get_template("page-foot.html").render(
            refs=[{"key": k, "html": reference_html(k, sources[k])} for k in refs],
            reviewed=reviewed, reviewed_text=long_date(reviewed) if reviewed else "",
            clinical_review={"by": review["by"], "date": cm.as_date(review["date"])} if review else None,
            clinical_review_text=long_date(cm.as_date(review["date"])) if review else "",
        )
    if kind.type == "module":  # "read to the end" is recorded here, and the page can be marked done
        progress = STATE["pages"].get("progress.md")
        foot = env.get_template("module-end.html").render(
            path=site_path(page), progress_href=get_relative_url(progress.url, page.url) if progress else "") + foot
    return head + body + "\n\n" + foot


@event_priority(-100)  # after mkdocs-quiz injected its HTML
def on_page_content(html_text: str, page: Page, config, files: Files, **kwargs) -> str:
    """Link glossary words; register quiz anchors for link validation; stop on an unprocessed quiz."""
    html_text = link_glossary(html_text, page)
    html_text = sections.add_sections(
        html_text, [(sections.label(i.title, i.id, V.SECTION_LABELS), i.id) for i in page.toc.items if i.id])
    if getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids.update(re.findall(r'<div class="quiz[^"]*"[^>]*\bid="(quiz-\d+)"', html_text))
    html_text = search_tuning(html_text, page)
    html_text = move_quiz_code(html_text, page)
    html_text = search_scope.exclude(html_text)
    if 'class="quiz"' in html_text:  # quizzes that say right or wrong in words, loaded only where used
        src = get_relative_url("assets/javascripts/quiz-voice.js", page.url)
        html_text += f'\n<script src="{src}" defer></script>\n'  # after quiz.js (also deferred)
    if "<quiz>" in html_text:
        fail([cm.Problem(f"docs/{page.file.src_uri}", "a <quiz> block was not turned into a quiz",
                         "each <quiz> and </quiz> stands alone on its own line")])
    return html_text + page_scripts(page)


ID_ATTR = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")


def on_post_page(output: str, page: Page, config, **kwargs) -> str:
    """Check the finished page: no id may appear twice (headings, scenarios and anything added)."""
    seen: set[str] = set()
    dupes = sorted({i for i in ID_ATTR.findall(strip_scripts(output)) if i in seen or seen.add(i)})
    if dupes:
        fail([cm.Problem(f"docs/{page.file.src_uri}", f"id '{d}' is used twice on the rendered page",
                         "rename the heading id or scenario node; ids must be unique on a page") for d in dupes])
    return output


@event_priority(-100)  # last: after other plugins wrote their files (redirect stubs), so every file is covered
def on_post_build(config, **kwargs):
    """Cross-page checks (every scenario is embedded somewhere), then the site-wide files (hooks/publish.py)."""
    orphans = sorted(set(STATE["scenarios"]) - set(STATE["embedded"]))
    if orphans:
        fail([cm.Problem(f"docs/scenarios/{o}.yml", "this scenario is not embedded on any page",
                         f"add <!-- md:scenario {o} --> under a page's Practise section") for o in orphans])
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    try:
        publish.finish(  # quiz code files, manifest and icons, security headers, service worker
            Path(config["site_dir"]), files=STATE["quiz_files"], env=STATE["jinja"], site_name=config["site_name"], description=config["site_description"] or "",
            favicon=Path(config["docs_dir"]) / config["theme"]["favicon"],
            search_langs=list(search.config.lang or ["en"]) if search else ["en"], site_url=config["site_url"] or "",
            offline_enabled=(config["extra"] or {}).get("offline", True) is not False, colours=minify.colours(config["theme"]["palette"]))
    except minify.PaletteChanged as err:
        fail([cm.Problem("mkdocs.yml", f"theme.palette: {err}",
                         "Material changed its palette stylesheet; update hooks/minify.py (tests/test_minify.py)")],
             "upgrade problem")
