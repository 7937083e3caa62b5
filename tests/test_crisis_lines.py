"""Crisis lines (docs/crisis-lines.yml): the real file passes, one failing fixture per rule with its message,
every rendered number is a tel: or sms: link, and the build wires the marker."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest

import crisis_lines as cl
from conftest import FIXTURES, ROOT, run_build

REAL = ROOT / "docs" / "crisis-lines.yml"
GOOD_FILE = FIXTURES / "crisis-lines" / "good.yml"
GOOD = cl.load(GOOD_FILE)
FILE = "docs/crisis-lines.yml"
TODAY = dt.date(2026, 12, 3)
SOURCES = list(cl.load(ROOT / "docs" / "sources.yml"))
NUMBER_TEXT = re.compile(r"\d[\d -]*\d")   # a number as people read it: 116 123, 0808 808 8000, 9-8-8


def problems(data, sources=None) -> list[str]:
    return [str(p) for p in cl.check(data, FILE, sources, TODAY)]


def one(data, sources=None) -> str:
    found = problems(data, sources)
    assert len(found) == 1, found
    return found[0]


def edited(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


# The real file and the fixture --------------------------------------------------------------------

def test_real_file_passes_every_rule():
    data, found = cl.read(REAL, FILE, SOURCES)
    assert found == [], [str(p) for p in found]
    assert list(data["countries"]) == ["us", "uk", "ie", "ca", "au", "nz", "other"]


def test_real_file_has_the_lines_of_the_clinical_read():
    """The numbers issue 15 asked for, by country (display text as people read it)."""
    data = cl.load(REAL)
    wanted = {
        "us": {"911", "988"}, "uk": {"999", "111", "0808 808 8000", "116 123", "85258"},
        "ie": {"112", "999", "1800 247 247", "50808", "116 123"}, "ca": {"911", "9-8-8", "1-800-668-6868", "686868"},
        "au": {"000", "13 11 14", "1800 55 1800"}, "nz": {"111", "1737", "0800 543 354"}, "other": {"112"},
    }
    for code, numbers in wanted.items():
        country = data["countries"][code]
        have = {e["number"] for e in country["emergency"]} | {line["number"] for line in country.get("lines", [])}
        assert numbers <= have, (code, numbers - have)
    regions = {line.get("region") for line in data["countries"]["uk"]["lines"]}
    assert {"England", "Scotland", "Wales", "Northern Ireland"} <= regions


def test_fixture_passes():
    assert problems(GOOD) == []


# One failing fixture per rule ----------------------------------------------------------------------

def test_rule_top_level_unknown_key():
    assert one(edited(lambda d: d.update(updated="2026-12-01"))) == (
        f"{FILE}:updated: unknown key 'updated' (hint: allowed: checked, countries)")


def test_rule_values_are_text(tmp_path):
    path = tmp_path / "crisis-lines.yml"
    path.write_text(GOOD_FILE.read_text(encoding="utf-8").replace('number: "911"', "number: 911"), encoding="utf-8")
    _, found = cl.read(path, FILE, today=TODAY)
    # The strict YAML reader (hooks/strict_yaml.py) stops it first, with the file's line.
    assert [str(p) for p in found] == [
        f"{FILE}:28: countries.ca.emergency[1].number '911' was read as the number 911, not as text "
        "(hint: put it in quotes: \"911\"; YAML reads bare digits as a number, and drops leading zeros)"]


def test_rule_checked_is_a_real_date():
    assert one(edited(lambda d: d.update(checked="2026-13-01"))) == (
        f"{FILE}:checked: '2026-13-01' is not a real date (hint: write it as \"YYYY-MM-DD\")")


def test_rule_checked_is_not_in_the_future():
    assert one(edited(lambda d: d.update(checked="2026-12-04"))) == (
        f"{FILE}:checked: 2026-12-04 is in the future (hint: it is the date the numbers were last confirmed)")


def test_rule_country_codes():
    def rename(d):
        d["countries"] = {("UK" if k == "uk" else k): v for k, v in d["countries"].items()}
    assert one(edited(rename)) == (f"{FILE}:countries.UK: 'UK' is not a country code "
                                   "(hint: two lower-case letters (us, uk, ie, ca, au, nz) or 'other')")


def test_rule_catch_all_comes_last():
    def reorder(d):
        d["countries"] = {"other": d["countries"]["other"], "uk": d["countries"]["uk"], "ca": d["countries"]["ca"]}
    assert one(edited(reorder)) == (f"{FILE}:countries: the last country must be 'other' (Another country) "
                                    "(hint: readers whose country is not listed see it)")


def test_rule_country_keys():
    assert one(edited(lambda d: d["countries"]["ca"].update(phone="x"))) == (
        f"{FILE}:countries.ca.phone: unknown key 'phone' (hint: allowed: name, emergency, regions, lines, advice, directory)")


def test_rule_country_complete_needs_a_crisis_line():
    assert one(edited(lambda d: d["countries"]["ca"].pop("lines"))) == (
        f"{FILE}:countries.ca: Canada has no crisis line "
        "(hint: add at least one line under 'lines' (name, number, dial, kind))")


def test_rule_country_complete_needs_an_emergency_number():
    assert one(edited(lambda d: d["countries"]["ca"].update(emergency=[]))) == (
        f"{FILE}:countries.ca.emergency: lists no emergency number "
        "(hint: emergency: [{number: \"911\", dial: \"tel:911\"}])")


def test_rule_unique_names():
    assert one(edited(lambda d: d["countries"]["other"].update(name="Canada"))) == (
        f"{FILE}:countries.other.name: 'Canada' is also the name of 'ca' (hint: each country needs its own tab label)")


def test_rule_emergency_keys():
    assert one(edited(lambda d: d["countries"]["ca"]["emergency"][0].pop("dial"))) == (
        f"{FILE}:countries.ca.emergency[0]: 'dial' is missing")


def test_rule_line_keys():
    assert one(edited(lambda d: d["countries"]["ca"]["lines"][0].pop("kind"))) == (
        f"{FILE}:countries.ca.lines[0]: 'kind' is missing")


def test_rule_dial_forms():
    assert one(edited(lambda d: d["countries"]["uk"]["lines"][0].update(dial="tel:1 11"))) == (
        f"{FILE}:countries.uk.lines[0].dial: 'tel:1 11' is not a dialable form "
        "(hint: 'tel:' or 'sms:' then digits only, e.g. \"tel:08088088000\")")


def test_rule_number_matches_dial():
    assert one(edited(lambda d: d["countries"]["ca"]["lines"][0].update(number="9-8-9"))) == (
        f"{FILE}:countries.ca.lines[0].number: '9-8-9' does not match dial 'tel:988' "
        "(hint: a typo in one of them would send readers to the wrong number)")


def test_rule_kinds_known():
    assert one(edited(lambda d: d["countries"]["uk"]["lines"][0].update(kind="phone"))) == (
        f"{FILE}:countries.uk.lines[0].kind: kind 'phone' is not known (hint: allowed: call, text, call or text)")


def test_rule_kinds_fit_the_dial_form():
    assert one(edited(lambda d: d["countries"]["uk"]["lines"][1].update(dial="tel:85258"))) == (
        f"{FILE}:countries.uk.lines[1].dial: a 'text' line dials with 'sms:', not 'tel:85258' "
        "(hint: write \"sms:85258\")")


def test_rule_keywords():
    assert one(edited(lambda d: d["countries"]["uk"]["lines"][0].update(keyword="HELLO"))) == (
        f"{FILE}:countries.uk.lines[0].keyword: only a 'text' line has a keyword "
        "(hint: give the text line its own entry with kind: \"text\")")


def test_rule_regions():
    assert one(edited(lambda d: d["countries"]["uk"]["lines"][0].update(region="Wales"))) == (
        f"{FILE}:countries.uk.lines[0].region: 'Wales' is not a region of uk (hint: allowed: England, Scotland)")


def test_rule_directory():
    assert one(edited(lambda d: d["countries"]["other"]["directory"].update(url="http://findahelpline.com/"))) == (
        f"{FILE}:countries.other.directory.url: 'http://findahelpline.com/' is not an https address")


def test_rule_sources():
    assert one(edited(lambda d: d["countries"]["ca"]["lines"][0].update(source="canada-989")), ["canada-988"]) == (
        f"{FILE}:countries.ca.lines[0].source: unknown source 'canada-989' "
        "(hint: did you mean 'canada-988'? (keys live in docs/sources.yml))")


def test_yaml_error_names_the_line(tmp_path):
    path = tmp_path / "crisis-lines.yml"
    path.write_text('checked: "2026-12-01"\ncountries:\n  uk: [\n', encoding="utf-8")
    _, found = cl.read(path, FILE)
    assert len(found) == 1 and str(found[0]).startswith(f"{FILE}:4: not valid YAML")


# Rendering -----------------------------------------------------------------------------------------

def hrefs(markdown: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', markdown) + re.findall(r"\]\((https?://[^)]*)\)", markdown)


@pytest.mark.parametrize("render", [cl.render_tabs, cl.render_page], ids=["tabs", "page"])
def test_every_number_is_a_tel_or_sms_link(render):
    """Every link is tel:, sms: or the https directory, and every number of the file is a link that dials it."""
    data = cl.load(REAL)
    text = render(data)
    links = hrefs(text)
    assert links and all(h.startswith(("tel:", "sms:", "https://")) for h in links), links
    dialled = {cl.digits(h.split("?")[0]) for h in links if h.startswith(("tel:", "sms:"))}
    for code, country in data["countries"].items():
        for entry in country["emergency"] + country.get("lines", []):
            assert cl.digits(entry["number"]) in dialled, (code, entry["number"])
            assert f'data-number="{entry["number"]}"' in text, (code, entry["number"])
    # no number is left as plain text: outside links, every number is one that a link on the block dials
    plain = re.sub(r"<a\b[^>]*>.*?</a>", "", text)
    plain = re.sub(r"\[@[^\]]*\]|\{:[^}]*\}|=== \"[^\"]*\"|\d{1,2} [A-Z][a-z]+ \d{4}", "", plain)
    for found in NUMBER_TEXT.findall(re.sub(r"<[^>]+>", "", plain)):
        assert cl.digits(found) in dialled or len(cl.digits(found)) < 3, found


def test_text_links_carry_the_keyword():
    text = cl.render_tabs(cl.load(REAL))
    assert 'href="sms:85258?&amp;body=SHOUT"' in text and ">Text SHOUT to 85258<" in text
    assert 'href="tel:988"' in text and 'href="sms:988"' in text  # call or text: both links


def test_tabs_are_labelled_as_the_sites_other_country_tabs():
    """content.tabs.link switches tabs with the same label: each country (but the catch-all) is labelled as
    the other per-country tab sets on the site label it."""
    data = cl.load(REAL)
    text = cl.render_tabs(data)
    labels = set()
    for page in (ROOT / "docs").rglob("*.md"):
        labels |= set(re.findall(r'^=== "([^"]+)"', page.read_text(encoding="utf-8"), re.M))
    for code, country in data["countries"].items():
        assert f'=== "{country["name"]}"' in text
        assert f'data-ps-country="{code}"' in text
        if code != "other":
            assert country["name"] in labels, country["name"]


def test_checked_date_is_shown():
    data = cl.load(REAL)
    assert "These numbers were last checked on **3 December 2026**." in cl.render_page(data)
    assert "These numbers were last checked on 3 December 2026." in cl.render_tabs(data)


# The build ----------------------------------------------------------------------------------------

PAGE = ("---\ntitle: Get help now\ndescription: Urgent help for a mental health crisis, for the tests of this "
        "project only.\nreviewed: 2026-11-28\n---\n\n## Who to call {#who-to-call}\n\n<!-- md:crisis-lines -->\n")


def test_build_renders_the_marker_and_loads_the_script(mini_site):
    config = mini_site({"crisis.md": PAGE, "crisis-lines.yml": GOOD_FILE.read_text(encoding="utf-8")})
    result = run_build(config, config.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (config.parent / "site" / "crisis" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:999"' in html and 'id="ps-country"' in html
    assert re.search(r"assets/javascripts/crisis-lines\.[0-9a-f]{10}\.js", html)  # named by content (fingerprint.py)
    assert not (config.parent / "site" / "crisis-lines.yml").exists()


def test_build_stops_on_a_bad_crisis_lines_file(mini_site):
    bad = GOOD_FILE.read_text(encoding="utf-8").replace('dial: "tel:911"', 'dial: "tel:9l1"')
    config = mini_site({"crisis.md": PAGE, "crisis-lines.yml": bad})
    result = run_build(config, config.parent / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and f"{FILE}:countries.ca.emergency[0].dial: 'tel:9l1' is not a dialable form" in out
