"""Stop the build when a page lacks its translation, naming the missing file.

mkdocs-static-i18n with `fallback_to_default: false` silently leaves an untranslated page out of `/en/`; with
the fallback on it shows Dutch text there. Neither is acceptable on a health site: every `page.md` needs a
`page.en.md` and the other way round, whenever English is built (`ENGLISH=false` builds Dutch only).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

SUFFIX = ".en.md"


def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if i18n is None or "en" not in i18n.build_languages or i18n.current_language != i18n.default_language:
        return files
    docs_dir = Path(config.docs_dir)
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    present = set(pages)
    for page in pages:
        if page.endswith(SUFFIX):
            counterpart = page[: -len(SUFFIX)] + ".md"
        else:
            counterpart = page[: -len(".md")] + SUFFIX
        if counterpart not in present:
            folder = docs_dir.name
            raise PluginError(f"{folder}/{counterpart}: missing, the translation of {folder}/{page}")
    return files
