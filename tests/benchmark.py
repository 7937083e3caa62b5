"""Performance benchmark (not a test): page weight of every page, and Lighthouse on a few pages.

    .venv/bin/python tests/benchmark.py            # page weight, then Lighthouse (installs lighthouse@12 with npm)
    .venv/bin/python tests/benchmark.py --no-lighthouse

Builds the site, serves it on loopback with gzip like a real host, and prints a Markdown report. Lighthouse
runs Debian's Chromium with its mobile preset (a mid-range phone on a slow 4G connection).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "tests" / ".lighthouse"
LIGHTHOUSE_PAGES = ["/", "/crisis/", "/skills/communicating/", "/psychotic/first-episode-psychosis/early-recovery/",
                    "/affective/depression/crisis/"]


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path) -> list[dict]:
    """First-visit weight of each page: the HTML and every CSS, JS and image file it references."""
    rows = []
    for page in sorted(site.glob("**/index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        html = page.read_bytes()
        refs = set(re.findall(rb'<(?:link|script|img)\b[^>]*?(?:href|src)="([^"#?]+)"', html))
        raw, packed, count = len(html), gz(html), 1
        for ref in refs:
            target = (page.parent / ref.decode()).resolve()
            if target.is_file() and target.suffix in (".css", ".js", ".svg", ".png", ".webmanifest"):
                data = target.read_bytes()
                raw, packed, count = raw + len(data), packed + gz(data), count + 1
        rows.append({"page": "/" if rel == "." else f"/{rel}/", "html_gz": gz(html), "raw": raw, "gz": packed,
                     "files": count})
    return rows


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped when the browser accepts it, as a production host would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        data = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io
        return io.BytesIO(data)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    handler = lambda *a, **k: GzipHandler(*a, directory=str(site), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", httpd


def lighthouse(base: str) -> list[dict]:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                        "lighthouse@12.8.2"], check=True, capture_output=True)
    rows = []
    for address in LIGHTHOUSE_PAGES:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            subprocess.run(
                [str(binary), base + address, "--quiet", "--output=json", f"--output-path={out}",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True, timeout=300)
            report = json.loads(out.read_text())
        audits, cats = report["audits"], report["categories"]
        rows.append({
            "page": address,
            **{k: round(cats[k]["score"] * 100) for k in ("performance", "accessibility", "best-practices", "seo")},
            "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
            "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "bytes": audits["total-byte-weight"]["numericValue"],
        })
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        build(site)
        rows = page_weight(site)
        kb = lambda n: f"{n / 1024:.0f} KB"  # noqa: E731
        print(f"## Page weight ({len(rows)} pages, first visit, gzip)\n")
        print(f"- median {kb(statistics.median(r['gz'] for r in rows))}, "
              f"largest {kb(max(r['gz'] for r in rows))} ({max(rows, key=lambda r: r['gz'])['page']}), "
              f"smallest {kb(min(r['gz'] for r in rows))}")
        print(f"- HTML alone: median {kb(statistics.median(r['html_gz'] for r in rows))}, "
              f"largest {kb(max(r['html_gz'] for r in rows))}")
        print(f"- files per page: {max(r['files'] for r in rows)} at most; third-party files: 0\n")
        print("| page | HTML (gz) | page + assets (gz) | uncompressed |\n| --- | ---: | ---: | ---: |")
        for r in sorted(rows, key=lambda r: -r["gz"])[:8]:
            print(f"| {r['page']} | {kb(r['html_gz'])} | {kb(r['gz'])} | {kb(r['raw'])} |")
        if not args.no_lighthouse:
            base, httpd = serve(site)
            try:
                results = lighthouse(base)
            finally:
                httpd.shutdown()
            print("\n## Lighthouse 12 (mobile preset: slow 4G, mid-range phone CPU)\n")
            print("| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | bytes |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for r in results:
                print(f"| {r['page']} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | {r['seo']} "
                      f"| {r['fcp_s']:.1f} s | {r['lcp_s']:.1f} s | {r['tbt_ms']:.0f} ms | {r['cls']:.3f} "
                      f"| {kb(r['bytes'])} |")
    finally:
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
