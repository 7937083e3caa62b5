"""Smaller stylesheets and scripts, and the palette folded into site.css (hooks/minify.py): pure functions with
small inputs, Material's real palette file (so an upgrade that moves its dark scheme fails here), then the
built site."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

import minify

MATERIAL_STYLES = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def test_css_loses_comments_and_spaces_not_rules():
    out = minify.css("/* a note */\n.a  >  .b {\n  color: red;\n}\n.c :is(h1, h2) { margin: 0 }\n")
    assert "note" not in out and "\n" not in out
    assert ".a>.b{color:red}" in out and ".c :is(h1,h2){margin:0}" in out  # the descendant space stays


def test_js_loses_comments_and_keeps_strings():
    out = minify.js("// why\nconst a = 'two  spaces'; /* and */ const b = `x  ${a}`;\n")
    assert "why" not in out and "and" not in out
    assert "'two  spaces'" in out and "`x  ${a}`" in out


def test_a_licensed_file_is_left_alone(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    vendored = "// QR Code Generator\n// Licensed under the MIT license\nvar  x = 1;\n"
    (scripts / "vendor.js").write_text(vendored)
    (scripts / "ours.js").write_text("// ours\nvar  y = 2;\n")
    (scripts / "bundle.abc.min.js").write_text("// Material\nvar  z;\n")
    minify.apply(tmp_path, {"custom"})
    assert (scripts / "vendor.js").read_text() == vendored
    assert (scripts / "ours.js").read_text() == "var y=2;"
    assert (scripts / "bundle.abc.min.js").read_text() == "// Material\nvar  z;\n"  # Material's: not ours


def test_colours_are_read_from_one_scheme_or_several():
    assert minify.colours({"primary": "Deep Purple", "accent": "amber"}) == {"deep-purple", "amber"}
    assert minify.colours([{"scheme": "default", "primary": "custom"}, {"scheme": "slate", "accent": "custom"}]) \
        == {"custom"}
    assert minify.colours(None) == set()


def test_keep_colours_drops_only_colours_not_used():
    css = ("@media screen{[data-md-color-scheme=slate]{--bg:#111}"
           "[data-md-color-primary=red]{--p:red},[data-md-color-primary=custom] .x{--p:0}"
           "[data-md-color-accent='teal'],.keep:is(a,b){--a:teal}}"
           "@keyframes spin{from{opacity:0}to{opacity:1}}")
    out = minify.keep_colours(css, {"custom"})
    assert "[data-md-color-scheme=slate]{--bg:#111}" in out
    assert "primary=red" not in out and "[data-md-color-primary=custom] .x" in out
    assert "teal'" not in out and ".keep:is(a,b){--a:teal}" in out  # the comma inside :is() is not a split
    assert "@keyframes spin{from{opacity:0}to{opacity:1}}" in out


def test_materials_palette_keeps_its_dark_scheme_and_drops_named_colours():
    """Against the installed Material: an upgrade that renames the dark scheme's rule fails here."""
    palette = next(MATERIAL_STYLES.glob("palette.*.min.css")).read_text(encoding="utf-8")
    kept = minify.keep_colours(palette, {"custom"})
    assert minify.DARK in kept and "--md-default-bg-color" in kept
    assert "data-md-color-primary=indigo" in palette and "data-md-color-primary=indigo" not in kept
    assert len(kept) < len(palette) / 3


def _site(tmp_path: Path, palette: str) -> Path:
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "palette.0123abcd.min.css").write_text(palette)
    (styles / "palette.0123abcd.min.css.map").write_text("{}")
    (styles / "site.css").write_text("/* ours */\n.ours { color: teal }\n")
    return tmp_path


def test_apply_folds_the_palette_in_front_of_site_css(tmp_path):
    site = _site(tmp_path, "[data-md-color-scheme=slate]{--bg:#111}[data-md-color-primary=red]{--p:red}")
    assert minify.apply(site, {"custom"}) == "palette.0123abcd.min.css"
    text = (site / "assets" / "stylesheets" / "site.css").read_text()
    assert text == "[data-md-color-scheme=slate]{--bg:#111}\n.ours{color:teal}"  # palette first: same cascade
    assert not list((site / "assets" / "stylesheets").glob("palette.*"))  # the file and its map are gone


def test_apply_stops_when_the_dark_scheme_is_not_in_the_palette(tmp_path):
    site = _site(tmp_path, "[data-md-color-scheme=night]{--bg:#111}")
    with pytest.raises(minify.PaletteChanged, match="no \\[data-md-color-scheme=slate\\] rule"):
        minify.apply(site, {"custom"})


def test_apply_without_a_palette_changes_no_page():
    assert minify.drop_palette("<link href='x.css'>", None) == "<link href='x.css'>"


def test_drop_palette_takes_out_its_link():
    html = ('<link rel="stylesheet" href="../assets/stylesheets/main.1.min.css">\n'
            '<link rel="stylesheet" href="../assets/stylesheets/palette.0123abcd.min.css">\n<p>x</p>')
    out = minify.drop_palette(html, "palette.0123abcd.min.css")
    assert "palette" not in out and "main.1.min.css" in out and "<p>x</p>" in out


def test_drop_palette_stops_when_a_page_still_names_the_file():
    html = '<link rel="preload" as="style" href=\'palette.0123abcd.min.css\'>'
    with pytest.raises(minify.PaletteChanged, match="a/index.html still names palette.0123abcd.min.css"):
        minify.drop_palette(html, "palette.0123abcd.min.css", "a/index.html")


# The real site -----------------------------------------------------------------------------------

def test_built_pages_link_one_stylesheet_of_ours_with_the_dark_scheme(built_site):
    page = (built_site / "psychotic" / "schizophrenia" / "early-recovery" / "index.html").read_text()
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"(?: media="(\w+)")?>', page)
    screen = [href for href, media in links if media != "print"]
    assert [Path(h).name.split(".")[0] for h in screen] == ["main", "site"]
    site_css = built_site / "assets" / "stylesheets" / Path(screen[1]).name
    text = site_css.read_text()
    assert text.startswith("@media screen{[data-md-color-scheme=slate]") and "/*" not in text
    assert not list(built_site.glob("assets/stylesheets/palette.*"))
