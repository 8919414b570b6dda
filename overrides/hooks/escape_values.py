"""Escape every front-matter and config value that Material's own templates write into the HTML.

MkDocs' Jinja environment has no autoescape, and Material writes `page.meta.title`, `page.title`,
`page.meta.description`, `config.site_name`, `config.site_description` and `config.copyright` as they are: in
<title>, the meta description, the header, the navigation and the footer. A title such as
`</script><script>alert(1)</script>` would become a script. Overriding those templates would mean copying them
whole, so the values themselves are escaped instead: each becomes a `markupsafe.Markup` holding the escaped text.
Printed as is it is safe, and `| e` (overrides/main.html and partials) does not escape it twice. JSON-LD
(hooks/structured_data.py) takes the original text back with `plain()`.

Runs after the other hooks' `on_page_markdown` (they read the text as written) and before any page is rendered:
the navigation of every page holds every other page's title.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority

PAGE_FIELDS = ("title", "description")
CONFIG_FIELDS = ("site_name", "site_description", "copyright")


def escaped(value):
    """Text as escaped Markup; Markup (already escaped) and other values unchanged."""
    return escape(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def plain(value):
    """The text as written, from an escaped value."""
    return value.unescape() if isinstance(value, Markup) else value


@event_priority(-100)
def on_page_markdown(markdown: str, page, config, files) -> str:
    for field in PAGE_FIELDS:
        if field in page.meta:
            page.meta[field] = escaped(page.meta[field])
    return markdown


def on_env(env, config, files):
    # After mkdocs-static-i18n has set the language's own site_name and the rest (its on_config).
    for field in CONFIG_FIELDS:
        config[field] = escaped(config[field])
    return env


def on_post_build(config):
    # Back to plain text before mkdocs-static-i18n builds the next language from this config (its on_post_build
    # runs later, at priority -100): it only accepts a `str` site_name to override.
    for field in CONFIG_FIELDS:
        config[field] = plain(config[field])
