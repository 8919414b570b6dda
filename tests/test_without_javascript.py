"""Without JavaScript there is no search: the site still leads to every answer, and never points at a search
button that is not there.

In Chromium with JavaScript off, on both home pages, on a desktop and on a phone: the home page's search field
(`.search-hint`) does not show, the page and the header each offer a link to the FAQ overview, and following it
gives a page that links every FAQ question of every article. With JavaScript on, the search text shows and the
header's FAQ link gives way to the search button.
"""

from __future__ import annotations

import re

import pytest
from gates import ARTICLES, language_of

DESKTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
HOMES = ["", "en/"]


def faq_ids(site, language: str) -> set[str]:
    """'page/#id' for every FAQ question of every article in a language, from the built articles."""
    found = set()
    for path in ARTICLES:
        if language_of(path) != language:
            continue
        faq = site.page(path).select_one("h2#veelgestelde-vragen")
        for sibling in faq.find_next_siblings():
            if sibling.name in ("h1", "h2"):
                break
            if sibling.name == "h3":
                found.add(f"{path.removeprefix('en/')}#{sibling['id']}")
    return found


def visible_text(page) -> str:
    return page.locator("article").inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("home", HOMES)
def test_without_javascript_the_home_page_leads_to_every_question(browser, site, site_url, home, viewport):
    language = language_of(home)
    assert site.page(home).select_one("form.home-search.search-hint") is not None  # the field this test hides
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    try:
        page.goto(site_url + home)
        assert page.locator("form.home-search").count() == 1 and not page.locator("form.home-search").is_visible()
        header_link = page.locator(".md-header a.header-faq")
        in_page = page.locator("article a[href$='veelgestelde-vragen/']")
        assert header_link.is_visible() and in_page.first.is_visible()
        for link in (in_page.first, header_link):
            page.goto(site_url + home)
            link.click()
            page.wait_for_load_state()
            assert page.url == site_url + home + "veelgestelde-vragen/"
            listed = {re.sub(r"^\.\./", "", href) for href in page.locator("article a").evaluate_all(
                "links => links.map(link => link.getAttribute('href'))")}
            missing = faq_ids(site, language) - listed
            assert faq_ids(site, language) and not missing, missing
            assert "zoekfunctie" not in visible_text(page) and "search at the top" not in visible_text(page)
    finally:
        context.close()


@pytest.mark.parametrize("home", HOMES)
def test_with_javascript_the_search_text_shows_and_the_header_offers_search(page, site_url, home):
    page.goto(site_url + home)
    assert page.locator("form.home-search").is_visible()
    assert not page.locator(".md-header a.header-faq").is_visible()
    assert page.locator(".md-header .md-search").is_visible()
