"""Prose of a Markdown page, for the word and reading-grade bars (authoring.md).

Pure Python, no MkDocs import. Prose is the body text without front matter, quizzes, scenario markers,
code, tables and admonition or tab titles. Each remaining line is one sentence (the authoring convention
is one sentence per line), so a heading or list item without final punctuation gets a full stop.

Run as a script: ``python hooks/prose.py`` prints a table of every module page (words, quizzes, sources,
grade, scenario); ``python hooks/prose.py FILE ...`` reports single files.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
QUIZ = re.compile(r"<quiz>.*?</quiz>", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.S | re.M)
ATTRS = re.compile(r"\s*\{[^{}\n]*\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
CITE = re.compile(r"\s*\[@[a-z0-9-]+(?:\s*[,;]\s*@?[a-z0-9-]+)*\]")
FOOTREF = re.compile(r"\[\^[^\]]+\]")
TAG = re.compile(r"<[^>]+>")
EMPH = re.compile(r"(\*\*|__|\*|`)")
ADMONITION_TITLE = re.compile(r'^\s*(!!!|\?\?\?\+?)\s*\S+.*$')
TAB_TITLE = re.compile(r'^\s*===\+?\s*".*"\s*$')
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")


def prose(markdown: str) -> str:
    """Return the prose of a Markdown page as text, one sentence per line."""
    text = FRONT_MATTER.sub("", markdown, count=1)
    text = QUIZ.sub("", text)
    text = COMMENT.sub("", text)
    text = FENCE.sub("", text)
    lines: list[str] = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw.lstrip().startswith("|"):  # table row
            continue
        if ADMONITION_TITLE.match(raw) or TAB_TITLE.match(raw):
            continue
        if re.match(r"^\s*\[\^[^\]]+\]:", raw):  # footnote definition
            continue
        line = HEADING_MARK.sub("", raw)
        line = LIST_MARK.sub("", line.strip())
        line = line.lstrip("> ").strip()
        line = CITE.sub("", line)
        line = FOOTREF.sub("", line)
        line = LINK.sub(r"\1", line)
        line = ATTRS.sub("", line)
        line = TAG.sub("", line)
        line = EMPH.sub("", line).strip()
        if not line or not re.search(r"[A-Za-z]", line):
            continue
        if line[-1] not in ".!?:;\"'”’)":
            line += "."
        lines.append(line)
    return "\n".join(lines)


def section(markdown: str, anchor: str) -> str:
    """The Markdown of one ## section, found by its explicit id ('' when the page has none)."""
    m = re.search(rf"^## .*\{{#{anchor}\}}\s*$(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class ProseStats:
    words: int
    grade: float


def stats(markdown: str) -> ProseStats:
    """Word count and Flesch-Kincaid grade (textstat 0.7.8) of a page's prose."""
    import textstat  # test and report dependency only

    text = prose(markdown)
    return ProseStats(words=textstat.lexicon_count(text), grade=float(textstat.flesch_kincaid_grade(text)))


def report(docs: Path) -> str:
    """A Markdown table of every module page: words, quiz questions, sources, grade, scenario."""
    import statistics

    import strict_yaml

    rows = ["| page | words | what-to-expect words | quiz questions | sources | grade | scenario |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    grades: dict[str, list[float]] = {}
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        m = FRONT_MATTER.match(text)
        try:
            head = m.group(0) if m else ""
            meta = strict_yaml.load(head[head.find("\n") + 1:head.rfind("\n---")], str(path), first_line=2)
        except strict_yaml.YamlProblem:
            continue  # the build names the problem; the report skips the page
        module = (meta or {}).get("module")
        if not module:
            continue
        s = stats(text)
        expect = section(text, "what-to-expect")
        expect_words = stats(expect).words if expect else ""
        scenario = re.search(r"<!--\s*md:scenario\s+(\S+)\s*-->", text)
        rows.append(f"| {path.relative_to(docs).as_posix()} | {s.words} | {expect_words} | {text.count('<quiz>')} | "
                    f"{len(module.get('sources') or [])} | {s.grade:.1f} | {scenario.group(1) if scenario else ''} |")
        grades.setdefault(module.get("disorder", "?"), []).append(s.grade)
    rows.append("")
    rows += [f"Median grade, {track}: {statistics.median(g):.1f} over {len(g)} pages" for track, g in sorted(grades.items())]
    return "\n".join(rows)


def main(paths: list[str]) -> int:
    if not paths:
        print(report(Path(__file__).parent.parent / "docs"))
        return 0
    for path in paths:
        s = stats(Path(path).read_text(encoding="utf-8"))
        quizzes = Path(path).read_text(encoding="utf-8").count("<quiz>")
        print(f"{path}: {s.words} words, grade {s.grade:.1f}, {quizzes} quiz questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
