"""The module bar (issues 4-6): every module page meets it, named when it does not; and language rules."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

import content_model as cm
import prose

DOCS = Path(__file__).parent.parent / "docs"
MODULES = sorted(p for p in DOCS.rglob("*.md")
                 if not isinstance(kind := cm.page_kind(p.relative_to(DOCS).as_posix()), cm.Problem)
                 and kind.type == "module")
ALL_PAGES = sorted(DOCS.rglob("*.md"))
SCENARIOS = sorted((DOCS / "scenarios").glob("*.yml"))
IDS = [p.relative_to(DOCS).as_posix() for p in MODULES]

MIN_WORDS, MIN_QUIZZES, MAX_GRADE, MAX_MEDIAN, MIN_EXPECT_WORDS = 900, 3, 9.0, 8.0, 150


def parsed(path: Path) -> cm.Parsed:
    result, problems = cm.parse_front_matter(path.name, path.read_text(encoding="utf-8"))
    assert result is not None, problems
    return result


def test_there_are_module_pages():
    """Guard: the parametrised tests below really run over the site (6 skills + 2 start + 4 overviews + 19 stages)."""
    assert len(MODULES) >= 31


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_module_page_meets_the_bar(path):
    """At least 900 words of prose, 3 quizzes, 2 sources, a review date and reading grade at most 9."""
    text = path.read_text(encoding="utf-8")
    page = parsed(path)
    stats = prose.stats(text)
    module = page.meta["module"]
    assert stats.words >= MIN_WORDS, f"{path}: {stats.words} words of prose; the bar is {MIN_WORDS}"
    assert text.count("<quiz>") >= MIN_QUIZZES, f"{path}: fewer than {MIN_QUIZZES} quiz questions"
    assert len(set(module["sources"])) >= 2, f"{path}: fewer than 2 sources"
    assert cm.as_date(module["reviewed"]), f"{path}: no review date"
    assert stats.grade <= MAX_GRADE, f"{path}: reading grade {stats.grade:.1f}; the limit is {MAX_GRADE}"


@pytest.mark.parametrize("path", [p for p in MODULES if cm.page_kind(p.relative_to(DOCS).as_posix()).role == "stage"],
                         ids=lambda p: p.relative_to(DOCS).as_posix())
def test_stage_page_says_what_to_expect(path):
    """The realistic-capacity statement: at least 150 words under #what-to-expect, and a scenario to practise."""
    body = parsed(path).body
    words = prose.stats(prose.section(body, "what-to-expect")).words
    assert words >= MIN_EXPECT_WORDS, f"{path}: {words} words under #what-to-expect; the bar is {MIN_EXPECT_WORDS}"
    assert "<!-- md:scenario " in prose.section(body, "practise"), f"{path}: no scenario under #practise"


@pytest.mark.parametrize("track", ["psychotic", "affective", "any"])
def test_track_median_grade(track):
    """Median reading grade per track at most 8."""
    grades = [prose.stats(p.read_text(encoding="utf-8")).grade for p in MODULES
              if parsed(p).meta["module"]["disorder"] == track]
    assert grades, track
    assert statistics.median(grades) <= MAX_MEDIAN, f"{track}: median grade {statistics.median(grades):.1f}"


SUICIDE = re.compile(r"suicid", re.I)


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_pages_about_suicide_carry_a_content_note(path):
    """Safe messaging: a content note comes before any module material about suicide."""
    page = parsed(path)
    if SUICIDE.search(prose.prose(path.read_text(encoding="utf-8"))):
        assert page.meta["module"].get("content_note"), f"{path}: mentions suicide but has no content_note"


BANNED = {
    r"\bcommit(?:ted|s)? suicide\b": "say 'died by suicide' (safe messaging)",
    r"\b(?:successful|failed|unsuccessful) (?:suicide|attempt)": "say 'attempt' or 'died by suicide'",
    r"\ba schizophrenic\b|\bschizophrenics\b": "person-first: 'a person with schizophrenia'",
    r"\bbipolars\b|\ba bipolar\b(?! disorder| i\b| ii\b| depression| episode| mood| diagnosis)": "person-first: 'a person with bipolar disorder'",
    r"\bthe mentally ill\b": "person-first: 'people with mental illness'",
    r"\bsuffer(?:s|ing)? from\b": "neutral: 'has' or 'lives with'",
    r"\blunatic\b|\bpsycho\b|\bcrazy\b|\binsane\b": "stigmatising word",
}


@pytest.mark.parametrize("path", ALL_PAGES + SCENARIOS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_language_is_person_first_and_safe(path):
    """No stigmatising words and no 'committed suicide', in pages and scenarios."""
    # Quoted speech may show a word being used (often as what not to say); narration may not.
    text = re.sub(r'"[^"\n]*"|“[^”\n]*”', '""', path.read_text(encoding="utf-8"))
    for pattern, why in BANNED.items():
        m = re.search(pattern, text, re.I)
        assert not m, f"{path}: '{m.group(0)}' ({why})"


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_scenarios_about_suicide_have_note_and_crisis_link(path):
    """A scenario about suicide shows a content note first and links crisis help from every ending."""
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if SUICIDE.search(path.read_text(encoding="utf-8")):
        assert data.get("content_note") and data.get("crisis") is True, f"{path}: needs content_note and crisis: true"


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_both_caregiver_and_carer(path):
    """Readers in several countries: a page that says 'carer' also says 'caregiver', and the reverse."""
    text = path.read_text(encoding="utf-8")
    carer = re.search(r"\bcarers?\b", text, re.I)
    caregiver = re.search(r"\bcaregivers?\b", text, re.I)
    assert bool(carer) == bool(caregiver), f"{path}: use both 'caregiver' and 'carer'"
