"""Read aloud ("Lees voor"): which pages get the button, and the pronunciation list the browser script needs.

The knowledge is in patient_info/pronunciation.py (reads and checks docs/_shared/pronunciation.<language>.yml);
this hook only
- checks each built language's file at its first page (one error line naming the file),
- sets `read_aloud` in the template context of every article and of the pages listed in mkdocs.yml
  (`extra.read_aloud.pages`): overrides/main.html then writes the buttons beside the print button,
- writes the checked list as assets/javascripts/pronunciation.<language>.json, which
  docs/assets/javascripts/read-aloud.js fetches only when the reader presses the button.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from patient_info.pronunciation import PronunciationError, pronunciation

DATA = "_shared/pronunciation.{language}.yml"  # under docs_dir
OUTPUT = "assets/javascripts/pronunciation.{language}.json"  # under site_dir, fetched by read-aloud.js

lists: dict[str, dict] = {}  # per built language, filled by on_config (once per language build)


def on_startup(command, dirty):
    lists.clear()


def load(config, language: str) -> None:
    """Check the language's pronunciation file once per build; one error line naming the file."""
    if language not in lists:
        try:
            lists[language] = pronunciation(Path(config.docs_dir) / DATA.format(language=language))
        except PronunciationError as error:
            raise PluginError(str(error)) from None


def on_config(config):
    pages = (config.extra.get("read_aloud") or {}).get("pages") or []
    missing = [name for name in pages if not (Path(config.docs_dir) / name).is_file()]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.read_aloud.pages names {missing[0]}, which is not in docs/")
    return config


def listed(src_uri: str, pages: list[str]) -> bool:
    """Whether a page (its Markdown file, either language: x.md or x.en.md) is one of `pages` (x.md)."""
    stem = PurePosixPath(src_uri).name.split(".")[0]
    return any(PurePosixPath(name).name.split(".")[0] == stem for name in pages)


def on_page_context(context, page, config, nav):
    pages = (config.extra.get("read_aloud") or {}).get("pages") or []
    article = page.meta.get("type") != "page"
    if article or listed(page.file.src_uri, pages):
        # mkdocs-static-i18n gives each language's pages their own theme.language (its on_config runs only once)
        language = config.theme["language"]
        load(config, language)
        context["read_aloud"] = {"words": OUTPUT.format(language=language)}
    return context


@event_priority(-300)  # after mkdocs-static-i18n has built the last language (as hooks/pagefind_index.py)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: the outer build writes every language's list at its end
    for language, words in lists.items():
        path = Path(config.site_dir) / OUTPUT.format(language=language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
