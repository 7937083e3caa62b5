"""hooks/qr.py: an inline SVG QR code, made at build time, that names its address for screen readers."""

from __future__ import annotations

import re

import pytest
import segno

import qr

URL = "https://together-in-recovery.example.org/groups/"


def modules(svg: str) -> set[tuple[int, int]]:
    """Read the dark modules back out of the SVG path (segno writes one horizontal run per 'h')."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                dark.add((int(y), int(x) + i))
            x += float(a)
    return dark


def test_svg_is_inline_scalable_and_named():
    out = qr.svg(URL)
    assert out.startswith("<svg ") and out.endswith("</svg>")
    assert "<?xml" not in out and 'width="' not in out.split(">")[0] and "viewBox" in out
    assert 'role="img"' in out and f"<title>QR code for {URL}</title>" in out
    assert f'aria-label="QR code for {URL}"' in out
    assert 'class="ps-qr"' in out


def test_title_is_escaped_and_can_be_chosen():
    out = qr.svg(URL, title='Scan for "help" & more')
    assert "<title>Scan for &quot;help&quot; &amp; more</title>" in out or "<title>Scan for \"help\" &amp; more</title>" in out
    assert 'aria-label="Scan for &quot;help&quot; &amp; more"' in out


def test_svg_encodes_the_address():
    """The dark modules drawn are exactly those of the QR code for the address (with a 4-module quiet zone)."""
    code = segno.make(URL, error="m", micro=False)
    expected = {(r + 4, c + 4) for r, row in enumerate(code.matrix) for c, v in enumerate(row) if v}
    assert modules(qr.svg(URL)) == expected


def test_white_background_so_it_scans_in_dark_mode():
    assert '<path fill="#fff"' in qr.svg(URL)


def test_empty_address_is_refused():
    with pytest.raises(ValueError):
        qr.svg("  ")
