"""Glue for Find your path (/start/, docs/paths.yml) and the progress page (/progress/)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import content_model as cm
import paths
import vocabulary as V
from glue_markdown import MARKER
from glue_state import STATE, fail, relative_md, site_path

def load_paths(docs: Path) -> dict[str, Any] | None:
    """docs/paths.yml, the table behind /start/ (checked against the pages in on_files)."""
    file = docs / "paths.yml"
    if not file.exists():
        return None
    data, problems = paths.load(file)
    if problems:
        fail(problems)
    return data


def source_facts(src: str) -> dict[str, Any]:
    """Title, number of quiz questions and embedded scenario of a page, read from its source once."""
    cache = STATE.setdefault("facts", {})
    if src not in cache:
        text = Path(STATE["pages"][src].abs_src_path).read_text(encoding="utf-8-sig")
        parsed, _ = cm.parse_front_matter(src, text)
        scenarios = [sid for kind, sid in MARKER.findall(text) if kind == "scenario"]
        cache[src] = {"title": (parsed.meta.get("title") if parsed else None) or src,
                      "quizzes": sum(1 for line in text.splitlines() if cm.QUIZ_OPEN.match(line)),
                      "scenario": scenarios[0] if scenarios else ""}
    return cache[src]


PATH_MARKER = re.compile(r"^[ \t]*<!--\s*md:(paths|progress)\s*-->[ \t]*$", re.M)


def render_path_markers(body: str, page: Page) -> str:
    """<!-- md:paths -->: the /start/ form and every path; <!-- md:progress -->: one row per module."""
    env: jinja2.Environment = STATE["jinja"]
    src = page.file.src_uri

    def replace(m: re.Match) -> str:
        if m.group(1) == "paths":
            data = STATE["paths"]
            if data is None:
                fail([cm.Problem(f"docs/{src}", "md:paths needs docs/paths.yml", "add the file, or remove the marker")])
            return env.get_template("paths.html").render(**paths_context(data, src))
        return env.get_template("progress-rows.html").render(groups=progress_groups(page))

    return PATH_MARKER.sub(replace, body)


def paths_context(data: dict[str, Any], src: str) -> dict[str, Any]:
    def link(target: str) -> str:  # Markdown link targets stay .md paths: MkDocs checks pages and anchors
        return relative_md(src, target.partition("#")[0]) + (f"#{target.partition('#')[2]}" if "#" in target else "")

    def step(item: paths.Item) -> dict[str, str]:
        facts = source_facts(item.src) if item.src in STATE["pages"] else {"title": item.src, "scenario": ""}
        label, why = item.label or facts["title"], item.why
        if item.kind == "practise":
            story = STATE["scenarios"].get(facts["scenario"], {}).get("title")
            label = f"Practise: {story}" if story else f"Practise: {facts['title']}"
            why = "A short story: choose what to say, then see what happens and why."
        return {"href": link(item.page), "label": label, "why": why, "kind": item.kind,
                "path": site_path(STATE["pages"][item.src].url) if item.src in STATE["pages"] else ""}

    conditions = [{"value": k, **data["conditions"][k]} for k in paths.CONDITIONS]
    stages = [{"value": k, **data["stages"][k]} for k in V.STAGES]
    groups = [{"condition": c, "cells": [{"stage": s, "steps": [step(i) for i in paths.expand(data, c["value"], s["value"])]}
                                         for s in stages]} for c in conditions]
    relations = [{"value": k, "label": data["relations"][k]["label"],
                  "line": re.sub(r"\]\(([^)#]+)", lambda m: "](" + relative_md(src, m.group(1)), data["relations"][k]["line"])}
                 for k in paths.RELATIONS]
    return {"conditions": conditions, "stages": stages, "groups": groups, "relations": relations}


def progress_groups(page: Page) -> list[dict[str, Any]]:
    """Module pages grouped as in the navigation (innermost section), in navigation order."""
    groups: list[dict[str, Any]] = []

    def walk(items: list[Any], title: str) -> None:
        rows = []
        for item in items:
            if getattr(item, "children", None) is not None:
                walk(item.children, item.title or title)
            elif getattr(item, "file", None) is not None and cm.is_module(item.file.src_uri):
                facts = source_facts(item.file.src_uri)
                rows.append({"path": site_path(item.file.url), "title": facts["title"],
                             "href": get_relative_url(item.file.url, page.url), "quizzes": facts["quizzes"],
                             "scenario": facts["scenario"]})
        if rows:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            groups.append({"title": title, "id": f"progress-{slug}", "rows": rows})

    walk(STATE["nav"].items, "Modules")
    # Sections close after their subsections: restore navigation order by each group's first page.
    order = {p.file.src_uri: i for i, p in enumerate(STATE["nav"].pages)}
    by_path = {site_path(p.file.url): order[p.file.src_uri] for p in STATE["nav"].pages}
    return sorted(groups, key=lambda g: by_path[g["rows"][0]["path"]])
