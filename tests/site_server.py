"""Serve a built site on loopback as a static host would: the headers from its `_headers` file, web-friendly
content types, and (optionally) gzip. Used by the browser tests (so every browser test runs under the site's
Content-Security-Policy) and by tests/benchmark.py.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

import headers  # noqa: E402  (hooks/headers.py: the same reader of _headers the tests check)

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest", ".txt")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".webmanifest": "application/manifest+json",
                      ".json": "application/json", ".svg": "image/svg+xml"}
    use_gzip = False
    root = Path(".")

    def log_message(self, *args):  # keep test output readable
        pass

    def setup(self):
        super().setup()
        counter = getattr(self.server, "counter", None)
        if counter is not None:  # count every byte sent (headers and body), for tests/benchmark.py
            self.wfile = _Counting(self.wfile, counter)

    def end_headers(self):
        rules_file = self.root / "_headers"
        if rules_file.exists():
            path = unquote(urlsplit(self.path).path)
            for name, value in headers.for_path(headers.parse(rules_file.read_text(encoding="utf-8")), path).items():
                if name.lower() != "content-type":
                    self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and wants and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        modified = self.date_time_string(int(path.stat().st_mtime))
        if self.headers.get("If-Modified-Since") == modified:  # as a static host does: "not modified", no body
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return None
        data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return io.BytesIO(data)


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.bytes = 0
        self.paths: list[str] = []

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n


class _Counting:
    def __init__(self, raw, counter: Counter):
        self.raw, self.counter = raw, counter

    def write(self, data) -> int:
        self.counter.add(len(data))
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that leaves a page mid-download closes the connection: not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(site: Path, port: int = 0, use_gzip: bool = False) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Start serving in a thread; returns (base address, server). Call server.shutdown() to stop."""
    handler = type("Handler", (SiteHandler,), {"use_gzip": use_gzip, "root": Path(site)})
    httpd = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    httpd.counter = Counter()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd
