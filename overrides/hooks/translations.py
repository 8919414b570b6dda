"""Stop the build when a page lacks its translation, whenever English is built (`ENGLISH=false` builds Dutch only):
patient_info.content_model.check_translations."""

from __future__ import annotations

from pathlib import Path

from patient_info.content_model import check_translations


def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and "en" in i18n.build_languages and i18n.current_language == i18n.default_language:
        check_translations(Path(config.docs_dir))
    return files
