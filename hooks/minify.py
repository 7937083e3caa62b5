"""Our stylesheets and scripts, smaller on the wire, and Material's dark scheme without colours we never use.

Pure: no MkDocs import. hooks/publish.py calls ``apply`` after the build and before our files are named by
content (hooks/fingerprint.py), so the names follow the smaller files, then ``drop_palette`` on every page.

- Minified: comments and spaces taken out of our own stylesheets (rcssmin) and scripts (rjsmin). The sources
  under docs/ keep their comments; site.css goes from 9.4 to 6.2 KB gzipped. A file that carries a licence
  (vendored code such as qrcode-generator.js) is left as it is, since its licence must travel with it, and
  Material's and mkdocs-quiz's files are not ours to touch.
- One stylesheet fewer before the first paint: Material links ``palette.<hash>.min.css`` on every page, with
  the colours of each of its named primaries and accents. Only the rules for the colours mkdocs.yml uses
  (here ``custom``: site.css defines them) and the scheme rules (the dark ``slate``) are needed; those go to
  the front of site.css (where the palette's <link> stood, before site.css, so the cascade is unchanged), the
  palette's <link> leaves every page and its file leaves the site. If Material renames the file or the dark
  scheme's rule, the build stops (PaletteChanged) rather than ship a site without its dark scheme.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

import fingerprint

LICENCE = re.compile(r"licen[cs]e|copyright", re.I)
COLOUR = re.compile(r"""data-md-color-(?:primary|accent)=["']?([\w-]+)""")
DARK = "[data-md-color-scheme=slate]"


class PaletteChanged(Exception):
    """Material's palette stylesheet is not where or what this module expects (an upgrade changed it)."""


def css(text: str) -> str:
    return rcssmin.cssmin(text)


def js(text: str) -> str:
    return rjsmin.jsmin(text)


def is_own(path: str) -> bool:
    """One of our scripts or stylesheets (fingerprint.py's list, less the favicon and any *.min.* file)."""
    return fingerprint.is_own(path) and path.endswith((".js", ".css")) and ".min." not in path


def licensed(text: str) -> bool:
    """A licence or copyright line in the file's opening comment."""
    return bool(LICENCE.search(text[:2000]))


def _outside_quotes(text: str):
    """(index, character, depth) for each character outside quoted strings; depth counts the brackets and
    braces open around it (an opening one is counted after itself, a closing one before)."""
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote and text[i - 1] != "\\" else quote
            continue
        if ch in "\"'":
            quote = ch
            continue
        depth -= ch in ")]}"
        yield i, ch, depth
        depth += ch in "([{"


def _split(css_text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside quotes, brackets and braces."""
    cuts = [i for i, ch, depth in _outside_quotes(css_text) if ch == sep and depth == 0]
    return [css_text[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(css_text)])]


def _rules(css_text: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, block) pairs; block None for a statement such as @import."""
    out, start, head = [], 0, 0
    for i, ch, depth in _outside_quotes(css_text):
        if depth:
            continue
        if ch == "{":
            head = i
        elif ch == "}":
            out.append((css_text[start:head].strip(), css_text[head + 1:i]))
            start = i + 1
        elif ch == ";":
            out.append((css_text[start:i].strip(), None))
            start = i + 1
    return out


def keep_colours(css_text: str, colours: set[str]) -> str:
    """Drop every selector that names a primary or accent colour not in ``colours``; keep everything else."""
    out = []
    for prelude, block in _rules(css_text):
        if block is None:
            out.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = keep_colours(block, colours)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{block}}}")  # @keyframes, @font-face: whole
        else:
            selectors = [s for s in _split(prelude, ",") if set(COLOUR.findall(s)) <= colours]
            if selectors:
                out.append(",".join(selectors) + "{" + block + "}")
    return "".join(out)


def colours(palette: list | dict | None) -> set[str]:
    """The primary and accent colours named by mkdocs.yml's theme.palette (one scheme or a list of them)."""
    schemes = palette if isinstance(palette, list) else [palette or {}]
    return {str(s.get(k, "")).replace(" ", "-").lower() for s in schemes for k in ("primary", "accent")} - {""}


def apply(site: Path, colours: set[str]) -> str | None:
    """Minify our files; fold the palette's needed rules into site.css. Returns the palette file's name (for
    ``drop_palette``), or None when the site has no palette stylesheet or no site.css to fold it into."""
    for path in sorted(site.glob("assets/*/*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or not is_own(rel):
            continue
        text = path.read_text(encoding="utf-8")
        if not licensed(text):
            path.write_text(css(text) if rel.endswith(".css") else js(text), encoding="utf-8")
    styles = site / "assets" / "stylesheets"
    palettes, ours = sorted(styles.glob("palette.*.min.css")), styles / "site.css"
    if not palettes or not ours.exists():
        return None
    if len(palettes) > 1:
        raise PaletteChanged(f"more than one palette stylesheet: {', '.join(p.name for p in palettes)}")
    palette = palettes[0]
    kept = keep_colours(palette.read_text(encoding="utf-8"), colours)
    if DARK not in kept:
        raise PaletteChanged(f"{palette.name} has no {DARK} rule: Material's dark scheme moved; see "
                             "hooks/minify.py")
    ours.write_text(kept + "\n" + ours.read_text(encoding="utf-8"), encoding="utf-8")
    palette.unlink()
    palette.with_name(palette.name + ".map").unlink(missing_ok=True)
    return palette.name


def drop_palette(html: str, name: str | None, page: str = "") -> str:
    """The page without its <link> to the folded palette file; PaletteChanged if the page still names it."""
    if not name:
        return html
    html = re.sub(r'<link\b[^>]*\bhref="[^"]*' + re.escape(name) + r'"[^>]*>\n?', "", html)
    if name in html:
        raise PaletteChanged(f"{page or 'a page'} still names {name}, which was folded into site.css")
    return html
