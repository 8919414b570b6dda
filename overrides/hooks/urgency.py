"""When to call: MkDocs glue only. The Markdown extension patient_info.urgency_cards renders the cards; this hook runs
the checks of patient_info/urgency.py, where each file's name is known (a mistake is a ContentError line, which
overrides/hooks/build_errors.py turns into the build's error)."""

from __future__ import annotations

from pathlib import Path

from build_errors import page_event
from patient_info import urgency

_data: dict = {}


def on_config(config):
    _data["data"] = urgency.load_urgency_data(config.docs_dir)
    urgency.check_docs(config.docs_dir, _data["data"])
    return config


def on_pre_build(config):
    # Not in on_config: mkdocs-static-i18n sets the language's site_name in its own on_config, after the hooks'.
    # The name as written, also when hooks/escape_values.py has made it escaped Markup in an earlier build.
    name = config.site_name.unescape() if hasattr(config.site_name, "unescape") else str(config.site_name)
    urgency.check_site_name(_data["data"], config.theme["language"], name, urgency.data_name(config.docs_dir))


@page_event
def on_page_markdown(markdown: str, page, config, files) -> str:
    urgency.check_page(markdown, page.meta, _data["data"], f"{Path(config.docs_dir).name}/{page.file.src_path}")
    return markdown
