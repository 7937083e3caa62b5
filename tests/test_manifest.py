"""Installable: the manifest and icons made from the one source SVG (hooks/manifest.py), and on the built site."""

from __future__ import annotations

import json
import re
import struct

import manifest
from conftest import ROOT

SVG = (ROOT / "docs" / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_from_the_one_source_image():
    icons = manifest.icons(SVG)
    sizes = {name.rsplit("/", 1)[1]: png_size(data) for name, data in icons.items()}
    assert sizes == {"icon-192.png": (192, 192), "icon-512.png": (512, 512), "icon-maskable-512.png": (512, 512),
                     "apple-touch-icon.png": (180, 180)}


def test_maskable_icon_is_full_bleed_and_the_drawing_sits_in_the_safe_zone():
    svg = manifest.full_bleed(SVG, manifest.SAFE_ZONE)
    assert f'fill="{manifest.background(SVG)}"' in svg and manifest.background(SVG) == "#00796b"
    x, y, w, h = manifest.viewbox(svg)
    assert (x, y, w, h) == (0, 0, 24, 24)
    assert manifest.SAFE_ZONE * (2 ** 0.5) <= 1.0  # the drawing's corners stay inside the 80 % safe circle


def test_manifest_fields():
    m = manifest.manifest("Together in Recovery", "Together", "d", "#00796b", "#ffffff", "https://x.org/r/")
    assert m["display"] == "standalone" and m["start_url"] == m["scope"] == "https://x.org/r/"
    assert {i["sizes"] for i in m["icons"]} == {"192x192", "512x512"}
    assert any(i["purpose"] == "maskable" for i in m["icons"])
    assert manifest.manifest("a", "b", "c", "#000", "#fff")["start_url"] == "./"


def test_built_site_links_manifest_and_icons_from_every_page(built_site):
    data = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for icon in data["icons"]:
        assert (built_site / icon["src"]).is_file()
    theme = re.search(r'<meta name="theme-color" content="([^"]+)"', (ROOT / "overrides" / "main.html").read_text())
    assert data["theme_color"] == theme.group(1)
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        assert re.search(r'<link rel="manifest" href="[./]*manifest\.webmanifest">', text), page
        assert re.search(r'<link rel="apple-touch-icon" href="[./]*assets/images/apple-touch-icon\.png">', text), page
