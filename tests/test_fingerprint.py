"""Content-addressed names for our own files (hooks/fingerprint.py): pure functions, then the built site."""

from __future__ import annotations

import re

import fingerprint
import headers


def test_name_carries_the_content_hash_and_changes_with_it():
    a = fingerprint.hashed_name("assets/javascripts/listen.js", b"one")
    b = fingerprint.hashed_name("assets/javascripts/listen.js", b"two")
    assert re.fullmatch(r"assets/javascripts/listen\.[0-9a-f]{10}\.js", a) and a != b
    assert headers.HASHED.search(a)  # so _headers marks it immutable


def test_only_our_files_are_renamed():
    files = {"assets/javascripts/listen.js": b"x", "assets/stylesheets/site.css": b"y",
             "assets/images/favicon.svg": b"z", "assets/images/icon-192.png": b"p",
             "assets/javascripts/bundle.a5f9d56c.min.js": b"m", "assets/javascripts/lunr/min/lunr.de.min.js": b"l",
             "assets/javascripts/listen.0123456789.js": b"done", "sw.js": b"w"}
    assert sorted(fingerprint.plan(files)) == ["assets/images/favicon.svg", "assets/javascripts/listen.js",
                                               "assets/stylesheets/site.css"]


def test_rewrite_changes_whole_references_only():
    mapping = {"assets/javascripts/print.js": "assets/javascripts/print.abc.js"}
    html = ('<script src="../../assets/javascripts/print.js" defer></script>'
            "<script src='assets/javascripts/print.js?v=1'></script>"
            '<script src="../assets/javascripts/blueprint.js"></script>'
            '<p>assets/javascripts/print.js in words</p>')
    out = fingerprint.rewrite(html, mapping)
    assert out.count("print.abc.js") == 2
    assert "blueprint.js" in out and "<p>assets/javascripts/print.js in words" in out


def test_apply_renames_and_every_page_follows(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "print.js").write_text("print()")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<script src="../assets/javascripts/print.js"></script>')
    mapping = fingerprint.apply(tmp_path)
    new = mapping["assets/javascripts/print.js"]
    assert not (tmp_path / "assets" / "javascripts" / "print.js").exists()
    assert (tmp_path / new).read_text() == "print()"
    assert f'"../{new}"' in (tmp_path / "a" / "index.html").read_text()
    assert fingerprint.apply(tmp_path) == {}  # a second run leaves named files alone


# The real site -----------------------------------------------------------------------------------

def test_pages_name_only_fingerprinted_files_of_ours(built_site):
    """No page names one of our scripts, stylesheets or the favicon by its plain name (it would not exist),
    and every file of ours in the site is named by content and cached for good by _headers."""
    own = [p.relative_to(built_site).as_posix() for p in built_site.glob("assets/*/*") if p.is_file()]
    ours = [p for p in own if re.search(r"\.[0-9a-f]{10}\.(js|css|svg)$", p) and "/quiz/" not in p]
    assert any("listen" in p for p in ours) and any("/site." in p for p in ours) and any("favicon." in p for p in ours)
    assert not [p for p in own if fingerprint.is_own(p)], "a file of ours kept its plain name"
    rules = headers.parse((built_site / "_headers").read_text(encoding="utf-8"))
    for path in ours:
        assert "immutable" in headers.for_path(rules, "/" + path).get("Cache-Control", ""), path
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        plain = re.findall(r'(?:src|href)="[^"]*assets/(?:javascripts|stylesheets|images)/([a-z-]+\.(?:js|css|svg))"', text)
        assert not plain, (page, plain)
