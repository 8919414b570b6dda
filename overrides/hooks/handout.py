"""Give each article's template what its printed handout needs, as `handout` in the template context.

The print-only block at the end of an article (overrides/main.html) shows the page's own address, a QR code
that opens it, the date and the disclaimer; the page also links to its ready-made PDF (`make handouts`). This
hook computes, at build time and without network:

- `address`: the page's absolute URL (MkDocs' `page.canonical_url`, from `site_url`);
- `qr`: that address as an inline SVG QR code (segno), black on transparent, sized by CSS;
- `pdf`: where `scripts/make_handouts.py` writes the page's PDF, `handouts/<language>/<name>.pdf` from the site
  root (`<name>` is the Markdown file's path without `.md` or `.en.md`), or None when no PDF is linked
  (`pdf_link`);
- `built` (and `built_iso`): the build date in words, the "date printed" shown when the browser runs no JavaScript
  (docs/assets/javascripts/site.js replaces it with the real date at print time).

Pages with `type: page` in their front matter are not articles and get no handout.
"""

from __future__ import annotations

import segno
from article_footer import LABELS, long_date  # the review dates' format, so all dates on a handout look alike
from mkdocs.exceptions import PluginError


def pdf_path(src_uri: str, language: str) -> str:
    for suffix in (f".{language}.md", ".md"):
        if src_uri.endswith(suffix):
            return f"handouts/{language}/{src_uri[: -len(suffix)]}.pdf"
    return f"handouts/{language}/{src_uri}.pdf"


def pdf_link(src_uri: str, language: str) -> str | None:
    """Where a page links its ready-made PDF, or None for no link. The one place that decides it: the article's PDF
    link (overrides/main.html) and the handout composer's list without JavaScript both follow it."""
    return pdf_path(src_uri, language)


def closing(page, context, language: str) -> dict:
    """The print-only closing block's address (the page's), its QR code and the build date."""
    address = page.canonical_url
    return {
        "address": address,
        "qr": segno.make(address, error="m").svg_inline(omitsize=True, dark="#000", svgclass="handout__qr-code"),
        "built": long_date(context["build_date_utc"].date(), LABELS[language]),
        # The ISO build date: the `datetime` of the date-printed placeholder until site.js fills it in.
        "built_iso": context["build_date_utc"].date().isoformat(),
    }


def on_page_context(context, page, config, nav):
    if page.meta.get("type") == "page":
        return context
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is needed for the address and QR code on printed articles")
    language = config.theme["language"]
    context["handout"] = {
        **closing(page, context, language),
        "pdf": pdf_link(page.file.src_uri, language),
    }
    return context
