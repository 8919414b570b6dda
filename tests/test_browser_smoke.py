"""The site works in a real browser: pages load without errors and the language switcher moves between languages."""


def test_switching_language_keeps_the_page(page, site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "door-de-rug-gaan/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/door-de-rug-gaan/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert errors == []
