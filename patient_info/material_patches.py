"""Every change the site makes to Material's finished HTML, in one module, run over the built site/ by
patient_info/post_build.py. Each patch fails loudly (a PatchError naming the page and what it looked for) when
Material's output no longer matches, instead of silently leaving the page as it was.

Why each exists (tests/test_html_valid.py runs the Nu HTML Checker, tests/test_accessibility.py axe-core and a
keyboard walk):

- `fix_markup`: `autocomplete="off"` on the hidden drawer and search checkboxes is not allowed there (Nu checker);
  the header's menu and search buttons are `<label>`s a keyboard never reaches: they get `tabindex="0"` and their
  name as visually hidden text (docs/assets/javascripts/site.js, part 5, closes the drawer on load and adds Space).
- `label_language_switch`: the switch "文A" also shows the other language's name ("English" / "Nederlands"), first
  in its accessible name too (WCAG 2.5.3). The names are the ones Material lists in the switch itself.
- `add_faq_link`: without JavaScript there is no search, so the header links the FAQ overview (shown only then,
  site.css `@media (scripting: none)`), before the palette toggle: Material's header has no block for it.
- `absolute_alternates`: search engines want absolute hreflang links and an `x-default` (the Dutch page); the
  language switch keeps its relative links.
- `unfocusable_permalinks`: the toc extension's "¶" after every heading leaves the Tab order (`tabindex="-1"`);
  the page's table of contents links every heading already.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from patient_info.errors import ContentError

class PatchError(ContentError):
    """Material's output no longer looks as a patch expects: one line naming the page and the patch."""


def material_templates() -> Path:
    """Material's templates folder (its .icons, partials and scripts), read for what the patches insert or check."""
    try:
        import material  # Material for MkDocs as a package of files; nothing of MkDocs is imported
    except ImportError:
        raise ContentError("the post-build step reads Material's own templates (its inline scripts, icons and stop "
                           "words): install mkdocs-material (requirements.lock)") from None
    return Path(material.__file__).parent / "templates"


def substitute(pattern: re.Pattern | str, replacement: str | Callable, text: str, *, what: str, where: str,
               count: int = 0) -> str:
    """`pattern` (a regex or a plain string) replaced in `text`; a PatchError when it matches nothing."""
    if isinstance(pattern, str):
        found = text.count(pattern)
        result = text.replace(pattern, replacement, count or -1)
    else:
        result, found = pattern.subn(replacement, text, count=count)
    if not found:
        raise PatchError(f"{where}: {what} not found: Material's output changed, update "
                         "patient_info/material_patches.py")
    return result


# --- The header's checkboxes and buttons ---------------------------------------------------------------------------

BUTTON_NAMES = {
    "nl": {"__drawer": "Menu", "__search": "Zoeken"},
    "en": {"__drawer": "Menu", "__search": "Search"},
}
TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off">'
)
HEADER_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="(__drawer|__search)">')


def fix_markup(page: str, language: str, where: str) -> str:
    page = substitute(TOGGLE_AUTOCOMPLETE, r"\1>", page, what="the drawer and search checkboxes", where=where)
    names = BUTTON_NAMES.get(language, BUTTON_NAMES["en"])

    def focusable(match: re.Match) -> str:
        return match.group(0)[:-1] + f' tabindex="0"><span class="visually-hidden">{names[match.group(1)]}</span>'

    return substitute(HEADER_BUTTON, focusable, page, what="the header's menu and search buttons", where=where)


# --- The language switch -------------------------------------------------------------------------------------------

SWITCH_BUTTON = re.compile(
    r'(<div class="md-select">\s*<button class="md-header__button md-icon" aria-label=")([^"]*)(">\s*<svg\b.*?</svg>)',
    re.DOTALL,
)
SWITCH_LINK = re.compile(r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link">\s*(.*?)\s*</a>', re.DOTALL)


def label_language_switch(page: str, language: str, where: str) -> str:
    """The switch's button names the other language(s); a page without a switch (one language) is left alone."""
    if '<div class="md-select">' not in page:
        return page
    others = [(lang, name) for lang, name in SWITCH_LINK.findall(page) if lang != language]
    matches = list(SWITCH_BUTTON.finditer(page))
    if len(matches) != 1 or not others:
        raise PatchError(f"{where}: Material's language switch not found once with its languages (found "
                         f"{len(matches)}); patient_info/material_patches.py no longer matches partials/alternate.html")
    names = " / ".join(name for _, name in others)  # Material wrote them escaped
    lang = f' lang="{html.escape(others[0][0])}"' if len(others) == 1 else ""
    match = matches[0]
    button = (f"{match.group(1)}{names} – {match.group(2)}{match.group(3)}"
              f'<span class="language-switch__label"{lang}>{names}</span>')
    return page[: match.start()] + button + page[match.end():]


# --- The FAQ link for readers without JavaScript --------------------------------------------------------------------

PALETTE = '<form class="md-header__option" data-md-component="palette">'
FAQ_LINK_NAMES = {"nl": "Alle vragen op een rij", "en": "All questions in one list"}


@functools.cache
def faq_icon() -> str:
    return (material_templates() / ".icons" / "material" / "frequently-asked-questions.svg").read_text(encoding="utf-8")


def add_faq_link(page: str, href: str, language: str, where: str) -> str:
    icon = faq_icon()
    name = FAQ_LINK_NAMES.get(language, FAQ_LINK_NAMES["en"])
    link = (f'<a href="{html.escape(href)}" class="md-header__button md-icon header-faq" title="{name}">'
            f'{icon}<span class="visually-hidden">{name}</span></a>')
    return substitute(PALETTE, link + PALETTE, page, what="the palette toggle to put the FAQ link before",
                      where=where, count=1)


# --- Absolute hreflang links ---------------------------------------------------------------------------------------

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def absolute_alternates(page: str, base_url: str, default_language: str, where: str) -> str:
    """Material's alternate links resolved against `base_url` (the page's own address), with an x-default after
    them; a page of a site in more than one language always has them."""
    links = list(ALTERNATE.finditer(page))
    if not links:
        raise PatchError(f"{where}: the hreflang alternate links not found: Material's output changed, update "
                         "patient_info/material_patches.py")
    hrefs = {match.group(2): urljoin(base_url, html.unescape(match.group(1))) for match in links}
    if default_language in hrefs:
        hrefs["x-default"] = hrefs[default_language]
    block = "\n".join(f'<link rel="alternate" href="{html.escape(href)}" hreflang="{lang}">'
                      for lang, href in hrefs.items())
    # Material writes the links one after the other; the whitespace between them goes with them.
    return page[: links[0].start()] + block + page[links[-1].end():]


# --- Heading permalinks --------------------------------------------------------------------------------------------

PERMALINK = '<a class="headerlink" href="#'


def unfocusable_permalinks(page: str, where: str) -> str:
    if "<h2 " in page and PERMALINK not in page:
        raise PatchError(f"{where}: no heading permalink of the form {PERMALINK}…: the toc extension's output "
                         "changed, update patient_info/material_patches.py")
    return page.replace(PERMALINK, '<a class="headerlink" tabindex="-1" href="#')
