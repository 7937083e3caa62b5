"""The group course (issue 11): one test per plan rule (hooks/group_plans.py) against a small valid plan and
one-change bad variants, then the real plans, the facilitator notes that point to them, and the packet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import content_model as cm
import group_packet
import group_plans as gp
import prose

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "group-plans"
GOOD = (FIXTURES / "good-plan.md").read_text(encoding="utf-8")
GOOD_PATH = "groups/session-1.md"
FIXTURE_DOCS = {"why-you-matter.md", "crisis.md", "skills/communicating.md", "groups/index.md", GOOD_PATH}
DOCS = HERE.parent / "docs"
REAL_DOCS = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
REAL_SCENARIOS = {p.stem for p in (DOCS / "scenarios").glob("*.yml")}
PLANS = [DOCS / "groups" / f"session-{n}.md" for n in range(1, 9)]


def problems(pages: dict[str, str]) -> list[str]:
    return [str(p) for p in gp.check_plans(pages, FIXTURE_DOCS | set(pages), {"tiny"})]


def fixture_note(text: str, key: str) -> str:
    return re.search(rf"^<!-- {key}: (.*) -->$", text, re.M).group(1)


# Good input ---------------------------------------------------------------------------------------

def test_good_plan_has_no_problems():
    assert problems({GOOD_PATH: GOOD}) == []


def test_only_plans_are_checked():
    """A page that is not a plan (no group_session, not groups/session-*.md) is left alone."""
    assert not gp.is_plan("groups/index.md", "---\ntitle: x\n---\n")
    assert gp.is_plan("groups/session-4.md", "")
    assert gp.is_plan("about.md", "---\ngroup_session: 2\n---\n")
    assert problems({"groups/index.md": "---\ntitle: Hub\n---\n\nNo agenda here.\n"}) == []


def test_code_fences_do_not_count():
    """The good fixture's fenced '!!! question' and '(5 min)' are examples, not a fourth prompt or agenda time."""
    lines = cm.mask_code(cm.parse_front_matter("x", GOOD)[0].body.splitlines())
    assert sum(1 for line in lines if gp.QUESTION.match(line)) == 3


# One failing fixture per rule ------------------------------------------------------------------

BAD = sorted((FIXTURES / "bad").glob("*.md"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_plan_fixture_fails_with_its_message(path):
    """Each fixture breaks one rule; its trailing comments give the site path and the message expected.
    The good plan (session 1) is checked alongside, so a repeated number has something to repeat."""
    text = path.read_text(encoding="utf-8")
    where = fixture_note(text, "path")
    pages = {where: text} if where == GOOD_PATH else {GOOD_PATH: GOOD, where: text}
    found = problems(pages)
    expected = fixture_note(text, "expect")
    assert any(expected in p for p in found), found
    assert all(p.startswith(f"docs/{where}:") for p in found), found


def test_every_plan_rule_has_a_bad_fixture():
    """Number (missing, out of range, repeated, not the file name), time, agenda, prompts, links, scenarios."""
    names = {p.stem for p in BAD}
    for rule in ("number-missing", "number-out-of-range", "number-repeated", "number-not-file-name", "time-missing",
                 "agenda-too-short", "agenda-too-long", "too-few-prompts", "link-missing-module", "scenario-missing"):
        assert rule in names, rule


def test_one_named_check_function_per_rule():
    for name in ("check_number", "check_repeated", "check_time", "check_agenda", "check_prompts", "check_links"):
        assert callable(getattr(gp, name)), name


def test_plan_checks_stop_the_build(mini_site):
    """Wired into the build: a plan whose agenda is an hour long stops it with the file, line and hint."""
    from conftest import run_build
    text = GOOD.replace("(30 min)", "(0 min)")
    config = mini_site({"why-you-matter.md": "---\ntitle: x\n---\n", GOOD_PATH: text},
                       {"tiny.yml": (HERE / "fixtures" / "scenarios" / "tiny.yml").read_text(encoding="utf-8")})
    result = run_build(config, config.parent / "site")
    assert result.returncode != 0
    assert ("docs/groups/session-1.md:23: the agenda's steps add up to 60 minutes; a session needs 75 to 105"
            in result.stdout + result.stderr)


# The real plans -------------------------------------------------------------------------------------

def plan(path: Path) -> cm.Parsed:
    parsed, found = cm.parse_front_matter(path.name, path.read_text(encoding="utf-8"))
    assert parsed is not None, found
    return parsed


def test_there_are_eight_plans_numbered_one_to_eight():
    found = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "groups").glob("session-*.md"))
    assert found == sorted(p.relative_to(DOCS).as_posix() for p in PLANS)
    assert [plan(p).meta["group_session"] for p in PLANS] == list(range(1, 9))


def test_real_plans_pass_every_rule():
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in PLANS}
    assert gp.check_plans(pages, REAL_DOCS, REAL_SCENARIOS) == []


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_real_plan_minutes_add_up(path):
    """Every step has its minutes, and they add up to the session's planned length (75 to 105)."""
    parsed = plan(path)
    lines = parsed.body.splitlines()
    agenda = [line for _, line in gp.section(lines, "agenda")]
    agenda = agenda[:next((i for i, line in enumerate(agenda) if line.startswith("### ")), len(agenda))]
    steps = [line for line in agenda if re.match(r"^\d+\. ", line)]  # the numbered steps, before any ### notes
    assert steps and all(gp.STEP_MINUTES.search(s) for s in steps), steps
    total = sum(int(m) for s in steps for m in gp.STEP_MINUTES.findall(s))
    assert 75 <= total <= 105 and total == parsed.meta["group_time"], total


ANCHOR_IN = re.compile(r"""\{[^}]*#([A-Za-z][\w-]*)|\bid=["']([^"']+)["']""")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_real_plan_links_resolve(path):
    """Every relative link in a plan leads to a page that exists, and every #anchor to an id on it."""
    src = path.relative_to(DOCS).as_posix()
    body = plan(path).body
    links = gp.LINK.findall(body)
    assert len(links) >= 5
    for target in links:
        if re.match(r"^[a-z]+:", target):
            continue
        page, _, anchor = target.partition("#")
        resolved = (DOCS / src).parent.joinpath(page).resolve() if page else path
        assert resolved.exists(), f"{src}: {target}"
        if anchor:
            text = resolved.read_text(encoding="utf-8")
            ids = {a or b for a, b in ANCHOR_IN.findall(text)}
            assert anchor in ids, f"{src}: {target}: no such id"


SECTIONS = ("goals", "reading", "agenda", "discussion", "role-play", "group-quiz", "take-home", "facilitator-notes")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_real_plan_has_every_part(path):
    """Goals, reading, agenda, prompts, a role-play with a scenario map, a group quiz, a take-home sheet (three
    key ideas, one thing to try, where to read more) and facilitator notes that say what to do in a crisis."""
    body = plan(path).body
    lines = body.splitlines()
    for sid in SECTIONS:
        assert gp.has_section(lines, sid), f"{path.name}: no ## section {{#{sid}}}"
    role_play = "\n".join(line for _, line in gp.section(lines, "role-play"))
    assert re.search(r"^<!-- md:scenario-map \S+ -->$", role_play, re.M), "the role-play names its scenario"
    for words in ("Who plays whom", "How to stop", "Debrief questions"):
        assert words in role_play, f"{path.name}: role-play lacks '{words}'"
    take_home = "\n".join(line for _, line in gp.section(lines, "take-home"))
    for words in ("Three key ideas", "One thing to try this week", "Where to read more"):
        assert words in take_home, f"{path.name}: take-home lacks '{words}'"
    assert len(re.findall(r"^\d\. ", take_home, re.M)) == 3, "exactly three key ideas"
    notes = "\n".join(line for _, line in gp.section(lines, "facilitator-notes"))
    assert "### If someone is in crisis" in notes and "(../crisis.md)" in notes
    quiz = "\n".join(line for _, line in gp.section(lines, "group-quiz"))
    assert "never keep score" in quiz.lower() or "never ask who got it right" in quiz.lower()


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_real_plan_is_real_guidance_in_plain_words(path):
    """At least 600 words of prose (aim 900+) at reading grade 9 or below, with inline citations."""
    text = path.read_text(encoding="utf-8")
    stats = prose.stats(text)
    assert stats.words >= 600, f"{path.name}: {stats.words} words"
    assert stats.grade <= 9.0, f"{path.name}: grade {stats.grade:.1f}"
    assert len(cm.CITE.findall(text)) >= 3, f"{path.name}: cite sources inline"


@pytest.mark.parametrize("path", [DOCS / "groups" / "index.md", *PLANS], ids=lambda p: p.stem)
def test_group_pages_about_suicide_carry_a_content_note(path):
    """Safe messaging: a plan (or the hub) that talks about suicide has a content_note."""
    if re.search(r"suicid", prose.prose(path.read_text(encoding="utf-8")), re.I):
        assert plan(path).meta.get("content_note"), f"{path.name}: mentions suicide but has no content_note"


def test_session_five_has_a_content_note():
    assert plan(PLANS[4]).meta.get("content_note")


# Facilitator notes name their session, and that session's plan uses the page ------------------------

MODULES = sorted(p for p in DOCS.rglob("*.md") if "??? facilitator" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_facilitator_notes_name_a_session_whose_plan_links_the_page(path):
    src = path.relative_to(DOCS).as_posix()
    for title in re.findall(r'^\?\?\?\+?\s*facilitator\b(.*)$', path.read_text(encoding="utf-8"), re.M):
        m = re.match(r'\s*"Session ([1-8]): ', title)
        assert m, f'{src}: write the note title as ??? facilitator "Session N: ..." (N = the session that uses it)'
        n = int(m.group(1))
        linked = group_packet.linked_pages(plan(PLANS[n - 1]).body, f"groups/session-{n}.md")
        assert src in linked, f"{src}: its note says session {n}, but groups/session-{n}.md does not link it"


# The packet -----------------------------------------------------------------------------------------

def test_crisis_numbers_come_from_the_crisis_lines_file(built_site):
    """Every number on /crisis/ (docs/crisis-lines.yml) is in the packet, and so is the date they were checked."""
    crisis = (built_site / "crisis" / "index.html").read_text(encoding="utf-8")
    packet = (built_site / "groups" / "packet" / "index.html").read_text(encoding="utf-8")
    numbers = set(re.findall(r'data-number="([^"]+)"', crisis))
    assert len(numbers) > 15
    for number in numbers:
        assert number in packet, number
    assert "last checked on" in packet


def test_packet_links_become_addresses_on_paper():
    out = group_packet.with_addresses("[Communicating](../skills/communicating.md#x) and [a](../groups/index.md)",
                                      "groups/session-4.md", "https://example.org/")
    assert out == ("[Communicating](../skills/communicating.md#x) (example.org/skills/communicating/) "
                   "and [a](../groups/index.md) (example.org/groups/)")


def test_packet_moves_a_plan_down_a_level_with_its_own_ids():
    text = "## Agenda {#agenda}\n\nSee the [goals](#goals) and [crisis help](../crisis.md).\n### Main points {#main}"
    out = group_packet.shift(text, "s4-", {"agenda", "goals"}, "groups/session-4.md", "groups/packet.md")
    assert out == ("### Agenda {#s4-agenda}\n\nSee the [goals](#s4-goals) and [crisis help](../crisis.md).\n"
                   "#### Main points {#s4-main}")


def test_packet_is_built_from_the_plans(built_site):
    """The printed body holds every plan, every take-home sheet, the QR code and the crisis numbers; nothing is
    copied by hand, so the first goal of each plan appears exactly as the plan says it."""
    html = (built_site / "groups" / "packet" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="ps-packet__plan"') == 8
    assert html.count('class="ps-packet__sheet"') == 8
    assert re.search(r'<svg role="img" aria-label="QR code for this site: [^"]+"[^>]*class="ps-qr"><title>', html)
    assert "data-ps-print" in html and "onclick" not in html
    for n, path in enumerate(PLANS, 1):
        parsed = plan(path)
        assert f'id="session-{n}"' in html and f'id="take-home-{n}"' in html
        first_goal = next(line[2:] for _, line in gp.section(parsed.body.splitlines(), "goals") if line.startswith("- "))
        assert first_goal.split(",")[0] in html, first_goal
    assert "116 123" in html and "988" in html and "13 11 14" in html


def test_print_script_only_on_the_packet(built_site):
    """print.js is loaded inside the packet's content (so instant navigation runs it), not on the hub (module
    pages load it too, for their one-page handout button: hooks/clinician_tools.py)."""
    packet = (built_site / "groups" / "packet" / "index.html").read_text(encoding="utf-8")
    hub = (built_site / "groups" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<article[^>]*>.*<script src="[^"]*assets/javascripts/print\.[0-9a-f]{10}\.js"( defer)?></script>', packet, re.S)
    assert "print.js" not in hub
    assert "document$" in next((built_site / "assets" / "javascripts").glob("print.*.js")).read_text(encoding="utf-8")


def test_hub_names_the_boxes_by_their_real_labels(built_site):
    """The hub says the discussion boxes are headed as they really are on the module pages."""
    labels = set()
    for p in DOCS.rglob("*.md"):
        labels |= set(re.findall(r'^!!! question "([^"]+)"', p.read_text(encoding="utf-8"), re.M))
    hub = (DOCS / "groups" / "index.md").read_text(encoding="utf-8")
    section = prose.section(hub, "how-modules-help")
    for label in labels - {"For discussion"}:  # plans use "For discussion"
        assert f'"{label}"' in section, label
    assert '"For discussion"' in section
    html = (built_site / "skills" / "communicating" / "index.html").read_text(encoding="utf-8")
    assert 'Session 4: notes for group facilitators' in html


def test_published_group_addresses_are_listed():
    listed = (HERE / "published-addresses.txt").read_text(encoding="utf-8").splitlines()
    for n in range(1, 9):
        assert f"/groups/session-{n}/" in listed
        for sid in SECTIONS:
            assert f"/groups/session-{n}/#{sid}" in listed
    assert "/groups/packet/" in listed


def test_sources_cited_in_plans_exist():
    sources = yaml.safe_load((DOCS / "sources.yml").read_text(encoding="utf-8"))
    for path in PLANS:
        for m in cm.CITE.finditer(path.read_text(encoding="utf-8")):
            for key in cm.cite_keys(m.group(1)):
                assert key in sources, (path.name, key)
