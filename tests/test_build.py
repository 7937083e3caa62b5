"""The strict build: the real site builds, its HTML keeps its contracts, and bad input stops the build."""

from __future__ import annotations

import json
import re
from pathlib import Path


from conftest import FIXTURES, ROOT, run_build

PAGES_HTML = "**/index.html"
GOOD_STAGE = (FIXTURES / "pages" / "good-stage.md").read_text(encoding="utf-8")
TINY = (FIXTURES / "scenarios" / "tiny.yml").read_text(encoding="utf-8")
STAGE = "psychotic/first-episode-psychosis/crisis.md"


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.glob(PAGES_HTML) if "assets" not in p.parts and "search" not in p.parts]


# The real site ------------------------------------------------------------------------------------

def test_every_page_has_help_link_description_and_disclaimer(built_site):
    """'Get help now' sits in the sticky header of every page, with a meta description, the footer disclaimer and
    the date the page was last checked."""
    pages = html_pages(built_site)
    assert len(pages) >= 35
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:  # redirect stubs
            continue
        link = re.search(r'<a class="ps-help-link" href="([^"]*)"', text)
        assert link, page
        assert link.group(1).endswith("crisis/") or (link.group(1) == "./" and page.parent.name == "crisis"), page
        assert re.search(r'<meta name="description" content="[^"]{50,}"', text), page
        assert "Information, not advice." in text, page
        assert "Last checked against its sources on" in text, f"{page}: no review date"


def test_no_third_party_resources_in_html(built_site):
    """No page loads a script, style, font, image or frame from another host, and no page sets repo_url."""
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<(script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', text):
            tag = text[m.start():m.start() + 160]
            assert 'rel="canonical"' in tag or 'rel="alternate"' in tag, (page, tag)
        assert "api.github.com" not in text and "fonts.googleapis" not in text


def test_css_and_js_load_nothing_from_elsewhere(built_site):
    for asset in list(built_site.glob("assets/**/*.css")) + list(built_site.glob("assets/javascripts/*.js")):
        text = asset.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, asset


def test_scenario_html_contract(built_site):
    """Root data-scenario, node ids ID--NODE, choice links with data-choice, endings with data-ending."""
    html = (built_site / "skills" / "services-and-rights" / "index.html").read_text(encoding="utf-8")
    assert 'data-scenario="any-confidentiality"' in html
    ids = set(re.findall(r'id="(any-confidentiality--[a-z0-9-]+)"', html))
    choices = re.findall(r'<a class="ps-scenario__choice" href="#(any-confidentiality--[a-z0-9-]+)"[^>]*data-choice', html)
    assert choices and set(choices) <= ids
    assert re.search(r'data-ending="supportive"', html)


def test_quizzes_rendered_and_configured(built_site):
    """Quizzes render, with auto-submit off, retry allowed and no confetti; no raw <quiz> is left."""
    html = (built_site / "skills" / "communicating" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="quiz"') >= 3
    tags = re.findall(r'<div class="quiz"[^>]*>', html)
    assert not [t for t in tags if "data-auto-submit" in t or "data-disable-after-submit" in t]  # both off
    script = re.search(r'<script src="([^"]*assets/quiz/quiz\.[0-9a-f]{10}\.js)" defer>', html)
    assert script, "the quiz code is linked as one cached file (hooks/quiz_assets.py)"
    code = (built_site / "skills" / "communicating" / script.group(1)).resolve().read_text(encoding="utf-8")
    assert "confetti:false" in code and "showProgress:false" in code  # minified (hooks/minify.py)
    assert "<quiz>" not in html


def test_quiz_pages_say_answers_stay_on_the_device(built_site):
    """Phones are shared: each quiz section says answers stay on this device and links the clear control."""
    html = (built_site / "skills" / "communicating" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="ps-quiz-note"[^>]*>[^<]*<a href="\.\./\.\./about/#privacy">clear them</a>', html)


def test_quiz_code_only_on_pages_with_quizzes(built_site):
    """mkdocs-quiz's code stays off pages without a quiz, and is never inline (one cached file instead)."""
    crisis = (built_site / "crisis" / "index.html").read_text(encoding="utf-8")
    assert "mkdocsQuizConfig" not in crisis and "assets/quiz/" not in crisis
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert "mkdocsQuizConfig" not in text and 'onsubmit="' not in text, page


def test_module_boxes_and_review_status(built_site):
    """The hook renders In short, In this module, sources and the review status."""
    html = (built_site / "skills" / "communicating" / "index.html").read_text(encoding="utf-8")
    for text in ("In short", "In this module", 'id="sources-and-review"', "Last checked against its sources on",
                 "has not yet been reviewed by a clinician"):
        assert text in html
    assert re.search(r'<sup class="ps-cite">\[<a href="#ref-[a-z0-9-]+"', html)


def test_sources_page_lists_every_source(built_site):
    import yaml
    keys = yaml.safe_load((ROOT / "docs" / "sources.yml").read_text(encoding="utf-8"))
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    for key in keys:
        assert f'id="ref-{key}"' in html


def test_scenario_and_sources_yaml_are_not_published(built_site):
    assert not (built_site / "sources.yml").exists()
    assert not (built_site / "scenarios").exists()


def test_published_addresses_still_resolve(built_site):
    """Clinicians print and share links: every address in tests/published-addresses.txt keeps working."""
    lines = (Path(__file__).parent / "published-addresses.txt").read_text(encoding="utf-8").splitlines()
    addresses = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(addresses) >= 40
    for address in addresses:
        path, _, anchor = address.partition("#")
        page = built_site / path.strip("/") / "index.html"
        assert page.exists(), f"{address}: page is gone (add a redirect in mkdocs.yml)"
        if anchor:
            assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), f"{address}: section id is gone"


def test_site_builds_under_properdocs(tmp_path):
    """The exit from MkDocs 2.0: the same config builds strictly under ProperDocs."""
    result = run_build(ROOT / "mkdocs.yml", tmp_path / "site", tool="properdocs")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


# Bad input stops the build with a message naming the file ---------------------------------------

def fails(mini_site, files, scenarios=None, expect=()):
    config = mini_site(files, scenarios if scenarios is not None else {"tiny.yml": TINY})
    result = run_build(config, config.parent / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expect:
        assert text in output, output
    return output


def test_mini_site_good_input_builds(mini_site):
    """The control: the fixture page and scenario build cleanly."""
    config = mini_site({STAGE: GOOD_STAGE}, {"tiny.yml": TINY})
    result = run_build(config, config.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_stops_on_front_matter_yaml_error(mini_site):
    bad = GOOD_STAGE.replace("title: Crisis in a first episode", "title: Crisis: first episode")
    fails(mini_site, {STAGE: bad}, expect=(f"docs/{STAGE}:2: front matter is not valid YAML",))


def test_build_stops_on_front_matter_key_given_twice(mini_site):
    """YAML keeps the last of two equal keys without a word; the strict loader stops the build instead."""
    bad = GOOD_STAGE.replace("  reading_time: 5\n", "  reading_time: 5\n  reviewed: 2026-12-01\n", 1)
    fails(mini_site, {STAGE: bad}, expect=(f"docs/{STAGE}:19: key 'module.reviewed' is given twice (first on line 10) "
                                           "(hint: YAML silently keeps only the last one",))


def test_build_stops_on_vocabulary_typo(mini_site):
    bad = GOOD_STAGE.replace("stage: crisis", "stage: crises")
    fails(mini_site, {STAGE: bad}, expect=(f"docs/{STAGE}:8:", "did you mean 'crisis'"))


def test_build_stops_on_unclosed_quiz(mini_site):
    bad = GOOD_STAGE.replace("> It lowers tension.\n</quiz>", "> It lowers tension.\n")
    fails(mini_site, {STAGE: bad}, expect=("<quiz> is never closed",))


def test_build_stops_on_missing_page_link(mini_site):
    bad = GOOD_STAGE.replace("Rest.", "Rest. See [more](../../skills/nothing.md).")
    fails(mini_site, {STAGE: bad}, expect=("skills/nothing.md",))


def test_build_stops_on_missing_anchor(mini_site):
    bad = GOOD_STAGE.replace("Rest.", "Rest. See [above](#what-helpz).")
    fails(mini_site, {STAGE: bad}, expect=("#what-helpz",))


def test_build_stops_on_unknown_marker(mini_site):
    bad = GOOD_STAGE.replace("<!-- md:scenario tiny -->", "<!-- md:scenario tiny -->\n<!-- md:video intro -->")
    fails(mini_site, {STAGE: bad}, expect=("unknown marker 'md:video'",))


def test_build_stops_on_orphan_scenario(mini_site):
    bad = GOOD_STAGE.replace("<!-- md:scenario tiny -->", "Coming soon.")
    fails(mini_site, {STAGE: bad}, expect=("docs/scenarios/tiny.yml: this scenario is not embedded on any page",))


def test_build_stops_on_bad_scenario_graph(mini_site):
    fails(mini_site, {STAGE: GOOD_STAGE}, {"tiny.yml": TINY.replace("goto: end-hard", "goto: end-hadr")},
          expect=("docs/scenarios/tiny.yml: node 'middle': choice 2: goto 'end-hadr' does not exist",))


def test_build_stops_on_id_used_twice_on_rendered_page(mini_site):
    """A heading id that collides with a scenario node id is caught on the rendered page."""
    bad = GOOD_STAGE.replace("## What to avoid {#what-to-avoid}", "## What to avoid {#what-to-avoid}\n\n### Begin {#tiny--begin}")
    fails(mini_site, {STAGE: bad}, expect=("id 'tiny--begin' is used twice on the rendered page",))


def test_build_stops_on_unknown_source_file_field(mini_site):
    config = mini_site({STAGE: GOOD_STAGE}, {"tiny.yml": TINY})
    sources = config.parent / "docs" / "sources.yml"
    sources.write_text(sources.read_text().replace("  year: 2000", "  year: 2000\n  jounral: x"), encoding="utf-8")
    result = run_build(config, config.parent / "site")
    assert result.returncode != 0 and "unknown field 'jounral'" in result.stdout + result.stderr


def test_offline_worker_is_written(built_site):
    """sw.js (at the root, so it covers every page) saves crisis help first and lists every file with its hash."""
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    core = json.loads(re.search(r"const CORE = (\[.*?\]);", sw).group(1))
    assert core[:2] == ["offline.html", "crisis/"]
    assert re.search(r'const VERSION = "[0-9a-f]{12}"', sw)
    assert "http://" not in sw and "https://" not in sw
    for ref in core[2:]:
        assert (built_site / ref).exists(), ref
    assert "Get help now" in (built_site / "offline.html").read_text(encoding="utf-8")


def test_site_url_reaches_sitemap_canonical_links_and_manifest(mini_site):
    """SITE_URL from the environment sets the address everywhere (a host at a sub-path, like GitHub Pages)."""
    config = mini_site({STAGE: GOOD_STAGE}, {"tiny.yml": TINY})
    url = "https://example.net/together/"
    result = run_build(config, config.parent / "site", site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    site = config.parent / "site"
    assert f"<loc>{url}crisis/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}crisis/">' in (site / "crisis" / "index.html").read_text()
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == url


def test_offline_false_builds_the_kill_switch(mini_site):
    """OFFLINE=false (README, "Turning offline off"): sw.js unregisters itself and pages stop registering one."""
    import os
    import subprocess
    import sys

    config = mini_site({STAGE: GOOD_STAGE}, {"tiny.yml": TINY})
    site = config.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "OFFLINE": "false"}
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=config.parent, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "sw.js").read_text(encoding="utf-8") == (site / "sw-kill.js").read_text(encoding="utf-8")
    assert '<meta name="ps-offline" content="off">' in (site / "crisis" / "index.html").read_text(encoding="utf-8")


def test_no_template_or_translation_source_is_published(built_site):
    """A theme custom_dir publishes every non-template file: keep sources that are not for readers out."""
    leaked = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
              if p.suffix in {".po", ".pot", ".mo", ".j2", ".jinja"} or "partials" in p.parts]
    assert not leaked, leaked


def test_home_title_names_the_site_once(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>\s*Together in Recovery\s*</title>", html)


def test_github_pages_workflow_builds_strictly_and_deploys_the_site():
    import yaml

    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    build = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert "--strict" in build["run"] and " -q" not in build["run"] and "SITE_URL" in build["env"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site"
               for s in steps)
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"


def test_no_script_of_ours_holds_up_the_page(built_site):
    """Every script file but Material's bundle (see overrides/main.html) is deferred: quiz code included."""
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", text):
            assert " defer" in tag or re.search(r"/bundle\.[0-9a-f]{8}\.min\.js", tag), (page, tag)


def test_quiz_pages_carry_their_printed_answers(built_site):
    """Every page with a quiz ends with the print-only answers (hooks/handouts.py), one per question."""
    for page in built_site.glob("**/index.html"):
        text = page.read_text(encoding="utf-8")
        quizzes = len(re.findall(r'<div class="quiz"', text))
        if quizzes and "/handout/" not in page.as_posix():
            answers = re.search(r'<section class="ps-answers".*?</section>', text, re.S)
            assert answers, f"{page}: {quizzes} quizzes but no printed answers"
            assert answers.group(0).count("<li>") == quizzes, page



def test_build_stops_on_unclosed_css_block(mini_site):
    """hooks/stylesheets.py: an unclosed '@media print {' once made the rest of site.css paper-only."""
    fails(mini_site, {STAGE: GOOD_STAGE, "assets/stylesheets/extra.css": "@media print {\n  a { color: black; }\n"},
          expect=("docs/assets/stylesheets/extra.css:1: a block opened on this line is never closed",))

def test_build_stops_on_a_script_that_joining_would_break(mini_site):
    """hooks/join_scripts.py: a file-level "use strict" would be only a string inside the joined file."""
    fails(mini_site, {STAGE: GOOD_STAGE, "assets/javascripts/extra.js": '"use strict";\n(function () {})();\n'},
          expect=("docs/assets/javascripts/extra.js:1: a file-level 'use strict' stops working",))


def test_one_stylesheet_of_ours_before_the_first_paint(built_site):
    """A phone waits for every screen stylesheet before it shows a page: Material's main.css and site.css only
    (the dark scheme from Material's palette.css is folded into site.css: hooks/minify.py). print.css is for paper (media="print", at the end of <body>), so it never holds a page up."""
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet"[^>]*>', text)
        blocking = [re.search(r'href="([^"]+)"', tag).group(1).rsplit("/", 1)[-1]
                    for tag in links if 'media="print"' not in tag]
        assert [re.sub(r"\.[0-9a-f]{8,}(\.min)?", "", name) for name in blocking] == ["main.css", "site.css"], (page, blocking)
        paper = [tag for tag in links if re.search(r"print\.[0-9a-f]{10}\.css", tag) and 'media="print"' in tag]
        assert paper, page
        assert text.index(paper[0]) > text.index("</head>"), page  # asked for after the first screen's files
