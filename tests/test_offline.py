"""The offline precache list (hooks/offline.py) without MkDocs, then checked against the real built site."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jinja2

import offline
import publish
from conftest import ROOT

TEMPLATES = ROOT / "overrides" / "partials" / "ps"


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


FAKE = {
    "index.html": "<html>home</html>",
    "crisis/index.html": '<link rel="stylesheet" href="../assets/stylesheets/main.css"><script src="../assets/x.js">'
                         '<link rel="prev" href="../skills/talk/"><link rel="next" href="../">',
    "skills/talk/index.html": "<html>talk</html>",
    "offline.html": "<html>offline</html>",
    "404.html": "<html>not found</html>",
    "sw.js": "worker",
    "sw-kill.js": "kill",
    "_headers": "/*",
    "sitemap.xml": "<urlset/>",
    "sitemap.xml.gz": "gz",
    "search/search_index.json": "{}",
    "assets/stylesheets/main.css": "body{}",
    "assets/stylesheets/main.css.map": "{}",
    "assets/x.js": "x()",
    "assets/javascripts/lunr/wordcut.js": "big",
    "assets/javascripts/lunr/min/lunr.de.min.js": "de",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stem",
}


def test_every_page_and_asset_in_nothing_that_is_not_served(tmp_path):
    items = offline.entries(make_site(tmp_path, FAKE))
    urls = {e.url for e in items}
    assert urls == {"./", "crisis/", "skills/talk/", "offline.html", "sitemap.xml", "search/search_index.json",
                    "assets/stylesheets/main.css", "assets/x.js"}
    for e in items:  # each address maps back to a file that exists
        assert (tmp_path / e.path).is_file() and offline.url_of(e.path) == e.url


def test_lunr_files_only_for_the_search_languages(tmp_path):
    site = make_site(tmp_path, FAKE)
    assert not any("lunr" in e.url for e in offline.entries(site, ["en"]))
    german = {e.url for e in offline.entries(site, ["en", "de"])}
    assert {"assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} \
        <= german
    assert "assets/javascripts/lunr/wordcut.js" not in german
    assert "assets/javascripts/lunr/wordcut.js" in offline.lunr_files(["th"])


def test_version_changes_when_content_does_and_only_then(tmp_path):
    site = make_site(tmp_path, FAKE)
    before = offline.version(offline.entries(site))
    assert offline.version(offline.entries(site)) == before
    (site / "sw.js").write_text("another worker", encoding="utf-8")  # not saved: no new version
    assert offline.version(offline.entries(site)) == before
    (site / "skills" / "talk" / "index.html").write_text("<html>talk, revised</html>", encoding="utf-8")
    assert offline.version(offline.entries(site)) != before


def test_core_is_crisis_help_and_what_it_loads(tmp_path):
    site = make_site(tmp_path, FAKE)
    items = offline.entries(site)
    core = offline.core(items, (site / "crisis" / "index.html").read_text(encoding="utf-8"))
    assert core == ["offline.html", "crisis/", "assets/stylesheets/main.css", "assets/x.js"]


def test_kill_switch_build_writes_the_kill_worker_as_sw_js(tmp_path):
    """OFFLINE=false (extra.offline: false): sw.js is the worker that unregisters itself and clears caches."""
    site = make_site(tmp_path / "site", {**FAKE, "about/index.html": "<span data-ps-offline-size>x</span>"})
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), comment_start_string="{#-",
                             comment_end_string="-#}", trim_blocks=True, lstrip_blocks=True)
    favicon = ROOT / "docs" / "assets" / "images" / "favicon.svg"
    publish.finish(site, env=env, site_name="T", description="d", favicon=favicon, search_langs=["en"],
                   offline_enabled=False)
    kill = (site / "sw-kill.js").read_text(encoding="utf-8")
    assert (site / "sw.js").read_text(encoding="utf-8") == kill
    assert "registration.unregister()" in kill and "caches.delete" in kill and "skipWaiting" in kill
    publish.finish(site, env=env, site_name="T", description="d", favicon=favicon, search_langs=["en"])
    assert "const FILES = " in (site / "sw.js").read_text(encoding="utf-8")
    assert re.search(r"data-ps-offline-size>[\d.]+ MB to download", (site / "about" / "index.html").read_text())


# The real site -----------------------------------------------------------------------------------

def worker_files(site: Path) -> dict[str, str]:
    sw = (site / "sw.js").read_text(encoding="utf-8")
    return dict(json.loads(re.search(r"const FILES = (\[.*?\]);", sw, re.S).group(1)))


def test_real_site_every_page_saved_nothing_missing(built_site):
    from test_browser import site_pages

    files = worker_files(built_site)
    pages = {("./" if a == "/" else a.lstrip("/")) for a in site_pages(built_site)}
    assert pages <= set(files), sorted(pages - set(files))
    for wanted in ("offline.html", "search/search_index.json", "sitemap.xml", "manifest.webmanifest"):
        assert wanted in files
    assert any(u.startswith("assets/javascripts/bundle.") for u in files)
    assert any(u.startswith("assets/quiz/quiz.") and u.endswith(".css") for u in files)
    # Every file a page links to (CSS, JS, icons) is saved too.
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?:]+\.(?:css|js|png|svg|webmanifest))"',
                              text):
            base = offline.url_of(page.relative_to(built_site).as_posix())
            assert offline.resolve(base, ref) in files, (page, ref)


def test_real_site_lists_only_files_that_are_served_with_their_hashes(built_site):
    for url, sha in worker_files(built_site).items():
        path = built_site / ("index.html" if url == "./" else url + "index.html" if url.endswith("/") else url)
        assert path.is_file(), url
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == sha, url


def test_real_site_background_save_fits_in_2_mb(built_site):
    totals = offline.totals(offline.entries(built_site))
    assert totals["gzipped"] < 2_000_000, offline.megabytes(totals["gzipped"])
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r"<span data-ps-offline-size>([\d.]+) MB to download and ([\d.]+) MB", about)
    assert shown, "the About page says what is saved and its size"
    assert abs(float(shown.group(1)) - totals["gzipped"] / 1e6) < 0.11
