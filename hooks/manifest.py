"""Installable: the web app manifest and its icons, made at build time from ONE source image.

Pure: no MkDocs import. The source is the favicon, docs/assets/images/favicon.svg; change it and every icon
follows. Rasterised with resvg-py (a wheel with resvg built in: no system library such as cairo needed).

    python hooks/manifest.py docs/assets/images/favicon.svg out/    # write the icons and a manifest

Icons: 192 and 512 px as drawn ("any"); a 512 px "maskable" one, where the drawing is shrunk into the safe
zone (the central 80 % circle) on a full-bleed background of the icon's own colour, so launchers can crop
it to any shape; and a 180 px apple-touch-icon, full-bleed too (iOS rounds the corners itself and paints
transparent ones black).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ICON_DIR = "assets/images"
SAFE_ZONE = 0.7  # the drawing's share of a maskable icon's width: inside the 80 % safe circle


def viewbox(svg: str) -> tuple[float, float, float, float]:
    m = re.search(r'viewBox="([-\d.\s,]+)"', svg)
    if not m:
        raise ValueError("the source SVG needs a viewBox")
    x, y, w, h = (float(v) for v in re.split(r"[\s,]+", m.group(1).strip()))
    return x, y, w, h


def background(svg: str) -> str:
    """The colour of the drawing's first filled shape (the favicon's rounded square)."""
    m = re.search(r'<(?:rect|circle|path)\b[^>]*\bfill="(#[0-9a-fA-F]{3,8})"', svg)
    return m.group(1) if m else "#ffffff"


def full_bleed(svg: str, scale: float) -> str:
    """The drawing, scaled about its centre, on a square of its own background colour."""
    x, y, w, h = viewbox(svg)
    inner = re.sub(r"^.*?<svg\b[^>]*>|</svg>\s*$", "", svg.strip(), flags=re.S)
    cx, cy = x + w / 2, y + h / 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}">'
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{background(svg)}"/>'
            f'<g transform="translate({cx} {cy}) scale({scale}) translate({-cx} {-cy})">{inner}</g></svg>')


def render(svg: str, size: int) -> bytes:
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size, skip_system_fonts=True))


def icons(svg: str) -> dict[str, bytes]:
    """File name (under the site root) -> PNG bytes."""
    maskable = full_bleed(svg, SAFE_ZONE)
    return {
        f"{ICON_DIR}/icon-192.png": render(svg, 192),
        f"{ICON_DIR}/icon-512.png": render(svg, 512),
        f"{ICON_DIR}/icon-maskable-512.png": render(maskable, 512),
        f"{ICON_DIR}/apple-touch-icon.png": render(full_bleed(svg, 0.82), 180),
    }


def manifest(name: str, short_name: str, description: str, theme_color: str, background_color: str,
             site_url: str = "") -> dict:
    """The manifest. The app's address is the site's (SITE_URL); without one, relative to the manifest, which
    sits at the site root. Icon addresses are always relative to it, so any base path works."""
    home = site_url or "./"
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "id": home,
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "lang": "en",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": [
            {"src": f"{ICON_DIR}/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": f"{ICON_DIR}/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": f"{ICON_DIR}/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
    }


def write(out: Path, svg: str, **fields: str) -> list[str]:
    """Write the icons and manifest.webmanifest under out; return the files written."""
    written = []
    for name, data in icons(svg).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
        written.append(name)
    (out / "manifest.webmanifest").write_text(json.dumps(manifest(**fields), indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    return written + ["manifest.webmanifest"]


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    print("\n".join(write(target, source.read_text(encoding="utf-8"), name="Together in Recovery",
                          short_name="Together", description="", theme_color="#00796b",
                          background_color="#ffffff", site_url="")))
