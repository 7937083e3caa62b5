"""Scenario files: load the YAML and check its shape and its graph.

Pure Python, no MkDocs import (the MkDocs glue is ``hooks/site.py``). Each rule of authoring.md's Scenarios
section is one check below and one test in ``tests/test_scenario_graph.py``.

Run as a script to check files: ``python hooks/scenario_graph.py docs/scenarios/*.yml``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import strict_yaml
import vocabulary as V
from content_model import Problem, did_you_mean, from_yaml

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load(path: Path, display: str | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse one scenario file strictly (hooks/strict_yaml.py): a YAML error, a key or node id given twice, a tab,
    or a text field YAML read as true/false, a number or a date (V.SCENARIO_TEXT) becomes a Problem with its line."""
    file = display or str(path)
    loaded, problems = strict_yaml.load_file(path, file, text_fields=V.SCENARIO_TEXT)
    if loaded is None:
        return None, [from_yaml(p) for p in problems]
    data = loaded.data
    if not isinstance(data, dict):
        return None, [Problem(file, "a scenario file must be a mapping with id, title, start and nodes")]
    return data, []


def check(file: str, stem: str, data: dict[str, Any]) -> list[Problem]:
    """Every rule for one scenario; returns all problems found."""
    problems: list[Problem] = []
    allowed = (*V.SCENARIO_KEYS_REQUIRED, *V.SCENARIO_KEYS_OPTIONAL)

    # Shape of the file.
    for key in data:
        if key not in allowed:
            problems.append(Problem(file, f"unknown key '{key}'", did_you_mean(key, allowed)))
    for key in V.SCENARIO_KEYS_REQUIRED:
        if data.get(key) in (None, "", {}, []):
            problems.append(Problem(file, f"missing key '{key}'", "see the scenario example in AUTHORING.md"))
    if data.get("id") is not None and data.get("id") != stem:
        problems.append(Problem(file, f"id '{data.get('id')}' does not equal the file name '{stem}'",
                                f"set id: {stem}, or rename the file"))
    for key, values in (("disorder", V.DISORDERS), ("condition", V.CONDITIONS), ("stage", V.STAGE_VALUES)):
        if key in data and data[key] not in values:
            problems.append(Problem(file, f"{key} '{data[key]}' is not in the vocabulary", did_you_mean(data[key], values)))
    disorder, condition = data.get("disorder"), data.get("condition")
    if disorder in V.PAIRS and condition in V.CONDITIONS and condition not in V.PAIRS[disorder]:
        problems.append(Problem(file, f"disorder '{disorder}' and condition '{condition}' disagree",
                                f"'{disorder}' goes with " + " or ".join(V.PAIRS[disorder])))
    for key in ("title", "summary", "content_note"):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            problems.append(Problem(file, f"'{key}' must be text"))
    if "crisis" in data and not isinstance(data["crisis"], bool):
        problems.append(Problem(file, "'crisis' must be true or false"))

    nodes = data.get("nodes")
    if not isinstance(nodes, dict) or not nodes:
        return problems + ([] if data.get("nodes") in (None, "", {}, []) else
                           [Problem(file, "'nodes' must be a mapping of node ids to nodes")])

    # Each node.
    endings: dict[str, str] = {}
    edges: dict[str, list[str]] = {}
    for name, node in nodes.items():
        name = str(name)
        if not KEBAB.match(name):
            problems.append(Problem(file, "node id must be kebab-case", "lower-case words joined by '-'", node=name))
        if not isinstance(node, dict):
            problems.append(Problem(file, "node must be a mapping with text and choices or ending", node=name))
            continue
        for key in node:
            if key not in V.NODE_KEYS:
                problems.append(Problem(file, f"unknown key '{key}'", did_you_mean(key, V.NODE_KEYS), node=name))
        text = node.get("text")
        if not (isinstance(text, str) and text.strip()):
            problems.append(Problem(file, "node has no text", "every node says what happens", node=name))
        elif re.search(r"^\s*#", text, re.M):
            problems.append(Problem(file, "node text contains a heading", "headings would enter the page's table of "
                                    "contents; use **bold** instead", node=name))
        has_choices, has_ending = "choices" in node, "ending" in node
        if has_choices and has_ending:
            problems.append(Problem(file, "node has both choices and an ending", "a node either continues or ends",
                                    node=name))
        elif not has_choices and not has_ending:
            problems.append(Problem(file, "node has neither choices nor an ending",
                                    "add choices, or make it an ending with 'ending:' and 'debrief:'", node=name))
        if has_ending:
            ending = node.get("ending")
            if ending not in V.ENDINGS:
                problems.append(Problem(file, f"ending '{ending}' is not in the vocabulary",
                                        did_you_mean(ending, V.ENDINGS), node=name))
            else:
                endings[name] = ending
            debrief = node.get("debrief")
            if not (isinstance(debrief, str) and debrief.strip()):
                problems.append(Problem(file, "ending has no debrief", "say why it ended this way, without blame",
                                        node=name))
        elif "debrief" in node:
            problems.append(Problem(file, "only endings have a debrief", node=name))
        if has_choices:
            choices = node.get("choices")
            lo, hi = V.CHOICES_COUNT
            if not isinstance(choices, list) or not lo <= len(choices) <= hi:
                count = len(choices) if isinstance(choices, list) else 0
                problems.append(Problem(file, f"node has {count} choices; it needs {lo} to {hi}",
                                        "merge similar choices, or split the moment into two steps", node=name))
                choices = choices if isinstance(choices, list) else []
            targets: list[str] = []
            for n, choice in enumerate(choices, 1):
                if not isinstance(choice, dict):
                    problems.append(Problem(file, f"choice {n} must be a mapping with label and goto", node=name))
                    continue
                for key in choice:
                    if key not in (*V.CHOICE_KEYS_REQUIRED, *V.CHOICE_KEYS_OPTIONAL):
                        problems.append(Problem(file, f"choice {n} has unknown key '{key}'",
                                                did_you_mean(key, (*V.CHOICE_KEYS_REQUIRED, *V.CHOICE_KEYS_OPTIONAL)),
                                                node=name))
                label = choice.get("label")
                if not (isinstance(label, str) and label.strip()):
                    problems.append(Problem(file, f"choice {n} has no label", node=name))
                elif len(label) > V.LABEL_MAX:
                    problems.append(Problem(file, f"choice {n} label is {len(label)} characters",
                                            f"keep it under {V.LABEL_MAX}: one short sentence", node=name))
                goto = choice.get("goto")
                if goto is None:
                    problems.append(Problem(file, f"choice {n} has no goto", node=name))
                elif str(goto) not in nodes:
                    problems.append(Problem(file, f"choice {n}: goto '{goto}' does not exist",
                                            did_you_mean(goto, map(str, nodes)), node=name))
                else:
                    targets.append(str(goto))
            edges[name] = targets

    # The graph.
    start = data.get("start")
    if start is not None and str(start) not in nodes:
        problems.append(Problem(file, f"start '{start}' is not a node", did_you_mean(start, map(str, nodes))))
        return problems
    if start is None:
        return problems
    start = str(start)
    seen: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(edges.get(current, []))
    for name in nodes:
        if str(name) not in seen:
            problems.append(Problem(file, "node is not reachable from start",
                                    "link to it from a choice, or delete it", node=str(name)))
    problems.extend(find_cycles(file, start, edges))
    if endings and "supportive" not in endings.values():
        problems.append(Problem(file, "no supportive ending", "every scenario shows at least one way it goes well"))
    if not endings and not problems:
        problems.append(Problem(file, "no endings", "every path must reach a node with 'ending:'"))
    return problems


def find_cycles(file: str, start: str, edges: dict[str, list[str]]) -> list[Problem]:
    """A choice that leads back to a node already on the way is a cycle: every path must end."""
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in edges.get(node, []):
            if state.get(target) == 1 and (node, target) not in reported:
                reported.add((node, target))
                loop = " -> ".join(path[path.index(target):] + [node, target]) if target in path else f"{node} -> {target}"
                problems.append(Problem(file, f"choice leads back to '{target}', making a cycle ({loop})",
                                        "the story only moves forward; 'start again' is added by the site",
                                        node=node))
            elif target not in state:
                visit(target, path + [node])
        state[node] = 2

    visit(start, [])
    return problems


def check_file(path: Path, display: str | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Load and check one file."""
    data, problems = load(path, display)
    if data is None:
        return None, problems
    return data, check(display or str(path), path.stem, data)


def main(paths: list[str]) -> int:
    bad = 0
    for p in paths:
        data, problems = check_file(Path(p))
        for problem in problems:
            print(problem)
        if problems:
            bad += 1
        elif data is not None:
            print(f"{p}: ok, {len(data['nodes'])} nodes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main(sys.argv[1:]))
