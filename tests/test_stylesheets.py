"""hooks/stylesheets.py: one fixture per rule, and the project's own stylesheets."""

from __future__ import annotations

from conftest import FIXTURES, ROOT
import stylesheets

CSS = FIXTURES / "stylesheets"


def check(name: str) -> list:
    return stylesheets.check_braces((CSS / name).read_text(encoding="utf-8"), f"fixtures/{name}")


def test_good_stylesheet_passes():
    """Braces inside comments and strings are not counted."""
    assert check("good.css") == []


def test_block_never_closed_is_named_with_its_line():
    (problem,) = check("unclosed-block.css")
    assert str(problem).startswith("fixtures/unclosed-block.css:4: a block opened on this line is never closed")
    assert "hint:" in str(problem)


def test_close_without_open_is_named_with_its_line():
    (problem,) = check("extra-close.css")
    assert str(problem).startswith("fixtures/extra-close.css:4: this '}' closes a block that was never opened")


def test_every_stylesheet_of_the_site_closes_its_blocks():
    assert stylesheets.check_dir(ROOT / "docs") == []
