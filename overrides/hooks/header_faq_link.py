"""Without JavaScript there is no search: give the header a way to the FAQ overview, which lists every question.

Material hides its search button when the browser runs no scripts. In its place the header gets a link to the FAQ
overview page (front matter `faq_overview: true`, patient_info/faq_overview.py) of the page's language, shown only then
(docs/assets/stylesheets/site.css, `@media (scripting: none)`). Material's header has no template block for an extra
button, so the link goes into the rendered page, before the palette toggle; a page without that toggle stops the
build with one error line rather than silently losing the link.
"""

from __future__ import annotations

from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PALETTE = '<form class="md-header__option" data-md-component="palette">'
ICON = Path(material.__file__).parent / "templates" / ".icons" / "material" / "frequently-asked-questions.svg"
NAMES = {"nl": "Alle vragen op een rij", "en": "All questions in one list"}
_overview_url: dict[str, str] = {}  # page's src_uri -> relative address of its language's FAQ overview


def on_page_context(context, page, config, nav):
    overview = next((other for other in nav.pages if other.meta.get("faq_overview")), None)
    if overview is not None:
        _overview_url[page.file.src_uri] = get_relative_url(overview.url, page.url) or "./"
    return context


def on_post_page(output: str, page, config) -> str:
    href = _overview_url.get(page.file.src_uri)
    if href is None:
        return output
    if PALETTE not in output:
        raise PluginError(f"{page.file.src_uri}: Material's header changed, hooks/header_faq_link.py finds no "
                          f"palette toggle to put the FAQ link before")
    name = NAMES.get(config.theme["language"], NAMES["en"])
    link = (f'<a href="{href}" class="md-header__button md-icon header-faq" title="{name}">'
            f'{ICON.read_text(encoding="utf-8")}<span class="visually-hidden">{name}</span></a>')
    return output.replace(PALETTE, link + PALETTE, 1)
