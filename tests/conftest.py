"""Shared fixtures: hooks on sys.path, one strict build of the real site, a local server, a browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT / "hooks"))  # hooks are loaded by path, not as a package

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BIN = Path(sys.executable).parent


def run_build(config: Path, site_dir: Path, tool: str = "mkdocs", site_url: str | None = None
              ) -> subprocess.CompletedProcess:
    """A strict build, never with -q (quiet builds do not count warnings)."""
    env = {**ENV, "SITE_URL": site_url} if site_url else ENV
    return subprocess.run(
        [str(BIN / tool), "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def port() -> int:
    """A free loopback port, chosen before the build so site_url can match it (instant navigation needs that)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, port) -> Path:
    """The real site, built once with --strict, for the address the test server will use."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT / "mkdocs.yml", site, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def server(built_site, port) -> str:
    """Serve the built site on its loopback port with the headers of its _headers file, as Netlify or Cloudflare
    Pages would: every browser test runs under the site's Content-Security-Policy."""
    from site_server import serve

    address, httpd = serve(built_site, port)
    yield address
    httpd.shutdown()


@pytest.fixture
def mini_site(tmp_path) -> callable:
    """A tiny copy of the project (real hooks, templates and config) with chosen docs, for bad-input builds."""

    def make(files: dict[str, str], scenarios: dict[str, str] | None = None) -> Path:
        shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
        docs = tmp_path / "docs"
        (docs / "scenarios").mkdir(parents=True)
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
        shutil.copy(FIXTURES / "sources.yml", docs / "sources.yml")
        base = {
            "crisis.md": "---\ntitle: Get help now\ndescription: Urgent help for a mental health crisis, for the tests "
                         "of this project only.\nreviewed: 2026-11-28\n---\n\nCall for help.\n",
        }
        for name, text in {**base, **files}.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text(text, encoding="utf-8")
        for name, text in (scenarios or {}).items():
            (docs / "scenarios" / name).write_text(text, encoding="utf-8")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("# --- Page tree")[0]
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
        return tmp_path / "mkdocs.yml"

    return make


# Browser tests ----------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# bypass_csp: Playwright's polling waits (wait_for_function) run code in the page, which the site's
# Content-Security-Policy forbids. tests/test_offline_perf.py checks the site itself under the policy.
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2,
         "bypass_csp": True}


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole session, driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: tests/run.sh installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized context (no storage carried over); yields a function making pages."""
    contexts = []

    def make(**overrides):
        ctx = browser.new_context(**{**PHONE, **overrides})
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")

