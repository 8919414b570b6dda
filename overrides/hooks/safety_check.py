"""After the last language is built: every article still carries its urgency cards, sources, review dates and FAQ
answers (patient_info.safety_check, which `make build` also runs over site/ on its own, whatever made it)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from patient_info.safety_check import check


@event_priority(-500)  # after every other step has written the site
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: not every page is there yet
    english = i18n is None or any(language.locale == "en" and language.build for language in i18n.config.languages)
    problems = check(Path(config.site_dir), Path(config.docs_dir), english=english)
    if problems:
        raise PluginError("safety content missing: " + "; ".join(problems))
