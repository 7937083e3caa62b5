"""Security headers (hooks/headers.py): the policy, the _headers file, and every inline script's hash."""

from __future__ import annotations

import re

import headers

PAGE = """<html><head><meta charset="utf-8"><script>var a=1;</script>
<script id="__config" type="application/json">{"base": "."}</script></head>
<body><script src="x.js"></script><script type="text/javascript">b()</script></body></html>"""


def test_inline_scripts_are_only_those_the_browser_runs():
    assert headers.inline_scripts(PAGE) == ["var a=1;", "b()"]


def test_hash_is_the_base64_sha256_browsers_compute():
    # echo -n 'var a=1;' | openssl dgst -sha256 -binary | base64
    assert headers.sha256("var a=1;") == "'sha256-gaaMFNHZyRta8zB2VHkWLMP4tMxJ+d8v3dTW7nw2r6M='"


def test_policy_allows_only_the_own_origin_and_no_inline_or_eval_scripts():
    policy = headers.policy({headers.sha256("var a=1;")})
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in policy
    assert script_src.startswith("'self' 'sha256-")
    assert "http" not in policy and "*" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors" not in headers.policy(set(), for_meta=True)  # a <meta> cannot carry it


def test_permissions_policy_leaves_clipboard_and_speech_alone():
    value = headers.permissions_policy()
    assert "camera=()" in value and "microphone=()" in value and "geolocation=()" in value
    assert "clipboard" not in value and "speech" not in value


def test_meta_goes_first_in_head_and_is_replaced_not_doubled():
    tag = headers.meta_tag({headers.sha256("var a=1;")})
    once = headers.add_meta(PAGE, tag)
    assert once.index("Content-Security-Policy") < once.index("<script")
    assert headers.add_meta(once, tag).count("Content-Security-Policy") == 1


def test_headers_file_round_trips():
    text = headers.headers_file({"'sha256-x'"}, ["assets/a.0123abcd.min.js", "assets/site.css"])
    rules = headers.parse(text)
    page = headers.for_path(rules, "/skills/x/")
    assert page["Referrer-Policy"] == "no-referrer" and page["X-Content-Type-Options"] == "nosniff"
    assert "'sha256-x'" in page["Content-Security-Policy"]
    assert headers.for_path(rules, "/sw.js")["Cache-Control"] == "no-cache"
    assert "immutable" in headers.for_path(rules, "/assets/a.0123abcd.min.js")["Cache-Control"]
    assert "Cache-Control" not in headers.for_path(rules, "/assets/site.css")  # not content-hashed


# The real site -----------------------------------------------------------------------------------

def test_every_inline_script_on_every_page_is_allowed_by_hash(built_site):
    rules = headers.parse((built_site / "_headers").read_text(encoding="utf-8"))
    policy = headers.for_path(rules, "/")["Content-Security-Policy"]
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 40
    metas = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert meta, f"{page}: no CSP <meta>"
        metas.add(meta.group(1))
        assert "<script" not in text or text.index("Content-Security-Policy") < text.index("<script"), page
        for script in headers.inline_scripts(text):
            assert headers.sha256(script) in policy and headers.sha256(script) in meta.group(1), (page, script[:60])
    assert len(metas) == 1, "one policy for every page (instant navigation keeps the first page's <meta>)"
