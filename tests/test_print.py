"""Printing an article gives a clean A4 patient handout, and `make handouts` writes the same as ready-made PDFs.

Every article in both languages is printed in headless Chromium twice from the site as `make handouts` builds it
(SITE_URL set, PDF links): as a user prints it (print media, `page.pdf`, JavaScript on) and as
scripts/make_handouts.py writes it into the site. The site as `make build` writes it (no SITE_URL, no PDFs) is
printed too: it must link to no PDF and print no address or QR code. The tests read the PDFs' text
(pdftotext) and metadata (pypdf), decode the QR code from a rendered page (pdftoppm + zxing-cpp), and check the
print layout in the browser. Expected text comes from the built HTML, never from a copy in this file. Page 1 of
every PDF is written to test-artifacts/print/ for a person to look at.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import unicodedata
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import make_handouts  # scripts/, on the path through conftest
import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from conftest import PUBLISHED_URL, ROOT, Build, make_fixture_project, run_build, serve
from gates import PAGES
from test_links import Crawl
from PIL import Image
from pypdf import PdfReader

ARTIFACTS = ROOT / "test-artifacts" / "print"
LANGUAGES = ("nl", "en")
MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
PAGE_MARGIN_SIDES = 18 * MM  # site.css: @page margin, left and right


def articles_in(docs: Path) -> list[str]:
    """The articles' names: Dutch Markdown files whose front matter does not say `type: page`."""
    names = []
    for path in sorted(docs.glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta.get("type") != "page":
            names.append(path.stem)
    return names


ARTICLES = articles_in(ROOT / "docs")
ARTICLE_PAGES = [("" if lang == "nl" else "en/") + name + "/" for lang in LANGUAGES for name in ARTICLES]
KINDS = ("printed", "handout")  # printed by a user (print media + page.pdf), written by `make handouts`

# Words of the site around the article (Material's translations and this site's buttons); none may print.
UI_WORDS = {
    "nl": [r"\bZoeken\b", r"\bInhoudsopgave\b", r"Terug naar boven", r"\bAfdrukken\b", r"Ga naar inhoud",
           r"Selecteer taal", r"Donkere modus", r"Lichte modus", r"\bVorige\b", r"\bVolgende\b(?! controle)",
           r"\bNederlands\b", r"\bEnglish\b", "¶"],
    "en": [r"\bSearch\b", r"Table of contents", r"Back to top", r"\bPrint\b", r"Skip to content",
           r"Select language", r"Dark mode", r"Light mode", r"\bPrevious\b", r"\bNext\b(?! review)",
           r"\bNederlands\b", r"\bEnglish\b", "¶"],
}
LABELS = {
    "nl": {"address": "Deze pagina online:", "printed": "Afgedrukt op:", "pdf": "PDF gemaakt op:",
           "built": "Versie van de website:", "practice": "Vragen? Neem contact op met:",
           "fields": ["Telefoon:", "E-mail:", "Website:"]},
    "en": {"address": "This page online:", "printed": "Printed on:", "pdf": "PDF made on:",
           "built": "Website version:", "practice": "Questions? Contact:", "fields": ["Phone:", "Email:", "Website:"]},
}
PRACTICE = {
    "name": "Fysiotherapie Testpraktijk",
    "phone": "010 123 4567",
    "email": "balie@testpraktijk.example",
    "website": "https://testpraktijk.example",
}
PDF_LINK_NAME = {"nl": "Deze pagina als PDF downloaden", "en": "Download this page as a PDF"}
COLLAPSED_TEXT = "Deze zin staat in een ingeklapt blok en moet toch op papier komen."


def language_of(url_path: str) -> str:
    return "en" if url_path.startswith("en/") else "nl"


def artefact_name(url_path: str) -> str:
    """'en/door-de-rug-gaan/' -> 'en-door-de-rug-gaan', 'door-de-rug-gaan/' -> 'nl-door-de-rug-gaan'."""
    return f"{language_of(url_path)}-{url_path.removeprefix('en/').strip('/').replace('/', '-')}"


def long_date(day: datetime.date, lang: str) -> str:
    """A date in words as the site writes it ("21 november 2026"), with the month names of the article footer."""
    from patient_info.article_footer import LABELS, long_date

    return BeautifulSoup(long_date(day, LABELS[lang]), "html.parser").get_text()


def normalise(text: str) -> str:
    """Text as compared: NFKC, no hyphens inside words (pdftotext drops a hyphen at a line end), all whitespace
    one space."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=\w)-\s*(?=\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Printout:
    pdf: Path

    @cached_property
    def raw(self) -> str:
        """pdftotext's text, pages separated by form feeds."""
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(self.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    @cached_property
    def pages(self) -> list[str]:
        """Each page's text, without the page number ("2 / 6") in its bottom margin."""
        pages = [normalise(page) for page in self.raw.split("\f")[: len(PdfReader(self.pdf).pages)]]
        return [re.sub(rf"\s*\b{number} ?/ ?{len(pages)}$", "", page) for number, page in enumerate(pages, 1)]

    @cached_property
    def page_numbers(self) -> list[str]:
        return re.findall(r"\b\d+ ?/ ?\d+(?=\s*$)", self.raw.replace("\f", "\n\f"), re.MULTILINE)

    @cached_property
    def text(self) -> str:
        return " ".join(self.pages)

    def page_of(self, snippet: str, start: int = 0) -> tuple[int, int]:
        """(page index, position in `text`) of the first occurrence of snippet at or after position start."""
        position = self.text.find(snippet, start)
        if position < 0:
            raise AssertionError(f"not in {self.pdf.name}: {snippet!r}")
        offset = 0
        for index, page in enumerate(self.pages):
            offset += len(page) + 1
            if position < offset:
                return index, position
        raise AssertionError("unreachable")

    def render(self, page_number: int, target: Path, dpi: int = 110) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        stem = target.with_suffix("")
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page_number), "-l", str(page_number),
                        "-singlefile", str(self.pdf), str(stem)], check=True)
        return stem.with_suffix(".png")


def print_to_pdf(page, url: str, target: Path) -> Printout:
    """Print a page the way a user does: print media, A4, the browser's default (no backgrounds)."""
    page.goto(url)
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4")
    return Printout(target)


@pytest.fixture(scope="module")
def unpublished_printouts(browser, site, site_url, tmp_path_factory) -> dict[str, Printout]:
    """Every article of the `make build` site (no SITE_URL) printed by a user, keyed by URL path."""
    folder = tmp_path_factory.mktemp("printed-unpublished")
    context = browser.new_context()
    page = context.new_page()
    found = {url_path: print_to_pdf(page, site_url + url_path, folder / f"{artefact_name(url_path)}.pdf")
             for url_path in ARTICLE_PAGES}
    context.close()
    return found


@pytest.fixture(scope="module")
def printouts(browser, published, published_url, tmp_path_factory) -> dict[tuple[str, str], Printout]:
    """Every article printed by a user and written by `make handouts`, keyed by (kind, URL path)."""
    folder = tmp_path_factory.mktemp("printed")
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for url_path in ARTICLE_PAGES:
        target = folder / f"{artefact_name(url_path)}.pdf"
        found["printed", url_path] = print_to_pdf(page, published_url + url_path, target)
    context.close()
    written = make_handouts.make_handouts(published.site, browser, published_url)
    for url_path in ARTICLE_PAGES:
        href = published.page(url_path).select_one("[data-handout-pdf]")["href"]
        pdf = (published.site / url_path / href).resolve()
        assert pdf in written, f"make handouts wrote no {pdf}"
        found["handout", url_path] = Printout(pdf)
    for (kind, url_path), printout in found.items():
        printout.render(1, ARTIFACTS / f"{kind}-{artefact_name(url_path)}-page1.png")
    return found


def article(build, url_path: str):
    return build.page(url_path).select_one("article.md-content__inner")


def text_of(element) -> str:
    element = BeautifulSoup(str(element), "html.parser")
    for link in element.select(".headerlink, .visually-hidden"):  # screen-reader text does not print
        link.decompose()
    return normalise(element.get_text())


def blocks(build, url_path: str) -> list:
    """The article's text blocks in reading order (headings, paragraphs, list items, box titles), without the
    print button, the phone's section list (screen only), the handout's own masthead and closing block, and hidden text
    (the search keywords)."""
    body = BeautifulSoup(str(article(build, url_path)), "html.parser")
    for extra in body.select(".handout-actions, .page-toc, .handout-masthead, .handout, [hidden]"):
        extra.decompose()
    return body.select("h1, h2, h3, h4, h5, h6, p, li, summary")


def expected_address(build, url_path: str) -> str:
    return build.page(url_path).select_one('link[rel="canonical"]')["href"]


both = pytest.mark.parametrize("kind", KINDS)
each_article = pytest.mark.parametrize("url_path", ARTICLE_PAGES)


# --- The PDF link and `make handouts` ------------------------------------------------------------------------------


def test_there_are_articles_in_both_languages():
    assert len(ARTICLES) >= 2
    assert len(ARTICLE_PAGES) == 2 * len(ARTICLES)


@each_article
def test_article_links_to_its_pdf_which_make_handouts_wrote(published, published_url, printouts, url_path):
    lang, name = language_of(url_path), url_path.removeprefix("en/").strip("/")
    link = published.page(url_path).select_one("a[data-handout-pdf]")
    address = urljoin(published_url + url_path, link["href"])
    assert address == f"{published_url}handouts/{lang}/{name}.pdf"
    with urllib.request.urlopen(address) as response:
        assert response.status == 200
        assert response.read().startswith(b"%PDF-")
    assert link.get("aria-label") and "PDF" in link.get_text()


def test_pages_that_are_not_articles_have_no_handout(published, printouts):
    for path in ("", "en/", "over-deze-site/", "en/over-deze-site/"):
        soup = published.page(path)
        assert soup.select("[data-handout-pdf], [data-handout-print], .handout, .handout-masthead") == []
    handouts = published.site / "handouts"
    assert sorted(p.relative_to(handouts).as_posix() for p in handouts.rglob("*.pdf")) \
        == sorted([f"{language_of(path)}/{path.removeprefix('en/').strip('/')}.pdf" for path in ARTICLE_PAGES]
                  + [f"{language}/wanneer-bellen.pdf" for language in LANGUAGES])  # and the card to keep


@each_article
def test_handout_pdf_is_a4_with_title_and_language(published, printouts, url_path):
    reader = PdfReader(printouts["handout", url_path].pdf)
    soup = published.page(url_path)
    assert reader.metadata.title == soup.title.get_text()
    assert reader.trailer["/Root"]["/Lang"] == soup.html["lang"] == language_of(url_path)
    for pdf_page in reader.pages:
        assert [round(float(side)) for side in pdf_page.mediabox[2:]] == [round(side) for side in A4]


def notices(build: Build, word: str) -> list[str]:
    return [line for line in build.log.splitlines() if line.startswith("INFO") and "handout:" in line and word in line]


def test_make_build_links_to_no_pdf_and_says_once_how_to_get_them(site):
    assert not (site.site / "handouts").exists()
    for path in PAGES:
        assert site.page(path).select("[data-handout-pdf], a[href$='.pdf']") == [], path
    [notice] = notices(site, "PDF")
    assert "make handouts" in notice


def test_make_build_without_site_url_shows_no_address_or_qr_code_on_any_page(site):
    placeholder = expected_address(site, "")  # the home page's canonical address: mkdocs.yml's placeholder
    host = urlsplit(placeholder).netloc
    assert host and site.page("door-de-rug-gaan/").select_one(".handout") is not None
    for path in PAGES:
        body = site.page(path).body
        assert host not in str(body), path
        assert body.select(".handout__qr, .handout__address, svg.handout__qr-code") == [], path
    [notice] = notices(site, "SITE_URL")
    assert "QR code" in notice


@each_article
def test_make_build_prints_no_address_and_no_qr_code(site, unpublished_printouts, url_path):
    printout = unpublished_printouts[url_path]
    lang = language_of(url_path)
    assert urlsplit(expected_address(site, "")).netloc not in printout.raw
    assert normalise(LABELS[lang]["address"]) not in printout.text
    for number in range(1, len(printout.pages) + 1):
        image = printout.render(number, ARTIFACTS / f"unpublished-{artefact_name(url_path)}-{number}.png")
        assert zxingcpp.read_barcodes(Image.open(image)) == [], f"a code on page {number}"
    # The rest of the closing block still prints: date and disclaimer.
    assert normalise(LABELS[lang]["printed"]) in printout.pages[-1]
    assert text_of(site.page(url_path).select_one(".md-copyright__highlight")) in printout.pages[-1]


def test_make_handouts_refuses_to_build_without_site_url(tmp_path):
    build = run_build(ROOT, tmp_path / "site", SITE_URL=None, HANDOUTS="true")
    assert build.returncode != 0
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "SITE_URL" in errors[0] and "Traceback" not in build.log, build.log
    assert not (tmp_path / "site" / "door-de-rug-gaan").exists()


def test_make_handouts_site_links_resolve_with_the_pdfs_written(published, printouts):
    crawl = Crawl(published.site, PUBLISHED_URL).run(["", "en/", "404.html", "en/404.html"])
    assert crawl.problems == []
    # Every article and the card to keep (wanneer-bellen, in each language) link their PDF.
    assert sum(len(published.page(path).select("a[data-handout-pdf]")) for path in PAGES) == len(ARTICLE_PAGES) + 2


# --- What is on the paper ------------------------------------------------------------------------------------------


@both
@each_article
def test_nothing_of_the_site_around_the_article_prints(published, printouts, kind, url_path):
    text = printouts[kind, url_path].text
    lang = language_of(url_path)
    own = article(published, url_path)
    for control in own.select(".handout-actions"):
        control.decompose()
    own_text = text_of(own)
    leaked = [word for word in UI_WORDS[lang] if re.search(word, text) and not re.search(word, own_text)]
    # The navigation's page titles, except the ones the article itself mentions (its own title, its headings).
    soup = published.page(url_path)
    for link in soup.select(".md-nav--primary .md-nav__link, .md-footer__link"):
        label = text_of(link)
        if label and label not in own_text and label in text:
            leaked.append(label)
    assert leaked == []


@both
@each_article
def test_whole_article_prints_in_order(published, printouts, kind, url_path):
    """Every heading, paragraph and list item of the article is on paper, whole and in order: nothing folded
    away, nothing cut off."""
    printout, position = printouts[kind, url_path], 0
    for block in blocks(published, url_path):
        text = text_of(block)
        if text:
            _, position = printout.page_of(text, position)


@both
@each_article
def test_every_faq_question_and_answer_prints(published, printouts, kind, url_path):
    text = printouts[kind, url_path].text
    faq = article(published, url_path).select_one("h2#veelgestelde-vragen")
    questions = 0
    for sibling in faq.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        if sibling.name == "h3":
            questions += 1
        if sibling.has_attr("hidden"):
            continue  # the search's hidden patients' words: never shown, never printed
        assert text_of(sibling) in text
    assert questions >= 3


@both
@each_article
def test_site_name_and_title_on_page_one_and_closing_details_at_the_end(published, printouts, kind, url_path):
    printout, lang = printouts[kind, url_path], language_of(url_path)
    soup = published.page(url_path)
    site_name = text_of(soup.select_one(".md-header__topic .md-ellipsis"))
    title = text_of(soup.select_one("article h1"))
    assert printout.pages[0].startswith(f"{site_name} {title}")
    end = printout.text[printout.text.index(text_of(soup.select_one("h2#bronnen"))):]
    review_dates = text_of(soup.select_one(".review-dates"))
    assert re.search(r"(Laatst gecontroleerd|Last reviewed): \d+ \w+ \d{4} (Volgende controle|Next review):",
                     review_dates)
    assert review_dates in end
    assert normalise(f"{LABELS[lang]['address']} {expected_address(published, url_path)}") in end
    today = long_date(datetime.date.today(), lang)
    assert normalise(f"{LABELS[lang]['printed' if kind == 'printed' else 'pdf']} {today}") in end
    assert normalise(LABELS[lang]["built"]) not in end  # replaced by the real date when JavaScript runs
    assert text_of(soup.select_one(".md-copyright__highlight")) in end  # the disclaimer
    # All of it together on the last page.
    assert review_dates in printout.pages[-1] and normalise(LABELS[lang]["address"]) in printout.pages[-1]


@both
@each_article
def test_pages_are_numbered(printouts, kind, url_path):
    printout = printouts[kind, url_path]
    total = len(printout.pages)
    assert [number.replace(" ", "") for number in printout.page_numbers] == [f"{n}/{total}" for n in range(1, total + 1)]


@both
@each_article
def test_external_links_are_followed_by_their_address_and_sources_by_their_site(published, printouts, kind, url_path):
    # Compared without whitespace and hyphens: a long address wraps, and pdftotext drops a hyphen at a line end.
    def squeeze(text: str) -> str:
        return re.sub(r"[\s-]+", "", text)

    squeezed = squeeze(printouts[kind, url_path].raw)
    body = article(published, url_path)
    sources = body.select_one("h2#bronnen").find_next_sibling("ul").select('a[href^="http"]')
    in_text = [a["href"] for a in body.select('a[href^="http"]') if not a.find_parent(class_="handout")
               and a not in sources]
    for href in in_text:
        assert "(" + squeeze(href) + ")" in squeezed
    # Sources: the title, then the site's name, or the address without https:// and www. where it is short.
    assert len(sources) >= 3
    for source in sources:
        href, shown = source["href"], source["data-print-address"]
        parts = urlsplit(href)
        host = parts.netloc.removeprefix("www.")
        assert shown == host or (len(shown) <= 40 and href.rstrip("/").endswith(shown.removeprefix(host))), shown
        assert squeeze(f"{text_of(source)} ({shown})") in squeezed
        if shown == host:
            assert squeeze(href) not in squeezed  # the long address is not printed
    assert any(source["data-print-address"] != urlsplit(source["href"]).netloc.removeprefix("www.")
               for source in sources), "no short address printed whole"


@both
@each_article
def test_qr_code_opens_the_page(published, printouts, kind, url_path):
    printout = printouts[kind, url_path]
    image = printout.render(len(printout.pages), ARTIFACTS / f"{kind}-{artefact_name(url_path)}-last.png", dpi=150)
    codes = zxingcpp.read_barcodes(Image.open(image))
    expected = [(zxingcpp.BarcodeFormat.QRCode, expected_address(published, url_path))]
    assert [(code.format, code.text) for code in codes] == expected


@each_article
def test_qr_code_is_an_inline_svg_made_at_build_time(published, url_path):
    qr = published.page(url_path).select_one(".handout__qr")
    assert qr["role"] == "img" and qr["aria-label"]
    assert qr.select_one("svg path") is not None and qr.select("img, script, [href], [src]") == []


# --- Page layout ---------------------------------------------------------------------------------------------------


def words_with_boxes(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, xMin, xMax, word) for every word, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, page = [], -1
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if found:
            words.append((page, float(found.group(1)), float(found.group(2)), found.group(3)))
    return words


@both
@each_article
def test_no_text_runs_off_the_right_edge(printouts, kind, url_path):
    pdf = printouts[kind, url_path].pdf
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    words = words_with_boxes(pdf)
    assert len(words) > 300
    outside = [word for word in words if word[1] < PAGE_MARGIN_SIDES - 1.5 or word[2] > width - PAGE_MARGIN_SIDES + 1.5]
    assert outside == []


def text_sizes(pdf: Path) -> list[tuple[int, float, str]]:
    """(page index, font size in pt, text) for every run of text in the PDF, from the text matrices (pypdf)."""
    runs = []
    for number, pdf_page in enumerate(PdfReader(pdf).pages):
        def visit(text, cm, tm, font, size, number=number):
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            if text.strip():
                runs.append((number, size * scale, normalise(text)))
        pdf_page.extract_text(visitor_text=visit)
    return runs


@both
@each_article
def test_body_paragraphs_print_at_11_pt_or_more(published, printouts, kind, url_path):
    """Measured on each paragraph's own text in the PDF, not on the most common size."""
    runs = [(size, re.sub(r"\W+", "", text)) for _, size, text in text_sizes(printouts[kind, url_path].pdf)]
    paragraphs = [element for element in article(published, url_path).select("p")
                  if not element.find_parent(class_=["handout", "handout-masthead", "page-toc"])  # page-toc: screen only
                  and not {"review-dates", "admonition-title"} & set(element.get("class", []))]
    assert len(paragraphs) >= 20
    for paragraph in paragraphs:
        own = re.sub(r"\W+", "", text_of(paragraph))
        sizes = [size for size, text in runs if (len(text) >= 12 and text in own) or text == own]
        assert sizes, f"paragraph not found in the PDF: {text_of(paragraph)[:60]}"
        assert min(sizes) >= 10.95, f"{min(sizes):.1f} pt: {text_of(paragraph)[:60]}"


def exercises(build, url_path: str) -> list[tuple[str, list[str]]]:
    """Each exercise: a title (a paragraph of only bold text, or a heading) right before a numbered list of steps."""
    found = []
    for steps in article(build, url_path).select("ol"):
        title = steps.find_previous_sibling()
        if title is not None and "exercise-figure" in title.get("class", []):  # its drawing sits between (issue 28)
            title = title.find_previous_sibling()
        bold_only = (title is not None and title.name == "p"
                     and [child.name for child in title.find_all(True)] == ["strong"]
                     and text_of(title) == text_of(title.strong))
        if bold_only or (title is not None and title.name in ("h3", "h4")):
            found.append((text_of(title), [text_of(step) for step in steps.find_all("li", recursive=False)]))
    return found


@both
@each_article
def test_each_exercise_stays_on_one_page(published, printouts, kind, url_path):
    printout = printouts[kind, url_path]
    found = exercises(published, url_path)
    assert len(found) >= 3
    for title, steps in found:
        title_page, position = printout.page_of(title)
        last_page, _ = printout.page_of(steps[-1][:40], position)
        assert title_page == last_page, f"{title!r} starts on page {title_page + 1}, ends on page {last_page + 1}"


@both
@each_article
def test_the_exercise_section_fits_one_page(published, printouts, kind, url_path):
    """From its heading to its last line, every drawing and step in between (issue 28)."""
    printout = printouts[kind, url_path]
    heading = article(published, url_path).select_one("h2#oefeningen")
    group = heading.find_next_sibling("div", class_="exercises")
    assert group is not None and len(group.select("div.exercise svg[data-drawing]")) >= 4
    paragraphs = group.find_all("p", recursive=False)
    first_page, position = printout.page_of(f"{text_of(heading)} {text_of(paragraphs[0])[:40]}")
    last = text_of(paragraphs[-1])
    assert printout.page_of(last[:40], position)[0] == first_page


@both
@each_article
def test_no_page_holds_only_the_closing_block(published, printouts, kind, url_path):
    """The last page also holds the sources: the review dates and the closing block never stand alone."""
    printout = printouts[kind, url_path]
    body = article(published, url_path)
    last_source = text_of(body.select_one("h2#bronnen").find_next_sibling("ul").select("li")[-1].a)
    assert printout.page_of(last_source[:40])[0] == len(printout.pages) - 1
    assert normalise(LABELS[language_of(url_path)]["address"]) in printout.pages[-1]


A4_TEXT_AREA_PX = (round((210 - 36) / 25.4 * 96), (297 - 34) / 25.4 * 96)  # site.css @page margins, CSS px


@both
@each_article
def test_page_breaks_keep_headings_boxes_and_lists_together(published, published_url, page, printouts, kind, url_path):
    printout = printouts[kind, url_path]
    assert len(printout.pages) > 1, "a short printout cannot show page breaks"
    body = article(published, url_path)
    # A heading is on the same page as the start of what follows it. Headings are found in order, each after the
    # one before, so that a link with the same words earlier in the text is not taken for the heading.
    position = 0
    for screen_only in body.select(".page-toc, [hidden]"):  # the phone's section list; hidden search words
        screen_only.decompose()
    for heading in body.select("h2, h3"):
        following = heading.find_next_sibling()
        heading_page, position = printout.page_of(text_of(heading), position)
        next_page, _ = printout.page_of(text_of(following)[:40], position)
        assert heading_page == next_page, f"heading alone at the bottom of page {heading_page + 1}: {text_of(heading)}"
    # Each urgency card, and every list that fits on one page, is not split. Heights from the print layout in the
    # browser at the width of the A4 text area.
    page.set_viewport_size({"width": A4_TEXT_AREA_PX[0], "height": 1000})
    page.goto(published_url + url_path)
    page.emulate_media(media="print")
    heights = page.evaluate("""() => [...document.querySelectorAll(
        "article :is(.urgency, ul, ol):not(.page-toc *)")]
        .map((element) => element.getBoundingClientRect().height)""")
    boxes = body.select(".urgency, ul, ol")  # document order, as in the browser
    assert len(heights) == len(boxes) and [box.name for box in boxes].count("div") == 3
    position = 0  # each box is found after the start of the one before: exercises start with the same words
    for box, height in zip(boxes, heights):
        assert box.name != "div" or height < A4_TEXT_AREA_PX[1], "an urgency card no longer fits on one page"
        if height >= A4_TEXT_AREA_PX[1]:
            continue
        items = box.select("li") if box.name in ("ul", "ol") else box.select("p, li")
        first, last = text_of(items[0])[:40], text_of(items[-1])[:40]
        first_page, found = printout.page_of(first, position)
        last_page, _ = printout.page_of(last, found)
        position = found + 1  # the next box (or a list inside this card) starts after this one's start
        assert first_page == last_page, f"split over pages {first_page + 1}-{last_page + 1}: {first!r} … {last!r}"


# --- The print layout in the browser -------------------------------------------------------------------------------

VISIBLE_OUTSIDE_ARTICLE = """() => {
  const visible = (element) => element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== "hidden";
  const article = document.querySelector("article.md-content__inner");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const leaked = [];
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim();
    if (text && visible(node.parentElement) && !article.contains(node)) leaked.push(text);
  }
  const controls = [...document.querySelectorAll(
    "button, input, select, textarea, label, nav, form, .headerlink, .md-top")]
    .filter(visible).map((element) => element.outerHTML.slice(0, 80));
  return {leaked, controls};
}"""

PRINT_STYLE = """() => {
  const article = document.querySelector("article.md-content__inner");
  const text = [...article.querySelectorAll("p, li, h1, h2, h3, strong, a, span, summary, .admonition-title")]
    .filter((element) => element.getClientRects().length
      && [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()));
  const body = [...article.querySelectorAll("p, li")]
    .filter((element) => element.getClientRects().length && !element.closest(".handout, .handout-masthead"));
  return {
    scheme: document.body.dataset.mdColorScheme,
    colours: [...new Set(text.map((element) => getComputedStyle(element).color))],
    backgrounds: [...new Set([document.documentElement, document.body, ...article.querySelectorAll("*")]
      .map((element) => getComputedStyle(element).backgroundColor))],
    sizes: [...new Set(body.map((element) => parseFloat(getComputedStyle(element).fontSize)))],
    overflow: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    // Screen-reader-only text (.visually-hidden) is clipped on purpose.
    cut: [...article.querySelectorAll("*:not(.visually-hidden)")].filter((element) => element.scrollWidth > element.clientWidth + 1
      && getComputedStyle(element).overflowX !== "visible").map((element) => element.outerHTML.slice(0, 80)),
  };
}"""


@each_article
def test_print_layout_shows_only_the_article_black_on_white_at_11_to_12_pt(browser, site_url, url_path):
    """Print media with the dark palette on screen, at the width of an A4 text area."""
    context = browser.new_context(color_scheme="dark", viewport={"width": A4_TEXT_AREA_PX[0], "height": 1000})
    page = context.new_page()
    page.goto(site_url + url_path)
    page.emulate_media(media="print", color_scheme="dark")
    visible = page.evaluate(VISIBLE_OUTSIDE_ARTICLE)
    style = page.evaluate(PRINT_STYLE)
    context.close()
    assert visible == {"leaked": [], "controls": []}
    assert style["scheme"] == "slate"  # the dark palette really is active
    assert style["colours"] == ["rgb(0, 0, 0)"]
    assert set(style["backgrounds"]) <= {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}
    assert style["sizes"] and all(11 <= size * 72 / 96 <= 12 for size in style["sizes"]), style["sizes"]
    assert style["overflow"][0] <= style["overflow"][1] and style["cut"] == []


@each_article
def test_print_button_opens_the_print_dialog(page, site_url, url_path):
    lang = language_of(url_path)
    page.add_init_script("window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };")
    page.goto(site_url + url_path)
    button = page.get_by_role("button", name={"nl": "Afdrukken", "en": "Print"}[lang], exact=True)
    assert button.is_visible()
    button.focus()
    assert page.evaluate("document.activeElement.matches('[data-handout-print]')")
    page.keyboard.press("Enter")
    button.click()
    assert page.evaluate("window.printCalls") == 2
    # `make build` writes no PDFs, so there is no PDF link (test_make_build_links_to_no_pdf...).
    assert page.get_by_role("link", name=PDF_LINK_NAME[lang]).count() == 0


ACTIONS_AND_TITLE = """() => {
  const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
  return {title: box("article h1"), actions: box(".handout-actions"),
          print: box("[data-handout-print]"), pdf: box("[data-handout-pdf]")};
}"""


@each_article
def test_buttons_go_below_the_title_on_a_phone_and_beside_it_on_a_desktop(browser, published, published_url,
                                                                         url_path):
    # In the HTML the buttons follow the title: read after it, in both layouts.
    title = article(published, url_path).select_one(".article-title > h1")
    assert title.find_next_sibling()["class"] == ["handout-actions"] and title.find_previous_sibling() is None
    for width, below in ((390, True), (1366, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(published_url + url_path)
        boxes = page.evaluate(ACTIONS_AND_TITLE)
        pdf_link = page.get_by_role("link", name=PDF_LINK_NAME[language_of(url_path)])
        assert pdf_link.is_visible()
        context.close()
        title, actions = boxes["title"], boxes["actions"]
        if below:
            assert actions["top"] >= title["bottom"] - 1, boxes
            assert title["width"] >= 0.8 * (width - 2 * 16), "the title does not take the phone's width"
        else:
            assert actions["top"] < title["bottom"] and actions["left"] >= title["right"] - 1, boxes
        assert all(boxes[name]["right"] <= width for name in ("print", "pdf"))


# --- Practice details, collapsed blocks, no JavaScript: fixture sites -----------------------------------------------


def with_practice(project: Path, practice: dict) -> None:
    config = project / "mkdocs.yml"
    lines = "".join(f"    {key}: {yaml.safe_dump(value).splitlines()[0]}\n" for key, value in practice.items())
    text, count = re.subn(r"^extra:\n", f"extra:\n  practice:\n{lines}", config.read_text(encoding="utf-8"),
                          flags=re.MULTILINE)
    assert count == 1
    config.write_text(text, encoding="utf-8")


def with_collapsed_block(project: Path) -> None:
    article = project / "docs" / "door-de-rug-gaan.md"
    # Before the footer marker, which ends every article (patient_info/article_footer.py).
    block = f'??? note "Meer weten"\n\n    {COLLAPSED_TEXT}\n\n'
    article.write_text(article.read_text(encoding="utf-8").replace("{article-footer", block + "{article-footer", 1),
                       encoding="utf-8")


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory):
    """A fixture site with a practice and a collapsed block, built once for the tests that only read it."""
    project = make_fixture_project(tmp_path_factory.mktemp("practice") / "project")
    with_practice(project, PRACTICE)
    with_collapsed_block(project)
    build = run_build(project, project.parent / "site")
    assert build.returncode == 0, build.log
    url, server = serve(build.site)
    yield build, url
    server.shutdown()


def test_practice_details_show_on_the_handout_and_in_the_footer(practice_site, browser, tmp_path):
    build, url = practice_site
    for url_path in ("door-de-rug-gaan/", "en/door-de-rug-gaan/", "over-deze-site/"):
        footer = text_of(build.page(url_path).select_one(".practice-footer"))
        assert all(value.removeprefix("https://") in footer for value in PRACTICE.values())
    context = browser.new_context()
    for url_path in ("door-de-rug-gaan/", "en/door-de-rug-gaan/"):
        lang = language_of(url_path)
        printout = print_to_pdf(context.new_page(), url + url_path, tmp_path / f"{lang}.pdf")
        printout.render(1, ARTIFACTS / f"practice-{lang}-page1.png")
        site_name = text_of(build.page(url_path).select_one(".md-header__topic .md-ellipsis"))
        assert printout.pages[0].startswith(normalise(f"{site_name} {PRACTICE['name']}"))
        end = printout.pages[-1]
        assert normalise(f"{LABELS[lang]['practice']} {PRACTICE['name']}") in end
        for field, value in zip(LABELS[lang]["fields"], ("phone", "email", "website")):
            assert normalise(f"{field} {PRACTICE[value].removeprefix('https://')}") in end
    context.close()


def test_only_configured_practice_fields_show(fixture_project, tmp_path):
    with_practice(fixture_project, {"phone": PRACTICE["phone"]})
    build = run_build(fixture_project, tmp_path / "site")
    assert build.returncode == 0, build.log
    for url_path in ("door-de-rug-gaan/", "en/door-de-rug-gaan/"):
        soup = build.page(url_path)
        for practice in soup.select(".practice"):
            assert text_of(practice) == normalise(f"{LABELS[language_of(url_path)]['fields'][0]} {PRACTICE['phone']}")
        assert len(soup.select(".practice")) == 2  # the handout and the footer
        assert soup.select(".handout-masthead__practice") == []


@each_article
def test_no_practice_configured_shows_nothing_of_it(site, printouts, url_path):
    assert not re.search(r"^\s+practice:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    soup = site.page(url_path)
    assert soup.select(".practice, .practice-footer, .handout__practice, .handout-masthead__practice") == []
    lang = language_of(url_path)
    for kind in KINDS:
        text = printouts[kind, url_path].text
        assert normalise(LABELS[lang]["practice"]) not in text
        assert not any(normalise(field) in text for field in LABELS[lang]["fields"])


def test_collapsed_blocks_print_open_with_and_without_javascript(practice_site, browser, tmp_path):
    build, url = practice_site
    assert build.page("door-de-rug-gaan/").select_one("details:not([open])") is not None
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        printout = print_to_pdf(context.new_page(), url + "door-de-rug-gaan/", tmp_path / f"js-{javascript}.pdf")
        context.close()
        assert normalise(COLLAPSED_TEXT) in printout.text
        if not javascript:
            # Without JavaScript the build date stands in for the date printed, labelled as such; MkDocs' build date
            # (build_date_utc) is a UTC date.
            built = long_date(datetime.datetime.now(datetime.timezone.utc).date(), "nl")
            assert normalise(f"{LABELS['nl']['built']} {built}") in printout.text
            assert normalise(LABELS["nl"]["printed"]) not in printout.text
            assert "Afdrukken" not in printout.text


@pytest.mark.parametrize("kind", ["printed", "handout"])
@pytest.mark.parametrize("url_path", ARTICLE_PAGES)
def test_all_three_urgency_levels_print_most_urgent_first(site, printouts, kind, url_path):
    """The printed article holds the three cards of "when to call", each heading and each item, in order."""
    text = printouts[kind, url_path].text
    position = 0
    for card in article(site, url_path).select(".urgency[data-urgency-level]"):
        for element in card.select(".urgency__heading, li"):
            snippet = text_of(element)[:50]
            found = text.find(snippet, position)
            assert found >= 0, f"{kind} {url_path}: {snippet!r} missing or out of order"
            position = found


# --- The training and pain diary (a page, not an article: printed as is, no handout) ---------------------------------

DIARY_PAGES = ["trainingsdagboek/", "en/trainingsdagboek/"]
MIN_WRITING_ROW_MM = 8  # a row is high enough to write in by hand


@pytest.mark.parametrize("url_path", DIARY_PAGES)
def test_training_diary_prints_on_one_a4_sheet_with_its_whole_table(site, site_url, page, tmp_path, url_path):
    printout = print_to_pdf(page, site_url + url_path, tmp_path / "diary.pdf")
    printout.render(1, ARTIFACTS / f"printed-{artefact_name(url_path)}-page1.png")
    reader = PdfReader(printout.pdf)
    assert len(reader.pages) == 1
    # Chromium's "A4" is 595.92 x 842.88 pt, a fraction of a point over ISO A4: within one point counts as A4.
    width, height = (float(side) for side in reader.pages[0].mediabox[2:])
    assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)
    soup = site.page(url_path)
    table = soup.select_one("article .training-diary table")
    headers = [text_of(th) for th in table.select("thead th")]
    weeks = [text_of(row.find("td")) for row in table.select("tbody tr")]
    assert len(headers) >= 5 and len(weeks) >= 12
    text = printout.text
    assert text.startswith(text_of(soup.find("h1")))
    for header in headers:  # a header may wrap inside its cell: compare word by word
        assert all(word in text for word in header.split()), header
    # Every row's week number prints, in order, after the headers.
    table_text = text[text.find(headers[-1]) + len(headers[-1]):]
    assert re.findall(r"\b\d+\b", table_text)[: len(weeks)] == weeks
    # Rows tall enough to write in, measured in the print layout.
    heights = page.evaluate("""() => [...document.querySelectorAll(".training-diary tbody tr")]
        .map((row) => row.getBoundingClientRect().height)""")
    assert len(heights) == len(weeks)
    assert min(heights) >= MIN_WRITING_ROW_MM / 25.4 * 96


def test_running_plan_links_to_the_diary(site):
    for lang_prefix in ("", "en/"):
        plan = site.page(f"{lang_prefix}rugpijn-na-het-lopen/").find("h2", id="weer-opbouwen")
        links = []
        for sibling in plan.find_next_siblings():
            if sibling.name == "h2":
                break
            links += [a["href"] for a in sibling.select("a[href]")]
        assert any(href.rstrip("/").endswith("trainingsdagboek") for href in links), links


@pytest.mark.parametrize("language", LANGUAGES)
def test_make_handouts_writes_the_card_to_keep_two_to_a_landscape_sheet(published, printouts, language):
    """The card to keep (`wanneer-bellen`, front matter `pdf: true`) gets its PDF from `make handouts` like an
    article: landscape A4, the front (112, call now) on page 1 and the back (appointment, own numbers) on page 2, each
    twice, side by side."""
    url_path = ("" if language == "nl" else f"{language}/") + "wanneer-bellen/"
    href = published.page(url_path).select_one("[data-handout-pdf]")["href"]
    printout = Printout((published.site / url_path / href).resolve())
    reader = PdfReader(printout.pdf)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[1]), round(A4[0]))
    card = published.page(url_path).select_one(".urgency-card")
    front, back = printout.pages
    for level in card.select(".urgency[data-urgency-level]"):
        side = back if level["data-urgency-level"] == "appointment" else front
        for element in level.select(".urgency__heading, li"):
            snippet = text_of(element)[:40]
            assert side.count(snippet) >= 2, f"{snippet!r} is not on both cards of its side"
    printout.render(1, ARTIFACTS / f"card-to-keep-{language}-front.png")
