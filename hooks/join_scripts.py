"""One request instead of five: each run of our deferred scripts in a page is served as one joined file.

Pure: no MkDocs import; hooks/publish.py uses a ``Joiner`` in its one pass over the pages, after fingerprint.py
has named our files by content (``apply`` does the same for a whole site; the tests use it).

Why: the sources stay one file per feature (docs/assets/javascripts/), each loaded only where it is used. But
a module page names ten of them, and on a slow phone every file is a round trip and a set of headers (about
1.3 KB each here, most of it the security policy). Deferred scripts run after the page is parsed, in
document order, so several ``<script src="…/assets/javascripts/NAME.HASH.js" defer></script>`` tags behave the
same as one file holding their code in that order (see ``rewrite`` for which are joined). Each part keeps its own
try/catch, so one feature failing does not stop the next, as with separate files. The joined file is named by
its parts and its content ("text-size_listen.<hash>.js"), so pages with the same features share one cached file;
part files that no page names any more are removed (the offline worker would save them for nothing).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from content_model import Problem

PREFIX = "assets/javascripts/"
HASH = r"\.[0-9a-f]{10}\.js"  # fingerprint.py's content hash (DIGITS hex)
# One of our content-named scripts, deferred, with the path relative to the page.
TAG = r'<script src="(?P<up>[^"]*?)%s(?P<name>[a-z0-9-]+%s)" defer></script>' % (PREFIX, HASH)
RUN = re.compile(r"(?:%s\s*){2,}" % TAG.replace("(?P<up>", "(?:").replace("(?P<name>", "(?:"))
ONE = re.compile(TAG)


def feature(name: str) -> str:
    """'text-size.853e742153.js' -> 'text-size'."""
    return name.split(".", 1)[0]


def joined_name(names: list[str], code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:10]
    return "_".join(feature(n) for n in names) + f".{digest}.js"


def join(parts: list[tuple[str, str]]) -> str:
    """The code of several deferred scripts as one, in order; a part that throws does not stop the next."""
    out = ["/* Joined at build time by hooks/join_scripts.py; the sources are docs/assets/javascripts/"
           + ", ".join(f"{feature(n)}.js" for n, _ in parts) + ". */"]
    for name, code in parts:
        out.append(f"/* {feature(name)}.js */\ntry {{\n{code.rstrip()}\n;}} catch (e) {{ "
                   "setTimeout(function () { throw e; }); }")
    return "\n".join(out) + "\n"


# What joining would break in a feature file; checked at every build (hooks/site.py, on_config).
LEADING_COMMENTS = re.compile(r"(?:\s*//[^\n]*\n|\s*/\*.*?\*/)*", re.S)
FILE_STRICT = re.compile(r"\s*['\"]use strict['\"]")


def check_file_strict(code: str, shown: str) -> list[Problem]:
    """A file-level "use strict" is no longer a directive inside the joined file's try { }."""
    if FILE_STRICT.match(code, LEADING_COMMENTS.match(code).end()):
        line = code.count("\n", 0, LEADING_COMMENTS.match(code).end()) + 1
        return [Problem(shown, "a file-level 'use strict' stops working when the page's scripts are joined",
                        "put it inside the file's (function () { ... })() as its first line", line=line)]
    return []


def check_current_script(code: str, shown: str) -> list[Problem]:
    """document.currentScript names the joined file, not this feature's."""
    at = code.find("document.currentScript")
    if at < 0:
        return []
    return [Problem(shown, "document.currentScript names the joined file once the page's scripts are joined",
                    "find what you need from the page instead (a data- attribute or a selector)",
                    line=code.count("\n", 0, at) + 1)]


def check_dir(docs: Path) -> list[Problem]:
    """Every feature script in docs/assets/javascripts/ (shown as docs/...)."""
    problems: list[Problem] = []
    for path in sorted((docs / PREFIX).glob("*.js")):
        code, shown = path.read_text(encoding="utf-8"), f"docs/{path.relative_to(docs).as_posix()}"
        problems += check_file_strict(code, shown) + check_current_script(code, shown)
    return problems


ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)


def rewrite(html: str, read) -> tuple[str, dict[str, tuple[list[str], str]]]:
    """(page with our deferred scripts joined, joined files to write: name -> (parts, code)).
    In the page's <article> (Material's content, whose scripts its instant navigation runs again), all of them
    become one at the end of the article; elsewhere, each run of two or more consecutive ones becomes one.
    Deferred scripts run after the page is parsed, in document order, so moving ours to the end of the article
    keeps their order among themselves.
    read(name) returns a part's code."""
    files: dict[str, tuple[list[str], str]] = {}

    def tag_for(tags: list[re.Match]) -> str:
        names = [t.group("name") for t in tags]
        code = join([(n, read(n)) for n in names])
        name = joined_name(names, code)
        files[name] = (names, code)
        return f'<script src="{tags[0].group("up")}{PREFIX}{name}" defer></script>'

    def article(m: re.Match) -> str:
        tags = list(ONE.finditer(m.group(2)))
        if len(tags) < 2:
            return m.group(0)
        return m.group(1) + ONE.sub("", m.group(2)) + tag_for(tags) + "\n" + m.group(3)

    def run(m: re.Match) -> str:
        trailing = m.group(0)[len(m.group(0).rstrip()):]
        return tag_for(list(ONE.finditer(m.group(0)))) + trailing

    html = ARTICLE.sub(article, html, count=1)
    return RUN.sub(run, html), files


NAMED = re.compile(PREFIX + r"([a-z0-9_-]+" + HASH + ")")  # a part, or a joined file ('_' between parts)


class Joiner:
    """Joins the scripts of one page after another (``page``), then writes the joined files and removes the
    parts no page names any more (``finish``): hooks/publish.py calls it in its one pass over the pages."""

    def __init__(self, site: Path):
        self.folder = site / PREFIX
        self.parts: dict[str, str] = {}        # part name -> code, read once
        self.written: dict[str, list[str]] = {}  # joined name -> its parts
        self.named: set[str] = set()           # every script of ours a page names, after joining

    def read(self, name: str) -> str:
        if name not in self.parts:
            self.parts[name] = (self.folder / name).read_text(encoding="utf-8")
        return self.parts[name]

    def page(self, html: str) -> str:
        html, files = rewrite(html, self.read)
        for name, (parts, code) in files.items():
            if name not in self.written:
                (self.folder / name).write_text(code, encoding="utf-8")
                self.written[name] = parts
        self.named.update(NAMED.findall(html))
        return html

    def finish(self) -> dict[str, list[str]]:
        for part in self.parts:
            if part not in self.named:
                (self.folder / part).unlink()
        return self.written


def apply(site: Path) -> dict[str, list[str]]:
    """Join the runs in every page of a built site; remove parts no page names. Returns joined name -> parts."""
    joiner = Joiner(site)
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new_text = joiner.page(text)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
    return joiner.finish()
