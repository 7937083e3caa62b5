"""Sharing: a "Copy link" control beside every section heading of a module page, and the map of pages
that reading lists (/pathway/?p=A,B) read their titles and descriptions from.

Pure Python, no MkDocs import (tests/test_sharing.py). hooks/clinician_tools.py wires it;
docs/assets/javascripts/copy-link.js and pathway.js do the rest in the browser.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Iterable

# Copy a link to a section ------------------------------------------------------------------------

H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
LINK_ICON = ('<svg class="ps-copy-link__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">'
             '<path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2a1 1 0 0 1-1.4-1.4l2-2a1 1 0 1 '
             '0-1.4-1.4l-3.5 3.5a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2a1 1 0 0 1 '
             '1.4 1.4l-2 2a1 1 0 1 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0z"/></svg>')


def heading_text(inner_html: str) -> str:
    """A heading's words, without Material's permalink mark or any tags."""
    text = re.sub(r"<[^>]+>", "", HEADERLINK.sub("", inner_html))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def copy_control(anchor: str, title: str) -> str:
    """The control after one heading. Hidden until copy-link.js shows it: without JavaScript it could not
    work, and Material's permalink mark still links the section."""
    name = html.escape(f"Copy link to section: {title}", quote=True)
    return (f'<div class="ps-copy-link" data-ps-copy-wrap hidden>'
            f'<button type="button" class="ps-copy-link__button" data-ps-copy-section="{html.escape(anchor)}" '
            f'aria-label="{name}">{LINK_ICON}Copy link</button>'
            f'<span class="ps-copy-link__status" role="status"></span></div>')


def add_copy_links(page_html: str) -> str:
    """A "Copy link" control after every <h2 id> of a page (the ## sections; ids are never changed)."""
    return H2.sub(lambda m: m.group(0) + copy_control(m.group(1), heading_text(m.group(2))), page_html)


# The page map for reading lists ------------------------------------------------------------------

HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*\{#([a-z0-9][a-z0-9-]*)\}[ \t]*$", re.M)


def markdown_words(text: str) -> str:
    text = re.sub(r"(?<!!)\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def sections(body: str) -> dict[str, str]:
    """id -> title of every ## heading with an explicit id, in page order."""
    return {anchor: markdown_words(title) for title, anchor in HEADING.findall(body)}


def site_path(url: str) -> str:
    """A page's address from the site root: '' -> '/', 'skills/communicating/' -> '/skills/communicating/'."""
    return "/" + url.lstrip("/")


def entry(title: str, description: str, body: str = "", kind: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"title": markdown_words(title), "description": markdown_words(description)}
    found = sections(body)
    if found:
        out["sections"] = found
    if kind:
        out["kind"] = kind
    return out


def page_map_json(entries: dict[str, dict[str, Any]]) -> str:
    return json.dumps(dict(sorted(entries.items())), ensure_ascii=False, separators=(",", ":"))


def page_map_element(entries: dict[str, dict[str, Any]]) -> str:
    """The map inside the page, as an attribute of an empty hidden element: it travels with the page (so a saved
    page works offline), is never executed (no script, so nothing for a content security policy to allow, and
    Material's instant navigation does not re-run it), and the attribute is escaped."""
    return f'<div id="ps-page-map" hidden data-ps-page-map="{html.escape(page_map_json(entries), quote=True)}"></div>\n'


def missing(paths: Iterable[str], entries: dict[str, Any]) -> list[str]:
    """Paths (e.g. the hub's builder rows) that the map does not know."""
    return [p for p in paths if p not in entries]
