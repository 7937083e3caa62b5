"""One test per content-model rule (authoring.md), against a small valid page and one-change bad variants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import content_model as cm

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = (FIXTURES / "pages" / "good-stage.md").read_text(encoding="utf-8")
SOURCES = yaml.safe_load((FIXTURES / "sources.yml").read_text(encoding="utf-8"))
STAGE_PATH = "psychotic/first-episode-psychosis/crisis.md"


def problems(text: str, path: str = STAGE_PATH) -> list[cm.Problem]:
    """All problems the content model finds in one page."""
    kind = cm.page_kind(path)
    if isinstance(kind, cm.Problem):
        return [kind]
    parsed, found = cm.parse_front_matter(f"docs/{path}", text)
    if parsed is None:
        return found
    return (cm.check_front_matter(f"docs/{path}", parsed, kind, SOURCES)
            + cm.check_body(f"docs/{path}", parsed.body, parsed.body_line, kind, SOURCES, {"tiny"}))


def one(text: str, path: str = STAGE_PATH) -> str:
    """The single problem found, as the build would print it."""
    found = problems(text, path)
    assert len(found) == 1, [str(p) for p in found]
    return str(found[0])


def edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


# Good input ---------------------------------------------------------------------------------------

def test_good_stage_page_has_no_problems():
    """The fixture page follows every rule."""
    assert problems(GOOD) == []


def test_problem_message_names_file_line_and_hint():
    """Messages read: file:line: what is wrong (hint: how to fix it)."""
    text = one(edit("stage: crisis", "stage: crisiss"))
    assert text.startswith(f"docs/{STAGE_PATH}:8: module.stage 'crisiss' is not in the vocabulary")
    assert "(hint: did you mean 'crisis'?)" in text


# Page types ---------------------------------------------------------------------------------------

def test_page_type_comes_from_path():
    """Modules and plain pages are decided by path alone."""
    assert cm.page_kind("skills/communicating.md").type == "module"
    assert cm.page_kind("why-you-matter.md").type == "module"
    assert cm.page_kind("psychotic/schizophrenia/index.md").role == "overview"
    assert cm.page_kind("psychotic/index.md").type == "page"
    assert cm.page_kind("about.md").type == "page"


def test_unknown_skill_slug_is_rejected():
    """A skill module outside the six slugs breaks the permanent address tree."""
    found = cm.page_kind("skills/communication.md")
    assert isinstance(found, cm.Problem) and "did you mean 'communicating'" in found.hint


def test_stage_page_outside_the_grid_is_rejected():
    """Schizophrenia has no early-signs page: it shares the first episode's."""
    found = cm.page_kind("psychotic/schizophrenia/early-signs.md")
    assert isinstance(found, cm.Problem) and "not a stage page of schizophrenia" in found.message


def test_condition_in_wrong_track_is_rejected():
    found = cm.page_kind("psychotic/bipolar/crisis.md")
    assert isinstance(found, cm.Problem) and "not a condition of the psychotic track" in found.message


# One failing fixture per rule ------------------------------------------------------------------

BAD = sorted((FIXTURES / "pages" / "bad").glob("*.md"))


def fixture_note(text: str, key: str) -> str:
    return re.search(rf"^<!-- {key}: (.*) -->$", text, re.M).group(1)


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_page_fixture_fails_with_its_message(path):
    """Each fixture breaks one rule; its trailing comments give the site path and the message expected."""
    text = path.read_text(encoding="utf-8")
    found = [str(p) for p in problems(text, fixture_note(text, "path"))]
    expected = fixture_note(text, "expect")
    assert any(expected in p for p in found), found
    assert all(p.startswith("docs/") for p in found)


def test_every_page_rule_has_a_bad_fixture():
    """Guard against silently dropping a rule's fixture."""
    assert len(BAD) >= 40


def test_code_fences_are_not_checked():
    """The unclosed <quiz> inside the good fixture's code block raises nothing."""
    assert "```markdown\n<quiz>" in GOOD and problems(GOOD) == []


# Sources file -------------------------------------------------------------------------------------

def test_sources_file_good():
    assert cm.check_sources("docs/sources.yml", SOURCES) == []


def test_sources_unknown_field_fails():
    bad = {"a-2000": {**SOURCES["birchwood-2000"], "jounral": "x"}}
    assert "unknown field 'jounral'" in str(cm.check_sources("docs/sources.yml", bad)[0])


def test_sources_missing_field_fails():
    entry = dict(SOURCES["birchwood-2000"])
    del entry["title"]
    assert "is missing 'title'" in str(cm.check_sources("docs/sources.yml", {"a-2000": entry})[0])


def test_sources_malformed_doi_and_url_fail():
    bad = {"a-2000": {**SOURCES["birchwood-2000"], "doi": "doi.org/10.1/x"},
           "b-2000": {**SOURCES["birchwood-2000"], "url": "www.example.org"}}
    text = " ".join(str(p) for p in cm.check_sources("docs/sources.yml", bad))
    assert "malformed doi" in text and "malformed url" in text


def test_real_sources_file_is_valid():
    """The site's own docs/sources.yml passes its checks, read strictly as the build reads it."""
    data, problems = cm.load_sources(Path(__file__).parent.parent / "docs" / "sources.yml")
    assert problems == [] and data, [str(p) for p in problems]


@pytest.mark.parametrize("key", ["bad_key", "Bad-Key"])
def test_source_ids_are_kebab_case(key):
    assert "must be kebab-case" in str(cm.check_sources("s.yml", {key: SOURCES["birchwood-2000"]})[0])


# Facilitator notes, gathered on the groups page --------------------------------------------------

def test_facilitator_notes_are_collected_and_dedented():
    text = 'Intro.\n\n??? facilitator "For group facilitators"\n    Ask each member.\n\n    Then pairs.\n\nAfter.\n'
    assert cm.facilitator_notes(text) == ["Ask each member.\n\nThen pairs."]


def test_note_links_are_rebased_for_their_new_page():
    text = "See [help](../../crisis.md), [this](#what-helps) and [web](https://example.org)."
    out = cm.rebase_links(text, "psychotic/schizophrenia/crisis.md", "groups.md")
    assert out == ("See [help](crisis.md), [this](psychotic/schizophrenia/crisis.md#what-helps) "
                   "and [web](https://example.org).")


def test_groups_page_gathers_notes_from_modules(built_site):
    html = (built_site / "groups" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="ps-facilitator-note"') >= 25
    assert 'id="notes-skills-communicating"' in html


def test_windows_line_endings_and_bom_are_accepted():
    """A page saved by a Windows editor (CRLF, byte-order mark) parses like any other."""
    text = "\ufeff" + GOOD.replace("\n", "\r\n")
    parsed, found = cm.parse_front_matter("docs/x.md", text)
    assert found == [] and parsed.meta["title"] == "Crisis in a first episode"
