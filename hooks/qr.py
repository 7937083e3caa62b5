"""QR codes as inline SVG, made at build time with segno (pure Python: no request, no image file).

Pure module, no MkDocs import: the group packet uses it, and printed handouts can too.
``svg(url)`` returns one ``<svg>`` element that scales with CSS (it has a viewBox and no fixed size),
has a white quiet zone so it scans on any background, and names its address in a ``<title>`` so screen
readers announce what it is.
"""

from __future__ import annotations

import html

import segno


def svg(url: str, title: str | None = None, css_class: str = "ps-qr") -> str:
    """An inline SVG QR code for ``url``; its accessible name is ``title`` (default: 'QR code for URL')."""
    if not url or not url.strip():
        raise ValueError("a QR code needs an address")
    code = segno.make(url.strip(), error="m", micro=False)
    text = title or f"QR code for {url.strip()}"
    out = code.svg_inline(scale=1, border=4, omitsize=True, svgclass=css_class, lineclass=None,
                          dark="#000", light="#fff", title=text)
    # role="img" makes the <title> the image's accessible name in every browser.
    return out.replace("<svg ", f'<svg role="img" aria-label="{html.escape(text, quote=True)}" ', 1)
