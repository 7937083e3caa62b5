"""Content-addressed names for the site's own scripts, stylesheets and favicon, so browsers keep them for good.

Pure: no MkDocs import; hooks/publish.py calls ``rename``, then ``rewrite`` on each page in its one pass over
the pages, before the security headers and the offline worker are written (both read the finished file names).
``apply`` does both for a whole site (the tests use it).

Why: Material's instant navigation puts every <script src> of the new page's content back into the document,
and the browser asks again for each file it holds without a lifetime (on most hosts, all of them): six
revalidations, about 8 KB of headers, on every page change. Material names its own files by content
(bundle.<hash>.min.js) and `_headers` marks those immutable; this does the same for ours:
``assets/javascripts/listen.js`` becomes ``assets/javascripts/listen.<10 hex>.js`` and every page names the new
file. A changed file gets a new name, so a year-long cache is never stale.
"""

from __future__ import annotations

import hashlib
import re
from fnmatch import fnmatch
from pathlib import Path

from headers import HASHED  # names that carry a content hash (Material's, the quiz's, ours): left alone

# Our files under docs/ (Material's and mkdocs-quiz's are named by content already).
OWN = ["assets/javascripts/*.js", "assets/stylesheets/*.css", "assets/images/favicon.svg"]
DIGITS = 10


def is_own(path: str) -> bool:
    """A file of ours to rename: top level of those folders only (not lunr/, workers/), not renamed yet."""
    return not HASHED.search(path) and any(fnmatch(path, pattern) and path.count("/") == pattern.count("/")
                                          for pattern in OWN)


def hashed_name(path: str, data: bytes) -> str:
    """'assets/javascripts/listen.js' -> 'assets/javascripts/listen.<first 10 hex of SHA-256>.js'."""
    stem, dot, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:DIGITS]}{dot}{ext}"


def plan(files: dict[str, bytes]) -> dict[str, str]:
    """Old name -> new name, for our files among ``files`` (site-relative POSIX path -> bytes)."""
    return {path: hashed_name(path, data) for path, data in sorted(files.items()) if is_own(path)}


def rewrite(text: str, mapping: dict[str, str]) -> str:
    """Every reference to an old name, absolute or relative ("../../assets/x.js"), now names the new file.
    A name only counts whole: after a quote, '/' or '(' and before a quote, '?', '#' or ')'."""
    if not mapping:
        return text
    pattern = re.compile(r"(?<=[\"'/(])(" + "|".join(re.escape(old) for old in sorted(mapping, key=len,
                                                                                     reverse=True))
                         + r")(?=[\"'?#)])")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def rename(site: Path) -> dict[str, str]:
    """Rename our files in a built site. Returns old -> new; the pages are rewritten with ``rewrite``."""
    mapping = plan({p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob("assets/*/*")
                    if p.is_file() and is_own(p.relative_to(site).as_posix())})
    for old, new in mapping.items():
        (site / old).rename(site / new)
    return mapping


def apply(site: Path) -> dict[str, str]:
    """Rename our files and rewrite every page that names them (hooks/publish.py does both in its one pass
    over the pages). Returns old -> new."""
    mapping = rename(site)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new_text = rewrite(text, mapping)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
    return mapping
