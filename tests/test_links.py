"""Links gate: every internal link and anchor of the built site resolves; external links are listed, not fetched.

The Markdown links are checked by MkDocs itself (`validation` in mkdocs.yml with `--strict`: test_site.py asserts a
build without warnings, test_content_model.py that a broken link or anchor stops it). This crawls the built site
as a visitor's browser would, from both home pages and the not-found pages: every `href` and `src` in every page
(templates, navigation, language switcher, head links, Material's assets), the sitemap and the search index's
result links. An internal address must name an existing file and its `#anchor` an existing id: also the PDF
links, which only the build of `make handouts` writes, together with the files (tests/test_print.py crawls that one). External addresses
are not fetched (CI has no network): they are written, with the pages that link them, to
test-artifacts/links/external-links.md.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT
from gates import PAGES, broken_copy, built_pages, insert_into_article

REPORT = ROOT / "test-artifacts" / "links" / "external-links.md"
SITE_URL = "https://rug-in-beweging.example.org/"  # mkdocs.yml's default site_url, which the test build uses
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:")
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "source": "src",
                   "iframe": "src", "video": "src", "audio": "src", "form": "action"}


class Crawl:
    def __init__(self, site: Path, site_url: str = SITE_URL):
        self.site, self.site_url = site, site_url
        self.problems: list[str] = []
        self.external: dict[str, set[str]] = defaultdict(set)
        self.reached: set[str] = set()
        self.ids: dict[str, set[str]] = {}

    def page_ids(self, path: str) -> set[str]:
        if path not in self.ids:
            soup = BeautifulSoup(self.file(path).read_text(encoding="utf-8"), "html.parser")
            ids = {tag["id"] for tag in soup.select("[id]")}
            self.ids[path] = ids | {tag["name"] for tag in soup.select("a[name]")}
        return self.ids[path]

    def file(self, path: str) -> Path:
        target = self.site / unquote(path)
        return target / "index.html" if path.endswith("/") or path == "" else target

    def check(self, source: str, address: str) -> str | None:
        """Check one address found on page `source`; returns the site path of an HTML page to crawl next."""
        if address.startswith(NOT_FETCHED):
            return None
        absolute = urljoin(self.site_url + source, address)
        if not absolute.startswith(self.site_url):
            if urlsplit(absolute).netloc == urlsplit(self.site_url).netloc:
                self.problems.append(f"{source or '/'}: link outside the site's folder {address}")
            elif urlsplit(absolute).scheme in ("http", "https"):
                self.external[absolute].add(source or "/")
            else:
                self.problems.append(f"{source or '/'}: unexpected address {address}")
            return None
        path, _, anchor = absolute[len(self.site_url):].partition("#")
        path = path.split("?", 1)[0]
        target = self.file(path)
        if not target.is_file():
            if (self.site / path).is_dir():
                path, target = path + "/", self.site / path / "index.html"
            else:
                self.problems.append(f"{source or '/'}: broken link {address}")
                return None
        is_page = target.suffix == ".html"
        if anchor and is_page and anchor not in self.page_ids(path):
            self.problems.append(f"{source or '/'}: broken anchor {address}")
        return path if is_page else None

    def run(self, start: list[str]) -> Crawl:
        queue = list(start)
        while queue:
            path = queue.pop()
            if path in self.reached:
                continue
            self.reached.add(path)
            soup = BeautifulSoup(self.file(path).read_text(encoding="utf-8"), "html.parser")
            for tag, attribute in LINK_ATTRIBUTES.items():
                for element in soup.find_all(tag, attrs={attribute: True}):
                    found = self.check(path, element[attribute])
                    if found is not None and found not in self.reached:
                        queue.append(found)
        return self


def crawl(site: Path) -> Crawl:
    return Crawl(site).run(["", "en/", "404.html", "en/404.html"])


def sitemap_addresses(site: Path) -> list[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return [loc.text for loc in tree.iterfind(".//s:loc", namespaces)] + [
        link.get("href") for link in tree.iterfind(".//x:link", namespaces)
    ]


def write_report(external: dict[str, set[str]]) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# External links (listed by tests/test_links.py, not fetched)", "",
             f"{len(external)} addresses. Check them by hand, or with a link checker on a machine with network.", "",
             "| address | linked from |", "|---|---|"]
    lines += [f"| {url} | {', '.join('/' + page.lstrip('/') for page in sorted(pages))} |"
              for url, pages in sorted(external.items())]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(site):
    result = crawl(site.site)
    write_report(result.external)
    assert result.problems == []


def test_the_crawl_reaches_every_page_of_the_site(site):
    assert sorted(crawl(site.site).reached) == sorted(PAGES) == built_pages(site.site)


def test_sitemap_lists_existing_pages_only(site):
    result = Crawl(site.site)
    for address in sitemap_addresses(site.site):
        assert address.startswith(SITE_URL), address
        result.check("sitemap.xml", address)
    assert result.problems == []


def test_search_links_lead_to_existing_pages_and_anchors(site):
    """Every page and section Pagefind can return (the headings of the indexed bodies), and the pages of the
    help message shown when nothing is known."""
    result = Crawl(site.site)
    for language_root, language in (("", "nl"), ("en/", "en")):
        words = json.loads((site.site / "search" / f"words-{language}.json").read_text("utf-8"))
        for page in words["pages"]:
            result.check("", page["url"])
        for path in site.site.glob(f"{language_root}*/index.html"):
            soup = site.page(path.parent.relative_to(site.site).as_posix() + "/")
            for heading in soup.select("[data-pagefind-body] :is(h1, h2, h3)[id]"):
                result.check(language_root, path.parent.name + "/#" + heading["id"])
    assert result.problems == []


def test_external_links_are_listed_in_the_report(site):
    write_report(crawl(site.site).external)
    report = REPORT.read_text(encoding="utf-8")
    assert "https://richtlijnen.nhg.org/standaarden/aspecifieke-lagerugpijn" in report
    assert "/door-de-rug-gaan/" in report


def test_link_gate_reports_a_broken_link_a_broken_anchor_and_a_missing_pdf(site, tmp_path):
    snippet = ('<p><a href="../bestaat-niet/">weg</a> <a href="#bestaat-ook-niet">anker</a> '
               '<a href="../handouts/nl/door-de-rug-gaan.pdf">PDF</a></p>')
    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/", lambda h: insert_into_article(h, snippet))
    problems = crawl(folder).problems
    assert "door-de-rug-gaan/: broken link ../bestaat-niet/" in problems, problems
    # A PDF that this build did not write is a broken link like any other.
    assert "door-de-rug-gaan/: broken link ../handouts/nl/door-de-rug-gaan.pdf" in problems, problems
    assert "door-de-rug-gaan/: broken anchor #bestaat-ook-niet" in problems, problems
