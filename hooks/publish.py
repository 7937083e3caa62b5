"""After the build: the files that describe the whole site, written in an order that keeps them consistent.

No MkDocs import: hooks/site.py calls ``finish`` from on_post_build with plain values. In order:

1. files handed over by the page hooks (the quiz code), offline.html, the kill-switch worker (sw-kill.js), the web app manifest and its icons (hooks/manifest.py);
2. our stylesheets and scripts minified, and the dark scheme's rules of Material's palette stylesheet folded into
   site.css, its <link> taken out of every page (hooks/minify.py); content-addressed names for our own
   scripts, stylesheets and favicon, and every page rewritten to name them (hooks/fingerprint.py), so browsers keep them for good and instant navigation asks for none of them again;
   then each run of our deferred scripts in a page served as one joined file (hooks/join_scripts.py);
3. the Content-Security-Policy: hashes of every inline script left in any page, written as a <meta> into
   every page and, with frame-ancestors, into `_headers` (hooks/headers.py);
4. the offline worker sw.js: the precache list from the files now in the site (hooks/offline.py), after the
   About page has been told the size of what is saved. Last, so its version covers every other change.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

import fingerprint
import headers
import join_scripts
import manifest
import minify
import offline

THEME_COLOR = "#00796b"        # the same as <meta name="theme-color"> in overrides/main.html
BACKGROUND_COLOR = "#ffffff"
SHORT_NAME = "Together"
# On the About page (docs/about.md): <span data-ps-offline-size>...</span> gets the real sizes.
SIZE_SLOT = re.compile(r"(<span data-ps-offline-size>)(.*?)(</span>)", re.S)


def finish(site: Path, *, env: jinja2.Environment, site_name: str, description: str, favicon: Path,
           search_langs: list[str], site_url: str = "", offline_enabled: bool = True,
           files: dict[str, str] | None = None, colours: set[str] | None = None) -> dict:
    """Write the site-wide files; return what was saved offline (for tests and the build log).
    files: more files to write first (name under the site -> text), e.g. the quiz code (hooks/quiz_assets.py).
    colours: the primary and accent colours mkdocs.yml's palette names (the palette rules kept for them)."""
    for name, text in (files or {}).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    kill = env.get_template("sw-kill.js.html").render()
    (site / "sw-kill.js").write_text(kill, encoding="utf-8")
    (site / "offline.html").write_text(env.get_template("offline.html").render(), encoding="utf-8")
    manifest.write(site, favicon.read_text(encoding="utf-8"), name=site_name, short_name=SHORT_NAME,
                   description=description, theme_color=THEME_COLOR, background_color=BACKGROUND_COLOR,
                   site_url=site_url)

    # One pass over the pages: no palette link, our files' new names, joined scripts, then the policy's hashes.
    folded = minify.apply(site, colours or {"custom"})
    renamed, joiner = fingerprint.rename(site), join_scripts.Joiner(site)
    pages = {p: joiner.page(fingerprint.rewrite(minify.drop_palette(p.read_text(encoding="utf-8"), folded,
                                                                    p.relative_to(site).as_posix()), renamed))
             for p in sorted(site.rglob("*.html"))}
    joiner.finish()
    hashes = {headers.sha256(s) for text in pages.values() for s in headers.inline_scripts(text)}
    tag = headers.meta_tag(hashes)
    for path, text in pages.items():
        path.write_text(headers.add_meta(text, tag), encoding="utf-8")

    items = offline.entries(site, search_langs)
    about = site / "about" / "index.html"
    if about.exists():
        t = offline.totals(items)
        size = (f"{offline.megabytes(t['gzipped'])} to download and {offline.megabytes(t['bytes'])} of space "
                f"on the device, for {sum(1 for e in items if e.path.endswith('.html'))} pages")
        about.write_text(SIZE_SLOT.sub(lambda m: m.group(1) + size + m.group(3), about.read_text(encoding="utf-8")),
                         encoding="utf-8")
        items = offline.entries(site, search_langs)
    crisis = site / "crisis" / "index.html"
    data = offline.worker_data(items, crisis.read_text(encoding="utf-8") if crisis.exists() else "")
    worker = env.get_template("sw.js.html").render(**data) if offline_enabled else kill
    (site / "sw.js").write_text(worker, encoding="utf-8")

    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    (site / "_headers").write_text(headers.headers_file(hashes, files), encoding="utf-8")
    return data
