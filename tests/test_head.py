"""Head gate: what search engines and link previews read from each page, and robots.txt and sitemap.xml.

Every page has an absolute canonical URL under `site_url` (mkdocs.yml takes it from $SITE_URL, with a default),
absolute hreflang alternates for both languages plus `x-default` (the Dutch page), the meta description from its
front matter, and Open Graph title, description, URL and locale. sitemap.xml lists every page with absolute
alternates; robots.txt points at it. A build with another SITE_URL (in a folder, as on GitHub Pages) uses that
address everywhere, and its links still resolve.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from gates import ARTICLES, DOCS, PAGES, broken_copy, html_file, language_of
from test_links import Crawl

DEFAULT_SITE_URL = "https://rug-in-beweging.example.org/"
LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def counterpart(path: str) -> tuple[str, str]:
    """(Dutch path, English path) of a page."""
    dutch = path.removeprefix("en/")
    return dutch, "en/" + dutch


def front_matter(path: str) -> dict:
    slug = path.removeprefix("en/").strip("/") or "index"
    name = f"{slug}.en.md" if language_of(path) == "en" else f"{slug}.md"
    match = re.match(r"---\n(.*?)\n---\n", (DOCS / name).read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match.group(1))


def meta(soup: BeautifulSoup, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={attribute: name})]


def head_problems(soup: BeautifulSoup, path: str, site_url: str) -> list[str]:
    problems = []
    language = language_of(path)
    not_found = path.endswith("404.html")
    dutch, english = ("", "en/") if not_found else counterpart(path)
    canonical = [link["href"] for link in soup.select('link[rel="canonical"]')]
    if not not_found and canonical != [site_url + path]:
        problems.append(f"canonical is {canonical}, expected {[site_url + path]}")
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    expected = {"nl": site_url + dutch, "en": site_url + english, "x-default": site_url + dutch}
    if alternates != expected:
        problems.append(f"hreflang alternates are {alternates}, expected {expected}")
    if not not_found:
        fields = front_matter(path)
        description = re.sub(r"\s+", " ", fields["description"]).strip()
        checks = {
            ("name", "description"): [description],
            ("property", "og:title"): [fields["title"]],
            ("property", "og:description"): [description],
            ("property", "og:url"): [site_url + path],
            ("property", "og:type"): ["article" if path in ARTICLES else "website"],
        }
    else:
        checks = {("name", "description"): meta(soup, "property", "og:description")}
    checks[("property", "og:locale")] = [LOCALES[language]]
    checks[("property", "og:locale:alternate")] = [LOCALES["en" if language == "nl" else "nl"]]
    for (attribute, name), value in checks.items():
        if meta(soup, attribute, name) != value or not value:
            problems.append(f"meta {name} is {meta(soup, attribute, name)}, expected {value}")
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_head_has_canonical_hreflang_description_and_open_graph(site, path):
    soup = BeautifulSoup(html_file(site.site, path).read_text(encoding="utf-8"), "html.parser")
    assert head_problems(soup, path, DEFAULT_SITE_URL) == []


def sitemap(site) -> dict[str, dict[str, str]]:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(site / "sitemap.xml")
    return {
        url.find("s:loc", namespaces).text: {link.get("hreflang"): link.get("href")
                                            for link in url.iterfind("x:link", namespaces)}
        for url in tree.iterfind("s:url", namespaces)
    }


def check_sitemap_and_robots(site, site_url: str) -> None:
    entries = sitemap(site)
    pages = [path for path in PAGES if not path.endswith("404.html")]
    assert sorted(entries) == sorted(site_url + path for path in pages)
    for address, alternates in entries.items():
        dutch, english = counterpart(address.removeprefix(site_url))
        assert alternates == {"nl": site_url + dutch, "en": site_url + english}, address
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots and "Disallow: /" not in robots
    assert f"Sitemap: {site_url}sitemap.xml" in robots


def test_sitemap_has_every_page_with_absolute_alternates_and_robots_points_at_it(site):
    check_sitemap_and_robots(site.site, DEFAULT_SITE_URL)


def test_site_url_comes_from_the_environment(tmp_path):
    site_url = "https://example.net/rug-in-beweging/"
    build = run_build(ROOT, tmp_path / "site", SITE_URL=site_url)
    assert build.returncode == 0, build.log
    for path in PAGES:
        assert head_problems(build.page(path), path, site_url) == [], path
    check_sitemap_and_robots(build.site, site_url)
    crawl = Crawl(build.site, site_url).run(["", "en/", "404.html", "en/404.html"])
    assert crawl.problems == []
    assert sorted(crawl.reached) == sorted(PAGES)


def test_hreflang_links_are_still_there_after_the_scripts_ran(page, site_url):
    # Material reads the alternate links to fetch sitemaps; docs/assets/javascripts/site.js stops those requests
    # (tests/test_privacy.py), and nothing may remove or change the links search engines read.
    page.goto(site_url + "door-de-rug-gaan/")
    page.wait_for_load_state("networkidle")
    links = page.evaluate("""() => [...document.querySelectorAll('link[rel="alternate"][hreflang]')]
        .map(link => [link.hreflang, link.getAttribute('href')])""")
    dutch, english = DEFAULT_SITE_URL + "door-de-rug-gaan/", DEFAULT_SITE_URL + "en/door-de-rug-gaan/"
    assert dict(links) == {"nl": dutch, "en": english, "x-default": dutch}


def test_dutch_only_build_has_no_alternates_and_no_x_default(dutch_only_site):
    soup = dutch_only_site.page("door-de-rug-gaan/")
    assert soup.select('link[hreflang]') == [] and meta(soup, "property", "og:locale:alternate") == []


def test_head_gate_reports_a_relative_hreflang_link(site, tmp_path):
    def relative_alternate(html: str) -> str:
        return html.replace(f'href="{DEFAULT_SITE_URL}en/door-de-rug-gaan/" hreflang="en"',
                            'href="../en/door-de-rug-gaan/" hreflang="en"', 1)

    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/", relative_alternate)
    soup = BeautifulSoup((folder / "door-de-rug-gaan" / "index.html").read_text("utf-8"), "html.parser")
    problems = head_problems(soup, "door-de-rug-gaan/", DEFAULT_SITE_URL)
    assert len(problems) == 1 and "'en': '../en/door-de-rug-gaan/'" in problems[0], problems
