"""Give each article's template what its printed handout needs, as `handout` in the template context.

The print-only block at the end of an article (overrides/main.html) shows the page's own address with a QR code
that opens it, the date and the disclaimer; the page also links to its ready-made PDF (`make handouts`). This hook
computes, at build time and without network:

- `address` and `qr`: the page's absolute URL (MkDocs' `page.canonical_url`) and that address as an inline SVG QR
  code (segno), black on transparent, sized by CSS. Only when the site's published address is known
  (`extra.published`, from SITE_URL): a handout never shows the placeholder address, whose QR code leads nowhere.
- `pdf`: where `scripts/make_handouts.py` writes the page's PDF, `handouts/<language>/<name>.pdf` from the site
  root (`<name>` is the Markdown file's path without `.md` or `.en.md`). Only in a build that writes the PDFs
  (`extra.handouts`, set by `make handouts`): a link is shown only where its file will exist. `pdf_link` is the one
  place that decides it: the article's PDF link and the handout composer's list without JavaScript follow it.
- `built` (and `built_iso`): the build date in words, the "date printed" shown when the browser runs no JavaScript
  (docs/assets/javascripts/site.js replaces it with the real date at print time).

What a build leaves out it says once in the build log (as INFO: `--strict` stops on warnings). A build for the PDFs
without the published address stops with one error line.

Pages with `type: page` in their front matter are not articles and get no handout.
"""

from __future__ import annotations

import logging

import segno
from article_footer import LABELS, long_date  # the review dates' format, so all dates on a handout look alike
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.handout")

NOTICES = {
    "no_pdfs": "handout: no PDF handouts in this build, so articles show no PDF link; `make handouts` builds them",
    "no_address": "handout: SITE_URL is not set, so printed articles carry no page address and no QR code",
}
_said: set[str] = set()  # mkdocs-static-i18n runs on_config once per language: say each notice once


def say_once(key: str) -> None:
    if key not in _said:
        _said.add(key)
        log.info(NOTICES[key])


def pdf_path(src_uri: str, language: str) -> str:
    for suffix in (f".{language}.md", ".md"):
        if src_uri.endswith(suffix):
            return f"handouts/{language}/{src_uri[: -len(suffix)]}.pdf"
    return f"handouts/{language}/{src_uri}.pdf"


def on_startup(command, dirty):
    _said.clear()


def on_config(config):
    if config.extra.get("handouts") and not config.extra.get("published"):
        raise PluginError("mkdocs.yml: PDF handouts print the page's address: set SITE_URL to the published address "
                          "(SITE_URL=https://… make handouts)")
    if not config.extra.get("handouts"):
        say_once("no_pdfs")
    if not config.extra.get("published"):
        say_once("no_address")
    return config


def pdf_link(src_uri: str, language: str, config) -> str | None:
    """Where a page links its ready-made PDF, or None in a build that writes no PDFs."""
    return pdf_path(src_uri, language) if config.extra.get("handouts") else None


def closing(page, context, config, language: str) -> dict:
    """The print-only closing block: the build date, and the page's address with its QR code only when the site's
    published address is known (an article's, or the handout composer's, which its script extends)."""
    handout = {
        "built": long_date(context["build_date_utc"].date(), LABELS[language]),
        # The ISO build date: the `datetime` of the date-printed placeholder until site.js fills it in.
        "built_iso": context["build_date_utc"].date().isoformat(),
    }
    if config.extra.get("published"):
        address = page.canonical_url
        handout["address"] = address
        handout["qr"] = segno.make(address, error="m").svg_inline(omitsize=True, dark="#000",
                                                                  svgclass="handout__qr-code")
    return handout


def on_page_context(context, page, config, nav):
    if page.meta.get("type") == "page":
        # A page that is not an article may still have a ready-made PDF (front matter `pdf: true`, the card to keep),
        # with the article's print and PDF buttons but none of its masthead or closing block.
        pdf = pdf_link(page.file.src_uri, config.theme["language"], config) if page.meta.get("pdf") is True else None
        if pdf:
            context["handout"] = {"pdf": pdf, "only_buttons": True}
        return context
    language = config.theme["language"]
    context["handout"] = {
        **closing(page, context, config, language),
        "pdf": pdf_link(page.file.src_uri, language, config),
    }
    return context
