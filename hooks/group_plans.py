"""Checks for the group course's session plans (docs/groups/session-N.md, authoring.md "Group session plans").

Pure Python, no MkDocs import: one named check function per rule, each returning a list of ``Problem``
(file:line: message (hint: ...)), so every rule can be unit-tested against a small fixture. The MkDocs glue
(``hooks/site.py``) calls ``check_plans`` once per build, before any page is rendered.

A page is a plan when its path is ``groups/session-*.md`` or its front matter has ``group_session``.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from typing import Iterable

import content_model as cm
from content_model import Problem

SESSIONS = range(1, 9)  # the course has eight sessions (curriculum.md, "The group course")
AGENDA_MINUTES = (75, 105)  # a session's timed steps add up to this many minutes
MIN_PROMPTS = 3

PLAN_NAME = re.compile(r"^groups/session-(\d+)\.md$")
MAYBE_PLAN = re.compile(r"^groups/session-[^/]*\.md$")
STEP_MINUTES = re.compile(r"\((\d+)\s*min\)")
QUESTION = re.compile(r"^\s*!!!\s*question\b")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
SCENARIO_MARKER = re.compile(r"^<!--\s*md:(?:scenario|scenario-map)\s+(\S+)\s*-->\s*$")


def is_plan(src: str, text: str = "") -> bool:
    """True for files that must follow the plan rules: groups/session-*.md, or any page naming group_session."""
    return bool(MAYBE_PLAN.match(src)) or bool(re.search(r"^group_session\s*:", text, re.M))


def plan_number(src: str) -> int | None:
    """The session number a plan's file name promises (groups/session-4.md -> 4)."""
    m = PLAN_NAME.match(src)
    return int(m.group(1)) if m and str(int(m.group(1))) == m.group(1) else None


def section(lines: list[str], anchor: str) -> list[tuple[int, str]]:
    """(index, line) pairs of the ## section with this id, up to the next ## heading."""
    out: list[tuple[int, str]] = []
    inside = False
    for i, line in enumerate(lines):
        if line.startswith("## "):
            inside = bool(re.search(rf"\{{[^}}]*#{re.escape(anchor)}\b[^}}]*\}}\s*$", line))
            continue
        if inside:
            out.append((i, line))
    return out


def has_section(lines: list[str], anchor: str) -> bool:
    return heading_index(lines, anchor) is not None


def heading_index(lines: list[str], anchor: str) -> int | None:
    """Index of the ## heading with this id."""
    for i, line in enumerate(lines):
        if line.startswith("## ") and re.search(rf"\{{[^}}]*#{re.escape(anchor)}\b", line):
            return i
    return None


def first_text(lines: list[str], body_line: int) -> int:
    """The file line of the body's first non-blank line (where a 'missing' problem points)."""
    return body_line + next((i for i, line in enumerate(lines) if line.strip()), 0)


# One function per rule -----------------------------------------------------------------------------


def check_number(file: str, src: str, meta: dict, line: int | None) -> list[Problem]:
    """group_session is present, a whole number from 1 to 8, and the number in the file name."""
    value = meta.get("group_session")
    if value is None:
        return [Problem(file, "group_session is missing",
                        "add 'group_session: N', the number of the session this plan is for (1 to 8)", line=line)]
    if not isinstance(value, int) or isinstance(value, bool) or value not in SESSIONS:
        return [Problem(file, f"group_session '{value}' is not a session number",
                        f"the course has sessions {SESSIONS.start} to {SESSIONS.stop - 1}", line=line)]
    if plan_number(src) != value:
        name = posixpath.basename(src)
        return [Problem(file, f"group_session {value} does not match the file name '{name}'",
                        f"plan {value} lives in docs/groups/session-{value}.md", line=line)]
    return []


def check_repeated(numbers: dict[str, tuple[int, int | None]]) -> list[Problem]:
    """No two plan files carry the same group_session (numbers: shown file -> (number, line))."""
    problems: list[Problem] = []
    first: dict[int, str] = {}
    for file in sorted(numbers, key=lambda f: (plan_number(f.removeprefix("docs/")) is None, f)):
        number, line = numbers[file]
        if number in first:
            problems.append(Problem(file, f"group_session {number} is also used by {first[number]}",
                                    "each of the eight sessions has exactly one plan", line=line))
        else:
            first[number] = file
    return problems


def check_time(file: str, meta: dict, line: int | None) -> list[Problem]:
    """group_time (the session's planned length in minutes) is present and a whole number."""
    value = meta.get("group_time")
    if value is None:
        return [Problem(file, "group_time is missing",
                        "add 'group_time: 90', the session's planned length in minutes", line=line)]
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        return [Problem(file, f"group_time '{value}' is not a number of minutes", "for example 'group_time: 90'",
                        line=line)]
    return []


def check_agenda(file: str, lines: list[str], body_line: int) -> list[Problem]:
    """The ## Agenda {#agenda} section's steps, like 'Check-in (10 min)', add up to 75 to 105 minutes."""
    lo, hi = AGENDA_MINUTES
    if not has_section(lines, "agenda"):
        return [Problem(file, "the plan has no agenda",
                        "add '## Agenda {#agenda}' with timed steps, like '1. Check-in (10 min)'",
                        line=first_text(lines, body_line))]
    steps = [(i, int(m)) for i, line in section(lines, "agenda") for m in STEP_MINUTES.findall(line)]
    total = sum(minutes for _, minutes in steps)
    if not lo <= total <= hi:
        where = body_line + (steps[0][0] if steps else heading_index(lines, "agenda"))
        return [Problem(file, f"the agenda's steps add up to {total} minutes; a session needs {lo} to {hi}",
                        "give every step its minutes, like 'Check-in (10 min)', and check the sum", line=where)]
    return []


def check_prompts(file: str, lines: list[str], body_line: int) -> list[Problem]:
    """At least three '!!! question' discussion prompts."""
    count = sum(1 for line in lines if QUESTION.match(line))
    if count < MIN_PROMPTS:
        at = heading_index(lines, "discussion")
        return [Problem(file, f"the plan has {count} discussion prompt{'s' if count != 1 else ''}; "
                              f"it needs at least {MIN_PROMPTS}",
                        "write each prompt as a '!!! question \"For discussion\"' box",
                        line=body_line + at if at is not None else first_text(lines, body_line))]
    return []


def check_links(file: str, src: str, lines: list[str], body_line: int, docs: Iterable[str],
                scenarios: Iterable[str]) -> list[Problem]:
    """Every linked page (module or other) and every named scenario exists."""
    docs, scenarios = set(docs), set(scenarios)
    problems: list[Problem] = []
    for i, line in enumerate(lines):
        for target in LINK.findall(line):
            path = target.partition("#")[0]
            if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path) or not path.endswith(".md"):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            if resolved not in docs:
                close = difflib.get_close_matches(resolved, sorted(docs), n=1, cutoff=0.6)
                hint = (f"did you mean '{posixpath.relpath(close[0], posixpath.dirname(src) or '.')}'?" if close
                        else "link to a page in docs/ by its relative path")
                problems.append(Problem(file, f"links to '{path}', which does not exist", hint, line=body_line + i))
        m = SCENARIO_MARKER.match(line)
        if m and m.group(1) not in scenarios:
            problems.append(Problem(file, f"names scenario '{m.group(1)}', which does not exist",
                                    cm.did_you_mean(m.group(1), sorted(scenarios)) + " (files live in docs/scenarios/)",
                                    line=body_line + i))
    return problems


# All plans together ----------------------------------------------------------------------------------


def check_plans(pages: dict[str, str], docs: Iterable[str], scenarios: Iterable[str]) -> list[Problem]:
    """Every rule, for every plan among ``pages`` (source path under docs/ -> text); docs lists every page."""
    problems: list[Problem] = []
    numbers: dict[str, tuple[int, int | None]] = {}
    docs = set(docs)
    for src in sorted(pages):
        text = pages[src]
        if not is_plan(src, text):
            continue
        file = f"docs/{src}"
        parsed, found = cm.parse_front_matter(file, text)
        if parsed is None:  # the content model reports broken front matter
            continue
        meta = parsed.meta

        def at(key: str) -> int:
            return parsed.line(key) or 2

        lines = cm.mask_code(parsed.body.splitlines())
        number_problems = check_number(file, src, meta, at("group_session"))
        problems += number_problems
        value = meta.get("group_session")
        if isinstance(value, int) and not isinstance(value, bool) and value in SESSIONS:
            numbers[file] = (value, at("group_session"))
        problems += check_time(file, meta, at("group_time"))
        problems += check_agenda(file, lines, parsed.body_line)
        problems += check_prompts(file, lines, parsed.body_line)
        problems += check_links(file, src, lines, parsed.body_line, docs, scenarios)
    problems += check_repeated(numbers)
    return problems
