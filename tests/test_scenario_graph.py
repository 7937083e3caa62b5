"""One test per scenario rule (authoring.md, Scenarios), against the tiny valid fixture and bad variants."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

import scenario_graph as sg

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
TINY = yaml.safe_load((FIXTURES / "tiny.yml").read_text(encoding="utf-8"))
REAL = sorted((Path(__file__).parent.parent / "docs" / "scenarios").glob("*.yml"))


def check(data: dict, stem: str = "tiny") -> list[str]:
    return [str(p) for p in sg.check("docs/scenarios/tiny.yml", stem, data)]


def variant() -> dict:
    return copy.deepcopy(TINY)


def only(data: dict, stem: str = "tiny") -> str:
    found = check(data, stem)
    assert len(found) == 1, found
    return found[0]


def test_tiny_scenario_is_valid():
    assert check(TINY) == []


BAD = sorted((FIXTURES / "bad").glob("*.yml"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_fails_with_its_message(path):
    """One failing fixture per rule: each file says (line 2) the message the build prints first."""
    expected = re.search(r"^# expect: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1)
    _, problems = sg.check_file(path, f"docs/scenarios/{path.name}")
    messages = [str(p) for p in problems]
    assert messages, "the fixture passed every check"
    assert messages[0].startswith(f"docs/scenarios/{path.name}"), messages[0]
    assert expected in messages[0], messages[0]


def test_every_rule_has_a_bad_fixture():
    """Guard against silently dropping a rule's fixture."""
    assert len(BAD) >= 20


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_scenario_file(path):
    """Every scenario the site ships is valid, has at least 6 nodes, a supportive ending and both traps."""
    data, problems = sg.check_file(path)
    assert problems == [], [str(p) for p in problems]
    assert len(data["nodes"]) >= 6
    endings = [n["ending"] for n in data["nodes"].values() if "ending" in n]
    assert "supportive" in endings and set(endings) & {"mixed", "difficult"}
