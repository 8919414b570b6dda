"""The site works in a real browser: pages load without errors and the language switcher moves between languages.

The browser tests drive Debian's chromium-headless-shell (scripts/browser.py); the first test runs in Debian's full
chromium as well, the browser patients' Chrome is built from."""

import pytest
from browser import CHROMIUM_FLAGS, full_chromium_executable


@pytest.fixture(scope="module")
def full_chromium_page(browser):
    """A page in the full chromium, launched by the same Playwright as the session's browser."""
    full = browser.browser_type.launch(executable_path=full_chromium_executable(), args=CHROMIUM_FLAGS)
    yield full.new_page(viewport={"width": 1280, "height": 900})
    full.close()


def test_switching_language_keeps_the_page(page, site_url):
    switch_language_and_see_no_error(page, site_url)


def test_the_full_chromium_shows_the_site_too(full_chromium_page, site_url):
    switch_language_and_see_no_error(full_chromium_page, site_url)


def switch_language_and_see_no_error(page, site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "door-de-rug-gaan/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator(".urgency").first.is_visible()
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/door-de-rug-gaan/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".urgency").first.is_visible()
    assert errors == []


SWITCHES = [("door-de-rug-gaan/", "en", "en/door-de-rug-gaan/"), ("en/door-de-rug-gaan/", "nl", "door-de-rug-gaan/")]


def test_switching_language_keeps_the_section_and_the_palette(page, site_url):
    """From /door-de-rug-gaan/#hoe-lang to /en/door-de-rug-gaan/#hoe-lang and back, in the palette chosen."""
    page.goto(site_url + "door-de-rug-gaan/")
    first = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    chosen = page.evaluate("document.body.dataset.mdColorScheme")
    assert chosen != first
    for start, language, target in SWITCHES:
        page.goto(site_url + start + "#hoe-lang")
        assert page.evaluate("document.body.dataset.mdColorScheme") == chosen
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={language}]").click()
        page.wait_for_url(site_url + target + "#hoe-lang")
        assert page.locator("html").get_attribute("lang") == language
        assert page.evaluate("document.body.dataset.mdColorScheme") == chosen
        # The section is where the reader lands: at the top of the window, not the page's start.
        top = page.evaluate("document.getElementById('hoe-lang').getBoundingClientRect().top")
        assert 0 <= top < 200 and page.evaluate("scrollY") > 0


def test_switching_language_without_a_section_opens_the_page_at_its_start(page, site_url):
    page.goto(site_url + "door-de-rug-gaan/")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/door-de-rug-gaan/"
