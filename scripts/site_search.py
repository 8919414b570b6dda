"""Use the site's search the way a reader does, in a Playwright page: type a query, read the rendered results.

Shared by tests/test_search_browser.py and scripts/benchmark_search.py, so the benchmark measures exactly what the
tests check. A result is a URL relative to the language root ("door-de-rug-gaan/#hoe-lang").
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search_queries.yml"
PATIENT_QUERIES = QUERIES.with_name("search_queries_patients.yml")
HELD_OUT_QUERIES = QUERIES.with_name("search_queries_heldout.yml")
FRESH_QUERIES = QUERIES.with_name("search_queries_fresh.yml")  # blind; tuned on once its wrong answers were read
SECOND_FRESH_QUERIES = QUERIES.with_name("search_queries_fresh2.yml")  # measured only, never tuned on
# Issue 26: written blind with every answering section, red flags and topics not covered; split into a tuning half
# and a test half that is only measured.
THIRD_QUERIES = QUERIES.with_name("search_queries_third.yml")
# Written blind the same way when the third set's test half had been measured many times; never tuned on.
FOURTH_QUERIES = QUERIES.with_name("search_queries_fourth.yml")
# Issue 26, written blind by a helper once the fourth set stood: for tuning only (every query half: tune).
FIFTH_QUERIES = QUERIES.with_name("search_queries_fifth.yml")
# Written blind the same way after the fitted ranking (scripts/fit_search_ranking.py) was frozen, split once; neither
# half was tuned on when it was first measured, its test half is only measured.
SIXTH_QUERIES = QUERIES.with_name("search_queries_sixth.yml")
SEVENTH_QUERIES = QUERIES.with_name("search_queries_seventh.yml")
LANGUAGE_ROOT = {"nl": "", "en": "en/"}
# The last query's sections as search.js ranked them, each with its features (page.evaluate(RANKING, site root)):
# search.js is one module, so the page's own import of it returns its state.
RANKING = """async (root) => (await import(new URL('assets/javascripts/search.js', root).href)).ranking()"""
SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__list > li.md-search-result__item > a.md-search-result__link"


# Sets window.firstResult: a promise of the milliseconds from the next keystroke in the search field to the first
# time results (not the help message) are rendered; null after 15 s, or, given the whole query
# (page.evaluate(FIRST_RESULT_AFTER_NEXT_KEY, query)), as soon as the site's search has answered that query with the
# help message only (Material's search does not say which query it answered). Await it with
# page.evaluate("window.firstResult").
FIRST_RESULT_AFTER_NEXT_KEY = """(query) => { window.firstResult = new Promise(resolve => {
    const field = document.querySelector('input.md-search__input');
    const output = document.querySelector('.md-search-result');
    const list = document.querySelector('.md-search-result__list');
    const result = '.md-search-result__item:not(.search-fallback)';
    let pressed = null;
    const observer = new MutationObserver(() => {
        if (pressed === null) return;
        if (list.querySelector(result)) {
            observer.disconnect(); resolve(performance.now() - pressed);
        } else if (query !== undefined && output.dataset.query === query.trim()) {
            observer.disconnect(); resolve(null);
        }
    });
    field.addEventListener('keydown', () => { if (pressed === null) pressed = performance.now(); });
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
}); }"""


def queries() -> dict[str, list[dict]]:
    """The query set: {"nl": [{"query": ..., "expect": ...}], "en": [...]}."""
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def open_search(page, url: str) -> None:
    page.goto(url)
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()  # the phone layout hides the search field behind a button
    page.locator(SEARCH_INPUT).click()


def enter_query(page, query: str) -> None:
    """The whole query in the field at once, one input event: as when a reader pastes it or picks the phone
    keyboard's suggestion. A fifth of the time of type_query; the tests that show typing letter by letter ends at
    the same answer use type_query."""
    page.locator(SEARCH_INPUT).fill(query)


def type_query(page, query: str, delay_ms: int = 20) -> float:
    """Type like a person; returns the time of the last keystroke (performance.now() in the page)."""
    field = page.locator(SEARCH_INPUT)
    field.fill("")
    field.press_sequentially(query, delay=delay_ms)
    return page.evaluate("performance.now()")


def read_results(page, settle_ms: int = 300, timeout_s: float = 10.0) -> list[list[str]]:
    """The rendered results for the query in the field: one list of absolute hrefs per page group, the page's own
    link first, then its best sections (collapsed "more" sections left out); a red flag's card is a group of one
    link. The help message and "not here" are no results (fallback_shown, elsewhere_shown)."""
    read = """() => [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item:not(.search-fallback):not(.search-elsewhere)')]
        .map(item => [...item.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.href))"""
    # The site's search says which query the list answers, and writes the list in the same step: once that is the
    # typed query, the list is final. Material's search (the benchmark's baseline) does not say: wait for a list
    # that stops changing.
    state = """() => { const query = document.querySelector('.md-search-result').dataset.query;
        if (query === undefined) return 'material';
        return query === document.querySelector('input.md-search__input').value.trim() ? 'answered' : ''; }"""
    both = f"() => [({state})(), ({read})()]"
    deadline = time.monotonic() + timeout_s
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        answered, current = page.evaluate(both)
        if answered == "answered":
            return current
        if answered == "material":
            if current != last:
                last, stable_since = current, time.monotonic()
            elif current and time.monotonic() - stable_since >= settle_ms / 1000:
                return current
        page.wait_for_timeout(50)
    return last or []


def fallback_shown(page) -> bool:
    """The "nothing found" help (links to the topics, the FAQ overview and the urgency advice) is on screen."""
    return page.locator(".md-search-result__list > .search-fallback").is_visible()


def elsewhere_shown(page) -> bool:
    """The "not here" message (a topic the site does not cover) is on screen."""
    return page.locator(".md-search-result__list > .search-elsewhere").is_visible()


def top_result(groups: list[list[str]], language_root: str) -> str | None:
    """The first answer a reader sees: the first section of the first page, or the page itself when the page's
    own entry is the only match shown; relative to the language root, without the highlight parameter."""
    if not groups or not groups[0]:
        return None
    first = groups[0][1] if len(groups[0]) > 1 else groups[0][0]
    return strip_highlight(first).removeprefix(language_root)


def strip_highlight(href: str) -> str:
    """'…/page/?h=ijs+warmte#warmte-of-kou' -> '…/page/#warmte-of-kou'."""
    address, _, anchor = href.partition("#")
    address = address.split("?", 1)[0]
    return f"{address}#{anchor}" if anchor else address


def flagged_lines(page) -> list[tuple[str, list[str]]]:
    """The red-flag cards the search shows first: (level, [flagged urgency item ids]) per card, in order."""
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__list > li.search-urgency')]
        .map(item => [item.dataset.urgencyLevel, [...item.querySelectorAll('[data-urgency-item] > mark')]
        .map(mark => mark.parentElement.dataset.urgencyItem)])""")


def first_item_kind(page) -> str | None:
    """What the reader sees first: 'urgency' (a red flag's card), 'elsewhere' ("not here"), 'fallback' (nothing
    found) or 'result'; None for an empty list."""
    return page.evaluate("""() => { const first = document.querySelector('.md-search-result__list > li');
        if (!first) return null;
        for (const kind of ['urgency', 'elsewhere', 'fallback']) if (first.classList.contains('search-' + kind)) return kind;
        return 'result'; }""")


def elsewhere_topics(page) -> list[tuple[str, str]]:
    """The "not here" message's topics: (topic id, the address it sends the reader to)."""
    return page.evaluate("""() => [...document.querySelectorAll('.search-elsewhere [data-elsewhere-topic]')]
        .map(line => [line.dataset.elsewhereTopic, line.querySelector('a').href])""")


def result_count(page) -> int:
    """The ordinary results shown (page groups), not counting a red flag's card, "not here" or the help message."""
    return page.locator(".md-search-result__list > li.md-search-result__item:not(.search-urgency):not(.search-elsewhere)"
                        ":not(.search-fallback)").count()
