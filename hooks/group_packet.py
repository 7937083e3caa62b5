"""The group course packet (/groups/packet/): built from the plan files at build time, so it never drifts.

Pure Python, no MkDocs import. ``render`` replaces the ``<!-- md:group-packet -->`` marker with Markdown:
a table of contents and a print button (all the screen shows), then, for print only, a cover with a QR code
to the site and the crisis numbers (from docs/crisis-lines.yml, passed in by the glue), the hub's essentials (from
docs/groups/index.md), the eight plans (each on a new sheet), the eight take-home sheets (each on a new sheet,
with every link's address written out) and the key points of the modules the plans ask members to read.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Callable

import content_model as cm
import qr

MARKER = re.compile(r"^[ \t]*<!--\s*md:group-packet\s*-->[ \t]*$", re.M)
HUB = "groups/index.md"
CRISIS = "crisis.md"
PLANS = [f"groups/session-{n}.md" for n in range(1, 9)]
# The hub's sections a facilitator needs on paper, in this order.
ESSENTIALS = ("running-a-group", "ground-rules", "your-role", "crisis-in-group")
READING = "reading"       # the plan section whose links are the modules to read
TAKE_HOME = "take-home"   # the plan section printed again as a one-page handout

HEADING = re.compile(r"^(#{2,5})(\s+.*)$")
ID_ATTR = re.compile(r"\{([^}]*?)#([A-Za-z][\w-]*)([^}]*)\}\s*$")
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")

Reader = Callable[[str], "str | None"]


# Pieces ---------------------------------------------------------------------------------------------


def sections(body: str) -> list[tuple[str | None, str]]:
    """Split a page body into (## id, text) pieces; the text before the first ## has id None."""
    out: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in body.splitlines():
        if line.startswith("## "):
            m = ID_ATTR.search(line)
            out.append((m.group(2) if m else None, [line]))
        else:
            out[-1][1].append(line)
    return [(sid, "\n".join(lines).strip("\n")) for sid, lines in out]


def page_address(src: str) -> str:
    """The site path of a source file: skills/communicating.md -> skills/communicating/, groups/index.md -> groups/."""
    path = src[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return path


def shift(text: str, prefix: str, own_ids: set[str], src: str, dest: str) -> str:
    """Move one page's Markdown into the packet: headings one level down, ids prefixed, links rebased."""
    out = []
    for line in text.splitlines():
        h = HEADING.match(line)
        if h:
            line = "#" + h.group(1) + h.group(2)
            line = ID_ATTR.sub(lambda m: "{" + m.group(1) + "#" + prefix + m.group(2) + m.group(3) + "}", line)
        out.append(line)
    text = "\n".join(out)

    def link(m: re.Match) -> str:
        label, target = m.group(1), m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            return m.group(0)
        path, _, anchor = target.partition("#")
        if not path:  # a link within the same page
            if anchor in own_ids:
                return f"[{label}](#{prefix}{anchor})"
            path = posixpath.basename(src)
            return f"[{label}]({path}#{anchor})"
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        new = posixpath.relpath(resolved, posixpath.dirname(dest) or ".")
        return f"[{label}]({new}{'#' + anchor if anchor else ''})"

    return LINK.sub(link, text)


def ids_in(text: str) -> set[str]:
    return {m.group(2) for line in text.splitlines() if HEADING.match(line) and (m := ID_ATTR.search(line))}


def linked_pages(text: str, src: str) -> list[str]:
    """Source paths of the pages a piece of Markdown links to, in order, without repeats."""
    found = []
    for _, target in LINK.findall(text):
        path = target.partition("#")[0]
        if path.endswith(".md") and not re.match(r"^[a-z][a-z0-9+.-]*:", path):
            found.append(posixpath.normpath(posixpath.join(posixpath.dirname(src), path)))
    return list(dict.fromkeys(found))


def with_addresses(text: str, src: str, site_url: str) -> str:
    """On paper a link is its address: '[Communicating](../skills/communicating.md)' gains '(site/skills/communicating/)'."""
    base = re.sub(r"^https?://", "", site_url).rstrip("/")

    def add(m: re.Match) -> str:
        path = m.group(2).partition("#")[0]
        if not path.endswith(".md") or re.match(r"^[a-z][a-z0-9+.-]*:", path):
            return m.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        return f"{m.group(0)} ({base}/{page_address(resolved)})"

    return LINK.sub(add, text)


def module_keypoints(src: str, text: str) -> tuple[str, list[str]] | None:
    """A module page's title and key points, from its front matter."""
    parsed, _ = cm.parse_front_matter(src, text)
    if parsed is None or not isinstance(parsed.meta.get("module"), dict):
        return None
    points = parsed.meta["module"].get("keypoints") or []
    return str(parsed.meta.get("title", src)), [str(p) for p in points]


# The packet -----------------------------------------------------------------------------------------


def render(body: str, read: Reader, site_url: str, dest: str = "groups/packet.md", crisis_text: str = "") -> str:
    """Replace the packet marker in ``body`` (read(src) gives a source file's text, or None).
    ``crisis_text`` is the crisis numbers for paper (hooks/crisis_lines.py render_print)."""
    if not MARKER.search(body):
        return body
    return MARKER.sub(lambda m: packet(read, site_url, dest, crisis_text), body, count=1)


def packet(read: Reader, site_url: str, dest: str, crisis_text: str = "") -> str:
    plans = []
    for src in PLANS:
        text = read(src)
        if text is None:
            continue
        parsed, _ = cm.parse_front_matter(src, text)
        if parsed is not None:
            plans.append((src, parsed))

    # On screen: the table of contents and the print button. In print: the cover.
    toc = []
    for src, p in plans:
        minutes = p.meta.get("group_time")
        toc.append(f"1. [{p.meta.get('title', src)}]({posixpath.relpath(src, posixpath.dirname(dest))})"
                   + (f" ({minutes} minutes)" if minutes else ""))
    site = site_url.rstrip("/") + "/"
    shown_site = re.sub(r"^https?://", "", site).rstrip("/")
    parts = [
        '<div class="ps-packet-screen" markdown>',
        "",
        '<p class="ps-packet-print"><button type="button" class="ps-print-button" data-ps-print hidden>'
        "Print the packet</button></p>",
        "",
        '<p class="ps-packet-hint">To print it, use your browser\'s Print command. '
        "Each session starts on a new sheet.</p>",
        "",
        "## What the packet holds {#contents}",
        "",
        "A printed guide to the course, the hub's essentials, then every session plan:",
        "",
        *toc,
        "",
        "Then the eight take-home sheets, one a page, ready to copy, "
        "and the key points of the modules the sessions use.",
        "",
        "</div>",
        "",
        '<div class="ps-packet" markdown>',
        "",
        '<div class="ps-packet__qr" markdown>',
        "",
        qr.svg(site, title=f"QR code for this site: {shown_site}"),
        "",
        f"Scan the code to open the site on a phone, or type **{html.escape(shown_site)}**",
        "",
        "</div>",
        "",
    ]

    if crisis_text and read(CRISIS) is not None:
        crisis_page = f"{site}{page_address(CRISIS)}"
        shown_crisis = re.sub(r"^https?://", "", crisis_page)
        parts += [
            '<div class="ps-packet__part" markdown>',
            "",
            "## Crisis numbers {#crisis-numbers}",
            "",
            "**If anyone may be in danger right now, call your local emergency number.**",
            "",
            '<div class="ps-packet__qr ps-packet__qr--small" markdown>',
            "",
            qr.svg(crisis_page, title=f"QR code for the crisis page: {shown_crisis}"),
            "",
            f"The latest numbers are always at **{html.escape(shown_crisis)}**",
            "",
            "</div>",
            "",
            '<div class="ps-packet__crisis" markdown>',
            "",
            crisis_text,
            "",
            "</div>",
            "",
            "</div>",
            "",
        ]

    hub = read(HUB)
    if hub is not None:
        parsed, _ = cm.parse_front_matter(HUB, hub)
        if parsed is not None:
            pieces = dict(sections(parsed.body))
            chosen = [pieces[s] for s in ESSENTIALS if s in pieces]
            own = {s for s in ESSENTIALS if s in pieces}
            parts += ['<div class="ps-packet__part" markdown>', "",
                      "## Running the course: the essentials {#essentials}", ""]
            parts += [shift(text, "hub-", own, HUB, dest) + "\n" for text in chosen]
            parts += ["</div>", ""]

    sheets, used = [], []
    for src, p in plans:
        n = p.meta.get("group_session")
        prefix = f"s{n}-"
        pieces = sections(p.body)
        own = {sid for sid, _ in pieces if sid} | ids_in(p.body)
        title = p.meta.get("title", src)
        parts += [f'<div class="ps-packet__plan" markdown>', "", f"## {title} {{#session-{n}}}", ""]
        if p.meta.get("content_note"):
            parts += ['!!! warning "Content note"', f"    {p.meta['content_note']}", ""]
        for sid, text in pieces:
            if sid == TAKE_HOME:
                parts += [f"### Take-home sheet {{#{prefix}take-home}}", "",
                          f"The take-home sheet for this session is printed on its own page "
                          f"with the [take-home sheets](#take-home-{n}), ready to copy.", ""]
                sheets.append((n, title, src, text))
                continue
            if sid == READING:
                used.append((n, title, linked_pages(text, src)))
            parts += [shift(text, prefix, own, src, dest), ""]
        parts += ["</div>", ""]

    if sheets:
        parts += ['<div class="ps-packet__part" markdown>', "", "## Take-home sheets {#take-home-sheets}", "",
                  "One page for each session, to copy and hand out at the end.",
                  "Each gives the session's three key ideas, one thing to try, and where to read more.", "", "</div>", ""]
        for n, title, src, text in sheets:
            body = "\n".join(text.splitlines()[1:])  # drop the plan's own "## Take-home sheet" heading
            body = shift(with_addresses(body, src, site_url), f"sheet{n}-", set(), src, dest)
            parts += ['<div class="ps-packet__sheet" markdown>', "", f"## Take-home sheet: {title} {{#take-home-{n}}}",
                      "", body, "",
                      f"*Together in Recovery: information, not advice. If anyone is in danger now, call your local "
                      f"emergency number, or see {shown_site}/{page_address(CRISIS)}.*", "", "</div>", ""]

    seen: set[str] = set()
    keypoints = []
    for n, title, pages in used:
        found = []
        for page in pages:
            if page in seen:
                continue
            text = read(page)
            got = module_keypoints(page, text) if text is not None else None
            if got and got[1]:
                seen.add(page)
                link = posixpath.relpath(page, posixpath.dirname(dest))
                found.append(f"**[{got[0]}]({link})**\n\n" + "\n".join(f"- {k}" for k in got[1]) + "\n")
        if found:
            keypoints += [f"### {title} {{#keypoints-{n}}}", "", *found]
    if keypoints:
        parts += ['<div class="ps-packet__part" markdown>', "", "## Key points of the modules {#module-key-points}", "",
                  "The main points of each module the sessions ask members to read, from the modules themselves.", "",
                  '<div class="ps-packet__keypoints" markdown>', "", *keypoints, "</div>", "", "</div>", ""]
    parts += ["</div>", ""]
    return "\n".join(parts)
