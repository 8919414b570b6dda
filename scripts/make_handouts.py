"""Print every article of a built site to a ready-made PDF handout: site/handouts/<language>/<name>.pdf.

Usage: python scripts/make_handouts.py [site folder, default site]   (`make handouts` builds the site first, with
HANDOUTS=true so that the articles link to their PDFs, and SITE_URL set)

An article is a page that links to its handout: the PDF link (`data-handout-pdf`) that overrides/main.html writes
from patient_info/handout.py gives the path, so this script needs no list of articles and writes each PDF exactly where
the page links. The site is served on 127.0.0.1 and printed by headless Chromium with print media, the same
browser and flags as the tests (scripts/browser.py). The page tells site.js that it is being made into a PDF, so
the date on it reads "PDF gemaakt op" / "PDF made on" rather than "Afgedrukt op" / "Printed on".
The PDF is tagged and carries the page's title and language (/Title, /Lang); pypdf adds them if Chromium did not.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import CHROMIUM_FLAGS, chromium_executable, serve  # noqa: E402

PDF_OPTIONS = {"format": "A4", "prefer_css_page_size": True, "print_background": False, "tagged": True, "outline": True}


class HandoutLink(HTMLParser):
    """Finds the href of the element carrying `data-handout-pdf`."""

    def __init__(self):
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.href is None and "data-handout-pdf" in attributes:
            self.href = attributes.get("href")


def articles(site: Path) -> list[tuple[str, str]]:
    """(page URL path, PDF path), both relative to the site root, for every page that links to its handout."""
    found = []
    for html in sorted(site.rglob("index.html")):
        parser = HandoutLink()
        parser.feed(html.read_text(encoding="utf-8"))
        if parser.href:
            page = html.parent.relative_to(site).as_posix()
            page = "" if page == "." else page + "/"
            pdf = urljoin("https://site/" + page, parser.href).removeprefix("https://site/")
            found.append((page, pdf))
    return found


def set_metadata(pdf: Path, title: str, language: str) -> None:
    """Make sure the PDF names its title and language; Chromium normally sets both already."""
    reader = PdfReader(pdf)
    metadata = reader.metadata or {}
    if reader.trailer["/Root"].get("/Lang") == language and metadata.get("/Title") == title:
        return
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Title": title})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    with pdf.open("wb") as output:
        writer.write(output)


def print_page(page, url: str, target: Path) -> None:
    """Print one page as a handout PDF; `page` is a Playwright page."""
    page.goto(url)
    page.evaluate("document.documentElement.dataset.handoutMode = 'pdf'")
    page.emulate_media(media="print")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), **PDF_OPTIONS)
    set_metadata(target, page.title(), page.evaluate("document.documentElement.lang"))


def make_handouts(site: Path, browser, base_url: str) -> list[Path]:
    """Write every article's handout under site/; `browser` is a Playwright browser, base_url serves site/."""
    written = []
    context = browser.new_context()
    try:
        page = context.new_page()
        for page_path, pdf_path in articles(site):
            target = site / pdf_path
            print_page(page, base_url + page_path, target)
            written.append(target)
    finally:
        context.close()
    return written


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    if not (site / "index.html").is_file():
        print(f"make_handouts: {site} holds no built site, run `make build` first", file=sys.stderr)
        return 1
    base_url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
            try:
                written = make_handouts(site, browser, base_url)
            finally:
                browser.close()
    finally:
        server.shutdown()
    if not written:
        print(f"make_handouts: no article in {site} links to a handout: build it with HANDOUTS=true (make handouts)",
              file=sys.stderr)
        return 1
    for pdf in written:
        print(f"make_handouts: {pdf.relative_to(Path.cwd()) if pdf.is_relative_to(Path.cwd()) else pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
