"""The loopback host the browser tests and the benchmark use behaves like a static host."""

from __future__ import annotations

import urllib.request
from urllib.error import HTTPError

from site_server import serve


def test_gzip_host_answers_not_modified_to_a_revalidation(tmp_path):
    """Browsers revalidate files without a long Cache-Control; a static host answers 304 with no body. Sending
    the whole file again made the benchmark's second page count every script twice."""
    (tmp_path / "a.js").write_text("console.log('hello');" * 50, encoding="utf-8")
    base, httpd = serve(tmp_path, 0, use_gzip=True)
    try:
        first = urllib.request.urlopen(urllib.request.Request(base + "/a.js", headers={"Accept-Encoding": "gzip"}))
        assert first.status == 200 and first.headers["Content-Encoding"] == "gzip"
        modified = first.headers["Last-Modified"]
        again = urllib.request.Request(base + "/a.js", headers={"Accept-Encoding": "gzip", "If-Modified-Since": modified})
        try:
            urllib.request.urlopen(again)
            raise AssertionError("expected 304 Not Modified")
        except HTTPError as answer:
            assert answer.code == 304 and answer.read() == b""
    finally:
        httpd.shutdown()
