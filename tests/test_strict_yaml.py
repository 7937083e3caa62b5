"""The strict YAML loader (hooks/strict_yaml.py), without MkDocs: one test per rule, and its failing fixtures."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import content_model as cm
import strict_yaml as sy
import vocabulary as V

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def problem(text: str, first_line: int = 1, what: str = "") -> str:
    """The problem the loader raises for a text, as the build prints it."""
    with pytest.raises(sy.YamlProblem) as caught:
        sy.parse(text, "data.yml", first_line, what)
    return str(caught.value)


# Good input ---------------------------------------------------------------------------------------

def test_plain_yaml_loads_like_pyyaml():
    text = "title: A page\nyear: 2020\nreviewed: 2026-11-28\nitems:\n  - one\n  - two\nflag: true\n"
    assert sy.load(text, "data.yml") == {"title": "A page", "year": 2020, "reviewed": dt.date(2026, 11, 28),
                                         "items": ["one", "two"], "flag": True}


def test_empty_text_is_none():
    assert sy.load("", "data.yml") is None
    assert sy.load("# only a comment\n", "data.yml") is None


def test_lines_of_keys_and_list_items_count_from_first_line():
    """The loader gives the file's line of every key and list item, so no caller scans text for keys."""
    loaded = sy.parse("title: A\nmodule:\n  stage: crisis\n  objectives:\n    - One.\n    - Two.\n", "p.md", 2)
    assert loaded.line("title") == 2
    assert loaded.line("module", "stage") == 4
    assert loaded.line("module", "objectives", 1) == 7
    assert loaded.line("module", "missing") is None


def test_byte_order_mark_and_windows_line_endings_are_accepted():
    """A file saved by a Windows editor loads to the same data and the same lines."""
    text = "title: A\nmodule:\n  stage: crisis\n  reviewed: 2026-11-28\n"
    plain, windows = sy.parse(text, "f"), sy.parse("\ufeff" + text.replace("\n", "\r\n"), "f")
    assert windows.data == plain.data and windows.lines == plain.lines
    assert windows.data["module"]["stage"] == "crisis"


def test_load_file_accepts_bom_and_crlf(tmp_path):
    path = tmp_path / "data.yml"
    path.write_bytes("\ufeffname: Example\r\ncode: gb\r\n".encode("utf-8"))
    loaded, problems = sy.load_file(path, text_fields=("name", "code"))
    assert problems == [] and loaded.data == {"name": "Example", "code": "gb"} and loaded.line("code") == 2


def test_windows_saved_scenario_and_sources_pass_their_real_readers(tmp_path):
    """The build's own readers (scenario_graph, content_model.load_sources) accept a BOM and CRLF too."""
    import scenario_graph as sg

    for name in ("scenarios/tiny.yml", "sources.yml"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        (tmp_path / Path(name).name).write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    data, problems = sg.check_file(tmp_path / "tiny.yml", "docs/scenarios/tiny.yml")
    assert problems == [] and data["start"] == "begin"
    data, problems = cm.load_sources(tmp_path / "sources.yml")
    assert problems == [] and "birchwood-2000" in data


def test_merge_keys_may_override():
    """'<<' merges are not repeated keys: an explicit key may override a merged one."""
    assert sy.load("a: &base {k: 1, j: 2}\nb:\n  <<: *base\n  k: 3\n", "f")["b"] == {"k": 3, "j": 2}


# Keys given twice ---------------------------------------------------------------------------------

def test_problem_reads_file_line_message_hint():
    """Messages read like the rest of the project's: FILE:LINE: message (hint: ...)."""
    assert problem("title: A\ntitle: B\n") == ("data.yml:2: key 'title' is given twice (first on line 1) "
                                               "(hint: YAML silently keeps only the last one; delete one of them, "
                                               "or rename it)")


@pytest.mark.parametrize("text, line, key, first", [
    ("a:\n  b: 1\n  c: 2\n  b: 3\n", 4, "a.b", 2),                    # nested
    ("nodes:\n  x:\n    text: 1\n  y: {}\n  x:\n    text: 2\n", 5, "nodes.x", 2),  # a node id pasted twice
    ("list:\n  - k: 1\n    k: 2\n", 3, "list[1].k", 2),                # inside a list item
    ("flow: {k: 1, k: 2}\n", 1, "flow.k", 1),                          # flow style
])
def test_key_given_twice_at_any_depth(text, line, key, first):
    assert problem(text).startswith(f"data.yml:{line}: key '{key}' is given twice (first on line {first})")


def test_key_given_twice_counts_lines_from_first_line():
    """Front matter starts on line 2 of its file."""
    assert problem("a: 1\na: 2\n", first_line=2).startswith("data.yml:3: key 'a' is given twice (first on line 2)")


# Tabs, syntax and impossible dates -----------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("a:\n\tb: 1\n", 2),
    ("a:\n  - 1\n \t- 2\n", 3),
    ("a: |\n  Markdown\n\tindented with a tab\n", 3),  # PyYAML would accept this one silently
])
def test_tab_indentation_is_rejected(text, line):
    assert problem(text) == (f"data.yml:{line}: a tab is used for indentation "
                             "(hint: indent with spaces; YAML does not allow tabs there)")


def test_tab_after_a_colon_is_named():
    assert problem("a:\tb\n") == ("data.yml:1: a tab is used where YAML expects a space "
                                  "(hint: replace the tab with a space)")


def test_syntax_error_names_its_line():
    assert problem("a: 1\nb: c: d\n", first_line=2, what="front matter").startswith(
        "data.yml:3: front matter is not valid YAML: mapping values are not allowed here (hint: quote text")


def test_impossible_date_names_its_line():
    assert problem("a: 1\nreviewed: 2026-13-01\n") == (
        "data.yml:2: impossible value '2026-13-01': month must be in 1..12 (hint: dates are YYYY-MM-DD and must exist)")


# Text and date fields -------------------------------------------------------------------------------

TEXT = ("title", "lines.*.code", "lines.*.phone")


def text_problems(text: str, fields=TEXT) -> list[str]:
    return [str(p) for p in sy.check_text_fields(sy.parse(text, "f.yml"), "f.yml", fields)]


@pytest.mark.parametrize("value, read, why", [
    ("no", "false", "YAML reads a bare yes, no, on or off as true or false"),
    ("on", "true", "YAML reads a bare yes, no, on or off as true or false"),
    ("0123", "the number 83", "YAML reads bare digits as a number, and drops leading zeros"),
    ("999", "the number 999", "YAML reads bare digits as a number, and drops leading zeros"),
    ("1.5", "the number 1.5", "YAML reads bare digits as a number, and drops leading zeros"),
    ("2026-11-28", "a date", "YAML reads a bare YYYY-MM-DD as a date"),
])
def test_text_field_accepts_only_text(value, read, why):
    found = text_problems(f"lines:\n  - code: gb\n    phone: \"0\"\n  - code: {value}\n    phone: \"0\"\n")
    assert found == [f"f.yml:4: lines[2].code '{value}' was read as {read}, not as text "
                     f"(hint: put it in quotes: \"{value}\"; {why})"]


def test_quoted_values_and_other_fields_pass():
    """Quoting keeps text; numbers stay allowed where the schema does not ask for text; an empty value is left
    to the caller's 'missing' checks."""
    assert text_problems('title: "2026"\nyear: 2026\nlines:\n  - code: "no"\n    phone:\n') == []


def test_date_field_accepts_only_real_dates():
    loaded = sy.parse('a: 2026-11-28\nb: "2026-11-28"\nc: 28/11/2026\nd: 2026-11-28 10:00:00\ne:\n', "f.yml")
    found = [str(p) for p in sy.check_date_fields(loaded, "f.yml", ("a", "b", "c", "d", "e"))]
    assert found == ["f.yml:2: b '2026-11-28' is not a date (hint: write it as YYYY-MM-DD, without quotes)",
                     "f.yml:3: c '28/11/2026' is not a date (hint: write it as YYYY-MM-DD, without quotes)"]


def test_load_file_reports_every_field_problem(tmp_path):
    path = tmp_path / "data.yml"
    path.write_text("title: 2026-01-01\nlines:\n  - code: no\n    phone: 999\n", encoding="utf-8")
    loaded, problems = sy.load_file(path, "docs/data.yml", text_fields=TEXT)
    assert loaded is None and [(p.file, p.line) for p in problems] == [("docs/data.yml", 1), ("docs/data.yml", 3),
                                                                        ("docs/data.yml", 4)]


@pytest.mark.parametrize("schema", [V.FRONT_MATTER_TEXT, V.FRONT_MATTER_DATES, V.SCENARIO_TEXT, V.SOURCE_TEXT])
def test_schemas_do_not_claim_integer_fields(schema):
    """Whole numbers stay allowed where they are meant."""
    for name in ("reading_time", "year", "group_session", "group_time"):
        assert not any(f.split(".")[-1] == name for f in schema)


# One failing fixture per rule (pages and scenarios have theirs in their own folders) ----------------

def expect(path: Path) -> str:
    return re.search(r"^# expect: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1)


SOURCES_BAD = sorted((FIXTURES / "sources" / "bad").glob("*.yml"))
DATA_BAD = sorted((FIXTURES / "data" / "bad").glob("*.yml"))


@pytest.mark.parametrize("path", SOURCES_BAD, ids=[p.stem for p in SOURCES_BAD])
def test_bad_sources_fixture_fails_with_its_message(path):
    """docs/sources.yml is read the way the build reads it."""
    data, problems = cm.load_sources(path)
    assert data is None and problems and str(problems[0]) == expect(path)


@pytest.mark.parametrize("path", DATA_BAD, ids=[p.stem for p in DATA_BAD])
def test_bad_data_fixture_fails_with_its_message(path):
    """A generic data file (like docs/crisis-lines.yml): the fixture states its text fields (line 3)."""
    fields = re.search(r"^# text fields: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1).split()
    loaded, problems = sy.load_file(path, "docs/crisis-lines.yml", text_fields=fields)
    assert loaded is None and problems and str(problems[0]) == expect(path)


def test_the_strict_rules_have_fixtures():
    """Guard: a fixture for each new rule, in the folder of the file type it protects."""
    names = {p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file()}
    assert {"pages/bad/key-given-twice.md", "pages/bad/title-is-a-date.md", "scenarios/bad/node-id-twice.yml",
            "scenarios/bad/label-is-a-number.yml", "scenarios/bad/tab-indented.yml",
            "sources/bad/key-given-twice.yml", "data/bad/country-code-no.yml"} <= names


# One reader ------------------------------------------------------------------------------------------

def test_no_hook_reads_yaml_except_through_strict_yaml():
    """Every YAML file is read one way: no module in hooks/ but strict_yaml.py calls PyYAML's loaders."""
    offenders = []
    for path in sorted((ROOT / "hooks").glob("*.py")):
        if path.name == "strict_yaml.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml"
                    and "load" in node.attr.lower()):
                offenders.append(f"{path.name}:{node.lineno}: yaml.{node.attr}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "yaml":
                offenders.append(f"{path.name}:{node.lineno}: from {node.module} import ...")
    assert offenders == [], "read YAML with strict_yaml.load or strict_yaml.load_file: " + ", ".join(offenders)


def test_real_front_matter_passes_the_strict_rules():
    """Every page of the site (scenarios and sources have their own real-file tests)."""
    for path in sorted((ROOT / "docs").rglob("*.md")):
        parsed, problems = cm.parse_front_matter(str(path), path.read_text(encoding="utf-8-sig"))
        assert parsed is not None, [str(p) for p in problems]
