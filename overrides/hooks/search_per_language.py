"""Give each language its own search index, so a Dutch reader gets Dutch results and an English reader English.

mkdocs-static-i18n writes one combined `search/search_index.json` (ultrabug/mkdocs-static-i18n#271) and
Material loads the index from `<base>/search/search_index.json`. After the last language is built, this splits the
combined index into `search/search_index.json` (Dutch, the default language) and `en/search/search_index.json`
(English, locations made relative to `en/`), each with only its own language's stemmer, and makes every page of a
non-default language use its language folder as Material's `base`, which is where Material looks for the index
and what search result links are relative to.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"


def language_folder(config) -> str | None:
    """The folder of the language being built ('en'), or None for the default language."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return None
    return i18n.current_language


def on_page_context(context, page, config, nav):
    folder = language_folder(config)
    if folder is not None:
        context["base_url"] = posixpath.join(context["base_url"], folder) + "/"
    return context


def on_template_context(context, template_name, config):
    folder = language_folder(config)
    if folder is not None and template_name == "404.html":
        context["base_url"] = posixpath.join(context["base_url"], folder) + "/"
    return context


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """One index per language: entries under '<lang>/' go to that language, the rest to the default one."""
    prefixes = {language: f"{language}/" for language in languages if language != default}
    split = {language: [] for language in languages}
    for entry in index["docs"]:
        language = next((lang for lang, prefix in prefixes.items() if entry["location"].startswith(prefix)), default)
        if language != default:
            entry = {**entry, "location": entry["location"][len(prefixes[language]):]}
        split[language].append(entry)
    return {
        language: {"config": {**index["config"], "lang": [language]}, "docs": docs}
        for language, docs in split.items()
    }


@event_priority(-200)  # after mkdocs-static-i18n (-100) has rebuilt the combined index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return  # a nested language build: the combined index is not complete yet
    site = Path(config.site_dir)
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language, language_index in split_index(index, i18n.build_languages, i18n.default_language).items():
        target = site / INDEX if language == i18n.default_language else site / language / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

