"""Privacy gate: reading the site and searching it contacts no other site, sets no cookie and logs no error.

Every page of both languages is opened in headless Chromium (one browser context, as one reader would) and a
search is run on it. Every request the pages, their scripts and the search (Pagefind) make must go to the site's
own address; no response may fail; no cookie may exist afterwards; the console must stay free of errors (a failed
request shows there too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from browser import serve
from gates import PAGES, broken_copy, insert_into_article, language_of
from site_search import open_search, read_results, type_query

QUERIES = {"nl": "rugpijn", "en": "back pain"}
NOT_NETWORK = ("data:", "blob:", "about:")


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    results: int = 0

    def problems(self, site_url: str) -> list[str]:
        origin = urlsplit(site_url).netloc
        network = [url for url in self.requests if not url.startswith(NOT_NETWORK)]
        other_sites = sorted({url for url in network if urlsplit(url).netloc != origin})
        return [f"request to another site: {url}" for url in other_sites] + self.errors


def visit(context, url: str, language: str) -> Visit:
    """Open one page, run a search on it, and record every request and every error."""
    return finish_visit(*start_visit(context, url, language))


def start_visit(context, url: str, language: str):
    """Open one page, record its requests and errors from then on, and type a search; (page, record)."""
    record = Visit()
    page = context.new_page()
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("requestfailed", lambda request: record.errors.append(f"request failed: {request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400
            and record.errors.append(f"HTTP {response.status}: {response.url}"))
    page.on("console", lambda message: message.type == "error"
            and record.errors.append(f"console error: {message.text} ({message.location.get('url')})"))
    page.on("pageerror", lambda error: record.errors.append(f"script error: {error}"))
    try:
        open_search(page, url)
        type_query(page, QUERIES[language], delay_ms=0)
    except BaseException:
        page.close()
        raise
    return page, record


def finish_visit(page, record: Visit) -> Visit:
    """Read the search's results once they settle, wait until the page makes no more requests, and close it."""
    try:
        record.results = len(read_results(page, settle_ms=150))
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    return record


@pytest.fixture(scope="module")
def reading_session(browser, site_url):
    """Every page visited in one browser context; the context's cookies afterwards. All pages are opened and
    searched first and their results read afterwards, so the searches run at the same time (tabs of one reader)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Requests of workers are the context's, not the page's: record them as well.
    worker_requests: list[str] = []
    context.on("request", lambda request: worker_requests.append(request.url))
    started = {path: start_visit(context, site_url + path, language_of(path)) for path in PAGES}
    visits = {path: finish_visit(*started[path]) for path in PAGES}
    cookies = context.cookies()
    context.close()
    return visits, cookies, worker_requests


@pytest.mark.parametrize("path", PAGES)
def test_page_and_search_contact_no_other_site_and_log_no_error(reading_session, site_url, path):
    visits, _, _ = reading_session
    assert visits[path].problems(site_url) == []
    assert visits[path].results > 0, "the search found nothing: was it run?"


def test_no_request_of_any_page_or_worker_leaves_the_site(reading_session, site_url):
    _, _, requests = reading_session
    assert Visit(requests=requests).problems(site_url) == []
    assert any("/pagefind/index/" in url for url in requests), "the search index was never loaded"


def test_no_cookies(reading_session):
    _, cookies, _ = reading_session
    assert cookies == []


def test_privacy_gate_reports_a_script_from_another_site(browser, site, tmp_path):
    snippet = '<script src="https://third-party.example/tracker.js"></script>'
    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/", lambda h: insert_into_article(h, snippet))
    url, server = serve(folder)
    context = browser.new_context()
    try:
        problems = visit(context, url + "door-de-rug-gaan/", "nl").problems(url)
    finally:
        context.close()
        server.shutdown()
    assert "request to another site: https://third-party.example/tracker.js" in problems, problems
