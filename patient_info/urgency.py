"""When to call (care cards in three levels): the knowledge, as plain functions that know nothing of MkDocs.

The advice is written once, in docs/_shared/urgency.yml (both languages side by side). This module loads and checks
it, parses and checks the markers that place the cards in a page, and renders the cards' HTML. The Python-Markdown
extension patient_info/urgency_cards.py renders the markers, so any generator that runs Python-Markdown shows the
cards; patient_info/mkdocs_adapter.py only calls the checks here and turns an `UrgencyError` into a build error.

A page places the cards with a line of its own that ends with the page's language (the extension cannot see the
file name, so the marker says it, like `{drawing: bridge nl}`):

    {urgency: emergency now nl}        the levels named, most urgent first; with `emergency`, also the section
                                       heading "Wanneer moet je bellen?" (id `wanneer-bellen`) and a link to the
                                       card to keep (wanneer-bellen.md)
    {urgency: appointment en}
    {urgency-card nl}                  the card to keep, every level (page wanneer-bellen)

Every page shows every item of a level. A mistake is an `UrgencyError` whose message is one line naming the file and
the problem. The icons are Material Design Icons (Pictogrammers, Apache 2.0), copied from Material for MkDocs into
patient_info/data/icons/ so that the cards do not need Material installed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml

from patient_info.errors import ContentError
from patient_info.pages import file_language, load_yaml, markdown_files

DATA_FILE = "_shared/urgency.yml"
CARD_PAGE = "wanneer-bellen.md"
SECTION_ID = "wanneer-bellen"
LANGUAGES = ("nl", "en")
LEVEL_TEXTS = ("heading", "hidden_prefix", "intro")
# `site`: the site's name on the card to keep, in each language (the same as mkdocs.yml's site_name; the hook
# checks it).
CARD_TEXTS = ("title", "site", "link", "your_gp", "out_of_hours", "keep")
# A marker line: `{urgency: <levels> <language>}` or `{urgency-card <language>}`, at the start of its line.
MARKER = re.compile(r"^\{urgency(?P<card>-card)?(?P<colon>:)?(?P<words>[^{}\n]*)\}[ \t]*$")
ANY_MARKER = re.compile(r"\{urgency\b")
HAND_WRITTEN_BOX = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]+danger\b", re.MULTILINE)
FIRST_SECTION = re.compile(r"^##\s", re.MULTILINE)
ICON_DIR = Path(__file__).resolve().parent / "data" / "icons"
ICONS = {"emergency": "ambulance", "now": "phone-alert", "appointment": "calendar-clock"}
OTHER_ICON = "alert"
EXAMPLE = "{urgency: emergency now nl}"


class UrgencyError(ContentError):
    """A mistake in the urgency data or in a page's markers: one line naming the file and the problem."""


def fail(where: str, message: str) -> UrgencyError:
    return UrgencyError(f"{where}: {message}")


# --- The data ------------------------------------------------------------------------------------------------------


def _texts(owner: dict, keys: tuple[str, ...], where: str, path: str, optional: tuple[str, ...] = ()) -> None:
    for language in LANGUAGES:
        texts = owner.get(language)
        if not isinstance(texts, dict):
            raise fail(path, f"{where} has no '{language}' texts")
        for key in keys:
            value = texts.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(path, f"{where} has no '{language}' text '{key}'")
        for key in optional:
            if key in texts and (not isinstance(texts[key], str) or not texts[key].strip()):
                raise fail(path, f"{where} has an empty '{language}' text '{key}'")


def _plain_text(owner: dict, where: str, path: str) -> None:
    for language in LANGUAGES:
        value = owner.get(language)
        if not isinstance(value, str) or not value.strip():
            raise fail(path, f"{where} has no '{language}' text")


def _claim_id(entry, kind: str, missing: str, seen: set[str], path: str) -> str:
    """A level's or item's id, unique in the whole file; returns how an error names it."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise fail(path, f"{missing} has no id")
    where = f"{kind} '{entry['id']}'"
    if entry["id"] in seen:
        raise fail(path, f"{where}: the id is used twice")
    seen.add(entry["id"])
    return where


def check_urgency_data(data, path: str) -> dict:
    """The parsed data file, checked: every level and item has an id, a source and text in both languages."""
    if not isinstance(data, dict) or not isinstance(data.get("levels"), list) or not data["levels"]:
        raise fail(path, "must hold 'levels', a list of levels with items")
    _plain_text(data.get("section") or {}, "'section'", path)
    _texts(data.get("card") or {}, CARD_TEXTS, "'card'", path)
    seen: set[str] = set()
    for number, level in enumerate(data["levels"], 1):
        where = _claim_id(level, "level", f"level {number}", seen, path)
        _texts(level, LEVEL_TEXTS, where, path, optional=("note",))
        items = level.get("items")
        if not isinstance(items, list) or not items:
            raise fail(path, f"{where} has no items")
        for item_number, item in enumerate(items, 1):
            item_where = _claim_id(item, "item", f"{where} item {item_number}", seen, path)
            if not isinstance(item.get("source"), str) or not item["source"].strip():
                raise fail(path, f"{item_where} has no source")
            _plain_text(item, item_where, path)
    return data


def load_data_file(path: Path, name: str) -> dict:
    """The data file at `path`, checked; `name` is how an error names it."""
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise fail(name, "missing: the one source of the urgency advice") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problem = " ".join(str(error).split())
        raise fail(name, f"is not valid YAML: {problem}") from None
    return check_urgency_data(data, name)


def load_urgency_data(docs_dir: str | Path) -> dict:
    """The data file of a docs folder, checked; errors name it as e.g. docs/_shared/urgency.yml."""
    return load_data_file(Path(docs_dir) / DATA_FILE, data_name(docs_dir))


def data_name(docs_dir: str | Path) -> str:
    return f"{Path(docs_dir).name}/{DATA_FILE}"


def level_ids(data: dict) -> list[str]:
    return [level["id"] for level in data["levels"]]


def check_site_name(data: dict, language: str, site_name: str, path: str) -> None:
    """The card to keep names the site as the generator's configuration does (mkdocs.yml site_name)."""
    written = data["card"][language]["site"]
    if written.strip() != site_name.strip():
        raise fail(path, f"'card' has the '{language}' text 'site' {written!r}, but the site is called "
                         f"{site_name!r} (site_name in mkdocs.yml): make them the same")


# --- Markers -------------------------------------------------------------------------------------------------------


class Marker(NamedTuple):
    levels: tuple[str, ...]  # the level ids it names, as written (the cards come in the data's order)
    language: str
    card: bool  # the card to keep
    text: str  # the marker as written, for error messages


def parse_marker(line: str, data: dict, page_language: str = LANGUAGES[0]) -> Marker | None:
    """The marker a line holds, checked; None when the line mentions no marker. Raises UrgencyError (the problem
    only: the caller names the file) for anything that would otherwise print as text; `page_language`, when known,
    only completes the fix an error suggests."""
    if not ANY_MARKER.search(line):
        return None
    match = MARKER.match(line)
    if match is None or (match["card"] is None) != (match["colon"] is not None):
        raise UrgencyError(f"an {{urgency...}} marker is malformed: write it on a line of its own, e.g. {EXAMPLE}: "
                           f"{line.strip()!r}")
    text = line.strip()
    words = match["words"].replace(",", " ").split()
    if not words or words[-1] not in LANGUAGES:
        fixed = (f"{{urgency-card {page_language}}}" if match["card"]
                 else f"{{urgency: {' '.join(words)} {page_language}}}")
        raise UrgencyError(f"{text} does not end with its language ({' or '.join(LANGUAGES)}): write {fixed}")
    language, names = words[-1], words[:-1]
    if match["card"]:
        if names:
            raise UrgencyError(f"{text}: the card to keep shows every level, write {{urgency-card {language}}}")
        return Marker(tuple(level_ids(data)), language, True, text)
    known = level_ids(data)
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise UrgencyError(f"{text} names unknown levels {', '.join(unknown)}; known: {', '.join(known)}")
    return Marker(tuple(names), language, False, text)


def page_markers(markdown: str, data: dict, src_path: str) -> list[tuple[int, Marker]]:
    """(offset, marker) of every marker line in a Markdown text, each checked, in the file's own language."""
    found = []
    language = file_language(src_path)
    offset = 0
    for line in markdown.splitlines(keepends=True):
        try:
            marker = parse_marker(line.rstrip("\r\n"), data, language)
        except UrgencyError as error:
            raise fail(src_path, str(error)) from None
        if marker is not None:
            if marker.language != language:
                raise fail(src_path, f"{marker.text} is marked '{marker.language}', the file is '{language}'")
            found.append((offset, marker))
        offset += len(line)
    return found


def check_page(markdown: str, meta: dict, data: dict, src_path: str) -> None:
    """A page's markers: no hand-written red-flag box, no item choice in front matter, every marker well formed
    and in the file's language, and an article shows 112 and "call now" before its first section and the
    appointment card later."""
    if HAND_WRITTEN_BOX.search(markdown):
        raise fail(src_path, f"a hand-written red-flag box (!!! danger): write the advice in docs/{DATA_FILE} "
                             f"and place it with {EXAMPLE}")
    if "urgency" in meta:
        raise fail(src_path, f"front matter field 'urgency' is not read: every page shows every item of "
                             f"docs/{DATA_FILE}; remove the field")
    markers = page_markers(markdown, data, src_path)
    if meta.get("type") == "page":
        return
    language = file_language(src_path)
    first_section = FIRST_SECTION.search(markdown)
    head_end = first_section.start() if first_section else len(markdown)
    top = [marker for offset, marker in markers if offset < head_end]
    if not top or top[0].levels != ("emergency", "now"):
        raise fail(src_path, f"no urgency cards after the summary: put {{urgency: emergency now {language}}} on a "
                             "line of its own before the first ## section")
    if not any("appointment" in marker.levels for _, marker in markers):
        raise fail(src_path, f"no {{urgency: appointment {language}}} card (place it in the section on when to see "
                             "a physiotherapist or GP)")


def check_docs(docs_dir: str | Path, data: dict) -> None:
    """Every marker in every Markdown file of a docs folder (shared blocks included): well formed, known levels,
    the file's own language. Errors name the file as e.g. docs/door-de-rug-gaan.en.md."""
    for name, text in markdown_files(docs_dir):
        page_markers(text, data, name)


# --- Rendering -----------------------------------------------------------------------------------------------------

_icons: dict[str, str] = {}


def escape(value) -> str:
    """Text for HTML: & < > " ' escaped (the same entities as Jinja's `e` filter)."""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def markdown_text(value: str) -> str:
    """Data text inside a Markdown line: no HTML from it."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def icon(level_id: str) -> str:
    name = ICONS.get(level_id, OTHER_ICON)
    if name not in _icons:
        _icons[name] = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8").strip()
    return _icons[name]


def _level_html(level: dict, language: str) -> list[str]:
    texts = level[language]
    level_id = escape(level["id"])
    phone = str(level.get("phone") or "")
    heading = escape(texts["heading"])
    if phone:
        heading = f'<a href="tel:{escape(phone)}">{heading}</a>'
    lines = [
        f'<div class="urgency urgency--{level_id}" data-urgency-level="{level_id}">',
        '<h3 class="urgency__heading">',
        f'<span class="urgency__icon" aria-hidden="true">{icon(level["id"])}</span>',
        f'<span><span class="visually-hidden">{escape(texts["hidden_prefix"])} </span>{heading}</span>',
        "</h3>",
        '<div class="urgency__body">',
        f"<p>{escape(texts['intro'])}</p>",
        "<ul>",
        *(f'<li data-urgency-item="{escape(item["id"])}">{escape(item[language])}</li>' for item in level["items"]),
        "</ul>",
    ]
    if texts.get("note"):
        lines.append(f'<p class="urgency__note">{escape(texts["note"])}</p>')
    return [*lines, "</div>", "</div>"]


def render_cards(data: dict, levels: tuple[str, ...] | list[str], language: str, *, card: bool = False) -> str:
    """The cards of the levels named, in the data's order: `<div class="urgency-cards">`, or with `card` the card to
    keep (twice: on screen, and the copy printed beside it). Every text is escaped."""
    cards = [line for level in data["levels"] if level["id"] in levels for line in _level_html(level, language)]
    if not card:
        lines = ['<div class="urgency-cards">', *cards, "</div>"]
    else:
        texts = data["card"][language]
        lines = []
        for copy in ("screen", "print"):
            opening = ('<div class="urgency-card urgency-card--copy" aria-hidden="true">' if copy == "print"
                       else '<div class="urgency-card">')
            lines += [
                opening,
                f'<p class="urgency-card__site">{escape(texts["site"])}</p>',
                f'<h2 class="urgency-card__title">{escape(texts["title"])}</h2>',
                *cards,
                '<dl class="urgency-card__numbers">',
                f"<dt>{escape(texts['your_gp'])}</dt><dd></dd>",
                f"<dt>{escape(texts['out_of_hours'])}</dt><dd></dd>",
                "</dl>",
                f'<p class="urgency-card__keep">{escape(texts["keep"])}</p>',
                "</div>",
            ]
    # No blank line: a text with one would end the raw HTML block in Markdown.
    return "\n".join(line for line in "\n".join(lines).splitlines() if line.strip())


def section_heading(data: dict, language: str) -> str:
    """The Markdown heading over an article's first cards, so that the table of contents lists it."""
    return f"## {markdown_text(data['section'][language])} {{ #{SECTION_ID} }}"


def card_link(data: dict, language: str) -> str:
    """A Markdown paragraph linking the card to keep, in the page's language (pages sit at the top of docs/)."""
    target = CARD_PAGE if language == LANGUAGES[0] else CARD_PAGE.replace(".md", f".{language}.md")
    return f'<p class="urgency-keep" markdown>[{markdown_text(data["card"][language]["link"])}]({target})</p>'


class Rendered(NamedTuple):
    heading: str | None  # a Markdown line, or None
    cards: str  # HTML
    link: str | None  # a Markdown line, or None


def render_marker(data: dict, marker: Marker) -> Rendered:
    """What a marker becomes: the cards, and with the emergency level (not on the card to keep) the section heading
    before them and the link to the card to keep after them."""
    cards = render_cards(data, marker.levels, marker.language, card=marker.card)
    if marker.card or "emergency" not in marker.levels:
        return Rendered(None, cards, None)
    return Rendered(section_heading(data, marker.language), cards, card_link(data, marker.language))
