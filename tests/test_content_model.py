"""One test per content-model rule (authoring.md), against a small valid page and one-change bad variants."""

from __future__ import annotations

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


# Front matter -------------------------------------------------------------------------------------

def test_front_matter_yaml_error_names_line():
    """MkDocs silently drops bad YAML; we stop and name the line."""
    text = one(edit("title: Crisis in a first episode", "title: Crisis: in a first episode"))
    assert "front matter is not valid YAML" in text and f"{STAGE_PATH}:2:" in text


def test_impossible_date_is_reported():
    """A date that cannot exist is caught even though YAML raises a ValueError, not a YAMLError."""
    assert "impossible value" in one(edit("reviewed: 2026-11-28", "reviewed: 2026-13-28"))


def test_missing_front_matter_is_reported():
    assert "no front matter" in one("Just text.\n")


def test_module_page_without_module_key_fails():
    start, end = GOOD.index("module:"), GOOD.index("---", 4)
    text = GOOD[:start] + GOOD[end:]
    found = [str(p) for p in problems(text)]
    assert any("module page without 'module:'" in p for p in found)


def test_unknown_module_key_fails_with_suggestion():
    text = one(edit("  reading_time: 5", "  reading_time: 5\n  keypoint: oops"))
    assert "unknown key 'module.keypoint'" in text and "did you mean 'keypoints'" in text


def test_unknown_top_level_key_fails():
    assert "unknown front matter key 'descripton'" in one(edit("title: Crisis", "descripton: x\ntitle: Crisis"))


def test_missing_module_key_fails():
    assert "missing key 'module.reading_time'" in one(edit("  reading_time: 5\n", ""))


def test_vocabulary_typo_fails():
    assert "module.disorder 'psychosis' is not in the vocabulary" in " ".join(
        str(p) for p in problems(edit("disorder: psychotic", "disorder: psychosis")))


def test_disorder_and_condition_must_agree():
    found = [str(p) for p in problems(edit("disorder: psychotic", "disorder: affective"))]
    assert any("disorder 'affective' and condition 'first-episode-psychosis' disagree" in p for p in found)


def test_path_and_front_matter_must_agree():
    assert "this page's path says 'crisis'" in one(edit("stage: crisis", "stage: rebuilding"), STAGE_PATH)


def test_review_date_must_be_a_date():
    assert "module.reviewed '28/11/2026' is not a date" in one(edit("reviewed: 2026-11-28", "reviewed: 28/11/2026"))


def test_review_date_is_required():
    assert "missing key 'module.reviewed'" in one(edit("  reviewed: 2026-11-28\n", ""))


def test_too_few_sources_fail():
    assert "lists 1 source(s); it needs at least 2" in one(
        edit("sources: [birchwood-2000, alvarez-jimenez-2012]", "sources: [birchwood-2000]"))


def test_unknown_source_key_fails_with_suggestion():
    text = one(edit("sources: [birchwood-2000, alvarez-jimenez-2012]", "sources: [birchwood-2000, alvarez-jimenez-2013]"))
    assert "unknown source key 'alvarez-jimenez-2013'" in text and "did you mean 'alvarez-jimenez-2012'" in text


def test_description_length_is_checked():
    assert "description is 5 characters" in one(
        edit("  A small but valid stage page used by the tests: every rule of the content model is satisfied here.",
             "  Short"))


def test_objectives_count_is_checked():
    assert "module.objectives has 1 items" in one(edit("    - Respond calmly.\n", ""))


def test_clinical_review_needs_name_and_date():
    assert "clinical_review needs exactly 'by' and 'date'" in one(
        edit("  reviewed: 2026-11-28", "  reviewed: 2026-11-28\n  clinical_review:\n    by: Dr A"))


def test_plain_page_must_not_carry_module():
    text = GOOD.replace("title: Crisis", "title: About")
    found = [str(p) for p in problems(text, "about.md")]
    assert any("only module pages carry 'module:'" in p for p in found)


# Body ---------------------------------------------------------------------------------------------

def test_h1_in_body_fails():
    assert "the body has an H1 heading" in one(edit("An introduction.", "# Title again"))


def test_section_without_explicit_id_fails():
    text = one(edit("## What helps {#what-helps}\n\n!!! tip", "## What helps {#what-helps}\n\n## Extra\n\n!!! tip"))
    assert "section 'Extra' has no explicit id" in text and "{#extra}" in text


def test_duplicate_id_fails():
    text = one(edit("## What helps {#what-helps}\n\n!!! tip", "## What helps {#what-helps}\n\n## More {#what-to-avoid-x}\n\n"
                    "### Again {#what-helps}\n\n!!! tip"))
    assert "id 'what-helps' is used twice" in text


def test_stage_sections_must_all_be_present():
    found = [str(p) for p in problems(edit("## What to avoid {#what-to-avoid}", "## What to avoid {#avoid}"))]
    assert any("lacks the section id 'what-to-avoid'" in p for p in found)


def test_stage_sections_must_be_in_order():
    text = edit("## What helps {#what-helps}", "## What helps {#tmp}")
    text = text.replace("## What to avoid {#what-to-avoid}", "## What to avoid {#what-to-avoid}\n\n## Helps {#what-helps}")
    text = text.replace("## What helps {#tmp}", "## What helped {#helped}")
    assert "sections are out of order" in one(text)


def test_unknown_admonition_type_fails():
    assert "admonition type 'tips' is not in the fixed set" in one(edit("!!! tip", "!!! tips"))


def test_unknown_marker_fails():
    assert "unknown marker 'md:scenari'" in one(edit("<!-- md:scenario tiny -->", "<!-- md:scenari tiny -->"))


def test_marker_naming_missing_scenario_fails():
    text = one(edit("<!-- md:scenario tiny -->", "<!-- md:scenario tinny -->"))
    assert "scenario 'tinny', which does not exist" in text and "did you mean 'tiny'" in text


def test_citation_with_unknown_key_fails():
    assert "citation names unknown source 'birchwood-2001'" in one(edit("[@birchwood-2000]", "[@birchwood-2001]"))


# Quizzes ------------------------------------------------------------------------------------------

def test_unclosed_quiz_fails():
    """mkdocs-quiz lets an unclosed quiz through silently; we do not."""
    assert "<quiz> is never closed" in one(edit("> It lowers tension.\n</quiz>", "> It lowers tension.\n"))


def test_quiz_option_without_feedback_fails():
    text = one(edit("- [ ] Arguing.\n> It raises fear.\n", "- [ ] Arguing.\n"))
    assert "quiz option 'Arguing.' has no feedback" in text


def test_quiz_without_correct_answer_fails():
    assert "quiz has no correct answer" in one(edit("- [x] A calm voice.", "- [ ] A calm voice."))


def test_quiz_bad_checkbox_fails():
    found = [str(p) for p in problems(edit("- [x] A calm voice.", "- [y] A calm voice."))]
    assert any("quiz option has '[y]'" in p for p in found)


def test_quiz_without_options_fails():
    text = "\n<quiz>\nA question with no answers.\n</quiz>\n"
    assert "quiz has no answer options" in one(GOOD + text)


def test_stray_closing_quiz_fails():
    assert "</quiz> without an opening <quiz>" in one(GOOD + "\n</quiz>\n")


def test_code_fences_are_not_checked():
    """The unclosed <quiz> inside the fixture's code block raises nothing (see the good page)."""
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
    """The site's own docs/sources.yml passes its checks."""
    root = Path(__file__).parent.parent
    data = yaml.safe_load((root / "docs" / "sources.yml").read_text(encoding="utf-8"))
    assert cm.check_sources("docs/sources.yml", data) == []


@pytest.mark.parametrize("key", ["bad_key", "Bad-Key"])
def test_source_ids_are_kebab_case(key):
    assert "must be kebab-case" in str(cm.check_sources("s.yml", {key: SOURCES["birchwood-2000"]})[0])
