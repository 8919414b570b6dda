"""Keep the Dutch not-found page at /404.html and put the English one at /en/404.html.

mkdocs-static-i18n writes a single `404.html` per build into the site root, so the language built last
(English) would win and Dutch readers would get an English error page. This hook saves the Dutch page after the
Dutch build and, after the English build, moves the English page to `en/404.html` and restores the Dutch one.
The page itself (overrides/404.html) speaks both languages, because most hosts serve only the root 404.html.
It also points the language switcher on the 404 page at each language's home page instead of whatever page
was rendered last. (Until Material's search plugin left, the English page also needed its addresses of Material's
files and of the English pages corrected; without it they come out right, which tests/test_site.py checks.)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

saved_default_page: bytes | None = None


def on_template_context(context, template_name, config):
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and "alternate" in config.extra:
        # The plugin's links start at the host root; a site in a folder (https://host/folder/) needs that folder.
        root = urlsplit(config.site_url or "/").path or "/"
        links = {language.locale: root + language.link.lstrip("/") for language in i18n.config.languages}
        alternates = [dict(alt, link=links.get(alt["lang"], alt["link"])) for alt in config.extra["alternate"]]
        # The plugin stores each page's switcher as the attribute `config.extra.alternate`, which shadows the
        # mapping key in templates: replace both, or the 404 page links to the last page rendered.
        config.extra["alternate"] = alternates
        config.extra.alternate = alternates
    return context


def on_post_build(config):
    global saved_default_page
    i18n = config.plugins.get("i18n")
    page = Path(config.site_dir) / "404.html"
    if i18n is None or not page.is_file():
        return
    if i18n.current_language == i18n.default_language:
        saved_default_page = page.read_bytes()
    elif saved_default_page is not None:
        target = Path(config.site_dir) / i18n.current_language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        page.write_bytes(saved_default_page)

