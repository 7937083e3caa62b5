"""One test per scenario rule (authoring.md, Scenarios), against the tiny valid fixture and bad variants."""

from __future__ import annotations

import copy
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


def test_yaml_error_names_line(tmp_path):
    bad = tmp_path / "broken.yml"
    bad.write_text("id: broken\ntitle: x\nnodes:\n  a:\n    text: one: two\n", encoding="utf-8")
    data, problems = sg.load(bad, "docs/scenarios/broken.yml")
    assert data is None and "not valid YAML" in str(problems[0]) and ":5:" in str(problems[0])


def test_unknown_key_fails_with_suggestion():
    data = variant()
    data["sumary"] = "typo"
    assert "unknown key 'sumary'" in only(data) and "did you mean 'summary'" in only(data)


def test_unknown_node_key_fails():
    data = variant()
    data["nodes"]["begin"]["choises"] = data["nodes"]["begin"].pop("choices")
    found = " ".join(check(data))
    assert "unknown key 'choises'" in found


def test_unknown_choice_key_fails():
    data = variant()
    data["nodes"]["begin"]["choices"][0]["go_to"] = "end-good"
    assert "choice 1 has unknown key 'go_to'" in only(data)


def test_missing_required_key_fails():
    data = variant()
    del data["summary"]
    assert "missing key 'summary'" in only(data)


def test_id_must_equal_file_stem():
    assert "id 'tiny' does not equal the file name 'small'" in only(variant(), stem="small")


def test_vocabulary_and_pairs_are_checked():
    data = variant()
    data["stage"] = "acute"
    assert "stage 'acute' is not in the vocabulary" in only(data)
    data = variant()
    data["disorder"] = "psychotic"
    assert "disorder 'psychotic' and condition 'any' disagree" in only(data)


def test_start_must_exist():
    data = variant()
    data["start"] = "begn"
    text = " ".join(check(data))
    assert "start 'begn' is not a node" in text and "did you mean 'begin'" in text


def test_goto_must_exist_with_close_match():
    data = variant()
    data["nodes"]["begin"]["choices"][0]["goto"] = "end-god"
    text = only(data)
    assert "node 'begin': choice 1: goto 'end-god' does not exist" in text and "did you mean 'end-good'" in text


def test_every_node_reachable():
    data = variant()
    data["nodes"]["lonely"] = {"ending": "mixed", "text": "Nobody comes here.", "debrief": "Unreachable."}
    assert "node 'lonely': node is not reachable from start" in only(data)


def test_node_needs_choices_or_ending():
    data = variant()
    del data["nodes"]["end-hard"]["ending"], data["nodes"]["end-hard"]["debrief"]
    assert "neither choices nor an ending" in only(data)


def test_node_cannot_have_both():
    data = variant()
    data["nodes"]["end-hard"]["choices"] = [{"label": "More", "goto": "end-good"}]
    assert "both choices and an ending" in only(data)


def test_no_cycles():
    data = variant()
    data["nodes"]["middle"]["choices"].append({"label": "Go back to the start.", "goto": "begin"})
    text = only(data)
    assert "choice leads back to 'begin', making a cycle (begin -> middle -> begin)" in text


def test_ending_needs_debrief():
    data = variant()
    del data["nodes"]["end-hard"]["debrief"]
    assert "node 'end-hard': ending has no debrief" in only(data)


def test_ending_vocabulary():
    data = variant()
    data["nodes"]["end-hard"]["ending"] = "bad"
    assert "ending 'bad' is not in the vocabulary" in only(data)


def test_needs_a_supportive_ending():
    data = variant()
    data["nodes"]["end-good"]["ending"] = "mixed"
    assert "no supportive ending" in only(data)


def test_one_to_four_choices():
    data = variant()
    data["nodes"]["middle"]["choices"] = [{"label": f"Option {i}", "goto": "end-good"} for i in range(5)]
    data["nodes"]["begin"]["choices"].append({"label": "Hard", "goto": "end-hard"})
    assert "node has 5 choices; it needs 1 to 4" in only(data)


def test_label_length_limit():
    data = variant()
    data["nodes"]["begin"]["choices"][0]["label"] = "x" * 121
    assert "label is 121 characters" in only(data)


def test_node_text_may_not_hold_headings():
    data = variant()
    data["nodes"]["begin"]["text"] = "## A heading\nText."
    assert "node text contains a heading" in only(data)


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_scenario_file(path):
    """Every scenario the site ships is valid, has at least 6 nodes, a supportive ending and both traps."""
    data, problems = sg.check_file(path)
    assert problems == [], [str(p) for p in problems]
    assert len(data["nodes"]) >= 6
    endings = [n["ending"] for n in data["nodes"].values() if "ending" in n]
    assert "supportive" in endings and set(endings) & {"mixed", "difficult"}
