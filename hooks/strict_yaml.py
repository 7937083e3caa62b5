"""The one YAML reader of the project: PyYAML's safe loader, made strict.

Pure Python, no MkDocs import. Every module in ``hooks/`` reads YAML through this file (a test guards it), so
no file is read two ways. On top of PyYAML's ``SafeLoader`` it:

- stops on a key given twice at any depth (YAML would silently keep only the last value), naming the line of
  both keys;
- stops on a tab used for indentation;
- turns a syntax error or an impossible date into one problem with the file's own line number;
- returns the line of every key and list item (``Loaded.line``), so callers can point at a value;
- offers two small checks driven by a schema (``vocabulary.py`` holds the project's): fields that hold text
  accept only text (``check_text_fields``), fields that hold dates accept only dates (``check_date_fields``).

A byte-order mark and Windows line endings are accepted. Problems read like the rest of the project's:
``FILE:LINE: message (hint: ...)``.

Typical use for a data file::

    loaded, problems = strict_yaml.load_file(path, "docs/crisis-lines.yml", text_fields=("*.country", "*.phone"))
    if problems: stop the build with them
    data = loaded.data
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

KeyPath = tuple  # a path into the data: keys and list indexes, e.g. ("module", "objectives", 0)

MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
LEADING_TAB = re.compile(r"^ *\t")


class YamlProblem(Exception):
    """One problem in a YAML text: where it is, what is wrong, and how to fix it."""

    def __init__(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.file, self.line, self.message, self.hint = file, line, message, hint

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}" + (f" (hint: {self.hint})" if self.hint else "")


@dataclass
class Loaded:
    """The data of one YAML text, with the line (in the whole file) of every key and list item."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    raw: dict[KeyPath, str] = field(default_factory=dict)  # the text of each scalar value as written

    def line(self, *path: Any) -> int | None:
        """The line of a key (``line("module", "reviewed")``) or list item (``line("hide", 0)``)."""
        return self.lines.get(tuple(path))


def dotted(path: KeyPath) -> str:
    """A path as authors read it: module.objectives[2] (list items count from 1, like 'choice 1')."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out


# Loading -----------------------------------------------------------------------------------------


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that walks the composed document before building it: it refuses a key given twice (which
    PyYAML would drop without a word) and keeps the line of every key and list item."""

    def __init__(self, text: str, file: str, first_line: int, what: str) -> None:
        super().__init__(text)
        self.file, self.offset, self.what = file, first_line, what
        self.lines: dict[KeyPath, int] = {}
        self.raw: dict[KeyPath, str] = {}

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.offset

    def scalar(self, node: ScalarNode) -> Any:
        """Build one scalar; a date that cannot exist (2026-13-01) becomes a problem on its line."""
        try:
            return self.construct_object(node)
        except ValueError as exc:
            raise YamlProblem(self.file, self.line_of(node),
                              f"{self.what + ' has an ' if self.what else ''}impossible value '{node.value}': {exc}",
                              "dates are YYYY-MM-DD and must exist") from None

    def walk(self, node: yaml.Node, path: KeyPath, walked: set[int]) -> None:
        """Check and note the line of every key and list item, and the text of every scalar, under ``path``."""
        if id(node) in walked:  # an alias: already walked where its anchor is
            return
        walked.add(id(node))
        if isinstance(node, ScalarNode):
            self.raw[path] = node.value
            self.scalar(node)
        elif isinstance(node, MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == MERGE_TAG or not isinstance(key_node, ScalarNode):
                    continue  # merges ('<<') may override; complex keys are left to PyYAML
                key, line = self.scalar(key_node), self.line_of(key_node)
                if key in seen:
                    raise YamlProblem(self.file, line,
                                      f"key '{dotted(path + (key,))}' is given twice (first on line {seen[key]})",
                                      "YAML silently keeps only the last one; delete one of them, or rename it")
                seen[key] = line
                self.lines[path + (key,)] = line
                self.walk(value_node, path + (key,), walked)
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                self.lines.setdefault(path + (i,), self.line_of(item))
                self.walk(item, path + (i,), walked)


def parse(text: str, file: str, first_line: int = 1, what: str = "") -> Loaded:
    """Load one YAML text strictly. ``first_line`` is the file's line number of the text's first line;
    ``what`` names the text in messages ("front matter"). Raises ``YamlProblem``."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    for n, line in enumerate(text.split("\n")):
        if line.strip() and LEADING_TAB.match(line):
            raise YamlProblem(file, first_line + n, "a tab is used for indentation",
                              "indent with spaces; YAML does not allow tabs there")
    loader = StrictLoader(text, file, first_line, what)
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(None)
        loader.walk(node, (), set())
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "'\\t'" in problem:  # PyYAML refuses a tab after 'key:' too
            raise YamlProblem(file, mark.line + first_line if mark else first_line,
                              "a tab is used where YAML expects a space", "replace the tab with a space") from None
        raise YamlProblem(file, mark.line + first_line if mark else first_line,
                          f"{what + ' is ' if what else ''}not valid YAML: {problem}",
                          "quote text that contains ': ' or starts with a special character, "
                          "and check the indentation") from None
    finally:
        loader.dispose()
    return Loaded(data, loader.lines, loader.raw)


def load(text: str, file: str, first_line: int = 1) -> Any:
    """The data only (see ``parse``). Raises ``YamlProblem``."""
    return parse(text, file, first_line).data


def load_file(path: Path | str, display: str | None = None, text_fields: Iterable[str] = (),
              date_fields: Iterable[str] = ()) -> tuple[Loaded | None, list[YamlProblem]]:
    """Read and load one YAML file, then check its text and date fields.

    Returns the loaded file and an empty list, or None and the problems (file, line, message, hint).
    ``display`` is the name shown in messages (default: the path). Fields are dotted paths; '*' matches any
    key or list item: ``"*.title"``, ``"nodes.*.choices.*.label"``.
    """
    file = display or str(path)
    try:
        loaded = parse(Path(path).read_text(encoding="utf-8-sig"), file)
    except YamlProblem as problem:
        return None, [problem]
    problems = check_text_fields(loaded, file, text_fields) + check_date_fields(loaded, file, date_fields)
    return (None, problems) if problems else (loaded, [])


# Field checks ------------------------------------------------------------------------------------


def matches(path: KeyPath, pattern: str) -> bool:
    """Does a data path match a dotted pattern such as 'nodes.*.choices.*.label'?"""
    parts = pattern.split(".")
    return len(parts) == len(path) and all(p == "*" or p == str(k) for p, k in zip(parts, path))


def values(data: Any, path: KeyPath = ()) -> Iterable[tuple[KeyPath, Any]]:
    """Every value under ``data`` (containers too) with its path, depth first, in file order."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from values(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from values(value, path + (i,))


WHY = {
    "bool": "YAML reads a bare yes, no, on or off as true or false",
    "number": "YAML reads bare digits as a number, and drops leading zeros",
    "date": "YAML reads a bare YYYY-MM-DD as a date",
}


def check_text_fields(loaded: Loaded, file: str, fields: Iterable[str]) -> list[YamlProblem]:
    """Fields that hold text accept only text: a value YAML read as true/false, a number or a date stops."""
    fields = tuple(fields)
    problems = []
    for path, value in values(loaded.data):
        if value is None or isinstance(value, (str, dict, list)) or not any(matches(path, f) for f in fields):
            continue
        if isinstance(value, bool):
            kind, read = "bool", str(value).lower()
        elif isinstance(value, (int, float)):
            kind, read = "number", f"the number {value}"
        elif isinstance(value, dt.date):
            kind, read = "date", "a date"
        else:
            kind, read = "", type(value).__name__
        raw = loaded.raw.get(path, str(value))
        problems.append(YamlProblem(file, loaded.line(*path), f"{dotted(path)} '{raw}' was read as {read}, not as text",
                                    f'put it in quotes: "{raw}"' + (f"; {WHY[kind]}" if kind else "")))
    return problems


def check_date_fields(loaded: Loaded, file: str, fields: Iterable[str]) -> list[YamlProblem]:
    """Fields that hold dates accept only real dates, written YYYY-MM-DD without quotes."""
    fields = tuple(fields)
    problems = []
    for path, value in values(loaded.data):
        if value is None or isinstance(value, dt.date) or not any(matches(path, f) for f in fields):
            continue
        raw = loaded.raw.get(path, str(value))
        problems.append(YamlProblem(file, loaded.line(*path), f"{dotted(path)} '{raw}' is not a date",
                                    "write it as YYYY-MM-DD, without quotes"))
    return problems
