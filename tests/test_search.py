"""Site search as a worried relative uses it: their own words, on a phone, in the browser's real search.

The questions below were written the way relatives type them, before the search was tuned, each with the
pages that answer it. They are not a list the content was tuned to: content gained plain words in titles,
headings, glossary entries and ordinary sentences, and this file checks that those words reach the pages.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from test_browser import PHONE, browser, phone  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

FEP = "psychotic/first-episode-psychosis/"
SCZ = "psychotic/schizophrenia/"
BP = "affective/bipolar/"
DEP = "affective/depression/"

# (what a relative types, the pages that answer it). Page addresses without the leading slash.
QUESTIONS: list[tuple[str, list[str]]] = [
    ("she stopped taking her pills", ["skills/medicines/", "skills/warning-signs/", FEP + "living-well/"]),
    ("she won't take her tablets", ["skills/medicines/", "skills/warning-signs/", "skills/communicating/",
                                    FEP + "living-well/"]),
    ("does he have to take his meds forever", ["skills/medicines/", FEP + "living-well/", "skills/warning-signs/"]),
    ("her medication is making her put on weight", ["skills/medicines/"]),
    ("the antidepressants are not working", ["skills/medicines/", DEP + "early-recovery/"]),
    ("he won't leave his room", ["skills/social-connection/", DEP + "early-signs/", FEP + "early-signs/", SCZ,
                                 DEP]),
    ("she sleeps all day and won't get out of bed", [DEP + "early-signs/", DEP + "crisis/", SCZ,
                                                     "skills/social-connection/", "skills/communicating/"]),
    ("is he just being lazy", [SCZ, DEP + "early-signs/", "skills/social-connection/", "skills/communicating/"]),
    ("he has lost all his friends", ["skills/social-connection/", FEP + "rebuilding/"]),
    ("my son hears voices", ["skills/communicating/", FEP, SCZ, FEP + "early-signs/"]),
    ("she thinks the neighbours are spying on her", ["skills/communicating/", FEP + "early-signs/", FEP]),
    ("he doesn't think there is anything wrong with him", ["skills/communicating/", SCZ]),
    ("he has huge plans and is spending all our money", [BP + "early-signs/", BP + "crisis/", BP,
                                                         "skills/money-and-home/"]),
    ("not sleeping but full of energy", [BP + "early-signs/", BP, BP + "crisis/", "skills/warning-signs/"]),
    ("telling his brothers and sisters about the diagnosis", ["skills/looking-after-yourself/"]),
    ("how do I explain mum's illness to the children", ["skills/pregnancy-and-parenting/",
                                                        "skills/looking-after-yourself/"]),
    ("she was sectioned last night", ["skills/services-and-rights/", FEP + "crisis/", SCZ + "crisis/",
                                      "skills/crisis-and-safety/"]),
    ("he has been admitted to a psychiatric ward", [FEP + "crisis/", SCZ + "crisis/", BP + "crisis/",
                                                    "skills/crisis-and-safety/", "skills/services-and-rights/"]),
    ("what happens when he comes home from hospital", ["skills/crisis-and-safety/", SCZ + "crisis/",
                                                       FEP + "early-recovery/", SCZ + "early-recovery/",
                                                       BP + "early-recovery/", DEP + "early-recovery/"]),
    ("the doctors won't tell me anything", ["skills/services-and-rights/"]),
    ("she says she wants to die", ["crisis/", "skills/crisis-and-safety/", DEP + "crisis/"]),
    ("should I ask him straight out if he is thinking of suicide", ["skills/crisis-and-safety/", DEP + "crisis/"]),
    ("she has been cutting herself", ["skills/crisis-and-safety/", "crisis/"]),
    ("he walked out and we don't know where he is", ["skills/crisis-and-safety/", "crisis/"]),
    ("he gets angry and shouts at me", ["skills/crisis-and-safety/", "skills/communicating/",
                                        "skills/money-and-home/"]),
    ("phone number for the crisis team", ["crisis/", "skills/crisis-and-safety/"]),
    ("how can I tell if she is getting ill again", ["skills/warning-signs/"]),
    ("he smokes weed every day", ["skills/warning-signs/", FEP, FEP + "early-signs/"]),
    ("I'm exhausted from looking after my son", ["skills/looking-after-yourself/"]),
    ("support group for families", ["skills/looking-after-yourself/"]),
    ("will he ever be the same again", ["recovery/", FEP, SCZ, FEP + "early-recovery/"]),
    ("how long does it take to recover from psychosis", [FEP + "early-recovery/", "recovery/", FEP]),
    ("can she go back to university", [FEP + "rebuilding/", "skills/social-connection/", BP + "rebuilding/",
                                       DEP + "rebuilding/", SCZ + "rebuilding/"]),
    ("my daughter has bipolar and is pregnant", ["skills/pregnancy-and-parenting/"]),
    ("my brother took his own life", ["skills/bereaved-by-suicide/"]),
    ("what is schizoaffective disorder", [SCZ, "glossary/"]),
]


def open_search(page: Page, server: str) -> None:
    page.goto(server + "/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()


def search(page: Page, query: str, typed: bool = False) -> list[str]:
    """The pages the search lists for a query, best first (one entry per page), without the leading slash."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("!document.querySelector('.md-search-result__item')", timeout=10000)
    if typed:
        box.press_sequentially(query, delay=20)
    else:
        box.fill(query)
        box.press("End")
    page.wait_for_function(
        "document.querySelector('.md-search-result__item') || "
        "/No matching/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=10000)
    pages = []
    for href in page.locator(".md-search-result__item > a:first-child").evaluate_all("els => els.map(e => e.href)"):
        path = urlparse(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages


def rank(found: list[str], answers: list[str]) -> int | None:
    """1-based position of the first page that answers the question, or None."""
    return next((i for i, p in enumerate(found, 1) if p in answers), None)


def test_relatives_questions_find_the_pages_that_answer_them(server, phone):
    """About 36 questions in relatives' words: an answering page in the top 3 for 90%, in the top 5 for all."""
    page = phone()
    open_search(page, server)
    ranks = {q: rank(search(page, q), answers) for q, answers in QUESTIONS}
    missed_top5 = {q: r for q, r in ranks.items() if r is None or r > 5}
    top3 = sum(1 for r in ranks.values() if r is not None and r <= 3)
    assert missed_top5 == {}, ranks
    assert top3 >= 0.9 * len(QUESTIONS), ranks
