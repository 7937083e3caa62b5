"""State shared by the MkDocs glue modules for one build, and small helpers they all use."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import content_model as cm

STATE: dict[str, Any] = {}


def fail(problems: list[cm.Problem], what: str = "authoring problem") -> None:
    """Stop the build, listing every problem found."""
    count = len(problems)
    lines = "\n".join(f"  - {p}" for p in problems)
    raise PluginError(f"{count} {what}{'s' if count != 1 else ''}:\n{lines}")


def strip_scripts(text: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", text, flags=re.S)


def relative_md(src: str, target: str) -> str:
    """A relative link from one source file to another, as authors write them."""
    return get_relative_url(target, src) if "/" in src else target


def long_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def site_path(page_or_url: Any) -> str:
    """A page's address from the site root, as progress keys use it: '/skills/communicating/'."""
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return "/" + url.lstrip("/")
