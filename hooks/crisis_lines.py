"""Crisis lines: one data file (docs/crisis-lines.yml) for every crisis number on the site.

Pure Python, no MkDocs import. ``load`` reads the file (the only place that touches YAML); small named
rules check it, one rule each; ``render_tabs`` writes the "Whom to call" content tabs for module pages and
``render_page`` the country panels of /crisis/. Every number becomes a ``tel:`` or ``sms:`` link.

Run as a script: ``python hooks/crisis_lines.py [FILE]`` checks the file and prints any problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

# The file's shape ---------------------------------------------------------------------------------

TOP_KEYS = ("checked", "countries")
COUNTRY_KEYS_REQUIRED = ("name", "emergency")
COUNTRY_KEYS_OPTIONAL = ("regions", "lines", "advice", "directory")
EMERGENCY_KEYS_REQUIRED = ("number", "dial")
EMERGENCY_KEYS_OPTIONAL = ("note", "source")
LINE_KEYS_REQUIRED = ("name", "number", "dial", "kind")
LINE_KEYS_OPTIONAL = ("keyword", "who", "hours", "note", "region", "source")
DIRECTORY_KEYS_REQUIRED = ("name", "url")
DIRECTORY_KEYS_OPTIONAL = ("note", "source")

# kind -> the scheme its dial form must use
KINDS = {"call": "tel", "text": "sms", "call or text": "tel"}
CATCH_ALL = "other"                                   # the "Another country" entry: last, and the fallback
CODE = re.compile(r"^(?:[a-z]{2}|other)$")            # the codes the on-device guess returns
DIAL = re.compile(r"^(tel|sms):\+?[0-9]+$")
KEYWORD = re.compile(r"^[A-Za-z0-9]+$")


@dataclass(frozen=True)
class Problem:
    """One mistake in the data file: where (a line or a key path), what is wrong, and how to fix it."""

    file: str
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.where}: {self.message}" if self.where else f"{self.file}: {self.message}"
        return text + (f" (hint: {self.hint})" if self.hint else "")


# Reading ------------------------------------------------------------------------------------------


# Fields that hold text: a bare yes/no, number or date there stops the build (hooks/strict_yaml.py).
TEXT_FIELDS = tuple(
    [f"countries.*.{k}" for k in ("name",)]
    + [f"countries.*.regions.*"]
    + [f"countries.*.emergency.*.{k}" for k in ("number", "dial", "note", "source")]
    + [f"countries.*.lines.*.{k}" for k in ("name", "number", "dial", "kind", "keyword", "who", "hours", "note",
                                            "region", "source")]
    + ["countries.*.advice.*"]
    + [f"countries.*.directory.{k}" for k in ("name", "url", "note", "source")]
    + [f"countries.*.directory.*.{k}" for k in ("name", "url", "note", "source")]
)


def load(path: str | Path, shown: str | None = None) -> Any:
    """Parse the data file strictly (hooks/strict_yaml.py): the only function that reads it."""
    import strict_yaml

    loaded, problems = strict_yaml.load_file(path, shown, text_fields=TEXT_FIELDS)
    if problems:
        raise problems[0]
    return loaded.data


def read(path: str | Path, shown: str, sources: Iterable[str] | None = None,
         today: dt.date | None = None) -> tuple[Any, list[Problem]]:
    """Load and check the file: (data, problems). Data is None when the file cannot be read at all."""
    try:
        data = load(path, shown)
    except FileNotFoundError:
        return None, [Problem(shown, "", "is missing", "the crisis-lines marker renders from this file")]
    except Exception as exc:  # a YAML problem from strict_yaml (file, line, message, hint), or a syntax error
        if hasattr(exc, "message") and hasattr(exc, "line"):
            return None, [Problem(shown, str(exc.line or ""), exc.message, exc.hint)]
        mark = getattr(exc, "problem_mark", None)
        where = str(mark.line + 1) if mark is not None else ""
        return None, [Problem(shown, where, f"is not valid YAML: {getattr(exc, 'problem', None) or exc}",
                              "quote every value, e.g. number: \"988\"")]
    return data, check(data, shown, sources, today)


# Rules: one rule, one function. Each returns a list of problems. --------------------------------


def countries(data: Any) -> dict[str, Any]:
    c = data.get("countries") if isinstance(data, dict) else None
    return c if isinstance(c, dict) else {}


def each_line(data: Any) -> Iterable[tuple[str, str, int, dict[str, Any]]]:
    """(code, key path, index, line) for every line that is a mapping."""
    for code, country in countries(data).items():
        lines = country.get("lines") if isinstance(country, dict) else None
        for i, line in enumerate(lines if isinstance(lines, list) else []):
            if isinstance(line, dict):
                yield code, f"countries.{code}.lines[{i}]", i, line


def each_dialable(data: Any) -> Iterable[tuple[str, dict[str, Any]]]:
    """(key path, entry) for every emergency number and every line: everything with a dial form."""
    for code, country in countries(data).items():
        emergency = country.get("emergency") if isinstance(country, dict) else None
        for i, entry in enumerate(emergency if isinstance(emergency, list) else []):
            if isinstance(entry, dict):
                yield f"countries.{code}.emergency[{i}]", entry
    for _, where, _, line in each_line(data):
        yield where, line


def rule_top_level(data: Any, file: str) -> list[Problem]:
    """The file is a mapping with exactly the keys checked and countries."""
    if not isinstance(data, dict):
        return [Problem(file, "", "must be a mapping with 'checked' and 'countries'")]
    out = [Problem(file, k, f"unknown key '{k}'", did_you_mean(k, TOP_KEYS)) for k in data if k not in TOP_KEYS]
    out += [Problem(file, k, f"'{k}' is missing") for k in TOP_KEYS if k not in data]
    if "countries" in data and not (isinstance(data["countries"], dict) and data["countries"]):
        out.append(Problem(file, "countries", "must map country codes to countries", "us: {name: \"United States\", ...}"))
    return out


def rule_values_are_text(data: Any, file: str) -> list[Problem]:
    """Every value is quoted text: YAML would read 988 as a number, 2026-12-03 as a date and no as false."""
    out: list[Problem] = []

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}" if where else str(k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
        elif not isinstance(value, str):
            out.append(Problem(file, where, f"value {value!r} is not quoted text",
                               f"write it in quotes: \"{value}\""))

    walk(data, "")
    return out


def rule_checked_date(data: Any, file: str, today: dt.date | None = None) -> list[Problem]:
    """checked is a real date (YYYY-MM-DD) and not in the future."""
    value = data.get("checked") if isinstance(data, dict) else None
    if value is None:
        return []
    day = as_date(value)
    if day is None:
        return [Problem(file, "checked", f"'{value}' is not a real date", "write it as \"YYYY-MM-DD\"")]
    if day > (today or dt.date.today()):
        return [Problem(file, "checked", f"{day.isoformat()} is in the future",
                        "it is the date the numbers were last confirmed")]
    return []


def rule_country_codes(data: Any, file: str) -> list[Problem]:
    """Country keys are the codes the on-device guess returns, and the catch-all comes last."""
    codes = list(countries(data))
    out = [Problem(file, f"countries.{c}", f"'{c}' is not a country code",
                   "two lower-case letters (us, uk, ie, ca, au, nz) or 'other'") for c in codes if not CODE.match(str(c))]
    if codes and codes[-1] != CATCH_ALL:
        out.append(Problem(file, "countries", f"the last country must be '{CATCH_ALL}' (Another country)",
                           "readers whose country is not listed see it"))
    return out


def rule_country_keys(data: Any, file: str) -> list[Problem]:
    """Each country has a name and emergency numbers, and no unknown keys."""
    allowed = COUNTRY_KEYS_REQUIRED + COUNTRY_KEYS_OPTIONAL
    out: list[Problem] = []
    for code, country in countries(data).items():
        where = f"countries.{code}"
        if not isinstance(country, dict):
            out.append(Problem(file, where, "must be a mapping", "name, emergency, lines"))
            continue
        out += [Problem(file, f"{where}.{k}", f"unknown key '{k}'", did_you_mean(k, allowed)) for k in country
                if k not in allowed]
        out += [Problem(file, where, f"'{k}' is missing") for k in COUNTRY_KEYS_REQUIRED if k not in country]
    return out


def rule_country_complete(data: Any, file: str) -> list[Problem]:
    """Every country has an emergency number and at least one crisis line (the catch-all: a directory)."""
    out: list[Problem] = []
    for code, country in countries(data).items():
        if not isinstance(country, dict):
            continue
        where = f"countries.{code}"
        if "emergency" in country and not (isinstance(country["emergency"], list) and country["emergency"]):
            out.append(Problem(file, f"{where}.emergency", "lists no emergency number",
                               "emergency: [{number: \"911\", dial: \"tel:911\"}]"))
        lines = country.get("lines")
        if not (isinstance(lines, list) and lines) and "directory" not in country:
            out.append(Problem(file, where, f"{country.get('name', code)} has no crisis line",
                               "add at least one line under 'lines' (name, number, dial, kind)"))
    return out


def rule_unique_names(data: Any, file: str) -> list[Problem]:
    """Country names are unique: each is a tab label, and tabs with the same label switch together."""
    seen: dict[str, str] = {}
    out: list[Problem] = []
    for code, country in countries(data).items():
        name = country.get("name") if isinstance(country, dict) else None
        if isinstance(name, str):
            if name in seen:
                out.append(Problem(file, f"countries.{code}.name", f"'{name}' is also the name of '{seen[name]}'",
                                   "each country needs its own tab label"))
            seen.setdefault(name, code)
    return out


def rule_emergency_keys(data: Any, file: str) -> list[Problem]:
    """Each emergency number has number and dial, and no unknown keys."""
    allowed = EMERGENCY_KEYS_REQUIRED + EMERGENCY_KEYS_OPTIONAL
    out: list[Problem] = []
    for code, country in countries(data).items():
        emergency = country.get("emergency") if isinstance(country, dict) else None
        for i, entry in enumerate(emergency if isinstance(emergency, list) else []):
            where = f"countries.{code}.emergency[{i}]"
            if not isinstance(entry, dict):
                out.append(Problem(file, where, "must be a mapping", "{number: \"911\", dial: \"tel:911\"}"))
                continue
            out += [Problem(file, f"{where}.{k}", f"unknown key '{k}'", did_you_mean(k, allowed)) for k in entry
                    if k not in allowed]
            out += [Problem(file, where, f"'{k}' is missing") for k in EMERGENCY_KEYS_REQUIRED if k not in entry]
    return out


def rule_line_keys(data: Any, file: str) -> list[Problem]:
    """Every line has name, number, dial and kind, and no unknown keys."""
    allowed = LINE_KEYS_REQUIRED + LINE_KEYS_OPTIONAL
    out: list[Problem] = []
    for code, country in countries(data).items():
        lines = country.get("lines") if isinstance(country, dict) else None
        if lines is not None and not isinstance(lines, list):
            out.append(Problem(file, f"countries.{code}.lines", "must be a list of lines"))
            continue
        for i, line in enumerate(lines or []):
            where = f"countries.{code}.lines[{i}]"
            if not isinstance(line, dict):
                out.append(Problem(file, where, "must be a mapping", "name, number, dial, kind"))
                continue
            out += [Problem(file, f"{where}.{k}", f"unknown key '{k}'", did_you_mean(k, allowed)) for k in line
                    if k not in allowed]
            out += [Problem(file, where, f"'{k}' is missing") for k in LINE_KEYS_REQUIRED if k not in line]
    return out


def rule_dial_forms(data: Any, file: str) -> list[Problem]:
    """Every dial form is tel: or sms: followed by digits (a + only at the start)."""
    out: list[Problem] = []
    for where, entry in each_dialable(data):
        dial = entry.get("dial")
        if isinstance(dial, str) and not DIAL.match(dial):
            out.append(Problem(file, f"{where}.dial", f"'{dial}' is not a dialable form",
                               "'tel:' or 'sms:' then digits only, e.g. \"tel:08088088000\""))
    return out


def rule_number_matches_dial(data: Any, file: str) -> list[Problem]:
    """The number people read has the same digits as the number the phone dials."""
    out: list[Problem] = []
    for where, entry in each_dialable(data):
        number, dial = entry.get("number"), entry.get("dial")
        if not (isinstance(number, str) and isinstance(dial, str) and DIAL.match(dial)):
            continue
        if digits(number) != digits(dial):
            out.append(Problem(file, f"{where}.number", f"'{number}' does not match dial '{dial}'",
                               "a typo in one of them would send readers to the wrong number"))
    return out


def rule_kinds(data: Any, file: str) -> list[Problem]:
    """kind is call, text, or call or text, and the dial form fits it (call: tel:, text: sms:)."""
    out: list[Problem] = []
    for _, where, _, line in each_line(data):
        kind, dial = line.get("kind"), line.get("dial")
        if kind is None:
            continue
        if kind not in KINDS:
            out.append(Problem(file, f"{where}.kind", f"kind '{kind}' is not known", did_you_mean(kind, KINDS)))
        elif isinstance(dial, str) and DIAL.match(dial) and not dial.startswith(KINDS[kind] + ":"):
            out.append(Problem(file, f"{where}.dial", f"a '{kind}' line dials with '{KINDS[kind]}:', not '{dial}'",
                               f"write \"{KINDS[kind]}:{digits(dial)}\""))
    return out


def rule_keywords(data: Any, file: str) -> list[Problem]:
    """A keyword (the word to text) belongs to a text line and is one word of letters or digits."""
    out: list[Problem] = []
    for _, where, _, line in each_line(data):
        keyword = line.get("keyword")
        if keyword is None:
            continue
        if line.get("kind") != "text":
            out.append(Problem(file, f"{where}.keyword", "only a 'text' line has a keyword",
                               "give the text line its own entry with kind: \"text\""))
        elif not (isinstance(keyword, str) and KEYWORD.match(keyword)):
            out.append(Problem(file, f"{where}.keyword", f"'{keyword}' is not one word", "e.g. keyword: \"SHOUT\""))
    return out


def rule_regions(data: Any, file: str) -> list[Problem]:
    """A line's region is one of its country's regions."""
    out: list[Problem] = []
    for code, where, _, line in each_line(data):
        region = line.get("region")
        if region is None:
            continue
        regions = countries(data)[code].get("regions") or []
        if region not in regions:
            hint = did_you_mean(region, regions) if regions else f"list it under countries.{code}.regions"
            out.append(Problem(file, f"{where}.region", f"'{region}' is not a region of {code}", hint))
    return out


def rule_directory(data: Any, file: str) -> list[Problem]:
    """A directory has a name and an https address, and no unknown keys."""
    allowed = DIRECTORY_KEYS_REQUIRED + DIRECTORY_KEYS_OPTIONAL
    out: list[Problem] = []
    for code, country in countries(data).items():
        directory = country.get("directory") if isinstance(country, dict) else None
        if directory is None:
            continue
        where = f"countries.{code}.directory"
        if not isinstance(directory, dict):
            out.append(Problem(file, where, "must be a mapping", "name, url"))
            continue
        out += [Problem(file, f"{where}.{k}", f"unknown key '{k}'", did_you_mean(k, allowed)) for k in directory
                if k not in allowed]
        out += [Problem(file, where, f"'{k}' is missing") for k in DIRECTORY_KEYS_REQUIRED if k not in directory]
        url = directory.get("url")
        if isinstance(url, str) and not url.startswith("https://"):
            out.append(Problem(file, f"{where}.url", f"'{url}' is not an https address"))
    return out


def rule_sources(data: Any, file: str, sources: Iterable[str] | None) -> list[Problem]:
    """Every source names a key of docs/sources.yml (checked only when the keys are given)."""
    if sources is None:
        return []
    known = set(sources)
    out: list[Problem] = []
    entries = list(each_dialable(data))
    for code, country in countries(data).items():
        if isinstance(country, dict) and isinstance(country.get("directory"), dict):
            entries.append((f"countries.{code}.directory", country["directory"]))
    for where, entry in entries:
        key = entry.get("source")
        if key is not None and key not in known:
            out.append(Problem(file, f"{where}.source", f"unknown source '{key}'",
                               did_you_mean(key, sorted(known)) + " (keys live in docs/sources.yml)"))
    return out


RULES: tuple[Callable[[Any, str], list[Problem]], ...] = (
    rule_values_are_text, rule_country_codes, rule_country_keys, rule_country_complete, rule_unique_names,
    rule_emergency_keys, rule_line_keys, rule_dial_forms, rule_number_matches_dial, rule_kinds, rule_keywords,
    rule_regions, rule_directory,
)


def check(data: Any, file: str, sources: Iterable[str] | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every rule, in order; the shape first, since the other rules assume it."""
    problems = rule_top_level(data, file)
    if not isinstance(data, dict):
        return problems
    problems += rule_checked_date(data, file, today)
    for rule in RULES:
        problems += rule(data, file)
    problems += rule_sources(data, file, sources)
    return problems


# Helpers ------------------------------------------------------------------------------------------


def did_you_mean(value: Any, options: Iterable[str]) -> str:
    options = list(options)
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(options)


def digits(text: str) -> str:
    return re.sub(r"[^0-9+]", "", text.split(":", 1)[-1])


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def checked(data: dict[str, Any]) -> dt.date:
    """The date the numbers were last confirmed (the file has been checked)."""
    return as_date(data["checked"])  # type: ignore[return-value]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Rendering ----------------------------------------------------------------------------------------

EMERGENCY_TEXT = "if someone is in danger now, and say it is a mental health crisis."


def esc(text: Any) -> str:
    return html.escape(str(text), quote=False)


def link(dial: str, label: str, number: str, text: bool = False, button: bool = True, keyword: str = "") -> str:
    """One tappable number: tel: to call, sms: to text (with the word to send, where there is one)."""
    href = dial + (f"?&body={keyword}" if keyword else "")  # "?&body=" works on both Android and iOS
    classes = ("ps-call ps-call--text" if text else "ps-call") if button else ""
    cls = f' class="{classes}"' if classes else ""
    return f'<a{cls} href="{html.escape(href)}" data-number="{html.escape(number)}">{esc(label)}</a>'


def cite(entries: Iterable[dict[str, Any]], citations: bool) -> str:
    """One citation marker for the sources of these entries, turned into numbered links by the build."""
    keys = list(dict.fromkeys(e["source"] for e in entries if e.get("source")))
    return f" [@{'; @'.join(keys)}]" if citations and keys else ""


def line_buttons(line: dict[str, Any]) -> str:
    number, dial, kind, keyword = line["number"], line["dial"], line["kind"], line.get("keyword", "")
    if kind == "text":
        label = f"Text {keyword} to {number}" if keyword else f"Text {number}"
        return link(dial, label, number, text=True, keyword=keyword)
    out = link(dial, f"Call {number}", number)
    if kind == "call or text":
        out += " " + link("sms:" + digits(dial), f"Text {number}", number, text=True)
    return out


def line_text(line: dict[str, Any]) -> str:
    stop = "" if line["name"][-1:] in ".?!" else "."
    name = (f"In {esc(line['region'])}: " if line.get("region") else "") + f"**{esc(line['name'])}**{stop}"
    return " ".join([name] + [esc(line[k]) for k in ("note", "who", "hours") if line.get(k)])


def line_groups(lines: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive lines that share a name (call and text) or a number (111 in three nations) go together."""
    groups: list[list[dict[str, Any]]] = []
    for line in lines:
        last = groups[-1][-1] if groups else None
        if last is not None and (last["name"] == line["name"] or last["dial"] == line["dial"]):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def group_block(group: list[dict[str, Any]], citations: bool) -> str:
    """One paragraph: the buttons, then what each line is (one per line), then the sources."""
    buttons = list(dict.fromkeys(line_buttons(line) for line in group))
    texts = list(dict.fromkeys(line_text(line) for line in group))
    return " ".join(buttons) + "<br>\n" + "<br>\n".join(texts) + cite(group, citations)


def country_body(country: dict[str, Any], citations: bool, first_attrs: str = "") -> list[str]:
    """The blocks (paragraphs of Markdown or HTML) for one country: emergency, lines, advice, directory."""
    blocks: list[str] = []
    emergency = country["emergency"]
    main, others = emergency[0], emergency[1:]
    text = link(main["dial"], f"Call {main['number']}", main["number"]) + " " + EMERGENCY_TEXT
    if others:
        also = " or ".join(link(e["dial"], e["number"], e["number"], button=False) for e in others)
        text += f" {also} also works."
    if main.get("note"):
        text += " " + esc(main["note"])
    text += cite(emergency, citations)
    blocks.append(text + (f"\n{{: .ps-crisis-lines__emergency {first_attrs} }}" if first_attrs else ""))
    for group in line_groups(country.get("lines") or []):
        blocks.append(group_block(group, citations))
    for sentence in country.get("advice") or []:
        blocks.append(esc(sentence))
    directory = country.get("directory")
    if directory:
        lead = esc(directory["note"]).rstrip(".") + " at " if directory.get("note") else ""
        blocks.append(f"{lead}[{esc(directory['name'])}]({directory['url']}).{cite([directory], citations)}")
    return blocks


def render_tabs(data: dict[str, Any]) -> str:
    """The "Whom to call" block: one content tab per country, labelled as the site's other country tabs are
    (Material's content.tabs.link switches tabs with the same label together). Markdown for pymdownx.tabbed;
    the first paragraph of each tab carries data-ps-country, which crisis-lines.js uses to open the tab of
    the reader's country."""
    out: list[str] = []
    for code, country in data["countries"].items():
        out.append(f'=== "{country["name"]}"\n')
        body = country_body(country, citations=False, first_attrs=f'data-ps-country="{html.escape(code)}"')
        for block in body:
            out.append("\n".join("    " + ln for ln in block.split("\n")) + "\n")
    out.append(f"These numbers were last checked on {long_date(checked(data))}.\n"
               "{: .ps-crisis-lines__checked }\n")
    return "\n".join(out)


def render_page(data: dict[str, Any]) -> str:
    """The lines section of /crisis/: a country picker (shown by crisis-lines.js) and one panel per country,
    each under its own heading so that without JavaScript every country shows, with sources cited."""
    options = "".join(f'<option value="{html.escape(code)}">{esc(c["name"])}</option>\n'
                      for code, c in data["countries"].items())
    out = [f'<div class="ps-country-picker" hidden>\n<label for="ps-country">Show numbers for</label>\n'
           f'<select id="ps-country">\n{options}</select>\n</div>\n']  # raw HTML: Markdown would split the select
    for code, country in data["countries"].items():
        blocks = country_body(country, citations=True)
        out.append(f'<div class="ps-country" data-country="{html.escape(code)}" markdown>\n\n'
                   f'### {esc(country["name"])} {{#{slug(country["name"])}}}\n\n' + "\n\n".join(blocks) + "\n\n</div>\n")
    out.append(f"These numbers were last checked on **{long_date(checked(data))}**.\n")
    return "\n".join(out)


def render_print(data: dict[str, Any]) -> str:
    """A compact list for paper (the group packet, handouts): each country on one line, numbers written out."""
    out = []
    for country in data["countries"].values():
        bits = ["Emergency " + " or ".join(e["number"] for e in country["emergency"])]
        for group in line_groups(country.get("lines") or []):
            names = list(dict.fromkeys(line["name"] for line in group))
            ways = list(dict.fromkeys(
                ("text " + (f"{line['keyword']} to " if line.get("keyword") else "") if line["kind"] == "text"
                 else "call or text " if line["kind"] == "call or text" else "call ") + line["number"]
                for line in group))
            bits.append(f"{' / '.join(esc(n) for n in names)}: {', '.join(esc(w) for w in ways)}")
        out.append(f"- **{esc(country['name'])}**: " + "; ".join(bits) + ".")
    out.append(f"\nThese numbers were last checked on {long_date(checked(data))}.")
    return "\n".join(out) + "\n"


# Command line -------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).parent.parent / "docs" / "crisis-lines.yml"
    sources_file = path.parent / "sources.yml"
    sources = list(load(sources_file) or {}) if sources_file.exists() else None
    _, problems = read(path, str(path), sources)
    for p in problems:
        print(p)
    print(f"{path}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
