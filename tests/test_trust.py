"""Pages a trustworthy health site has (issue 25): the accessibility statement linked from every page's footer, who
checked each article beside its review dates, "Klopt er iets niet?" only where the practice gives a way to report an
error, and the painkiller block's safety caveats on every page that shows it."""

from __future__ import annotations

import re

import pytest

from conftest import make_fixture_project, run_build
from gates import PAGES

ARTICLES = ["rugpijn-na-het-lopen", "door-de-rug-gaan"]
LANGUAGES = ["nl", "en"]
STATEMENT = {"nl": "toegankelijkheid/", "en": "en/toegankelijkheid/"}


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


def resolve(page_path: str, href: str) -> str:
    """The site path a link on the page at `page_path` leads to (the 404 pages link from the site's root)."""
    folder = page_path.rsplit("/", 1)[0].split("/") if "/" in page_path and not href.startswith("/") else []
    for part in href.split("/"):
        if part == "..":
            folder = folder[:-1]
        elif part not in ("", "."):
            folder.append(part)
    return "/".join(folder) + ("/" if href.endswith("/") else "")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_the_accessibility_statement_in_its_language_from_the_footer(site, path):
    footer = site.page(path).select_one("nav.trust-footer")
    assert footer is not None, path
    targets = [resolve(path if path.endswith(".html") else path + "index.html", a["href"]) for a in footer.select("a")]
    assert STATEMENT[language_of(path)] in targets, (path, targets)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_names_the_standard_its_checks_its_gaps_and_how_to_report(site, language):
    soup = site.page(STATEMENT[language])
    text = soup.find("article").get_text(" ", strip=True)
    assert "WCAG 2.2" in text and "AA" in text
    assert {"doel", "controles", "nog-niet-goed", "melden"} <= {h.get("id") for h in soup.select("article h2")}


@pytest.mark.parametrize("slug", ARTICLES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_who_checked_the_article_stands_beside_its_review_dates(site, slug, language):
    dates = site.page(("en/" if language == "en" else "") + slug + "/").select_one(".review-dates")
    label = {"nl": "Gecontroleerd door:", "en": "Checked by:"}[language]
    assert re.search(re.escape(label) + r" \S", dates.get_text(" ", strip=True)), dates


@pytest.mark.parametrize("slug", ARTICLES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_report_an_error_line_without_a_practice_to_report_to(site, slug, language):
    soup = site.page(("en/" if language == "en" else "") + slug + "/")
    assert soup.select(".report-error") == []
    assert not soup.select('a[href^="mailto:"]') and not soup.select('a[href^="tel:"]:not([href="tel:112"])')


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory):
    """The fixture site with a practice that has an e-mail address and a phone number (with a quote and <)."""
    project = make_fixture_project(tmp_path_factory.mktemp("practice") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n",
        "extra:\n  practice:\n    name: Praktijk <test>\n    phone: \"010 - 123 45 67\"\n"
        "    email: \"fout&melding@praktijk.example\"\n", 1), encoding="utf-8")
    build = run_build(project, tmp_path_factory.mktemp("practice-site"))
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_an_error_links_the_practice_and_promises_a_check_before_the_next_review(practice_site, language):
    soup = practice_site.page(("en/" if language == "en" else "") + "rugpijn-na-het-lopen/")
    report = soup.select_one(".report-error")
    assert report is not None
    assert report.select_one('a[href="mailto:fout&melding@praktijk.example"]').get_text() == "fout&melding@praktijk.example"
    assert report.select_one('a[href="tel:0101234567"]').get_text() == "010 - 123 45 67"
    text = report.get_text(" ", strip=True)
    assert text.startswith({"nl": "Klopt er iets niet?", "en": "Something wrong?"}[language])
    assert {"nl": "vóór de volgende controle", "en": "before the next review"}[language] in text
    # It comes after the review dates, at the end of the article.
    assert report.find_previous_sibling(class_="review-dates") is not None


# The painkiller block's safety lines (docs/_shared/pijnstillers*.md, medical review 1.1-1.4, 2.16): each must reach
# every page that shows the block, in both languages.
CAVEATS = {
    "nl": [
        "medicijnen gebruikt voor je bloeddruk, of plaspillen",
        "een ziekte van je nieren, hart, bloedvaten of lever",
        "diarree hebt, overgeeft of te weinig drinkt",
        "zwanger bent of borstvoeding geeft",
        "Ben je 20 weken of langer zwanger? Gebruik dan geen ontstekingsremmer, ook geen gel,",
        "Heb je meer genomen dan mag? Bel dan meteen je huisarts of de huisartsenpost",
        "Krijg je zwarte poep, spuug je bloed of krijg je veel pijn in je maag?",
        "Naproxen van de drogist (220 of 275 mg): hoogstens 3 tabletten per dag.",
        "Volg dan het etiket van de apotheek.",
        "Laat 4 tot 6 uur tussen twee keer innemen.",
        "elke dag 3 of meer glazen alcohol drinkt",
        "minder dan 50 kilo weegt",
        "In veel middelen tegen griep en verkoudheid zit ook paracetamol.",
        "Te veel paracetamol is gevaarlijk voor je lever.",
        "Rijd dan geen auto.",
    ],
    "en": [
        "medicines for your blood pressure, or water tablets",
        "a kidney, heart, blood vessel or liver disease",
        "diarrhoea, are vomiting or are not drinking enough",
        "pregnant or breastfeeding",
        "From 20 weeks of pregnancy, do not use an anti-inflammatory, not even a gel,",
        "If you have taken more than the limit, call your GP or the huisartsenpost straight away",
        "If your poo turns black, you vomit blood or you get a lot of stomach pain",
        "Naproxen from the drogist (220 or 275 mg): at most 3 tablets per day.",
        "follow the pharmacy's label.",
        "Leave 4 to 6 hours between doses.",
        "drink 3 or more glasses of alcohol every day",
        "weigh less than 50 kilos",
        "Many cold and flu remedies also contain paracetamol",
        "Too much paracetamol is dangerous for your liver.",
        "do not drive while you take them",
    ],
}


@pytest.mark.parametrize("slug", ARTICLES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_with_the_painkiller_block_has_its_ask_first_items_and_caveats(site, slug, language):
    soup = site.page(("en/" if language == "en" else "") + slug + "/")
    block = soup.find(id="pijnstillers").find_parent("article")
    text = " ".join(block.get_text(" ", strip=True).split())
    missing = [caveat for caveat in CAVEATS[language] if caveat not in text]
    assert missing == [], missing
