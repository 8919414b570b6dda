"""What an article's printed handout needs (overrides/main.html and partials/handout-*.html print it):

- `address` and `qr`: the page's absolute address and that address as an inline SVG QR code (segno), black on
  transparent, sized by CSS. Only when the site's published address is known (`extra.published`, from SITE_URL):
  a handout never shows the placeholder address, whose QR code leads nowhere.
- `pdf`: where `scripts/make_handouts.py` writes the page's PDF, `handouts/<language>/<name>.pdf` from the site
  root (`<name>` is the Markdown file's path without `.md` or `.en.md`). Only in a build that writes the PDFs
  (`extra.handouts`, set by `make handouts`): a link is shown only where its file will exist. `pdf_link` is the one
  place that decides it: the article's PDF link and the handout composer's list without JavaScript follow it.
- `built` (and `built_iso`): the build date in words, the "date printed" shown when the browser runs no JavaScript
  (docs/assets/javascripts/site.js replaces it with the real date at print time).
"""

from __future__ import annotations

import datetime

import segno

from patient_info.article_footer import LABELS, long_date  # all dates on a handout look alike
from patient_info.errors import ContentError

NOTICES = {
    "no_pdfs": "handout: no PDF handouts in this build, so articles show no PDF link; `make handouts` builds them",
    "no_address": "handout: SITE_URL is not set, so printed articles carry no page address and no QR code",
}


def check_settings(extra: dict) -> list[str]:
    """The notices a build gives for what its handouts leave out; a ContentError for PDFs without an address."""
    if extra.get("handouts") and not extra.get("published"):
        raise ContentError("mkdocs.yml: PDF handouts print the page's address: set SITE_URL to the published address "
                           "(SITE_URL=https://… make handouts)")
    return [NOTICES[key] for key, missing in (("no_pdfs", not extra.get("handouts")),
                                              ("no_address", not extra.get("published"))) if missing]


def pdf_path(src_uri: str, language: str) -> str:
    for suffix in (f".{language}.md", ".md"):
        if src_uri.endswith(suffix):
            return f"handouts/{language}/{src_uri[: -len(suffix)]}.pdf"
    return f"handouts/{language}/{src_uri}.pdf"


def pdf_link(src_uri: str, language: str, extra: dict) -> str | None:
    """Where a page links its ready-made PDF, or None in a build that writes no PDFs."""
    return pdf_path(src_uri, language) if extra.get("handouts") else None


def closing(built: datetime.date, address: str | None, language: str, extra: dict) -> dict:
    """The print-only closing block: the build date, and the page's address with its QR code only when the site's
    published address is known (an article's, or the handout composer's, which its script extends)."""
    handout = {"built": long_date(built, LABELS[language]), "built_iso": built.isoformat()}
    if extra.get("published"):
        handout["address"] = address
        handout["qr"] = segno.make(address, error="m").svg_inline(omitsize=True, dark="#000",
                                                                  svgclass="handout__qr-code")
    return handout


def article_handout(src_uri: str, meta: dict, built: datetime.date, address: str | None, language: str,
                    extra: dict) -> dict | None:
    """The handout of a page: an article's whole; a page that is not an article (`type: page`) only its buttons
    when it has a ready-made PDF (front matter `pdf: true`, the card to keep); otherwise None."""
    if meta.get("type") == "page":
        pdf = pdf_link(src_uri, language, extra) if meta.get("pdf") is True else None
        return {"pdf": pdf, "only_buttons": True} if pdf else None
    return {**closing(built, address, language, extra), "pdf": pdf_link(src_uri, language, extra)}
