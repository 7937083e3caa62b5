"""hooks/handouts.py and hooks/sharing.py: pure functions behind handouts, the print card, quiz answers,
copy-link controls and the reading lists' page map (no MkDocs, no browser)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import content_model as cm
import handouts
import sharing
import vocabulary as V

DOCS = Path(__file__).parent.parent / "docs"
STAGES = sorted(p for p in DOCS.rglob("*.md")
                if not isinstance(k := cm.page_kind(p.relative_to(DOCS).as_posix()), cm.Problem) and k.role == "stage")

BODY = """
Intro.

## What helps {#what-helps}

Some words first.

**Plan ahead for big events.**
Sit down together before the event [@frank-2005]. Then more.
See [the module](../../skills/warning-signs.md).

!!! tip "Not an item"
    - inside a box

**Keep the wake-up time steady.**
Even after a late night.
A plan includes:

- **Bedtime**: spelled out under the lead, so not an item of its own.

### A subsection {#sub}

**Say it kindly.**
Try saying: "You came. Thank you." Then wait.

**A fourth lead.**
Never used.

## What to avoid {#what-to-avoid}

- **Arguing.** It raises fear. It ends the talk.
- Doing it all for them,
  which takes away their say.
- **Too many questions**, all at once.
- Fourth.
- Fifth, beyond the four kept.

**A bold lead after a list is not an item.**

## Next {#next}
"""


def test_handout_address_sits_under_its_stage_page():
    assert handouts.handout_src("affective/bipolar/rebuilding.md") == "affective/bipolar/rebuilding/handout.md"
    with pytest.raises(ValueError):
        handouts.handout_src("affective/bipolar/rebuilding")


def test_items_follow_the_sections_style_and_skip_boxes():
    first = handouts.items(handouts.section(BODY, "what-helps"), 3)
    assert first == [
        "**Plan ahead for big events.** Sit down together before the event.",
        "**Keep the wake-up time steady.** Even after a late night.",
        '**Say it kindly.** Try saying: "You came. Thank you."',
    ]
    assert len(handouts.items(handouts.section(BODY, "what-helps"), 9)) == 4
    avoid = handouts.items(handouts.section(BODY, "what-to-avoid"), 4)
    assert avoid == ["**Arguing.** It raises fear.", "Doing it all for them, which takes away their say.",
                     "**Too many questions**, all at once.", "Fourth."]


def test_clean_removes_citations_and_links():
    assert handouts.clean("Helps [@a-1; @b-2] a lot, see [this](x.md#y).") == "Helps a lot, see this."


def test_shorten_keeps_whole_sentences():
    text = "One short sentence. " * 20
    out = handouts.shorten(text.strip(), 60)
    assert len(out) <= 60 and out.endswith(".")
    assert handouts.shorten("word " * 80, 50).endswith("…")


def test_extract_and_render_a_handout():
    meta = {"title": "Rebuilding life with bipolar disorder",
            "module": {"keypoints": ["Point one [@x-1].", "Point two."], "reviewed": dt.date(2026, 11, 28)}}
    h = handouts.extract(meta, BODY, "Bipolar disorder", "Rebuilding")
    assert h.keypoints == ["Point one.", "Point two."] and len(h.first) == 3 and len(h.avoid) == 4
    assert h.problems == []
    md = handouts.render(h, page_link="../rebuilding.md", crisis_link="../../../crisis.md",
                         url="https://example.org/affective/bipolar/rebuilding/", qr_svg="<svg></svg>",
                         crisis_markdown="- **United States**: Call 988.\n")
    assert md.startswith("---\ntitle: \"Handout: Rebuilding life with bipolar disorder\"\n")
    assert "search:\n  exclude: true" in md
    for heading in ("## In short {#in-short}", "## Three things to do first {#do-first}", "## What to avoid {#avoid}",
                    "## If you are worried about safety now {#crisis-numbers}"):
        assert heading in md
    assert "[Read the full page](../rebuilding.md)" in md and "](../../../crisis.md)" in md
    assert "https://example.org/affective/bipolar/rebuilding/" in md and "<svg></svg>" in md
    assert "Last checked against its sources on 28 November 2026. Not yet reviewed by a clinician." in md
    assert "data-ps-print hidden" in md


def test_a_stage_page_without_items_still_gets_a_handout_and_a_note():
    h = handouts.extract({"title": "T", "module": {"keypoints": ["K."]}}, "## What helps {#what-helps}\n\nProse only.\n",
                         "Depression", "Crisis")
    assert h.first == [] and h.avoid == [] and len(h.problems) == 2


@pytest.mark.parametrize("path", STAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_stage_page_gives_a_full_handout(path):
    """Each stage page yields 3 things to do first and at least 3 things to avoid, none of them cut short."""
    parsed, problems = cm.parse_front_matter(path.name, path.read_text(encoding="utf-8"))
    assert parsed is not None, problems
    module = parsed.meta["module"]
    h = handouts.extract(parsed.meta, parsed.body, V.CONDITION_NAMES[module["condition"]], V.STAGES[module["stage"]])
    assert h.problems == [] and len(h.first) == 3 and len(h.avoid) >= 3, (h.first, h.avoid)
    for item in h.first + h.avoid:
        assert "[@" not in item and "](" not in item and len(item) <= handouts.ITEM_CHARS + 60, item
        assert handouts.balanced(item), f"an open quotation: {item}"


def test_review_line_names_a_clinical_review_when_there_is_one():
    assert handouts.review_line(dt.date(2026, 1, 2), None).endswith("Not yet reviewed by a clinician.")
    line = handouts.review_line(dt.date(2026, 1, 2), {"by": "Dr A, psychiatrist", "date": dt.date(2026, 2, 3)})
    assert line == "Last checked against its sources on 2 January 2026. Reviewed by Dr A, psychiatrist on 3 February 2026."


def test_print_card_has_address_qr_review_and_crisis_numbers_but_no_heading():
    card = handouts.print_card("https://e.org/x/", "<svg>qr</svg>", "Last checked.", "- **UK**: Call 999.\n")
    assert 'class="ps-print-card"' in card and "https://e.org/x/" in card and "<svg>qr</svg>" in card
    assert "Last checked." in card and "Call 999" in card
    assert not re.search(r"^#", card, re.M), "a heading would add a section and an id"


CRISIS_PAGE = """
<div class="ps-country" data-country="us" markdown>

### United States {#united-states}

<a class="ps-call" href="tel:911" data-number="911">Call 911</a> if someone is in danger now.
<a class="ps-call ps-call--text" href="sms:988" data-number="988">Text 988</a>

</div>

<div class="ps-country" data-country="other" markdown>

### Another country {#another-country}

Call your local emergency number.
Find a helpline at [findahelpline.com](https://findahelpline.com/) [@findahelpline].

</div>
"""


def test_crisis_numbers_from_the_crisis_page():
    out = handouts.crisis_from_page(CRISIS_PAGE, dt.date(2026, 11, 28))
    assert "- **United States**: Call 911; Text 988." in out
    assert "- **Another country**: Call your local emergency number; Find a helpline at findahelpline.com." in out
    assert out.strip().endswith("These numbers were last checked on 28 November 2026.")


QUIZ_HTML = """
<div class="quiz" id="quiz-0"><div class="quiz-question" id="quiz-0-question"><p>Q one?</p></div>
<form><fieldset><div><input type="radio" name="answer" value="0" id="quiz-0-0" ><label for="quiz-0-0">Wrong</label><div class="answer-feedback hidden">No.</div></div><div><input type="radio" name="answer" value="1" id="quiz-0-1" data-correct="true"><label for="quiz-0-1">Right &amp; kind</label><div class="answer-feedback hidden">Yes, <em>because</em>.</div></div></fieldset></form>
<section class="content hidden"><p>More.</p></section></div>
<div class="quiz" id="quiz-1"><div class="quiz-question" id="quiz-1-question"><p>Q two?</p></div>
<form><fieldset><div><input type="checkbox" name="answer" value="0" id="quiz-1-0" data-correct="true"><label for="quiz-1-0">A</label><div class="answer-feedback hidden"></div></div><div><input type="checkbox" name="answer" value="1" id="quiz-1-1" data-correct="true"><label for="quiz-1-1">B</label><div class="answer-feedback hidden"></div></div></fieldset></form>
<section class="content hidden"></section></div>
"""


def test_quiz_answers_are_gathered_in_order():
    out = handouts.quiz_answers(QUIZ_HTML)
    assert out.index("Question 1.") < out.index("Question 2.")
    assert "Right &amp; kind" in out and "Yes, because." in out and "More." in out
    assert "Question 2.</strong> A / B" in out
    assert " id=" not in out, "the answers add no id to the page"
    assert handouts.quiz_answers("<p>No quiz.</p>") == ""


def test_quiz_answers_found_when_feedback_is_kept_out_of_search():
    """As built: glue_content.search_tuning puts data-search-exclude before the feedback's class."""
    marked = QUIZ_HTML.replace('<div class="answer-feedback', '<div data-search-exclude="true" class="answer-feedback')
    assert handouts.quiz_answers(marked) == handouts.quiz_answers(QUIZ_HTML) != ""


def test_quiz_answers_are_kept_out_of_search():
    """They repeat the quiz feedback, which search leaves out; Material's indexer skips the marked section."""
    assert handouts.quiz_answers(QUIZ_HTML).startswith('<section class="ps-answers" data-search-exclude="true"')


# sharing.py ---------------------------------------------------------------------------------------

H2_HTML = ('<h2 id="what-helps">What <em>helps</em><a class="headerlink" href="#what-helps" title="Link">&para;</a></h2>'
           '<p>x</p><h2 id="a-b">A &amp; B</h2>')


def test_copy_link_controls_follow_every_h2():
    out = sharing.add_copy_links(H2_HTML)
    assert out.count('class="ps-copy-link"') == 2
    assert 'data-ps-copy-section="what-helps" aria-label="Copy link to section: What helps"' in out
    assert 'aria-label="Copy link to section: A &amp; B"' in out
    assert out.index("</h2>") < out.index("ps-copy-link")
    assert 'data-ps-copy-wrap hidden' in out and "<button type=\"button\"" in out


def test_page_map_entries_and_markup_safety():
    body = "## What helps {#what-helps}\n\ntext\n\n## The [LEAP](x.md) *way* {#leap}\n"
    entry = sharing.entry("A **bold** title", "Desc with [a link](y.md).", body)
    assert entry == {"title": "A bold title", "description": "Desc with a link.",
                     "sections": {"what-helps": "What helps", "leap": "The LEAP way"}}
    element = sharing.page_map_element({"/x/": {"title": '</div><script>alert(1)</script>"', "description": ""}})
    assert "<script>" not in element and 'data-ps-page-map="' in element
    data = re.search(r'data-ps-page-map="([^"]*)"', element).group(1)
    import html
    assert json.loads(html.unescape(data))["/x/"]["title"].startswith("</div>")
    assert sharing.site_path("") == "/" and sharing.site_path("skills/a/") == "/skills/a/"
