"""Performance benchmark (a script, not a test): this site against a vanilla Material + mkdocs-quiz peer.

    .venv/bin/python tests/benchmark.py                  # bytes in Chromium, then Lighthouse (npm installs it once)
    .venv/bin/python tests/benchmark.py --no-lighthouse
    .venv/bin/python tests/benchmark.py --runs 5         # Lighthouse runs per page (each figure's median is shown)

What it does, so the numbers can be checked:

1. Builds this site, and a vanilla peer generated here: Material 9.8.1 + mkdocs-quiz 1.7.1 with their default
   settings (no theme features, quiz code on every page), `theme.font: false` (the peer would otherwise load
   Google Fonts, which this site never does and loopback cannot reach), and the same Markdown extensions. Its
   pages are this site's own words: the home page, the crisis page and the first module pages in nav order
   (PEER_PAGES in all), with front matter cut to title and description; quizzes are kept. Our additions
   (module boxes, scenarios, reference lists) are not in it.
2. Serves both on loopback with gzip, each with its own `_headers` (the peer has none), like a static host.
3. Loads each page type in Debian's Chromium (Playwright, phone viewport) with an empty cache, and counts every
   byte the page fetched: Chrome DevTools Protocol `Network.loadingFinished` encodedDataLength (headers and
   compressed body), nothing taken from what the HTML names. What the offline worker downloads in the
   background is counted at the server (every byte sent, less the page's own) and shown apart.
4. A second page in the same visit: a click on a link (instant navigation on this site, a full page load on
   the peer), counted the same way: once with service workers blocked (what the network carries), and once
   after the background save finished (what the network carries then: nothing, or close to it).
5. Lighthouse 12 (npm `lighthouse`, installed into tests/.lighthouse/, Debian Chromium, mobile preset: slow 4G
   and a mid-range phone CPU, simulated) on the same pages of both sites.

Prints one Markdown table per part, this site and the peer side by side, with ratios (ours / peer).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from site_server import serve  # noqa: E402

LIGHTHOUSE_DIR = ROOT / "tests" / ".lighthouse"
LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
PAGES = {  # page type -> address (the peer has the same page at the same address, words and quizzes included)
    "home": "/",
    "stage page": "/psychotic/first-episode-psychosis/early-recovery/",
    "scenario page": "/skills/services-and-rights/",
    "crisis page": "/crisis/",
}
SECOND = ("/psychotic/first-episode-psychosis/early-recovery/", "/psychotic/schizophrenia/early-recovery/")
PEER_PAGES = 30
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences",
              {"pymdownx.tabbed": {"alternate_style": True}}, "pymdownx.tasklist"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs(*args: str, cwd: Path, site_url: str) -> None:
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", *args], cwd=cwd,
                   env={**ENV, "SITE_URL": site_url}, check=True, capture_output=True)


def nav_pages(config: str) -> list[str]:
    return re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", config, re.M)


def make_peer(work: Path, site_url: str) -> Path:
    """A vanilla Material + mkdocs-quiz site with this site's words: home, crisis, then module pages."""
    import yaml

    docs = work / "docs"
    docs.mkdir(parents=True)
    wanted = ["index.md", "crisis.md"] + [p.lstrip("/").rstrip("/") + ".md" for p in PAGES.values() if len(p) > 1]
    for src in nav_pages((ROOT / "mkdocs.yml").read_text(encoding="utf-8")):
        if len(set(wanted)) >= PEER_PAGES + 2:
            break
        text = (ROOT / "docs" / src).read_text(encoding="utf-8")
        if "<quiz>" in text and src not in wanted:
            wanted.append(src)
    for src in dict.fromkeys(wanted):
        text = (ROOT / "docs" / src).read_text(encoding="utf-8")
        meta, body = {}, text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
        head = {k: meta[k] for k in ("title", "description") if k in meta}
        out = docs / src
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("---\n" + yaml.safe_dump(head, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    config = {"site_name": "Vanilla peer", "site_url": site_url,
              "theme": {"name": "material", "font": False, "language": "en"},
              "plugins": ["search", "mkdocs_quiz"], "markdown_extensions": EXTENSIONS}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    mkdocs("-d", str(work / "site"), cwd=work, site_url=site_url)
    return work / "site"


# Bytes in Chromium --------------------------------------------------------------------------------

class Meter:
    """Bytes a page fetched (CDP encodedDataLength), split by whether its service worker answered."""

    def __init__(self, context, page):
        self.network = 0
        self.from_worker = 0
        self.requests = []
        self._worker_ids: set[str] = set()
        self._urls: dict[str, str] = {}
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", lambda e: self._urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, e):
        if e["response"].get("fromServiceWorker"):
            self._worker_ids.add(e["requestId"])

    def _finished(self, e):
        n = int(e.get("encodedDataLength", 0))
        if self._urls.get(e["requestId"], "").startswith("data:"):  # inline images: nothing on the wire
            return
        if e["requestId"] in self._worker_ids:
            self.from_worker += 1
        else:
            self.network += n
            self.requests.append((self._urls.get(e["requestId"], "?"), n))

    def reset(self):
        self.network, self.from_worker, self.requests = 0, 0, []


def settle(page, ms: int = 600) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(ms)


def wait_saved(page, timeout_s: float = 90) -> bool:
    try:
        page.locator("html[data-ps-offline=saved]").wait_for(state="attached", timeout=timeout_s * 1000)
        return True
    except Exception:
        return False


def click_to(page, address: str) -> None:
    """Follow a link as a reader would (Material's instant navigation intercepts it where enabled)."""
    page.evaluate("h => { const a = document.createElement('a'); a.href = h; document.body.append(a); a.click(); }",
                  address)
    page.wait_for_url(re.compile(re.escape(address) + r"(#.*)?$"))
    settle(page)


def measure(browser, base: str, server, ours: bool) -> dict:
    out: dict[str, dict] = {}
    for kind, address in PAGES.items():
        ctx = browser.new_context(**PHONE)
        page = ctx.new_page()
        meter = Meter(ctx, page)
        server.counter.bytes = 0
        page.goto(base + address, wait_until="load")
        settle(page)
        row = {"first": meter.network, "files": len(meter.requests),
               "index": sum(n for u, n in meter.requests if u.endswith("search_index.json"))}
        if ours and wait_saved(page):
            page.wait_for_timeout(500)
            row["background"] = server.counter.bytes - meter.network
        out[kind] = row
        ctx.close()
    # Second page in the same visit: with service workers blocked, then (ours) after the background save.
    first, second = SECOND
    for label, workers in (("second (network)", "block"), ("second (after save)", "allow")):
        if label.endswith("save)") and not ours:
            continue
        ctx = browser.new_context(**PHONE, service_workers=workers)
        page = ctx.new_page()
        meter = Meter(ctx, page)
        page.goto(base + first, wait_until="load")
        settle(page)
        if workers == "allow":
            wait_saved(page)
        meter.reset()
        click_to(page, base + second)
        out[label] = {"bytes": meter.network, "from_worker": meter.from_worker,
                      "files": [u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1] + ("" if n else " (from the cache)")
                                for u, n in meter.requests]}
        ctx.close()
    return out


# Lighthouse --------------------------------------------------------------------------------------

def lighthouse_binary() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund", LIGHTHOUSE],
                       check=True, capture_output=True)
    return binary


def lighthouse(base: str, address: str, runs: int) -> dict:
    binary = lighthouse_binary()
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            subprocess.run(
                [str(binary), base + address, "--quiet", "--output=json", f"--output-path={out}",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300)
            report = json.loads(out.read_text())
        audits, cats = report["audits"], report["categories"]
        results.append({
            **{k: round((cats[k]["score"] or 0) * 100) for k in ("performance", "accessibility", "best-practices",
                                                                  "seo")},
            "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "bytes": audits["total-byte-weight"]["numericValue"],
        })
    # Each figure's own median over the runs (not the figures of the run with the median score): simulated
    # paint times jump by whole round trips (0.15 s) from run to run, so one run's set can mislead.
    return {key: statistics.median(r[key] for r in results) for key in results[0]} | {"runs": results}


# Report ------------------------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1024:.0f} KB" if n >= 10240 else f"{n / 1024:.1f} KB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def article_sizes(site: Path) -> dict:
    """Gzipped size of each stage page's <article>: what a page must carry whatever the site around it."""
    def size(page: Path) -> int:
        html = page.read_bytes()
        return len(gzip.compress(re.search(rb"<article\b.*?</article>", html, re.S).group(0), 9))
    sizes = {p.parent.relative_to(site).as_posix(): size(p) for p in site.glob("*/*/*/index.html")
             if "handout" not in p.parts}
    values = list(sizes.values())
    return {"second": sizes[SECOND[1].strip("/")], "pages": len(values), "min": min(values), "max": max(values),
            "median": statistics.median(values)}


def report(ours: dict, peer: dict, lh: dict | None, meta: dict) -> None:
    print(f"# Benchmark, {meta['date']}: this site vs vanilla Material 9.8.1 + mkdocs-quiz 1.7.1\n")
    print(f"Peer: {meta['peer_pages']} pages of this site's own words with their quizzes, default settings, "
          "font: false. Gzip on loopback. Bytes: everything Chromium fetched (CDP encodedDataLength, headers "
          "included), empty cache.\n")
    print("## First visit (bytes on the wire, what the page fetched)\n")
    print("| page | this site | files | peer | files | ratio | peer's search index | our background save |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in PAGES:
        o, p = ours[kind], peer[kind]
        print(f"| {kind} | {kb(o['first'])} | {o['files']} | {kb(p['first'])} | {p['files']} "
              f"| {ratio(o['first'], p['first'])} | {kb(p['index'])} | {kb(o.get('background', 0))} |")
    print("\nOur search index on a first visit: "
          + ", ".join(f"{kind} {kb(ours[kind]['index'])}" for kind in PAGES) + " (loaded when search is opened).\n")
    print("## Second page in the same visit (stage page to stage page)\n")
    print("| | this site | peer | ratio |\n| --- | ---: | ---: | ---: |")
    o, p = ours["second (network)"], peer["second (network)"]
    print(f"| network (service workers blocked) | {kb(o['bytes'])} | {kb(p['bytes'])} | {ratio(o['bytes'], p['bytes'])} |")
    s = ours["second (after save)"]
    print(f"| after the background save | {kb(s['bytes'])} ({s['from_worker']} files from the worker) | - | - |")
    print(f"\nFetched on the second page: this site {o['files']}; peer {p['files']}\n")
    a = meta.get("articles")
    if a:
        print(f"What a second page cannot do without: the page's <article> (its words, quiz, practice story and "
              f"sources, with their markup) is {a['second'] / 1024:.1f} KB gzipped on the page opened here; over "
              f"the {a['pages']} stage pages, {a['min'] / 1024:.1f} to {a['max'] / 1024:.1f} KB, median "
              f"{a['median'] / 1024:.1f} KB.\n")
    if lh:
        print("## Lighthouse 12, mobile preset (simulated slow 4G, mid-range phone)\n")
        print("Each figure is its own median over the runs; the LCP of every run is listed after the table.\n")
        print("| page | site | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | bytes |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for kind in PAGES:
            for name in ("this site", "peer"):
                r = lh[name][kind]
                print(f"| {kind} | {name} | {r['performance']:g} | {r['accessibility']:g} | {r['best-practices']:g} "
                      f"| {r['seo']:g} | {r['fcp']:.2f} s | {r['lcp']:.2f} s | {r['tbt']:.0f} ms | {r['cls']:.3f} "
                      f"| {kb(r['bytes'])} |")
            a, b = lh["this site"][kind], lh["peer"][kind]
            print(f"| {kind} | ratio | {ratio(a['performance'], b['performance'])} | | | | "
                  f"{ratio(a['fcp'], b['fcp'])} | {ratio(a['lcp'], b['lcp'])} | | | {ratio(a['bytes'], b['bytes'])} |")
        print()
        for kind in PAGES:
            print(f"- {kind}, LCP of each run: this site "
                  + ", ".join(f"{r['lcp']:.2f}" for r in lh["this site"][kind]["runs"]) + " s; peer "
                  + ", ".join(f"{r['lcp']:.2f}" for r in lh["peer"][kind]["runs"]) + " s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median shown)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    servers = []
    try:
        port_ours, port_peer = free_port(), free_port()
        ours_site = work / "ours"
        mkdocs("--strict", "-d", str(ours_site), cwd=ROOT, site_url=f"http://127.0.0.1:{port_ours}/")
        peer_site = make_peer(work / "peer", f"http://127.0.0.1:{port_peer}/")
        base_ours, httpd_ours = serve(ours_site, port_ours, use_gzip=True)
        base_peer, httpd_peer = serve(peer_site, port_peer, use_gzip=True)
        servers = [httpd_ours, httpd_peer]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ours = measure(browser, base_ours, httpd_ours, ours=True)
            peer = measure(browser, base_peer, httpd_peer, ours=False)
            browser.close()
        lh = None
        if not args.no_lighthouse:
            lh = {"this site": {k: lighthouse(base_ours, a, args.runs) for k, a in PAGES.items()},
                  "peer": {k: lighthouse(base_peer, a, args.runs) for k, a in PAGES.items()}}
        meta = {"date": dt.date.today().isoformat(),
                "peer_pages": len(list((work / "peer" / "docs").rglob("*.md"))), "articles": article_sizes(ours_site)}
        report(ours, peer, lh, meta)
        if args.json:
            args.json.write_text(json.dumps({"meta": meta, "ours": ours, "peer": peer, "lighthouse": lh}, indent=1))
    finally:
        for httpd in servers:
            httpd.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
