"""Printing an article gives a clean A4 patient handout, and `make handouts` writes the same as ready-made PDFs.

Every article in both languages is printed in headless Chromium twice: as a user prints it (print media,
`page.pdf`, JavaScript on) and as scripts/make_handouts.py writes it into the site. The tests read the PDFs' text
(pdftotext) and metadata (pypdf), decode the QR code from a rendered page (pdftoppm + zxing-cpp), and check the
print layout in the browser. Expected text comes from the built HTML, never from a copy in this file. Page 1 of
every PDF is written to test-artifacts/print/ for a person to look at.
"""

from __future__ import annotations

import datetime
import importlib.util
import re
import subprocess
import unicodedata
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import make_handouts  # scripts/, on the path through conftest
import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from conftest import ROOT, run_build, serve
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
COLLAPSED_TEXT = "Deze zin staat in een ingeklapt blok en moet toch op papier komen."


def language_of(url_path: str) -> str:
    return "en" if url_path.startswith("en/") else "nl"


def artefact_name(url_path: str) -> str:
    """'en/door-de-rug-gaan/' -> 'en-door-de-rug-gaan', 'door-de-rug-gaan/' -> 'nl-door-de-rug-gaan'."""
    return f"{language_of(url_path)}-{url_path.removeprefix('en/').strip('/').replace('/', '-')}"


def long_date(day: datetime.date, lang: str) -> str:
    """A date in words as the site writes it ("21 november 2026"), with the month names of the footer hook."""
    spec = importlib.util.spec_from_file_location("article_footer", ROOT / "overrides/hooks/article_footer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return BeautifulSoup(module.long_date(day, module.LABELS[lang]), "html.parser").get_text()


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
def printouts(browser, site, site_url, tmp_path_factory) -> dict[tuple[str, str], Printout]:
    """Every article printed by a user and written by `make handouts`, keyed by (kind, URL path)."""
    folder = tmp_path_factory.mktemp("printed")
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for url_path in ARTICLE_PAGES:
        target = folder / f"{artefact_name(url_path)}.pdf"
        found["printed", url_path] = print_to_pdf(page, site_url + url_path, target)
    context.close()
    written = make_handouts.make_handouts(site.site, browser, site_url)
    for url_path in ARTICLE_PAGES:
        href = site.page(url_path).select_one("[data-handout-pdf]")["href"]
        pdf = (site.site / url_path / href).resolve()
        assert pdf in written, f"make handouts wrote no {pdf}"
        found["handout", url_path] = Printout(pdf)
    for (kind, url_path), printout in found.items():
        printout.render(1, ARTIFACTS / f"{kind}-{artefact_name(url_path)}-page1.png")
    return found


def article(site, url_path: str):
    return site.page(url_path).select_one("article.md-content__inner")


def text_of(element) -> str:
    element = BeautifulSoup(str(element), "html.parser")
    for link in element.select(".headerlink"):
        link.decompose()
    return normalise(element.get_text())


def blocks(site, url_path: str) -> list:
    """The article's text blocks in reading order (headings, paragraphs, list items, box titles), without the
    print button, the handout's own masthead and closing block, and hidden text (the search keywords)."""
    body = BeautifulSoup(str(article(site, url_path)), "html.parser")
    for extra in body.select(".handout-actions, .handout-masthead, .handout, [hidden]"):
        extra.decompose()
    return body.select("h1, h2, h3, h4, h5, h6, p, li, summary")


def expected_address(site, url_path: str) -> str:
    return site.page(url_path).select_one('link[rel="canonical"]')["href"]


both = pytest.mark.parametrize("kind", KINDS)
each_article = pytest.mark.parametrize("url_path", ARTICLE_PAGES)


# --- The PDF link and `make handouts` ------------------------------------------------------------------------------


def test_there_are_articles_in_both_languages():
    assert len(ARTICLES) >= 2
    assert len(ARTICLE_PAGES) == 2 * len(ARTICLES)


@each_article
def test_article_links_to_its_pdf_which_make_handouts_wrote(site, site_url, printouts, url_path):
    lang, name = language_of(url_path), url_path.removeprefix("en/").strip("/")
    link = site.page(url_path).select_one("a[data-handout-pdf]")
    address = urljoin(site_url + url_path, link["href"])
    assert address == f"{site_url}handouts/{lang}/{name}.pdf"
    with urllib.request.urlopen(address) as response:
        assert response.status == 200
        assert response.read().startswith(b"%PDF-")
    assert link.get("aria-label") and "PDF" in link.get_text()


def test_pages_that_are_not_articles_have_no_handout(site, printouts):
    for path in ("", "en/", "over-deze-site/", "en/over-deze-site/"):
        soup = site.page(path)
        assert soup.select("[data-handout-pdf], [data-handout-print], .handout, .handout-masthead") == []
    assert sorted(p.relative_to(site.site / "handouts").as_posix() for p in (site.site / "handouts").rglob("*.pdf")) \
        == sorted(f"{language_of(path)}/{path.removeprefix('en/').strip('/')}.pdf" for path in ARTICLE_PAGES)


@each_article
def test_handout_pdf_is_a4_with_title_and_language(site, printouts, url_path):
    reader = PdfReader(printouts["handout", url_path].pdf)
    soup = site.page(url_path)
    assert reader.metadata.title == soup.title.get_text()
    assert reader.trailer["/Root"]["/Lang"] == soup.html["lang"] == language_of(url_path)
    for pdf_page in reader.pages:
        assert [round(float(side)) for side in pdf_page.mediabox[2:]] == [round(side) for side in A4]


# --- What is on the paper ------------------------------------------------------------------------------------------


@both
@each_article
def test_nothing_of_the_site_around_the_article_prints(site, printouts, kind, url_path):
    text = printouts[kind, url_path].text
    lang = language_of(url_path)
    own = article(site, url_path)
    for control in own.select(".handout-actions"):
        control.decompose()
    own_text = text_of(own)
    leaked = [word for word in UI_WORDS[lang] if re.search(word, text) and not re.search(word, own_text)]
    # The navigation's page titles, except the ones the article itself mentions (its own title, its headings).
    soup = site.page(url_path)
    for link in soup.select(".md-nav--primary .md-nav__link, .md-footer__link"):
        label = text_of(link)
        if label and label not in own_text and label in text:
            leaked.append(label)
    assert leaked == []


@both
@each_article
def test_whole_article_prints_in_order(site, printouts, kind, url_path):
    """Every heading, paragraph and list item of the article is on paper, whole and in order: nothing folded
    away, nothing cut off."""
    printout, position = printouts[kind, url_path], 0
    for block in blocks(site, url_path):
        text = text_of(block)
        if text:
            _, position = printout.page_of(text, position)


@both
@each_article
def test_every_faq_question_and_answer_prints(site, printouts, kind, url_path):
    text = printouts[kind, url_path].text
    faq = article(site, url_path).select_one("h2#veelgestelde-vragen")
    questions = 0
    for sibling in faq.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        if sibling.name == "h3":
            questions += 1
        assert text_of(sibling) in text
    assert questions >= 3


@both
@each_article
def test_site_name_and_title_on_page_one_and_closing_details_at_the_end(site, printouts, kind, url_path):
    printout, lang = printouts[kind, url_path], language_of(url_path)
    soup = site.page(url_path)
    site_name = text_of(soup.select_one(".md-header__topic .md-ellipsis"))
    title = text_of(soup.select_one("article h1"))
    assert printout.pages[0].startswith(f"{site_name} {title}")
    end = printout.text[printout.text.index(text_of(soup.select_one("h2#bronnen"))):]
    review_dates = text_of(soup.select_one(".review-dates"))
    assert re.search(r"(Laatst gecontroleerd|Last reviewed): \d+ \w+ \d{4} (Volgende controle|Next review):",
                     review_dates)
    assert review_dates in end
    assert normalise(f"{LABELS[lang]['address']} {expected_address(site, url_path)}") in end
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
def test_external_links_are_followed_by_their_address(site, printouts, kind, url_path):
    # Compared without whitespace and hyphens: a long address wraps, and pdftotext drops a hyphen at a line end.
    squeezed = re.sub(r"[\s-]+", "", printouts[kind, url_path].raw)
    body = article(site, url_path)
    links = [a["href"] for a in body.select('a[href^="http"]') if not a.find_parent(class_="handout")]
    assert links
    for href in links:
        assert "(" + href.replace("-", "") + ")" in squeezed


@both
@each_article
def test_qr_code_opens_the_page(site, printouts, kind, url_path):
    printout = printouts[kind, url_path]
    image = printout.render(len(printout.pages), ARTIFACTS / f"{kind}-{artefact_name(url_path)}-last.png", dpi=150)
    codes = zxingcpp.read_barcodes(Image.open(image))
    expected = [(zxingcpp.BarcodeFormat.QRCode, expected_address(site, url_path))]
    assert [(code.format, code.text) for code in codes] == expected


@each_article
def test_qr_code_is_an_inline_svg_made_at_build_time(site, url_path):
    qr = site.page(url_path).select_one(".handout__qr")
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


A4_TEXT_AREA_PX = (round((210 - 36) / 25.4 * 96), (297 - 34) / 25.4 * 96)  # site.css @page margins, CSS px


@both
@each_article
def test_page_breaks_keep_headings_boxes_and_lists_together(site, site_url, page, printouts, kind, url_path):
    printout = printouts[kind, url_path]
    assert len(printout.pages) > 1, "a short printout cannot show page breaks"
    body = article(site, url_path)
    # A heading is on the same page as the start of what follows it.
    for heading in body.select("h2, h3"):
        following = heading.find_next_sibling()
        heading_page, position = printout.page_of(text_of(heading))
        next_page, _ = printout.page_of(text_of(following)[:40], position)
        assert heading_page == next_page, f"heading alone at the bottom of page {heading_page + 1}: {text_of(heading)}"
    # The red-flag box, and every list that fits on one page, is not split. Heights from the print layout in the
    # browser at the width of the A4 text area.
    page.set_viewport_size({"width": A4_TEXT_AREA_PX[0], "height": 1000})
    page.goto(site_url + url_path)
    page.emulate_media(media="print")
    heights = page.evaluate("""() => [...document.querySelectorAll(
        "article .admonition.danger, article ul, article ol")]
        .map((element) => element.getBoundingClientRect().height)""")
    boxes = body.select(".admonition.danger, ul, ol")  # document order, as in the browser
    assert len(heights) == len(boxes) and [box.name for box in boxes].count("div") == 1
    for box, height in zip(boxes, heights):
        assert box.name != "div" or height < A4_TEXT_AREA_PX[1], "the red-flag box no longer fits on one page"
        if height >= A4_TEXT_AREA_PX[1]:
            continue
        items = box.select("li") if box.name in ("ul", "ol") else box.select("p, li")
        first, last = text_of(items[0])[:40], text_of(items[-1])[:40]
        first_page, position = printout.page_of(first)
        last_page, _ = printout.page_of(last, position)
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
    cut: [...article.querySelectorAll("*")].filter((element) => element.scrollWidth > element.clientWidth + 1
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
    pdf_name = {"nl": "Deze pagina als PDF downloaden", "en": "Download this page as a PDF"}[lang]
    assert page.get_by_role("link", name=pdf_name).is_visible()


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
    article.write_text(article.read_text(encoding="utf-8") + f'\n??? note "Meer weten"\n\n    {COLLAPSED_TEXT}\n',
                       encoding="utf-8")


@pytest.fixture
def practice_site(fixture_project, tmp_path):
    with_practice(fixture_project, PRACTICE)
    with_collapsed_block(fixture_project)
    build = run_build(fixture_project, tmp_path / "site")
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
            # Without JavaScript the build date stands in for the date printed, labelled as such.
            built = long_date(datetime.date.today(), "nl")
            assert normalise(f"{LABELS['nl']['built']} {built}") in printout.text
            assert normalise(LABELS["nl"]["printed"]) not in printout.text
            assert "Afdrukken" not in printout.text
