"""AUTHORING.md stays true: its examples pass the build's own checks, and its tables name what the code knows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import content_model as cm
import scenario_graph
import vocabulary as V

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, re.S)


def block(starting: str) -> str:
    found = [b for b in YAML_BLOCKS if b.lstrip().startswith(starting)]
    assert len(found) == 1, f"AUTHORING.md: expected one yaml example starting with {starting!r}"
    return found[0]


def sources() -> dict:
    data, problems = cm.load_sources(ROOT / "docs" / "sources.yml")
    assert not problems
    return data


def test_front_matter_example_passes_the_checks():
    src = "psychotic/first-episode-psychosis/early-recovery.md"
    parsed, problems = cm.parse_front_matter(src, block("---") + "\nBody.\n")
    assert problems == [] and parsed is not None
    assert cm.check_front_matter(src, parsed, cm.page_kind(src), sources()) == []


def test_scenario_example_passes_the_checks(tmp_path):
    text = block("id: ")
    path = tmp_path / f"{yaml.safe_load(text)['id']}.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = scenario_graph.check_file(path, f"docs/scenarios/{path.name}")
    assert problems == []


def test_sources_example_is_a_real_entry():
    entry = yaml.safe_load(block("birchwood-2000:"))
    assert entry["birchwood-2000"] == sources()["birchwood-2000"]


def test_crisis_lines_example_passes_the_checks(tmp_path):
    crisis_lines = pytest.importorskip("crisis_lines")
    path = tmp_path / "crisis-lines.yml"
    path.write_text(block("checked:"), encoding="utf-8")
    assert crisis_lines.read(path, "docs/crisis-lines.yml", sources=sources())[1] == []


def test_tables_name_every_stage_section_and_marker():
    rows = re.findall(r"^\| (\d) \| `([a-z-]+)` \|", DOC, re.M)
    assert [i for _, i in rows] == list(V.STAGE_SECTIONS)
    for marker in V.MARKERS:
        assert f"<!-- md:{marker}" in DOC, marker
    for kind in V.ADMONITIONS:
        assert re.search(rf"(!!!|\?\?\?) {kind}\b", DOC), kind
