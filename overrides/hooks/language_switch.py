"""Name the other language on Material's language switch: "English" on a Dutch page, "Nederlands" on an English one.

Material's switch (partials/alternate.html, written outside any template block) is the icon "文A" only, which a
patient does not read as "other language". This adds the other language's name as visible text inside the button
and puts that name first in the button's accessible name, so what is seen is what a screen reader or voice control
says ("English – Selecteer taal"; WCAG 2.5.3). The names come from the i18n plugin's languages
(config.extra.alternate). When Material's markup no longer matches, the build stops with a PluginError naming the
page.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

BUTTON = re.compile(
    r'(<div class="md-select">\s*<button class="md-header__button md-icon" aria-label=")([^"]*)(">\s*<svg\b.*?</svg>)',
    re.DOTALL,
)


def other_languages(config) -> list[dict]:
    language = config.theme["language"]
    return [alt for alt in config.extra.get("alternate") or [] if alt.get("lang") != language]


def label_switch(output: str, others: list[dict], where: str) -> str:
    if not others:
        return output
    matches = list(BUTTON.finditer(output))
    if len(matches) != 1:
        raise PluginError(f"{where}: Material's language switch button not found once (found {len(matches)}); "
                          "overrides/hooks/language_switch.py no longer matches Material's partials/alternate.html")
    names = " / ".join(html.escape(str(alt["name"])) for alt in others)
    lang = f' lang="{html.escape(str(others[0]["lang"]))}"' if len(others) == 1 else ""
    match = matches[0]
    button = (f"{match.group(1)}{names} – {match.group(2)}{match.group(3)}"
              f'<span class="language-switch__label"{lang}>{names}</span>')
    return output[: match.start()] + button + output[match.end():]


def on_post_page(output: str, page, config) -> str:
    return label_switch(output, other_languages(config), f"docs/{page.file.src_uri}")


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.endswith(".html") and '<div class="md-select">' in output:
        return label_switch(output, other_languages(config), template_name)
    return output
