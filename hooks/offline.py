"""What the service worker saves: the precache list, its version and its size, from the built site's files.

Pure: reads a built site folder; no MkDocs import. The list comes from the files the build wrote, never from
a hand list, so a new page, script or stylesheet is saved offline without anyone remembering to add it.

    python hooks/offline.py site/        # print the list, the version and the sizes

Saved: every page (``x/index.html`` as ``x/``), the search index, the sitemap (instant navigation reads it),
the theme's and the site's CSS, JavaScript, images, the web app manifest and the offline page. Left out:
source maps, ``*.gz`` twins, ``404.html``, the worker files themselves, ``_headers``, and lunr language files
that the configured search languages do not load (Material's search worker imports only those;
``lunr/wordcut.js`` alone is 677 KB).

Each entry carries the first 16 hex digits of the file's SHA-256. The worker checks what it downloads
against them, so a copy of another build (a deploy half-way through, a stale HTTP cache) is never saved under
this build's version; and because the list is inside ``sw.js``, any change to any file changes ``sw.js``,
which is how browsers notice a new build.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

NEVER = ["*.map", "*.gz", "404.html", "sw.js", "sw-kill.js", "_headers", ".nojekyll", "CNAME",
         "assets/javascripts/lunr/*"]
CORE_PAGES = ["offline.html", "crisis/"]  # saved at install: crisis help works offline first of all


@dataclass(frozen=True)
class Entry:
    url: str      # relative to the site root (the worker's scope): "./", "crisis/", "assets/x.css"
    path: str     # the file: "index.html", "crisis/index.html"
    sha: str      # first 16 hex digits of SHA-256 of the bytes
    size: int     # bytes on disk
    gzipped: int  # bytes on the wire with gzip (level 6, as most hosts)


def lunr_files(langs: list[str]) -> set[str]:
    """The lunr files Material 9.8.1's search worker imports for these languages (worker/main/index.ts)."""
    wanted: set[str] = set()
    for lang in langs:
        if lang == "ja":
            wanted.add("tinyseg.js")
        if lang in ("hi", "th"):
            wanted.add("wordcut.js")
        if lang != "en":
            wanted.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        wanted.add("min/lunr.multi.min.js")
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    return {f"assets/javascripts/lunr/{name}" for name in wanted}


def url_of(path: str) -> str:
    """The address a page is served at: "x/index.html" -> "x/", "index.html" -> "./"."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def wanted(path: str, langs: list[str]) -> bool:
    if path in lunr_files(langs):
        return True
    return not any(fnmatch(path, pattern) for pattern in NEVER)


def entries(site: Path, langs: list[str] | None = None) -> list[Entry]:
    """Every file the worker saves, sorted by address."""
    langs = langs or ["en"]
    out = []
    for f in sorted(site.rglob("*")):
        if not f.is_file():
            continue
        path = f.relative_to(site).as_posix()
        if not wanted(path, langs):
            continue
        data = f.read_bytes()
        out.append(Entry(url_of(path), path, hashlib.sha256(data).hexdigest()[:16], len(data),
                         len(gzip.compress(data, compresslevel=6, mtime=0))))
    return sorted(out, key=lambda e: e.url)


def version(items: list[Entry]) -> str:
    """Changes whenever any saved file changes (and only then)."""
    digest = hashlib.sha256()
    for e in items:
        digest.update(f"{e.url}\0{e.sha}\n".encode())
    return digest.hexdigest()[:12]


def core(items: list[Entry], crisis_html: str) -> list[str]:
    """Saved at install, before anything else: the offline page, the crisis page and what it loads."""
    known = {e.url for e in items}
    refs = re.findall(r'<script\b[^>]*?\bsrc="([^"#?:]+)"', crisis_html)
    for tag in re.findall(r"<link\b[^>]*>", crisis_html):  # what the page loads, not prev/next page links
        rel = re.search(r'\brel="([^"]+)"', tag)
        href = re.search(r'\bhref="([^"#?:]+)"', tag)
        if rel and href and set(rel.group(1).split()) & {"stylesheet", "icon", "manifest", "apple-touch-icon"}:
            refs.append(href.group(1))
    assets = {resolve("crisis/", ref) for ref in refs}
    return [u for u in CORE_PAGES if u in known] + sorted(a for a in assets if a in known)


def resolve(base: str, ref: str) -> str:
    """A relative reference from a page address to a site-root address ("crisis/", "../x.css" -> "x.css")."""
    joined = posixpath.normpath(posixpath.join(base, ref))
    if joined == ".":
        return "./"
    return joined + "/" if ref.endswith("/") else joined


def totals(items: list[Entry]) -> dict[str, int]:
    return {"files": len(items), "bytes": sum(e.size for e in items), "gzipped": sum(e.gzipped for e in items)}


def megabytes(n: int) -> str:
    """1.4 MB (decimal megabytes, one decimal place, as phones show storage)."""
    return f"{n / 1_000_000:.1f} MB"


def worker_data(items: list[Entry], crisis_html: str) -> dict:
    """Everything the worker template needs."""
    return {
        "version": version(items),
        "core": core(items, crisis_html),
        "files": [[e.url, e.sha] for e in items],
        "totals": totals(items),
    }


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    items = entries(site)
    for e in items:
        print(f"{e.gzipped:>9,} {e.size:>10,}  {e.url}")
    t = totals(items)
    print(f"{t['files']} files, {megabytes(t['gzipped'])} to download with gzip, {megabytes(t['bytes'])} on the device;"
          f" version {version(items)}")
    crisis = site / "crisis" / "index.html"
    if crisis.exists():
        print("core:", json.dumps(core(items, crisis.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
