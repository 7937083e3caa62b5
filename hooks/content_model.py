"""Content model checks: page types, front matter, sources and page bodies.

Pure Python, no MkDocs import, so every rule can be unit-tested against small fixtures and reused outside
MkDocs. Each check returns a list of ``Problem``; the MkDocs hook (``hooks/site.py``) turns them into a
build failure. authoring.md in the project guide is the contract these checks enforce.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import strict_yaml as sy
import vocabulary as V

# Helpers -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One authoring mistake: where it is, what is wrong, and how to fix it."""

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    node: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        if self.node:
            where += f": node '{self.node}'"
        text = f"{where}: {self.message}"
        return text + (f" (hint: {self.hint})" if self.hint else "")


def did_you_mean(value: Any, options: Iterable[str]) -> str:
    """A hint naming the closest allowed value, or listing them all."""
    options = list(options)
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed: " + ", ".join(options)


def from_yaml(problem: sy.YamlProblem) -> Problem:
    """A problem the strict YAML loader found, as a Problem."""
    return Problem(problem.file, problem.message, problem.hint, line=problem.line)


FENCE = re.compile(r"^(\s*)(```|~~~)")


def mask_code(lines: list[str]) -> list[str]:
    """Blank out fenced code so examples of syntax are never checked as content."""
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(2)
            out.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append("")
        else:
            out.append(line)
    return out


# Front matter ------------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


@dataclass
class Parsed:
    meta: dict[str, Any]
    yaml_text: str
    body: str
    body_line: int  # line number (1-based) of the first body line
    loaded: sy.Loaded = field(default_factory=lambda: sy.Loaded(None))  # line of every key and list item

    def line(self, *path: Any) -> int | None:
        """The file's line of a front matter key: ``parsed.line("module", "reviewed")``."""
        return self.loaded.line(*path)


def parse_front_matter(file: str, text: str) -> tuple[Parsed | None, list[Problem]]:
    """Re-parse front matter from the source, strictly: YAML errors that MkDocs silently drops, a key given twice,
    a tab, and a value YAML read as the wrong type (``vocabulary.FRONT_MATTER_TEXT`` and ``_DATES``) stop here."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    m = FRONT_MATTER.match(text)
    if not m:
        hint = "start the file with a line '---', the YAML keys, then a closing '---'"
        if text.startswith("---"):
            return None, [Problem(file, "front matter is not closed", hint, line=1)]
        return None, [Problem(file, "no front matter", hint, line=1)]
    yaml_text = m.group(1) or ""
    try:
        loaded = sy.parse(yaml_text, file, first_line=2, what="front matter")
    except sy.YamlProblem as problem:
        return None, [from_yaml(problem)]
    meta = loaded.data if loaded.data is not None else {}
    if not isinstance(meta, dict):
        return None, [Problem(file, "front matter must be a mapping of keys to values", line=2)]
    problems = (sy.check_text_fields(loaded, file, V.FRONT_MATTER_TEXT)
                + sy.check_date_fields(loaded, file, V.FRONT_MATTER_DATES))
    if problems:
        return None, [from_yaml(p) for p in problems]
    body_line = text[: m.end()].count("\n") + 1
    return Parsed(meta, yaml_text, text[m.end():], body_line, loaded), []


# Page types --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageKind:
    """What a path says a page is. ``expected`` holds module values the path fixes."""

    type: str  # "module" or "page"
    role: str  # "start", "skill", "overview", "stage", "track", "page"
    expected: dict[str, str]


TRACKS = {"psychotic": "psychotic", "affective": "affective"}


def page_kind(src_uri: str) -> PageKind | Problem:
    """Decide a page's type from its path (authoring.md, 'Addresses that never change')."""
    parts = src_uri.split("/")
    any3 = {"disorder": "any", "condition": "any", "stage": "any"}
    if src_uri in ("why-you-matter.md", "recovery.md"):
        return PageKind("module", "start", any3)
    if parts[0] == "skills" and len(parts) == 2:
        slug = parts[1][:-3]
        if slug not in V.SKILLS:
            return Problem(src_uri, f"'{slug}' is not one of the skill modules", did_you_mean(slug, V.SKILLS))
        return PageKind("module", "skill", any3)
    if parts[0] in TRACKS:
        track = parts[0]
        if len(parts) == 2 and parts[1] == "index.md":
            return PageKind("page", "track", {})
        if len(parts) == 3:
            condition, name = parts[1], parts[2][:-3]
            if condition not in V.PAIRS[track]:
                return Problem(src_uri, f"'{condition}' is not a condition of the {track} track",
                               did_you_mean(condition, V.PAIRS[track]))
            if name == "index":
                return PageKind("module", "overview", {"disorder": track, "condition": condition, "stage": "any"})
            if name not in V.STAGE_CELLS[condition]:
                return Problem(src_uri, f"'{name}' is not a stage page of {condition}",
                               did_you_mean(name, V.STAGE_CELLS[condition]))
            return PageKind("module", "stage", {"disorder": track, "condition": condition, "stage": name})
        return Problem(src_uri, "this path is not in the site's address tree",
                       "track pages live at TRACK/index.md, TRACK/CONDITION/index.md or TRACK/CONDITION/STAGE.md")
    return PageKind("page", "page", {})


def is_module(src_uri: str) -> bool:
    """True for module pages (the path decides)."""
    kind = page_kind(src_uri)
    return isinstance(kind, PageKind) and kind.type == "module"


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def check_front_matter(file: str, parsed: Parsed, kind: PageKind, sources: dict[str, Any]) -> list[Problem]:
    """Front matter rules: keys, vocabularies, pairs, dates and sources."""
    meta, problems = parsed.meta, []
    at, in_module = parsed.line, (lambda key: parsed.line("module", key))

    for key in meta:
        if key not in V.PAGE_KEYS_ALLOWED:
            problems.append(Problem(file, f"unknown front matter key '{key}'",
                                    did_you_mean(key, V.PAGE_KEYS_ALLOWED), line=at(key)))
    for key in V.PAGE_KEYS_REQUIRED:
        if not meta.get(key):
            problems.append(Problem(file, f"front matter needs '{key}'", "every page has a title and a description", line=2))
    title = meta.get("title")
    if title is not None and (not isinstance(title, str) or title.rstrip().endswith(".")):
        problems.append(Problem(file, "title must be text without a final full stop", line=at("title")))
    desc = meta.get("description")
    if isinstance(desc, str):
        lo, hi = V.DESCRIPTION_LENGTH
        if not lo <= len(desc.strip()) <= hi:
            problems.append(Problem(file, f"description is {len(desc.strip())} characters; it must be {lo} to {hi}",
                                    "it is the meta description shown in search results and link previews",
                                    line=at("description")))
    elif desc is not None:
        problems.append(Problem(file, "description must be text", line=at("description")))
    # Dates are dates already: parse_front_matter checked V.FRONT_MATTER_DATES.
    for path, value in ((("reviewed",), meta.get("reviewed")),
                        (("module", "reviewed"), (meta.get("module") or {}).get("reviewed")
                         if isinstance(meta.get("module"), dict) else None)):
        if as_date(value) and as_date(value) > dt.date.today():
            problems.append(Problem(file, f"{'.'.join(path)} {value} is in the future",
                                    "use the date you last checked the page", line=at(*path)))

    module = meta.get("module")
    if kind.type == "page":
        if module is not None:
            problems.append(Problem(file, "only module pages carry 'module:'",
                                    "module pages are why-you-matter, recovery, skills/*, condition overviews and stage pages",
                                    line=at("module")))
        if "reviewed" not in meta:
            problems.append(Problem(file, "front matter needs 'reviewed'",
                                    "every page says when it was last checked: reviewed: YYYY-MM-DD", line=2))
        if "sources" in meta:
            problems += check_source_keys(file, meta["sources"], sources, at("sources"), "sources", minimum=1)
        return problems
    if "sources" in meta:
        problems.append(Problem(file, "a module page lists its sources under 'module.sources'", line=at("sources")))
    if module is None:
        return problems + [Problem(file, "module page without 'module:' front matter",
                                   "add module: with disorder, condition, stage, reading_time, objectives, "
                                   "keypoints, sources and reviewed", line=2)]
    if not isinstance(module, dict):
        return problems + [Problem(file, "'module:' must be a mapping of keys", line=at("module"))]

    allowed = (*V.MODULE_KEYS_REQUIRED, *V.MODULE_KEYS_OPTIONAL)
    for key in module:
        if key not in allowed:
            problems.append(Problem(file, f"unknown key 'module.{key}'", did_you_mean(key, allowed),
                                    line=in_module(key)))
    for key in V.MODULE_KEYS_REQUIRED:
        if key not in module or module[key] in (None, "", []):
            problems.append(Problem(file, f"missing key 'module.{key}'", "see the front matter example in AUTHORING.md",
                                    line=at("module")))

    vocab = {"disorder": V.DISORDERS, "condition": V.CONDITIONS, "stage": V.STAGE_VALUES}
    for key, values in vocab.items():
        value = module.get(key)
        if value is not None and value not in values:
            problems.append(Problem(file, f"module.{key} '{value}' is not in the vocabulary",
                                    did_you_mean(value, values), line=in_module(key)))
    disorder, condition = module.get("disorder"), module.get("condition")
    if disorder in V.PAIRS and condition in V.CONDITIONS and condition not in V.PAIRS[disorder]:
        problems.append(Problem(file, f"disorder '{disorder}' and condition '{condition}' disagree",
                                f"'{disorder}' goes with " + " or ".join(V.PAIRS[disorder]),
                                line=in_module("condition")))
    for key, want in kind.expected.items():
        got = module.get(key)
        if got is not None and got in vocab[key] and got != want:
            problems.append(Problem(file, f"module.{key} is '{got}' but this page's path says '{want}'",
                                    "a page's path and front matter must agree; move the file or fix the value",
                                    line=in_module(key)))

    rt = module.get("reading_time")
    if rt is not None and (not isinstance(rt, int) or isinstance(rt, bool) or not 1 <= rt <= 60):
        problems.append(Problem(file, "module.reading_time must be a whole number of minutes (1 to 60)",
                                line=in_module("reading_time")))
    for key, (lo, hi), what in (("objectives", V.OBJECTIVES_COUNT, "each starting with a verb"),
                                ("keypoints", V.KEYPOINTS_COUNT, "one sentence each")):
        items = module.get(key)
        if items is None:
            continue
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            problems.append(Problem(file, f"module.{key} must be a list of sentences", line=in_module(key)))
        elif not lo <= len(items) <= hi:
            problems.append(Problem(file, f"module.{key} has {len(items)} items; it needs {lo} to {hi}", what,
                                    line=in_module(key)))
    note = module.get("content_note")
    if note is not None and not (isinstance(note, str) and note.strip()):
        problems.append(Problem(file, "module.content_note must be a sentence", line=in_module("content_note")))

    if module.get("sources") is not None:
        problems += check_source_keys(file, module["sources"], sources, in_module("sources"), "module.sources",
                                      V.MIN_SOURCES)
    review = module.get("clinical_review")
    if review is not None:
        if not isinstance(review, dict) or set(review) != set(V.CLINICAL_REVIEW_KEYS):
            problems.append(Problem(file, "module.clinical_review needs exactly 'by' and 'date'",
                                    "only add it when a named clinician really reviewed the page",
                                    line=in_module("clinical_review")))
        elif as_date(review["date"]) is None or not str(review["by"]).strip():
            problems.append(Problem(file, "module.clinical_review needs a name in 'by' and a YYYY-MM-DD 'date'",
                                    line=in_module("clinical_review")))
    return problems


# Sources -----------------------------------------------------------------------------------------


def check_source_keys(file: str, keys: Any, sources: dict[str, Any], line: int | None, where: str,
                      minimum: int) -> list[Problem]:
    """A page's list of source keys: a list, long enough, every key in docs/sources.yml."""
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        return [Problem(file, f"{where} must be a list of source keys", "for example [smith-2020, jones-2021]", line=line)]
    problems = []
    if len(set(keys)) < minimum:
        problems.append(Problem(file, f"{where} lists {len(set(keys))} source(s); it needs at least {minimum}",
                                "add keys from docs/sources.yml", line=line))
    for k in keys:
        if k not in sources:
            problems.append(Problem(file, f"unknown source key '{k}'",
                                    did_you_mean(k, sources) + " (keys live in docs/sources.yml)", line=line))
    return problems

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def load_sources(path: Path, display: str = "docs/sources.yml") -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read docs/sources.yml with the strict loader (its text fields are V.SOURCE_TEXT) and check it."""
    if not Path(path).is_file():
        return None, [Problem(display, "is missing", "every cited source lives in docs/sources.yml")]
    loaded, found = sy.load_file(path, display, text_fields=V.SOURCE_TEXT)
    if loaded is None:
        return None, [from_yaml(p) for p in found]
    problems = check_sources(display, loaded.data, loaded)
    return (None, problems) if problems else (loaded.data, [])


def check_sources(file: str, data: Any, loaded: sy.Loaded | None = None) -> list[Problem]:
    """docs/sources.yml: a mapping of id -> entry with known fields only. ``loaded`` adds line numbers."""
    if not isinstance(data, dict) or not data:
        return [Problem(file, "must be a mapping of source ids to entries",
                        "see AUTHORING.md, section Citations and sources")]
    problems: list[Problem] = []
    allowed = (*V.SOURCE_FIELDS_REQUIRED, *V.SOURCE_FIELDS_OPTIONAL)
    at = loaded.line if loaded is not None else (lambda *path: None)
    for key, entry in data.items():
        if not isinstance(key, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
            problems.append(Problem(file, f"source id '{key}' must be kebab-case", "for example smith-2020",
                                    line=at(key)))
        if not isinstance(entry, dict):
            problems.append(Problem(file, f"source '{key}' must be a mapping of fields", line=at(key)))
            continue
        for name in entry:
            if name not in allowed:
                problems.append(Problem(file, f"source '{key}' has unknown field '{name}'", did_you_mean(name, allowed),
                                        line=at(key, name)))
        for name in V.SOURCE_FIELDS_REQUIRED:
            if not entry.get(name):
                problems.append(Problem(file, f"source '{key}' is missing '{name}'", line=at(key)))
        year = entry.get("year")
        if year is not None and not (isinstance(year, int) and 1800 <= year <= 2100):
            problems.append(Problem(file, f"source '{key}' has year '{year}'", "a four-digit year",
                                    line=at(key, "year")))
        if "url" in entry and not (isinstance(entry["url"], str) and URL.match(entry["url"])):
            problems.append(Problem(file, f"source '{key}' has a malformed url", "start it with https://",
                                    line=at(key, "url")))
        if "doi" in entry and not (isinstance(entry["doi"], str) and DOI.match(entry["doi"])):
            problems.append(Problem(file, f"source '{key}' has a malformed doi", "like 10.1001/archpsyc.55.6.547",
                                    line=at(key, "doi")))
    return problems


# Page body ---------------------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([A-Za-z][\w-]*)?")
MARKER = re.compile(r"<!--\s*md:(\S*)\s*(.*?)\s*-->")
CITE = re.compile(r"\[@([^\]]*)\]")
QUIZ_OPEN = re.compile(r"^\s*<quiz>\s*$")
QUIZ_CLOSE = re.compile(r"^\s*</quiz>\s*$")
QUIZ_OPTION = re.compile(r"^\s*[-*]\s+\[([^\]]*)\]\s+(.*)$")


def cite_keys(inner: str) -> list[str]:
    """Keys inside a citation marker: '[@a-2001; @b-2002]' -> ['a-2001', 'b-2002']."""
    return [k.strip().lstrip("@") for k in re.split(r"[;,]", inner) if k.strip()]


def check_body(file: str, body: str, body_line: int, kind: PageKind, sources: dict[str, Any],
               scenarios: Iterable[str]) -> list[Problem]:
    """Body rules: headings and ids, admonitions, markers, citations and quizzes."""
    problems: list[Problem] = []
    lines = mask_code(body.splitlines())
    ids: dict[str, int] = {}
    section_order: list[str] = []
    scenarios = set(scenarios)

    def line_no(i: int) -> int:
        return body_line + i

    quiz_start: int | None = None
    quiz_lines: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        # Quizzes are checked as blocks.
        if QUIZ_OPEN.match(line):
            if quiz_start is not None:
                problems.append(Problem(file, "a <quiz> opens before the previous one is closed",
                                        "close each quiz with </quiz> on its own line", line=line_no(quiz_start)))
            quiz_start, quiz_lines = i, []
            continue
        if QUIZ_CLOSE.match(line):
            if quiz_start is None:
                problems.append(Problem(file, "</quiz> without an opening <quiz>", line=line_no(i)))
            else:
                problems.extend(check_quiz(file, quiz_lines, line_no(quiz_start), line_no))
            quiz_start = None
            continue
        if "<quiz" in line or "</quiz" in line:
            problems.append(Problem(file, "<quiz> and </quiz> must each stand alone on their own line", line=line_no(i)))
            continue
        if quiz_start is not None:
            quiz_lines.append((i, line))
            continue

        h = HEADING.match(line)
        if h:
            level, text = len(h.group(1)), h.group(2)
            if level == 1:
                problems.append(Problem(file, "the body has an H1 heading", "the title in front matter is the page's only H1; "
                                        "start sections at ##", line=line_no(i)))
            hid = HEADING_ID.search(text)
            if level == 2 and not hid:
                slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
                problems.append(Problem(file, f"section '{text}' has no explicit id",
                                        f"write it as '## {text} {{#{slug}}}' so links survive rewording",
                                        line=line_no(i)))
            if hid:
                if hid.group(1) in ids:
                    problems.append(Problem(file, f"id '{hid.group(1)}' is used twice on the page",
                                            f"it is first used on line {ids[hid.group(1)]}; every id must be unique",
                                            line=line_no(i)))
                ids.setdefault(hid.group(1), line_no(i))
                if level == 2:
                    section_order.append(hid.group(1))
        for hid in HTML_ID.findall(line):
            if hid in ids:
                problems.append(Problem(file, f"id '{hid}' is used twice on the page", line=line_no(i)))
            ids.setdefault(hid, line_no(i))

        a = ADMONITION.match(line)
        if a:
            kind_name = a.group(1) or ""
            if kind_name not in V.ADMONITIONS:
                problems.append(Problem(file, f"admonition type '{kind_name}' is not in the fixed set",
                                        did_you_mean(kind_name, V.ADMONITIONS), line=line_no(i)))
            problems.extend(check_quote_title(file, line, line_no(i)))

        for m in MARKER.finditer(line):
            mtype, arg = m.group(1), m.group(2)
            if line.strip() != m.group(0) or line[:1].isspace():
                problems.append(Problem(file, f"marker 'md:{mtype}' must stand alone at the start of its line",
                                        "put it on its own line, outside lists, admonitions and tabs, "
                                        "with a blank line before and after", line=line_no(i)))
                continue
            if mtype not in V.MARKERS:
                problems.append(Problem(file, f"unknown marker 'md:{mtype}'", did_you_mean(mtype, V.MARKERS),
                                        line=line_no(i)))
            elif mtype in ("scenario", "scenario-map") and arg not in scenarios:
                problems.append(Problem(file, f"marker names scenario '{arg}', which does not exist",
                                        did_you_mean(arg, sorted(scenarios)) + " (files live in docs/scenarios/)",
                                        line=line_no(i)))
        if re.search(r"!\[\s*\]\(", line) or re.search(r"<img\b(?![^>]*\balt=\"[^\"]+\")[^>]*>", line):
            problems.append(Problem(file, "image without alt text", "describe the image: ![A parent and son "
                                    "talking at a kitchen table](kitchen.png)", line=line_no(i)))
        for m in CITE.finditer(line):
            if not cite_keys(m.group(1)):
                problems.append(Problem(file, "citation marker names no source", "write it as [@key] or [@key-1; @key-2]",
                                        line=line_no(i)))
            for key in cite_keys(m.group(1)):
                if key not in sources:
                    problems.append(Problem(file, f"citation names unknown source '{key}'",
                                            did_you_mean(key, sources) + " (keys live in docs/sources.yml)",
                                            line=line_no(i)))

    if quiz_start is not None:
        problems.append(Problem(file, "<quiz> is never closed", "add </quiz> on its own line after the last option",
                                line=line_no(quiz_start)))

    if kind.role == "stage":
        required = list(V.STAGE_SECTIONS)
        missing = [s for s in required if s not in section_order]
        for s in missing:
            problems.append(Problem(file, f"stage page lacks the section id '{s}'",
                                    "stage pages carry these ## ids in order: " + ", ".join(required)))
        present = [s for s in section_order if s in required]
        if not missing and present != required:
            problems.append(Problem(file, "stage page sections are out of order",
                                    "order: " + ", ".join(required)))
    return problems



# Quote boxes: every first-hand voice on the site is a composite written for it, and says so the same way.

QUOTE_BOX = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*quote\b\s*(?:"(?P<title>[^"]*)")?')
QUOTE_TITLE = re.compile(r"^An? [a-z][a-z' -]*'s words \(a composite, written for this site\)$")
QUOTE_EXAMPLE = '!!! quote "A mother\'s words (a composite, written for this site)"'


def check_quote_title(file: str, line: str, line_no: int) -> list[Problem]:
    """A quote box's title names the speaker and labels the words as a composite, in one fixed format."""
    m = QUOTE_BOX.match(line)
    if not m:
        return []
    title = m.group("title")
    if title is None:
        return [Problem(file, "quote box has no title", f"write it as {QUOTE_EXAMPLE}", line=line_no)]
    if not QUOTE_TITLE.match(title):
        return [Problem(file, f"quote box title '{title}' does not follow the site's format",
                        f"write it as {QUOTE_EXAMPLE}", line=line_no)]
    return []


def check_quiz(file: str, lines: list[tuple[int, str]], start: int, line_no) -> list[Problem]:
    """One quiz: a question, options each followed by feedback, and at least one correct answer."""
    problems: list[Problem] = []
    options = [(i, m) for i, line in lines if (m := QUIZ_OPTION.match(line))]
    if not options:
        return [Problem(file, "quiz has no answer options", "options are lines like '- [x] answer' or '- [ ] answer'",
                        line=start)]
    first = options[0][0]
    if not any(line.strip() for i, line in lines if i < first):
        problems.append(Problem(file, "quiz has no question before its options", line=start))
    correct = 0
    by_index = dict(lines)
    for i, m in options:
        mark = m.group(1).strip()
        if mark not in ("", "x", "X"):
            problems.append(Problem(file, f"quiz option has '[{m.group(1)}]'", "use '[x]' for correct or '[ ]' for wrong",
                                    line=line_no(i)))
        correct += mark in ("x", "X")
        following = by_index.get(i + 1, "")
        if not following.lstrip().startswith(">"):
            problems.append(Problem(file, f"quiz option '{m.group(2)[:50]}' has no feedback",
                                    "put a '> why' line directly under every option, with no blank line",
                                    line=line_no(i)))
    if correct == 0:
        problems.append(Problem(file, "quiz has no correct answer", "mark the right option with '- [x]'", line=start))
    return problems


# Facilitator notes ------------------------------------------------------------------------------

FACILITATOR = re.compile(r'^\?\?\?\+?\s*facilitator\b.*$')
MD_LINK = re.compile(r"\]\(([^)\s]*?)\)")


def facilitator_notes(text: str) -> list[str]:
    """The bodies of a page's '??? facilitator' blocks, dedented."""
    notes, current = [], None
    for line in text.splitlines():
        if FACILITATOR.match(line):
            current = []
            notes.append(current)
        elif current is not None:
            if line.startswith("    ") or not line.strip():
                current.append(line[4:])
            else:
                current = None
    return ["\n".join(n).strip() for n in notes if "\n".join(n).strip()]


def rebase_links(text: str, src: str, dest: str) -> str:
    """Rewrite relative links written for one source file so they work from another."""
    def fix(m: re.Match) -> str:
        target = m.group(1)
        if re.match(r"^[a-z]+:", target):
            return m.group(0)
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path)) if path else src
        new = posixpath.relpath(resolved, posixpath.dirname(dest) or ".")
        return f"]({new}{'#' + anchor if anchor else ''})"

    return MD_LINK.sub(fix, text)
