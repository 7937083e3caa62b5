"""Security headers: a Content-Security-Policy built from the site's own inline scripts, and the `_headers` file.

Pure: works on HTML text; no MkDocs import. The policy allows only the site's own origin. Scripts: no
'unsafe-inline' and no 'unsafe-eval'; each inline script that remains (Material's small start-up scripts, one
per page depth, and the site's search-deferral shim) is allowed by its SHA-256 hash, computed here from the
built pages. mkdocs-quiz's inline code is moved into files first (hooks/quiz_assets.py).

One policy serves the whole site, hashes of every page included: Material's instant navigation adds a new
page's <meta> tags to the open document, and a second CSP <meta> would be enforced on top of the first, so
the policy must be the same on every page.

Styles: 'unsafe-inline' stays in style-src. Material's templates and scripts, and mkdocs-quiz, set `style`
attributes (e.g. `style="width: 0%"`, `hidden` panels) and the offline page has a <style> block; allowing
them by hash would need 'unsafe-hashes' and break with any theme update. Inline styles cannot run code; the
site has no user-written content, so the remaining risk (CSS injection) has no entry point.

`_headers` (Netlify and Cloudflare Pages format: a path line, then indented `Name: value` lines) carries the
full policy plus `frame-ancestors 'none'`, which a <meta> cannot carry, and Referrer-Policy,
X-Content-Type-Options and Permissions-Policy. Hosts that ignore `_headers` (GitHub Pages) still get the
<meta> policy written into every page by ``add_meta``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from fnmatch import fnmatch

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
# Browser features the site never uses. Not listed, on purpose: clipboard-write (copy a link), speech
# (speechSynthesis has no policy switch), fullscreen, autoplay. Only features Chromium knows: an unknown name
# is reported as an error in the console.
PERMISSIONS = ["accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid", "magnetometer",
               "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking"]
# Files whose names carry a content hash can be cached for a year: a new build gives them a new name.
HASHED = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.(js|css|svg)$")  # named by content: Material, quiz, fingerprint.py


def is_classic_script(attrs: str) -> bool:
    """An inline script the browser runs (JSON data blocks such as Material's __config are not run)."""
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
    return kind is None or kind.group(1).lower() in ("text/javascript", "application/javascript", "module")


def inline_scripts(html: str) -> list[str]:
    return [body for attrs, body in SCRIPT.findall(html) if is_classic_script(attrs)]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(script_hashes: set[str] | list[str], *, for_meta: bool = False) -> str:
    """The Content-Security-Policy. for_meta leaves out what a <meta> cannot carry (frame-ancestors)."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(script_hashes)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not for_meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives)


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in PERMISSIONS)


def headers_file(script_hashes: set[str], files: list[str]) -> str:
    """The `_headers` file: security headers for every path, caching rules for the worker and hashed assets."""
    lines = [
        "# Written by hooks/headers.py at build time. Netlify and Cloudflare Pages read this file;",
        "# for other hosts see README (Deploying).",
        "/*",
        f"  Content-Security-Policy: {policy(script_hashes)}",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        f"  Permissions-Policy: {permissions_policy()}",
        "/sw.js",
        "  Cache-Control: no-cache",
        "/manifest.webmanifest",
        "  Content-Type: application/manifest+json",
    ]
    for path in sorted(files):
        if HASHED.search(path):
            lines += [f"/{path}", "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"


def meta_tag(script_hashes: set[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes, for_meta=True)}">'


def add_meta(html: str, tag: str) -> str:
    """Put the policy first in <head>, before any script it governs."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
    m = re.search(r"<meta charset=[^>]*>", html, re.I) or re.search(r"<head[^>]*>", html, re.I)
    if m is None:
        return html
    return html[: m.end()] + "\n    " + tag + html[m.end():]


def parse(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Read a `_headers` file back: [(path pattern, [(name, value), ...]), ...] (used by tests and servers)."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def for_path(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> dict[str, str]:
    """The headers a host applies to one request path (later rules win for the same name)."""
    out: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch(path, pattern):
            out.update(headers)
    return out
