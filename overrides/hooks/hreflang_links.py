"""Make the hreflang alternates in each page's <head> absolute, and add an `x-default` alternate.

Material's base.html writes `<link rel="alternate" href="../en/page/" hreflang="en">` with the URL relative to the
page (mkdocs-static-i18n fills in each page's translations). Search engines and Lighthouse require absolute URLs
there, and an `x-default` for readers whose language is neither: this rewrites those links after the page is
rendered to `site_url` + path and adds `hreflang="x-default"` pointing at the default language's (Dutch) version.
The language switcher in the header keeps its relative links, so it works wherever the site is served.

Material's JavaScript requests `sitemap.xml` next to every `<link rel="alternate">`; with absolute links those
requests would go to the published host from every copy of the site. docs/assets/javascripts/site.js answers them
without the network (tests/test_privacy.py checks that no page makes a request to another host).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def absolute_alternates(html: str, resolve, default_language: str, where: str, expected: bool = True) -> str:
    """Rewrite Material's alternate links with `resolve(language, href)` and add x-default after them; a build error
    when a page of a site with more than one language has none (Material's markup changed)."""
    links = list(ALTERNATE.finditer(html))
    if not links:
        if expected:
            raise PluginError(f"overrides/hooks/hreflang_links.py: the hreflang alternate links not found in {where}: "
                              "Material's output changed, update the patch")
        return html
    hrefs = {match.group(2): resolve(match.group(2), match.group(1)) for match in links}
    if default_language in hrefs:
        hrefs["x-default"] = hrefs[default_language]
    block = "\n".join(f'<link rel="alternate" href="{href}" hreflang="{lang}">' for lang, href in hrefs.items())
    # Material writes the links one after the other; the whitespace between them goes with them.
    return html[: links[0].start()] + block + html[links[-1].end() :]


def default_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.default_language if i18n is not None else config.theme["language"]


def has_alternates(config) -> bool:
    """More than one language is built, so Material writes alternate links."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and len(i18n.build_languages) > 1


def on_post_page(output: str, page, config) -> str:
    page_url = page.canonical_url or urljoin(config.site_url or "", page.url)
    return absolute_alternates(output, lambda language, href: urljoin(page_url, href), default_language(config),
                               page.file.dest_uri, has_alternates(config))


def on_post_template(output: str, template_name: str, config) -> str:
    # The not-found page (overrides/404.html) links each language's home page.
    if template_name == "404.html" and config.site_url:
        default = default_language(config)

        def home(language: str, href: str) -> str:
            return config.site_url if language == default else urljoin(config.site_url, f"{language}/")

        return absolute_alternates(output, home, default, template_name, has_alternates(config))
    return output
