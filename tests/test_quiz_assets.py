"""Upgrade guards for the two workarounds that touch third-party code: mkdocs-quiz's inline code moved into
files (hooks/quiz_assets.py) and Material's search index held until search is opened (overrides/main.html),
plus the search index's scope (hooks/search_scope.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quiz_assets
import search_scope


def test_the_installed_mkdocs_quiz_code_is_found_and_moved():
    """mkdocs-quiz's own strings, as 1.7.1 appends them; fails if an upgrade changes how they are added."""
    from mkdocs_quiz import plugin

    assert plugin.style.startswith('<style type="text/css">') and plugin.js_script.startswith(
        '<script type="text/javascript" defer>'), "mkdocs-quiz no longer inlines its code the same way"
    page = ('<div class="quiz" id="quiz-0"><form action="javascript:void(0);" onsubmit="return false;"></form></div>'
            + plugin.style + '<script type="text/javascript">\nwindow.mkdocsQuizTranslations = {};\n</script>'
            + '<script type="text/javascript">\nwindow.mkdocsQuizConfig = {showProgress: false};\n</script>'
            + plugin.js_script)
    html, css, scripts = quiz_assets.split(page)
    assert "<style" not in html and "mkdocsQuiz" not in html and "onsubmit" not in html and "javascript:" not in html
    assert html.count(quiz_assets.MARKER) == 1
    assert ".quiz" in css and len(scripts) == 3 and "document$" in scripts[2]
    code = quiz_assets.script_file("assets/quiz/quiz.0123456789.css", scripts)
    assert code.index("mkdocsQuizConfig") < code.index("document$")  # config first, as on the page
    assert '"quiz.0123456789.css"' in code and "(function (document$) {" in code


def test_a_quiz_page_without_the_inline_code_stops_the_build():
    with pytest.raises(quiz_assets.QuizCodeNotFound):
        quiz_assets.split('<div class="quiz" id="quiz-0"></div><script src="quiz.js"></script>')
    assert quiz_assets.split("<p>no quiz here</p>") == ("<p>no quiz here</p>", "", [])


def test_material_bundle_still_fetches_the_index_with_xhr_at_start_up():
    """overrides/main.html holds one XMLHttpRequest; if Material changes how it fetches the index, look again."""
    import material

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    text = bundle.read_text(encoding="utf-8")
    assert 'namedItem("search")' in text and "search/search_index.json" in text and "XMLHttpRequest" in text


def test_search_scope_marks_blocks_without_nesting_the_same_tag():
    html = ('<ol class="ps-refs"><li>A</li></ol><details class="ps-scenario-map"><summary>S</summary><ol><li>x<ul>'
            '<li>y</li></ul></li></ol></details><div class="answer-feedback hidden">Yes.</div>'
            '<div class="answer-feedback hidden"><div class="admonition">nested</div></div>')
    out = search_scope.exclude(html)
    assert out.count("data-search-exclude") == 3  # the feedback with a nested <div> is left alone (safe)
    assert out.count('data-search-exclude="true"') == 3, "with a value, so Material removes it after indexing"


def test_search_scope_gives_a_bare_marker_a_value():
    """mkdocs-quiz writes a bare data-search-exclude; Material strips the attribute only when it has a value."""
    out = search_scope.exclude('<a href="#quiz-0" class="quiz-header-link" data-search-exclude>#</a><p data-search-exclude/>')
    assert out == '<a href="#quiz-0" class="quiz-header-link" data-search-exclude="true">#</a><p data-search-exclude="true"/>'


def test_built_index_leaves_out_repeats(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The groups hub (not the session plans, which are its own content): its maps and gathered notes repeat
    # other pages. The printed packet repeats the plans and is left out whole.
    repeats = sum(len(d["text"]) for d in index["docs"]
                  if d["location"].startswith(("groups/#scenario-maps", "groups/#facilitator-notes", "groups/#notes-")))
    assert repeats < 2000, "the groups page's maps and gathered notes are not indexed again"
    assert not any(d["location"].startswith("groups/packet/") for d in index["docs"])
    text = " ".join(d["text"] for d in index["docs"])
    for noise in ("Back to the sections", "These questions are for learning", "<p>What do you do?</p>",
                  "Check my answer"):
        assert noise not in text, noise
    assert len(json.dumps(index)) < 1_000_000
