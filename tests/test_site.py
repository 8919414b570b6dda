"""The built site: both languages, language switcher, Dutch-only build, 404 page, footer, strict build."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

PAGES = ["", "rugpijn-na-het-lopen/", "door-de-rug-gaan/", "over-deze-site/"]


def switcher_links(soup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}


def test_build_has_zero_warnings(site):
    assert site.warnings == []


@pytest.mark.parametrize("path", PAGES)
def test_every_page_exists_in_both_languages_with_lang(site, path):
    assert site.page(path).html["lang"] == "nl"
    assert site.page("en/" + path).html["lang"] == "en"


@pytest.mark.parametrize("path", PAGES)
def test_language_switcher_stays_on_the_same_page(site, path):
    dutch_url, english_url = "https://x/" + path, "https://x/en/" + path
    for url, soup in ((dutch_url, site.page(path)), (english_url, site.page("en/" + path))):
        # The links are relative to the page: resolve them the way a browser does.
        links = {lang: urljoin(url, href) for lang, href in switcher_links(soup).items()}
        assert links == {"nl": dutch_url, "en": english_url}


def test_site_names_per_language(site):
    assert site.page("").select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Rug in beweging"
    assert site.page("en/").select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Back in motion"


@pytest.mark.parametrize(
    "path, text",
    [
        ("", "vervangt geen advies van je eigen huisarts of fysiotherapeut"),
        ("en/", "does not replace advice from your own GP or physiotherapist"),
    ],
)
def test_footer_carries_the_disclaimer_and_no_generator_link(site, path, text):
    for page in PAGES:
        footer = site.page(path + page).select_one("footer.md-footer")
        assert text in footer.get_text(" ", strip=True)
        assert "Made with" not in footer.get_text()


def test_no_fonts_or_scripts_from_other_sites(site):
    for path in PAGES:
        for soup in (site.page(path), site.page("en/" + path)):
            for tag in soup.select("link[href], script[src]"):
                address = tag.get("href") or tag.get("src")
                if tag.name == "link" and tag.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not address.startswith(("http:", "https:", "//")), address


def test_dutch_only_build_has_no_english_and_no_switcher(dutch_only_site):
    assert not (dutch_only_site.site / "en").exists()
    assert dutch_only_site.warnings == []
    for path in PAGES:
        soup = dutch_only_site.page(path)
        assert soup.html["lang"] == "nl"
        assert soup.select("a.md-select__link") == []
        assert soup.select('link[rel="alternate"][hreflang]') == []


def test_not_found_page_is_dutch_at_root_and_speaks_both_languages(site):
    root = site.page("404.html")
    assert root.html["lang"] == "nl"
    blocks = root.select(".not-found")
    assert [block["lang"] for block in blocks] == ["nl", "en"]
    assert root.select_one('.not-found[lang="en"] a')["href"].endswith("/en/")
    assert switcher_links(root) == {"nl": "/", "en": "/en/"}
    english = site.page("en/404.html")
    assert english.html["lang"] == "en"
    assert [block["lang"] for block in english.select(".not-found")] == ["en", "nl"]
    assert switcher_links(english) == {"nl": "/", "en": "/en/"}
    # Its addresses of Material's files and of the English pages are the real ones (tests/test_links.py crawls them).
    addresses = [tag.get("href") or tag.get("src") for tag in english.select("[href], [src]")]
    assert any(address.startswith("/assets/") for address in addresses)
    assert not [address for address in addresses if address.startswith(("/en/assets/", "/en/en/"))]


def test_not_found_page_of_dutch_only_build_is_only_dutch(dutch_only_site):
    root = dutch_only_site.page("404.html")
    assert [block["lang"] for block in root.select(".not-found")] == ["nl"]


def test_palette_toggle_offers_light_and_dark(site):
    for path, names in (("", {"Donkere modus", "Lichte modus"}), ("en/", {"Dark mode", "Light mode"})):
        labels = {label["title"] for label in site.page(path).select("form[data-md-component=palette] label")}
        assert labels == names
