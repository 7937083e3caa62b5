"""Recommended reading paths for "Find your path" (/start/): load, check and expand docs/paths.yml.

Pure: no MkDocs import, so it runs from the command line too:

    python hooks/paths.py docs/paths.yml      # check the file and print every path

docs/paths.yml is a table, per condition and stage, of the skill modules that matter most at that point.
A path shown to a reader is built from it by one rule, so authors list only what differs:

1. the stage page (schizophrenia's early signs live on the first-episode page: vocabulary.EARLY_SIGNS_ON),
2. the pages listed for the cell, in order (usually two or three skill modules),
3. the crisis page, where the stage says ``crisis: true``,
4. the stage page's practice story (its ``#practise`` section).

"Not sure yet" (condition ``any``) lists its pages in full. Every page named must exist: the build stops
otherwise, naming the file, the cell and the page, with a close match.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

sys.path.insert(0, str(Path(__file__).parent))

import vocabulary as V
from content_model import Problem, did_you_mean

CONDITIONS = ("first-episode-psychosis", "schizophrenia", "bipolar", "depression", "any")
RELATIONS = ("parent", "partner", "sibling", "adult-child", "friend", "other")
TOP_KEYS = ("relations", "conditions", "stages", "notes", "paths")
ITEM_KEYS = ("page", "label", "why")
CRISIS_PAGE = "crisis.md"


@dataclass(frozen=True)
class Item:
    """One step of a path: a page (docs-relative, optional #anchor), what kind of step it is, and its words."""

    page: str
    kind: str  # "stage" | "page" | "crisis" | "practise"
    label: str = ""  # empty: the page's own title
    why: str = ""

    @property
    def src(self) -> str:
        return self.page.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.page.partition("#")[2]


def stage_page(condition: str, stage: str) -> str | None:
    """The stage page for a condition and stage, or None ("not sure yet")."""
    if condition not in V.STAGE_CELLS:
        return None
    if stage not in V.STAGE_CELLS[condition] and stage == "early-signs":
        condition = V.EARLY_SIGNS_ON.get(condition, condition)
    track = next(t for t, conds in V.PAIRS.items() if condition in conds)
    return f"{track}/{condition}/{stage}.md"


def _item(raw: Any) -> Item | str:
    if isinstance(raw, str):
        return Item(raw.strip(), "page")
    if isinstance(raw, dict):
        unknown = sorted(set(raw) - set(ITEM_KEYS))
        if unknown:
            return f"unknown key '{unknown[0]}' (allowed: {', '.join(ITEM_KEYS)})"
        if not isinstance(raw.get("page"), str) or not raw["page"].strip():
            return "an item written as a mapping needs 'page: path/to/page.md'"
        return Item(raw["page"].strip(), "page", str(raw.get("label") or ""), str(raw.get("why") or ""))
    return "each item is a page path, or a mapping with page, label and why"


def check(data: Any, shown: str, existing: Iterable[str]) -> list[Problem]:
    """Every rule of docs/paths.yml; ``existing`` is the set of docs-relative page paths in the build."""
    existing = set(existing)
    if not isinstance(data, dict):
        return [Problem(shown, "must be a mapping with " + ", ".join(TOP_KEYS))]
    problems: list[Problem] = []
    for key in data:
        if key not in TOP_KEYS:
            problems.append(Problem(shown, f"unknown key '{key}'", did_you_mean(key, TOP_KEYS)))

    def labelled(section: str, expected: tuple[str, ...], needs: tuple[str, ...]) -> None:
        block = data.get(section)
        if not isinstance(block, dict):
            problems.append(Problem(shown, f"'{section}' is missing", "one entry each for " + ", ".join(expected)))
            return
        for key, entry in block.items():
            if key not in expected:
                problems.append(Problem(shown, f"{section}: '{key}' is not in the vocabulary", did_you_mean(key, expected)))
            elif not isinstance(entry, dict) or any(not str(entry.get(n) or "").strip() for n in needs):
                problems.append(Problem(shown, f"{section}: '{key}' needs " + " and ".join(needs)))
        for key in expected:
            if key not in block:
                problems.append(Problem(shown, f"{section}: '{key}' is missing", "every value gets plain words"))

    labelled("relations", RELATIONS, ("label", "line"))
    labelled("conditions", CONDITIONS, ("label", "hint"))
    labelled("stages", tuple(V.STAGES), ("label", "hint"))

    def page_exists(where: str, page: str) -> None:
        src = page.partition("#")[0]
        if not src.endswith(".md"):
            problems.append(Problem(shown, f"{where}: '{page}' is not a page", "name the Markdown file: skills/communicating.md"))
        elif src not in existing:
            close = difflib.get_close_matches(src, sorted(existing), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(Problem(shown, f"{where}: page '{src}' does not exist",
                                    hint + "(paths are relative to docs/)"))

    notes = data.get("notes") or {}
    if not isinstance(notes, dict):
        problems.append(Problem(shown, "'notes' maps a page to one short line"))
        notes = {}
    for page in notes:
        page_exists("notes", str(page))

    paths = data.get("paths")
    if not isinstance(paths, dict):
        problems.append(Problem(shown, "'paths' is missing", "paths: CONDITION: STAGE: [pages]"))
        return problems
    for condition in paths:
        if condition not in CONDITIONS:
            problems.append(Problem(shown, f"paths: '{condition}' is not a condition", did_you_mean(condition, CONDITIONS)))
    for condition in CONDITIONS:
        cells = paths.get(condition)
        if not isinstance(cells, dict):
            problems.append(Problem(shown, f"paths: '{condition}' is missing", "every condition needs a path for each stage"))
            continue
        for stage in cells:
            if stage not in V.STAGES:
                problems.append(Problem(shown, f"paths: {condition}: '{stage}' is not a stage", did_you_mean(stage, V.STAGES)))
        for stage in V.STAGES:
            where = f"paths: {condition}/{stage}"
            items = cells.get(stage)
            if not isinstance(items, list) or not items:
                problems.append(Problem(shown, f"{where} is missing or empty", "list the pages that matter most here"))
                continue
            for raw in items:
                item = _item(raw)
                if isinstance(item, str):
                    problems.append(Problem(shown, f"{where}: {item}"))
                    continue
                page_exists(where, item.page)
            page = stage_page(condition, stage)
            if page is not None:
                page_exists(f"{where} (its stage page)", page)
            total = len(expand(data, condition, stage))
            if not 3 <= total <= 7:
                problems.append(Problem(shown, f"{where} has {total} steps", "keep a path to about five pages (3 to 7)"))
    for stage, entry in (data.get("stages") or {}).items():
        if isinstance(entry, dict) and "crisis" in entry and not isinstance(entry["crisis"], bool):
            problems.append(Problem(shown, f"stages: '{stage}': crisis is true or false"))
    return problems


def expand(data: dict[str, Any], condition: str, stage: str) -> list[Item]:
    """The path a reader is shown for one situation, in order (see the module docstring)."""
    notes = data.get("notes") or {}
    listed = [i for i in map(_item, data["paths"][condition][stage]) if isinstance(i, Item)]
    listed = [i if i.why else Item(i.page, i.kind, i.label, str(notes.get(i.page) or notes.get(i.src) or ""))
              for i in listed]
    page = stage_page(condition, stage)
    crisis = bool((data.get("stages") or {}).get(stage, {}).get("crisis"))
    out: list[Item] = []
    if page is not None:
        out.append(Item(page, "stage", why="What is happening now, and how much contact and support to expect."))
    out.extend(listed)
    if crisis and not any(i.src == CRISIS_PAGE for i in out):
        at = 1 if page is not None else 0
        out.insert(at, Item(CRISIS_PAGE, "crisis", "Get help now",
                            "Whom to call, by country, if anyone may be in danger."))
    if page is not None:
        out.append(Item(page + "#practise", "practise"))
    return out


def all_paths(data: dict[str, Any]) -> dict[tuple[str, str], list[Item]]:
    return {(c, s): expand(data, c, s) for c in CONDITIONS for s in V.STAGES}


# Fields that hold text (a bare yes/no, number or date there stops the build); `crisis` is a true/false flag.
TEXT_FIELDS = ("relations.*.label", "relations.*.line", "conditions.*.label", "conditions.*.hint",
               "stages.*.label", "stages.*.hint", "notes.*", "paths.*.*.*", "paths.*.*.*.page", "paths.*.*.*.why")


def load(path: Path, shown: str = "docs/paths.yml") -> tuple[Any, list[Any]]:
    """Read the table strictly (hooks/strict_yaml.py): (data, problems)."""
    import strict_yaml

    loaded, problems = strict_yaml.load_file(path, shown, text_fields=TEXT_FIELDS)
    return (loaded.data if loaded else None), problems


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else Path(__file__).parent.parent / "docs" / "paths.yml")
    docs = path.parent
    data, problems = load(path, str(path))
    for p in problems:
        print(p)
    if problems:
        return 1
    existing = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    problems = check(data, str(path), existing)
    for p in problems:
        print(p)
    if problems:
        return 1
    for (condition, stage), items in all_paths(data).items():
        print(f"{condition}/{stage}: " + " -> ".join(i.page for i in items))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
