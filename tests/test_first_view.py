"""A page view stays light: no search data until the reader searches, then only their language's; no failed
requests. (Sizes and timings are measured by scripts/benchmark_site.py, not asserted here.)"""

from __future__ import annotations

import pytest

from browser import serve
from site_search import read_results

PAGES = ["", "rugpijn-na-het-lopen/", "door-de-rug-gaan/", "veelgestelde-vragen/", "over-deze-site/"]
SEARCH_FILES = ("/pagefind/", "/search/", "assets/javascripts/search.js", "/workers/search.", "/lunr/")


def record(page):
    """Every request of the page and of any worker it starts."""
    requests, failed = [], []
    page.context.on("requestfinished", lambda request: requests.append(request))
    page.context.on("requestfailed", lambda request: failed.append(request.url))
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
def test_starting_to_search_loads_only_the_readers_language(page, site, language, root):
    url, server = serve(site.site)  # its own server: it also sees the requests of any worker
    try:
        page.goto(url + root + "door-de-rug-gaan/")
        page.wait_for_load_state("networkidle")
        assert not [path for path in server.requested if any(part in path for part in SEARCH_FILES)]
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("rug", delay=20)
        assert read_results(page), "no results for 'rug'"
    finally:
        server.shutdown()
    other = {"nl": "en", "en": "nl"}[language]
    search = [path for path in server.requested if path.startswith(("/pagefind/", "/search/"))]
    assert f"/search/words-{language}.json" in search
    assert any(path.startswith(f"/pagefind/index/{language}_") for path in search), search
    assert any(path.startswith(f"/pagefind/fragment/{language}_") for path in search), search
    assert not [path for path in search if f"{other}_" in path or f".{other}." in path or f"-{other}." in path], search
