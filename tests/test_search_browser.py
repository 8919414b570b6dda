"""Search in a real browser, typed the way a reader types: the right answer first, in the reader's language."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from site_search import open_search, queries, read_results, strip_highlight, top_result, type_query

LANGUAGE_ROOT = {"nl": "", "en": "en/"}
CASES = [
    pytest.param(language, item["query"], item["expect"], id=f"{language}: {item['query']}")
    for language, items in queries().items()
    for item in items
    if not item.get("benchmark_only")
]


@pytest.fixture(scope="module")
def search_pages(browser, site_url):
    """One open search per language, reused by every query (as a reader searching again)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}
    for language, root in LANGUAGE_ROOT.items():
        pages[language] = context.new_page()
        open_search(pages[language], site_url + root)
    yield pages
    context.close()


def test_query_set_is_large_enough():
    counted = {language: sum(1 for case in CASES if case.values[0] == language) for language in LANGUAGE_ROOT}
    assert counted["nl"] >= 20 and counted["en"] >= 10, counted


@pytest.mark.parametrize("language, query, expect", CASES)
def test_top_result_is_the_expected_answer_in_the_readers_language(search_pages, site_url, language, query, expect):
    page = search_pages[language]
    type_query(page, query)
    groups = read_results(page)
    root = site_url + LANGUAGE_ROOT[language]
    top = top_result(groups, root)
    if "#" in expect:
        assert top == expect
    else:  # the page itself: any part of it is the right place
        assert top is not None and top.split("#")[0] == expect, top
    links = [href for group in groups for href in group]
    if language == "nl":
        assert not any(href.startswith(site_url + "en/") for href in links), links
    else:
        assert all(href.startswith(root) for href in links), links


@pytest.mark.parametrize("language, query, answer", [
    ("nl", "ijs of warmte", "door-de-rug-gaan/#warmte-of-kou"),
    ("en", "should i stop running", "rugpijn-na-het-lopen/#stoppen-met-hardlopen"),
])
def test_opening_a_result_scrolls_to_the_answer_and_highlights_the_words(page, site_url, language, query, answer):
    root = site_url + LANGUAGE_ROOT[language]
    open_search(page, root)
    type_query(page, query)
    read_results(page)
    link = page.locator(f'.md-search-result__list a.md-search-result__link[href*="#{answer.split("#")[1]}"]').first
    link.click()
    page.wait_for_load_state()
    assert strip_highlight(page.url) == root + answer
    heading = page.locator(f"#{answer.split('#')[1]}")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], box
    marks = page.locator("article mark[data-md-highlight]")
    assert marks.count() > 0
    assert any(word in marks.first.inner_text().lower() for word in query.lower().split())


@pytest.mark.parametrize("language, typed, suggestion", [("nl", "hardlo", "hardlopen"), ("en", "physio", "physiotherapy")])
def test_search_suggests_how_to_finish_the_word(search_pages, language, typed, suggestion):
    page = search_pages[language]
    type_query(page, typed)
    read_results(page)
    assert page.locator(".md-search__suggest").inner_text().strip().lower() == suggestion


@pytest.mark.parametrize("language", ["nl", "en"])
def test_faq_overview_links_open_existing_answers(site, page, site_url, language):
    overview = site.page(LANGUAGE_ROOT[language] + "veelgestelde-vragen/")
    links = [a["href"] for a in overview.select("article li a[href*='#']")]
    assert len(links) >= 17  # 9 + 8 questions
    base = site_url + LANGUAGE_ROOT[language] + "veelgestelde-vragen/"
    checked_pages = {}
    for href in links:
        target, anchor = urljoin(base, href).split("#")
        if target not in checked_pages:
            page.goto(target)
            checked_pages[target] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        assert anchor in checked_pages[target], href
    # And one click, as a reader does: the answer is on screen.
    page.goto(base)
    page.locator("article li a[href*='#']").first.click()
    page.wait_for_load_state()
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").is_visible()
