"""Stylesheets under docs/: a block left open, or a '}' with no block to close, stops the build.

Browsers forgive an unclosed block, and every rule after it then lives inside it: an unclosed
'@media print {' once made the rest of site.css apply to paper only, and the group packet showed its 67 printed
pages on a phone. Pure: text in, problems out (content_model.Problem, with the line)."""

from __future__ import annotations

import re
from pathlib import Path

from content_model import Problem

COMMENT = re.compile(r"/\*.*?\*/", re.S)
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'')


def _blank(match: re.Match) -> str:
    """Spaces in place of a comment or string, keeping its line breaks (so line numbers stay right)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def check_braces(css: str, shown: str) -> list[Problem]:
    """Every '{' closed once, comments and quoted strings aside."""
    text = STRING.sub(_blank, COMMENT.sub(_blank, css))
    opened: list[int] = []  # the line of each block still open
    for number, line in enumerate(text.split("\n"), 1):
        for ch in line:
            if ch == "{":
                opened.append(number)
            elif ch == "}":
                if not opened:
                    return [Problem(shown, "this '}' closes a block that was never opened",
                                    "remove it, or add the '{' it belongs to", line=number)]
                opened.pop()
    if opened:
        return [Problem(shown, "a block opened on this line is never closed",
                        "add its '}': every rule after it is inside the block until then", line=opened[-1])]
    return []


def check_dir(docs: Path) -> list[Problem]:
    """Every .css file under docs/ (shown as docs/...)."""
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.css")):
        problems += check_braces(path.read_text(encoding="utf-8"), f"docs/{path.relative_to(docs).as_posix()}")
    return problems
