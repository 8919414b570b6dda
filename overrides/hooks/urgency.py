"""Render "when to call" (care cards in three levels) from its one source, docs/_shared/urgency.yml.

A page places the cards with a line of its own, `{urgency: emergency now}`, `{urgency: appointment}` or
`{urgency-card}` (the card to keep, on the page `wanneer-bellen`); the markup is `overrides/partials/urgency.html`.
A marker that holds the emergency level also writes the section heading "Wanneer moet je bellen?" with the id
`wanneer-bellen`, and a link to the card to keep. An article may choose its items in front matter
(`urgency: [item-id, ...]`, the same in both languages). The build stops with one line naming the file when the data
is incomplete, a page names an unknown level or item, an article lacks its cards, or a page writes its own red-flag
box (`!!! danger`): that advice belongs in the data file, so that no second copy can drift.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from faq_markdown import fail
from front_matter import counterpart, read

DATA_FILE = "_shared/urgency.yml"
CARD_PAGE = "wanneer-bellen.md"
SECTION_ID = "wanneer-bellen"
LANGUAGES = ("nl", "en")
LEVEL_TEXTS = ("heading", "hidden_prefix", "intro")
CARD_TEXTS = ("title", "link", "your_gp", "out_of_hours", "keep")
MARKER = re.compile(r"^\{urgency(?::\s*(?P<levels>[a-z][a-z -]*?)|(?P<card>-card))\s*\}[ \t]*$", re.MULTILINE)
ANY_MARKER = re.compile(r"\{urgency\b")
HAND_WRITTEN_BOX = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]+danger\b", re.MULTILINE)
FIRST_SECTION = re.compile(r"^##\s", re.MULTILINE)

_data: dict | None = None


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


def load_urgency_data(docs_dir: str) -> dict:
    path = Path(docs_dir) / DATA_FILE
    name = f"{Path(docs_dir).name}/{DATA_FILE}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise fail(name, "missing: the one source of the urgency advice") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problem = " ".join(str(error).split())
        raise fail(name, f"is not valid YAML: {problem}") from None
    return check_urgency_data(data, name)


# --- A page's markers ---------------------------------------------------------------------------------------------


def level_ids(data: dict) -> list[str]:
    return [level["id"] for level in data["levels"]]


def chosen_items(meta: dict, data: dict, src_path: str) -> set[str]:
    """The item ids a page shows: its front matter `urgency` list, or every item."""
    every = {item["id"] for level in data["levels"] for item in level["items"]}
    choice = meta.get("urgency")
    if choice is None:
        return every
    if not isinstance(choice, list) or not choice or not all(isinstance(i, str) for i in choice):
        raise fail(src_path, "front matter field 'urgency' must be a list of item ids from docs/" + DATA_FILE)
    unknown = [i for i in choice if i not in every]
    if unknown:
        raise fail(src_path, f"front matter field 'urgency' names unknown item ids: {', '.join(unknown)}")
    return set(choice)


def marker_levels(match: re.Match, data: dict, src_path: str) -> list[str]:
    if match.group("card"):
        return level_ids(data)
    levels = match.group("levels").replace(",", " ").split()
    unknown = [level for level in levels if level not in level_ids(data)]
    if unknown or not levels:
        raise fail(src_path, f"{{urgency: {match.group('levels')}}} names unknown levels "
                             f"{', '.join(unknown)}; known: {', '.join(level_ids(data))}")
    return levels


def check_markers(markdown: str, meta: dict, data: dict, src_path: str) -> None:
    """No hand-written red-flag box, no malformed marker, and an article has all three levels in their places."""
    if HAND_WRITTEN_BOX.search(markdown):
        raise fail(src_path, f"a hand-written red-flag box (!!! danger): write the advice in docs/{DATA_FILE} "
                             "and place it with {urgency: emergency now}")
    markers = list(MARKER.finditer(markdown))
    if len(markers) != len(ANY_MARKER.findall(markdown)):
        raise fail(src_path, "an {urgency...} marker is malformed: write it on a line of its own, "
                             "e.g. {urgency: emergency now}")
    if meta.get("type") == "page":
        return
    first_section = FIRST_SECTION.search(markdown)
    head_end = first_section.start() if first_section else len(markdown)
    top = [m for m in markers if m.start() < head_end]
    top_levels = marker_levels(top[0], data, src_path) if top else []
    if top_levels != ["emergency", "now"]:
        raise fail(src_path, "no urgency cards after the summary: put {urgency: emergency now} on a line of its own "
                             "before the first ## section")
    shown = [level for marker in markers for level in marker_levels(marker, data, src_path)]
    if "appointment" not in shown:
        raise fail(src_path, "no {urgency: appointment} card (place it in the section on when to see a "
                             "physiotherapist or GP)")


def dutch_meta(src_uri: str, docs_dir: str) -> dict | None:
    """The front matter of an English page's Dutch counterpart (hooks run once per language build)."""
    if not src_uri.endswith(".en.md"):
        return None
    name = counterpart(src_uri)
    dutch = Path(docs_dir) / name
    return read(dutch, f"{Path(docs_dir).name}/{name}")[0] if dutch.is_file() else None


# --- Rendering -----------------------------------------------------------------------------------------------------


def render_cards(levels: list[str], items: set[str], language: str, data: dict, config, *, card: bool) -> str:
    template = config.theme.get_env().get_template("partials/urgency.html")
    chosen = [
        {"id": level["id"], "texts": level[language], "phone": str(level.get("phone") or ""),
         "items": [{"id": item["id"], "text": item[language]} for item in level["items"] if item["id"] in items]}
        for level in data["levels"] if level["id"] in levels
    ]
    html = template.render(levels=chosen, card=data["card"][language] if card else None, config=config)
    return "\n".join(line for line in html.splitlines() if line.strip())


def section_heading(data: dict, language: str) -> str:
    return f"## {data['section'][language]} {{ #{SECTION_ID} }}"


def card_link(page_uri: str, language: str, data: dict) -> str:
    source = CARD_PAGE if language == "nl" else CARD_PAGE.replace(".md", f".{language}.md")
    target = posixpath.relpath(source, posixpath.dirname(page_uri) or ".")
    return f'<p class="urgency-keep" markdown>[{data["card"][language]["link"]}]({target})</p>'


def on_config(config):
    global _data
    _data = load_urgency_data(config.docs_dir)
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    data = _data
    language = config.theme["language"]
    src_path = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    check_markers(markdown, page.meta, data, src_path)
    items = chosen_items(page.meta, data, src_path)
    dutch = dutch_meta(page.file.src_uri, config.docs_dir)
    if dutch is not None and chosen_items(dutch, data, src_path) != items:
        raise fail(src_path, "front matter field 'urgency' differs from the Dutch page's")
    is_card_page = page.file.src_uri.split(".")[0] == CARD_PAGE.split(".")[0]

    def replace(match: re.Match) -> str:
        levels = marker_levels(match, data, src_path)
        cards = render_cards(levels, items, language, data, config, card=bool(match.group("card")))
        if match.group("card") or "emergency" not in levels:
            return cards
        parts = [section_heading(data, language), cards]
        if not is_card_page:
            parts.append(card_link(page.file.src_uri, language, data))
        return "\n\n".join(parts)

    return MARKER.sub(replace, markdown)
