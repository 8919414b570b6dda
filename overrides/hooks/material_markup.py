"""Correct the few places where Material's own markup fails the HTML checker or the accessibility checks.

These elements are written by Material's base.html and partials outside any template block, so overriding them
would mean copying whole Material templates; a small rewrite of the rendered page is the smaller change. Each fix
names the rule it answers (tests/test_html_valid.py runs the Nu HTML Checker, tests/test_accessibility.py axe-core
and a keyboard walk):

- `autocomplete="off"` on the hidden drawer and search checkboxes: the HTML standard allows `autocomplete` only on
  text-like inputs (Nu checker error). Material sets it so that Firefox does not restore an open drawer or search
  after a reload; docs/assets/javascripts/material-fixes.js closes both when a page loads instead.
- The menu button and the search button in the header are `<label>`s for hidden checkboxes, so a keyboard never
  reaches them (on a phone-sized or zoomed window they are the only way to the navigation and the search). They
  get `tabindex="0"` and their name as visually hidden text, the way Material makes its own navigation labels
  focusable (ARIA allows no button role on a label: axe `aria-allowed-role`). Material's keyboard handler opens a
  focused label with Enter; docs/assets/javascripts/material-fixes.js adds Space.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from patch import substitute

NAMES = {
    "nl": {"__drawer": "Menu", "__search": "Zoeken"},
    "en": {"__drawer": "Menu", "__search": "Search"},
}
TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off">'
)

HEADER_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="(__drawer|__search)">')


def fix_markup(html: str, language: str, where: str) -> str:
    def patch(pattern, replacement, text, what, count=0):
        return substitute(pattern, replacement, text, hook="material_markup.py", what=what, where=where, count=count)

    html = patch(TOGGLE_AUTOCOMPLETE, r"\1>", html, "the drawer and search checkboxes")
    names = NAMES.get(language, NAMES["en"])

    def focusable(match: re.Match) -> str:
        return match.group(0)[:-1] + f' tabindex="0"><span class="visually-hidden">{names[match.group(1)]}</span>'

    return patch(HEADER_BUTTON, focusable, html, "the header's menu and search buttons")


def on_post_page(output: str, page, config) -> str:
    return fix_markup(output, config.theme["language"], page.file.dest_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.endswith(".html"):
        return fix_markup(output, config.theme["language"], template_name)
    return output
