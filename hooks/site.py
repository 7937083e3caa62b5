"""MkDocs glue: validate content, render module boxes, citations and scenarios, and guard the output.

The rules live in pure modules (``content_model``, ``scenario_graph``, ``vocabulary``); this file only wires
them to MkDocs events and renders Jinja partials from ``overrides/partials/ps/``. Any problem stops the
build with a ``PluginError`` that names the file, the line or node, and a hint.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # hooks are loaded by path, not as a package

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import crisis_lines
import glossary
import group_packet
import group_plans
import paths
import publish
import quiz_assets
import scenario_graph
import search_scope
import sections
import vocabulary as V

# State for one build -----------------------------------------------------------------------------

STATE: dict[str, Any] = {}


def fail(problems: list[cm.Problem], what: str = "authoring problem") -> None:
    """Stop the build, listing every problem found."""
    count = len(problems)
    lines = "\n".join(f"  - {p}" for p in problems)
    raise PluginError(f"{count} {what}{'s' if count != 1 else ''}:\n{lines}")


# Hooks -------------------------------------------------------------------------------------------


def on_config(config, **kwargs):
    """Runs first: load and check sources and scenarios, and prepare the templates."""
    docs = Path(config["docs_dir"])
    root = Path(config["config_file_path"]).parent
    STATE.clear()
    STATE["docs"] = docs

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
    publish.finish(  # quiz code files, manifest and icons, security headers, service worker
        Path(config["site_dir"]), files=STATE["quiz_files"], env=STATE["jinja"], site_name=config["site_name"], description=config["site_description"] or "",
        favicon=Path(config["docs_dir"]) / config["theme"]["favicon"],
        search_langs=list(search.config.lang or ["en"]) if search else ["en"], site_url=config["site_url"] or "",
        offline_enabled=(config["extra"] or {}).get("offline", True) is not False)


def move_quiz_code(html_text: str, page: Page) -> str:
    """mkdocs-quiz's inline CSS and JS become two cached files (hooks/quiz_assets.py says why and how)."""
    try:
        html_text, css, scripts = quiz_assets.split(html_text)
    except quiz_assets.QuizCodeNotFound as err:
        fail([cm.Problem(f"docs/{page.file.src_uri}", str(err),
                         "mkdocs-quiz changed how it adds its code: update hooks/quiz_assets.py")])
    if not css:
        return html_text
    css_name = quiz_assets.file_name("css", css)
    js = quiz_assets.script_file(css_name, scripts)
    js_name = quiz_assets.file_name("js", js)
    STATE["quiz_files"].update({css_name: css, js_name: js})
    tag = quiz_assets.tags(get_relative_url(js_name, page.url))
    return quiz_assets.drop_hidden_progress(html_text.replace(quiz_assets.MARKER, tag), scripts)


# Helpers -----------------------------------------------------------------------------------------


def strip_scripts(text: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", text, flags=re.S)


def relative_md(src: str, target: str) -> str:
    """A relative link from one source file to another, as authors write them."""
    return get_relative_url(target, src) if "/" in src else target


def long_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


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


# Find your path (/start/) and progress (/progress/) ------------------------------------------------


def load_paths(docs: Path) -> dict[str, Any] | None:
    """docs/paths.yml, the table behind /start/ (checked against the pages in on_files)."""
    file = docs / "paths.yml"
    if not file.exists():
        return None
    data, problems = paths.load(file)
    if problems:
        fail(problems)
    return data


def site_path(page_or_url: Any) -> str:
    """A page's address from the site root, as progress keys use it: '/skills/communicating/'."""
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return "/" + url.lstrip("/")


def source_facts(src: str) -> dict[str, Any]:
    """Title, number of quiz questions and embedded scenario of a page, read from its source once."""
    cache = STATE.setdefault("facts", {})
    if src not in cache:
        text = Path(STATE["pages"][src].abs_src_path).read_text(encoding="utf-8-sig")
        parsed, _ = cm.parse_front_matter(src, text)
        scenarios = [sid for kind, sid in MARKER.findall(text) if kind == "scenario"]
        cache[src] = {"title": (parsed.meta.get("title") if parsed else None) or src,
                      "quizzes": sum(1 for line in text.splitlines() if cm.QUIZ_OPEN.match(line)),
                      "scenario": scenarios[0] if scenarios else ""}
    return cache[src]


PATH_MARKER = re.compile(r"^[ \t]*<!--\s*md:(paths|progress)\s*-->[ \t]*$", re.M)


def render_path_markers(body: str, page: Page) -> str:
    """<!-- md:paths -->: the /start/ form and every path; <!-- md:progress -->: one row per module."""
    env: jinja2.Environment = STATE["jinja"]
    src = page.file.src_uri

    def replace(m: re.Match) -> str:
        if m.group(1) == "paths":
            data = STATE["paths"]
            if data is None:
                fail([cm.Problem(f"docs/{src}", "md:paths needs docs/paths.yml", "add the file, or remove the marker")])
            return env.get_template("paths.html").render(**paths_context(data, src))
        return env.get_template("progress-rows.html").render(groups=progress_groups(page))

    return PATH_MARKER.sub(replace, body)


def paths_context(data: dict[str, Any], src: str) -> dict[str, Any]:
    def link(target: str) -> str:  # Markdown link targets stay .md paths: MkDocs checks pages and anchors
        return relative_md(src, target.partition("#")[0]) + (f"#{target.partition('#')[2]}" if "#" in target else "")

    def step(item: paths.Item) -> dict[str, str]:
        facts = source_facts(item.src) if item.src in STATE["pages"] else {"title": item.src, "scenario": ""}
        label, why = item.label or facts["title"], item.why
        if item.kind == "practise":
            story = STATE["scenarios"].get(facts["scenario"], {}).get("title")
            label = f"Practise: {story}" if story else f"Practise: {facts['title']}"
            why = "A short story: choose what to say, then see what happens and why."
        return {"href": link(item.page), "label": label, "why": why, "kind": item.kind,
                "path": site_path(STATE["pages"][item.src].url) if item.src in STATE["pages"] else ""}

    conditions = [{"value": k, **data["conditions"][k]} for k in paths.CONDITIONS]
    stages = [{"value": k, **data["stages"][k]} for k in V.STAGES]
    groups = [{"condition": c, "cells": [{"stage": s, "steps": [step(i) for i in paths.expand(data, c["value"], s["value"])]}
                                         for s in stages]} for c in conditions]
    relations = [{"value": k, "label": data["relations"][k]["label"],
                  "line": re.sub(r"\]\(([^)#]+)", lambda m: "](" + relative_md(src, m.group(1)), data["relations"][k]["line"])}
                 for k in paths.RELATIONS]
    return {"conditions": conditions, "stages": stages, "groups": groups, "relations": relations}


def progress_groups(page: Page) -> list[dict[str, Any]]:
    """Module pages grouped as in the navigation (innermost section), in navigation order."""
    groups: list[dict[str, Any]] = []

    def walk(items: list[Any], title: str) -> None:
        rows = []
        for item in items:
            if getattr(item, "children", None) is not None:
                walk(item.children, item.title or title)
            elif getattr(item, "file", None) is not None and cm.is_module(item.file.src_uri):
                facts = source_facts(item.file.src_uri)
                rows.append({"path": site_path(item.file.url), "title": facts["title"],
                             "href": get_relative_url(item.file.url, page.url), "quizzes": facts["quizzes"],
                             "scenario": facts["scenario"]})
        if rows:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            groups.append({"title": title, "id": f"progress-{slug}", "rows": rows})

    walk(STATE["nav"].items, "Modules")
    # Sections close after their subsections: restore navigation order by each group's first page.
    order = {p.file.src_uri: i for i, p in enumerate(STATE["nav"].pages)}
    by_path = {site_path(p.file.url): order[p.file.src_uri] for p in STATE["nav"].pages}
    return sorted(groups, key=lambda g: by_path[g["rows"][0]["path"]])
