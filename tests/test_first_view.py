"""A page view stays light: no search data until the reader searches, then only their language's; no failed
requests. (Sizes and timings are measured by scripts/benchmark_site.py, not asserted here.)"""

from __future__ import annotations

import pytest

PAGES = ["", "rugpijn-na-het-lopen/", "door-de-rug-gaan/", "veelgestelde-vragen/", "over-deze-site/"]
SEARCH_FILES = ("/pagefind/", "/search/", "assets/javascripts/search.js", "/workers/search.", "/lunr/")


def record(page):
    requests, failed = [], []
    page.on("requestfinished", lambda request: requests.append(request))
    page.on("requestfailed", lambda request: failed.append(request.url))
    return requests, failed


@pytest.mark.parametrize("path", PAGES + ["en/" + path for path in PAGES])
def test_page_view_loads_no_search_data_and_nothing_fails(page, site_url, path):
    requests, failed = record(page)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    urls = [request.url for request in requests]
    assert not [url for url in urls if any(part in url for part in SEARCH_FILES)], urls
    assert not [url for url in urls if url.endswith("sitemap.xml")], urls
    assert failed == []
    assert [request.url for request in requests if request.response().status >= 400] == []


@pytest.mark.parametrize("language, root", [("nl", ""), ("en", "en/")])
def test_starting_to_search_loads_only_the_readers_language(page, site_url, language, root):
    requests, failed = record(page)
    page.goto(site_url + root + "door-de-rug-gaan/")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("rug", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    other = {"nl": "en", "en": "nl"}[language]
    search = [request.url for request in requests if "/pagefind/" in request.url or "/search/" in request.url]
    assert site_url + f"search/words-{language}.json" in search
    assert any(f"/pagefind/index/{language}_" in url for url in search), search
    assert not [url for url in search if f"{other}_" in url or f".{other}." in url or f"-{other}." in url], search
    assert failed == []
