"""Our deferred scripts joined and placed late (hooks/join_scripts.py): pure functions, then the built site."""

from __future__ import annotations

import re

import join_scripts as J
from conftest import FIXTURES

SCRIPTS = FIXTURES / "scripts"

A, B, C = "text-size.0123456789.js", "listen.abcdefabcd.js", "site.1111111111.js"
CODE = {A: "(function(){ size(); })();", B: "(function(){ listen(); })();", C: "(function(){ site(); })();"}


def tag(name: str, up: str = "../") -> str:
    return f'<script src="{up}assets/javascripts/{name}" defer></script>'


def page(article: str, after: str = "") -> str:
    return (f'<div class="md-container"><article class="md-content__inner">{article}</article>'
            f'<footer class="md-footer">f</footer></div><script src="../assets/javascripts/bundle.x.min.js"></script>{after}')


def test_joined_code_keeps_order_and_isolates_each_part():
    code = J.join([(A, CODE[A]), (B, CODE[B])])
    assert code.index("size()") < code.index("listen()")
    assert code.count("try {") == 2 and code.count("catch (e)") == 2  # one feature failing does not stop the next


def test_name_lists_the_features_and_changes_with_the_code():
    one = J.joined_name([A, B], "x")
    assert re.fullmatch(r"text-size_listen\.[0-9a-f]{10}\.js", one) and one != J.joined_name([A, B], "y")


def test_article_scripts_become_one_at_the_end_of_the_article():
    html, files = J.rewrite(page(f"<p>words</p>{tag(A)}<section>answers</section>{tag(B)}"), CODE.get)
    (name, (parts, code)), = files.items()
    assert parts == [A, B] and "size()" in code
    assert A not in html and B not in html
    assert html.index(f'"../assets/javascripts/{name}"') < html.index("</article>")
    assert "<p>words</p><section>answers</section>" in html


def test_a_single_script_is_not_joined():
    html, files = J.rewrite(page(f"<p>w</p>{tag(A)}"), CODE.get)
    assert files == {} and html.index(A) < html.index("</article>")


def test_consecutive_scripts_outside_the_article_are_joined_in_place():
    html, files = J.rewrite(page("<p>w</p>", after=f"\n{tag(B)}\n{tag(C)}\n"), CODE.get)
    (name, (parts, _)), = files.items()
    assert parts == [B, C] and html.index("bundle.x") < html.index(name)


def test_scripts_apart_outside_the_article_stay_apart():
    html, files = J.rewrite(page("<p>w</p>", after=f"{tag(B)}<p>x</p>{tag(C)}"), CODE.get)
    assert files == {} and B in html and C in html


def test_apply_writes_joined_files_and_removes_parts_no_page_names(tmp_path):
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    for name, code in CODE.items():
        (folder / name).write_text(code)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page(f"{tag(A)}{tag(B)}"))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(page(tag(C)))
    written = J.apply(tmp_path)
    (name, parts), = written.items()
    assert parts == [A, B] and (folder / name).exists()
    assert not (folder / A).exists() and not (folder / B).exists()
    assert (folder / C).exists()  # still named by page b


# Build rules: what joining would break, one fixture per rule ----------------------------------------

def check(name: str) -> list:
    code = (SCRIPTS / name).read_text(encoding="utf-8")
    return J.check_file_strict(code, f"fixtures/{name}") + J.check_current_script(code, f"fixtures/{name}")


def test_good_feature_script_passes():
    assert check("good.js") == []


def test_file_level_use_strict_is_named_with_its_line():
    (problem,) = check("file-strict.js")
    assert str(problem).startswith("fixtures/file-strict.js:2: a file-level 'use strict' stops working")
    assert "hint:" in str(problem)


def test_document_current_script_is_named_with_its_line():
    (problem,) = check("current-script.js")
    assert str(problem).startswith("fixtures/current-script.js:3: document.currentScript names the joined file")


# The real site -----------------------------------------------------------------------------------

def test_stage_page_loads_four_scripts(built_site):
    html = (built_site / "psychotic" / "schizophrenia" / "early-recovery" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert len(scripts) == 4, scripts  # quiz code, the page's features, Material's bundle, the site's features
    for src in scripts:
        assert (built_site / "psychotic" / "schizophrenia" / "early-recovery" / src).resolve().exists(), src


def test_feature_scripts_survive_being_joined():
    """What joining would break: a file-level "use strict" (inside try { } it is no longer a directive) and
    document.currentScript (it would name the joined file). AUTHORING.md, "Scripts and stylesheets"."""
    from pathlib import Path
    for path in sorted((Path(__file__).resolve().parent.parent / "docs" / "assets" / "javascripts").glob("*.js")):
        code = re.sub(r"^(\s*//[^\n]*\n|\s*/\*.*?\*/)*", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.match(r"\s*['\"]use strict['\"]", code), f"{path.name}: move 'use strict' inside the function"
        assert "document.currentScript" not in code, f"{path.name}: document.currentScript names the joined file"
