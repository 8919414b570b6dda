"""The handout composer ("Folder maken" / "Make a handout"): a practitioner picks parts of the articles, in one or two
languages, adds a personal note and prints.

The built page must list every article's sections and FAQ questions with the articles' own ids and titles, and every
article and home page must link to it. In headless Chromium, with the site served under its own `_headers`
(Content-Security-Policy included, scripts/static_host.py), the printed PDF must hold exactly the chosen parts plus
the summary, the "when to call" block, the review dates, the closing block and the note, and nothing else; side by
side, the Dutch text left and the English right; the address must reopen the same choice and the QR code on paper
decode to it; the note must never leave the page (address, storage, requests); axe must find nothing; and the
Dutch-only build must work without a language choice. Page 1 of each PDF and screenshots go to
test-artifacts/composer/ to look at.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import ROOT, run_build, served_with_headers
from gates import tool
from PIL import Image
from test_accessibility import AXE_TAGS, axe_violations, set_palette, start_axe
from test_print import Printout, normalise

ARTIFACTS = ROOT / "test-artifacts" / "composer"
COMPOSER = {"nl": "folder-maken/", "en": "en/folder-maken/"}
ARTICLE = "door-de-rug-gaan"
NOTE = "Oefening 1 en 3, twee keer per dag. Over twee weken terugkomen."
WATCH = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
"""
CLOSING = {
    "nl": ["Deze pagina online:", "QR-code: scan hem met je telefoon om deze folder online te openen."],
    "en": ["This page online:", "QR code: scan it with your phone to open this handout online."],
}
NOTE_LABEL = {"nl": "Notitie van je zorgverlener", "en": "Note from your healthcare provider"}


# --- Reading the built site --------------------------------------------------------------------------------------


def article_path(slug: str, language: str) -> str:
    return f"{slug}/" if language == "nl" else f"{language}/{slug}/"


def text_blocks(element) -> list[str]:
    """An element's text as printed, block by block (headings, paragraphs, list items; the innermost only), each
    external link followed by its address as the print style adds it."""
    element = BeautifulSoup(str(element), "html.parser")
    for permalink in element.select(".headerlink, .visually-hidden"):  # screen-reader text does not print
        permalink.decompose()
    for link in element.select('a[href^="http"]'):
        link.append(f" ({link['href']})")
    selected = element.select("h1, h2, h3, h4, h5, h6, p, li")
    leaves = [block for block in selected if not any(inner in selected for inner in block.find_all(True))]
    return [normalise(block.get_text()) for block in leaves if normalise(block.get_text())]


def run_from(heading, stops: tuple[str, ...]) -> list:
    nodes = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in stops or {"handout", "review-dates"} & set(sibling.get("class", [])):
            break
        if "urgency-cards" not in sibling.get("class", []):  # always in, once, at the top
            nodes.append(sibling)
    return nodes


def composer_form(site, language: str):
    return site.page(COMPOSER[language]).select_one("form[data-composer]")


def choices(site, language: str, slug: str) -> dict[str, list[tuple[str, str]]]:
    """{kind: [(id, label)]} as the composer page lists them for one article."""
    fieldset = composer_form(site, language).select_one(f'[data-article="{slug}"]')
    return {kind: [(box["value"], normalise(box.parent.get_text())) for box in
                   fieldset.select(f'input[data-part="{kind}"]')] for kind in ("sections", "exercises", "questions")}


def expected_blocks(site, language: str, slug: str, sections: list[str], questions: list[str]) -> list[str]:
    """The article's printed text blocks, in order, of a handout with these sections and questions."""
    urgency = composer_form(site, language)["data-urgency"]
    body = site.page(article_path(slug, language)).select_one("article")
    nodes = [body.select_one("h1"), body.select_one(".admonition.summary"), *body.select(urgency)]
    assert len(nodes) == 4, "the summary and the urgency cards (112 and call now; make an appointment)"
    for section in sections:
        nodes += run_from(body.select_one(f"h2#{section}"), ("h2",))
    if questions:
        nodes.append(body.select_one("h2#veelgestelde-vragen"))
        for question in questions:
            nodes += run_from(body.select_one(f"h3#{question}"), ("h2", "h3"))
    nodes.append(body.select_one(".review-dates"))
    return [block for node in nodes for block in text_blocks(node)]


def unchosen_headings(site, language: str, slug: str, sections: list[str], questions: list[str]) -> list[str]:
    listed = choices(site, language, slug)
    return [label for kind, chosen in (("sections", sections), ("questions", questions))
            for key, label in listed[kind] if key not in chosen]


def canonical(site, path: str) -> str:
    return site.page(path).select_one('link[rel="canonical"]')["href"]


# --- In the browser ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(published):
    """The composer prints the published address and its QR code: these tests use the site as `make handouts`
    builds it (SITE_URL set; without it no address or QR code is printed, tests/test_print.py)."""
    return published


@pytest.fixture(scope="module")
def hosted(site):
    yield from served_with_headers(site)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(WATCH)
    yield context
    context.close()


def open_composer(page, url: str) -> None:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    wait_for_preview(page)
    page.errors = errors


def wait_for_preview(page) -> None:
    # A selector, not wait_for_function: the site's CSP allows no eval.
    page.wait_for_selector("[data-composer-preview]:is([data-state=ready], [data-state=empty], [data-state=error])",
                           state="attached")
    assert page.evaluate("document.querySelector('[data-composer-preview]').dataset.state") != "error"


def tick(page, slug: str, value: str) -> None:
    page.locator(f'[data-article="{slug}"] input[value="{value}"]').check()
    wait_for_preview(page)


def choose_language(page, value: str) -> None:
    page.locator(f'input[name="lang"][value="{value}"]').check()
    wait_for_preview(page)


def print_pdf(page, target: Path) -> Printout:
    page.emulate_media(media="print")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4")
    page.emulate_media(media="screen")
    printout = Printout(target)
    printout.render(1, ARTIFACTS / f"{target.stem}-page1.png", dpi=50)
    return printout


def half_text(pdf: Path, half: str, page_number: int | None = None) -> str:
    """The text in the left or right half of every page, or of one (pdftotext's crop box, in points at 72 dpi)."""
    width, height = 210 * 72 / 25.4, 297 * 72 / 25.4
    x = 0 if half == "left" else width / 2
    pages = ["-f", str(page_number), "-l", str(page_number)] if page_number else []
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, "-r", "72", "-x", str(int(x)), "-y", "0", "-W",
                          str(int(width / 2)), "-H", str(int(height)), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return normalise(out)


def half_pages(pdf: Path, half: str) -> list[str]:
    """`half_text` page by page."""
    return [half_text(pdf, half, number) for number in range(1, len(Printout(pdf).pages) + 1)]


def page_with(pages: list[str], snippet: str, start: int = 0) -> int:
    """The index of the first page at or after `start` that holds the snippet."""
    snippet = normalise(snippet)
    found = [index for index, text in enumerate(pages) if index >= start and snippet in text]
    assert found, f"not printed: {snippet!r}"
    return found[0]


def assert_no_violations(page) -> None:
    assert page.evaluate("window.cspViolations") == []
    assert page.errors == []


def assert_exactly(text: str, expected: list[str], leftover: str) -> None:
    """`expected` appears in `text` in this order and what is left between them is only `leftover` (spaces aside)."""
    position, rest = 0, []
    for snippet in expected:
        snippet = normalise(snippet)
        found = text.find(snippet, position)
        assert found >= 0, f"not printed (in this order): {snippet!r}"
        rest.append(text[position:found])
        position = found + len(snippet)
    rest.append(text[position:])
    assert "".join(rest).replace(" ", "") == normalise(leftover).replace(" ", "")


def first_two(site, language: str) -> tuple[list[str], list[str]]:
    listed = choices(site, language, ARTICLE)
    return [key for key, _ in listed["sections"][:2]], [key for key, _ in listed["questions"][:2]]


def pick(page, sections: list[str], questions: list[str]) -> None:
    for value in sections + questions:
        tick(page, ARTICLE, value)


def test_handout_holds_exactly_the_chosen_parts_and_the_note(site, hosted, context):
    """Two sections and two FAQ answers of one article, chosen with the mouse, with a note: the PDF holds exactly
    those, with the summary, the "when to call" block, the review dates, the closing block and the note."""
    sections, questions = first_two(site, "nl")
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["nl"])
    pick(page, sections, questions)
    page.locator("[data-composer-note]").fill(NOTE)
    printout = print_pdf(page, ARTIFACTS / "nl-two-sections-two-questions.pdf")
    printed_on = normalise(page.inner_text(".composer-sheet [data-handout-printed]"))
    address = canonical(site, COMPOSER["nl"]) + "?" + urlsplit(page.url).query
    expected = (["Rug in beweging", NOTE_LABEL["nl"], NOTE] + expected_blocks(site, "nl", ARTICLE, sections, questions)
                + [CLOSING["nl"][0]] + [CLOSING["nl"][1], printed_on,
                                        normalise(site.page(COMPOSER["nl"]).select_one(".handout__disclaimer").text)])
    assert_exactly(printout.text, expected, leftover=address)
    for heading in unchosen_headings(site, "nl", ARTICLE, sections, questions):
        assert heading not in printout.text
    assert_no_violations(page)


def test_the_qr_code_on_paper_opens_the_selection(site, hosted, context):
    sections, questions = first_two(site, "nl")
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["nl"])
    pick(page, sections[:1], questions[1:])
    choose_language(page, "nl-en")
    printout = print_pdf(page, ARTIFACTS / "qr.pdf")
    image = printout.render(len(printout.pages), ARTIFACTS / "qr-last-page.png", dpi=150)
    codes = zxingcpp.read_barcodes(Image.open(image))
    expected = canonical(site, COMPOSER["nl"]) + "?" + urlsplit(page.url).query
    assert [(code.format, code.text) for code in codes] == [(zxingcpp.BarcodeFormat.QRCode, expected)]
    assert f"lang=nl-en&{ARTICLE}={sections[0]},{questions[1]}" in expected


def test_side_by_side_has_dutch_left_and_english_right(site, hosted, context):
    sections, questions = first_two(site, "nl")
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["en"])
    choose_language(page, "nl-en")
    pick(page, sections, questions)
    printout = print_pdf(page, ARTIFACTS / "nl-en-side-by-side.pdf")
    for language, half in (("nl", "left"), ("en", "right")):
        text = half_text(printout.pdf, half)
        for block in expected_blocks(site, language, ARTICLE, sections, questions):
            assert normalise(block) in text, (language, block)
        for heading in unchosen_headings(site, language, ARTICLE, sections, questions):
            assert heading not in printout.text
    assert_no_violations(page)


def test_the_address_reopens_the_same_selection_without_the_note(site, hosted, context):
    sections, questions = first_two(site, "en")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(f"{request.url} {request.post_data or ''}"))
    open_composer(page, hosted + COMPOSER["en"])
    pick(page, sections[1:], questions)
    choose_language(page, "nl-en")
    page.locator("[data-composer-note]").fill(NOTE)
    page.locator("[data-composer-note]").blur()
    preview = page.inner_text("[data-composer-content]")
    assert NOTE in page.inner_text("[data-composer-sheet]")
    chosen = page.evaluate("[...document.querySelectorAll('form[data-composer] input:checked')].map(i => i.value)")
    storage = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    cookies = context.cookies()
    assert page.inner_text("[data-composer-link]") == canonical(site, COMPOSER["en"]) + "?" + urlsplit(page.url).query

    again = context.new_page()
    open_composer(again, page.url)
    assert again.evaluate("[...document.querySelectorAll('form[data-composer] input:checked')].map(i => i.value)") \
        == chosen
    assert again.inner_text("[data-composer-content]") == preview
    assert again.input_value("[data-composer-note]") == ""
    for word in ("Oefening", "terugkomen", "twee%20keer"):
        assert word not in page.url
        assert not any(word in request for request in requests)
        assert word not in storage and word not in str(cookies)
    assert_no_violations(page)


def test_the_keyboard_ticks_parts_and_the_print_button_prints(site, hosted, context):
    sections, _ = first_two(site, "nl")
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["nl"])
    page.evaluate("window.printCalls = 0; window.print = () => { window.printCalls += 1; }; undefined")
    box = page.locator(f'[data-article="{ARTICLE}"] input[value="{sections[0]}"]')
    box.focus()
    page.keyboard.press("Space")
    wait_for_preview(page)
    assert box.is_checked() and page.locator(f'[data-article="{ARTICLE}"] [data-topic]').is_checked()
    assert f"{ARTICLE}={sections[0]}" in page.url
    page.locator("[data-composer-print]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.printCalls") == 1


@pytest.mark.parametrize("width", [390, 1366])
def test_axe_finds_nothing_on_a_filled_composer(site, hosted, browser, width):
    sections, questions = first_two(site, "nl")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    query = f"?lang=nl-en&{ARTICLE}={','.join(sections + questions)}&rugpijn-na-het-lopen="
    open_composer(page, hosted + COMPOSER["nl"] + query)
    page.locator("[data-composer-note]").fill(NOTE)
    page.screenshot(path=str(ARTIFACTS / f"composer-{width}.png"), full_page=True)
    axe_source = tool("axe-core/axe.min.js").read_text(encoding="utf-8")
    problems = []
    for palette in ("light", "dark"):
        set_palette(page, palette)
        start_axe(page, axe_source, None)
        problems += axe_violations(page, palette)
    context.close()
    assert problems == []


def test_without_javascript_the_page_says_so_and_links_each_article_handout(site, hosted, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hosted + COMPOSER["nl"])
    assert not page.locator("form[data-composer]").is_visible()
    assert "werkt alleen met JavaScript" in page.inner_text("article")
    links = page.locator("noscript a").evaluate_all("links => links.map(a => a.href)")
    context.close()
    soup = site.page(COMPOSER["nl"])
    listed = [urljoin(hosted + COMPOSER["nl"], a["href"]) for a in soup.select("noscript a")]
    expected = []
    for fieldset in composer_form(site, "nl").select("[data-article]"):
        path = article_path(fieldset["data-article"], "nl")
        pdf = site.page(path).select_one("[data-handout-pdf]")
        expected.append(urljoin(hosted + path, pdf["href"]) if pdf else hosted + path)
    assert listed == expected
    assert set(expected) <= set(links)


def exercises_on_page(site, language: str, slug: str) -> list[tuple[str, str, str, list[str]]]:
    """(id, drawing, title, steps) of every exercise on the built article."""
    body = site.page(article_path(slug, language)).select_one("article")
    return [(block["id"], block.select_one("svg[data-drawing]")["data-drawing"], text_blocks(block.p)[0],
             [normalise(step.get_text()) for step in block.select("ol > li")]) for block in body.select("div.exercise")]


def drawings_in_preview(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('[data-composer-content] svg[data-drawing]')]"
                         ".map(svg => svg.dataset.drawing)")


@pytest.mark.parametrize("language", ["nl", "nl-en"])
def test_chosen_exercises_print_alone_with_their_drawings_on_one_page(site, hosted, context, language):
    """Three exercises ticked one by one, their section not: the handout holds exactly those three, each with its
    drawing, under the section's heading and its opening lines on when to stop, and they print on one page."""
    on_page = exercises_on_page(site, "nl", ARTICLE)
    assert len(on_page) >= 4
    listed = choices(site, "nl", ARTICLE)["exercises"]
    assert listed == [(ident, title) for ident, _, title, _ in on_page]
    chosen = [on_page[0], on_page[2], on_page[-1]]
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["nl"])
    if language == "nl-en":
        choose_language(page, "nl-en")
    for ident, *_ in chosen:
        tick(page, ARTICLE, ident)
    assert f"{ARTICLE}={','.join(ident for ident, *_ in chosen)}" in page.url
    per_language = len(language.split("-"))
    assert drawings_in_preview(page) == [drawing for _, drawing, *_ in chosen for _ in range(per_language)]
    alts = page.evaluate("[...document.querySelectorAll('[data-composer-content] svg[data-drawing]')]"
                         ".map(svg => [svg.closest('[lang]').lang, svg.getAttribute('aria-label')])")
    assert all(alt for _, alt in alts)
    printout = print_pdf(page, ARTIFACTS / f"{language}-three-exercises.pdf")
    # The Dutch text: the whole page, or its left half side by side.
    pages = printout.pages if language == "nl" else half_pages(printout.pdf, "left")
    body = site.page(article_path(ARTICLE, "nl")).select_one("article")
    opening = " ".join(text_blocks(body.select_one("h2#oefeningen"))
                       + text_blocks(body.select_one("div.exercises > p"))[:1])[:80]
    first_page = page_with(pages, opening)
    for _, _, title, steps in chosen:
        assert page_with(pages, title, first_page) == page_with(pages, steps[-1][:40], first_page) == first_page, \
            f"{title!r} is not on the page of its section's heading"
    text = " ".join(pages)
    for _, _, title, steps in on_page:
        if title not in [chosen_title for _, _, chosen_title, _ in chosen]:
            assert steps[1][:40] not in text, f"not chosen, yet printed: {title!r}"
    if language == "nl-en":
        english = {ident: title for ident, _, title, _ in exercises_on_page(site, "en", ARTICLE)}
        right = half_text(printout.pdf, "right")
        assert all(english[ident] in right for ident, *_ in chosen)
    assert_no_violations(page)


def test_the_whole_exercise_section_prints_on_one_page(site, hosted, context):
    page = context.new_page()
    open_composer(page, hosted + COMPOSER["nl"])
    tick(page, ARTICLE, "oefeningen")
    on_page = exercises_on_page(site, "nl", ARTICLE)
    assert drawings_in_preview(page) == [drawing for _, drawing, *_ in on_page]
    printout = print_pdf(page, ARTIFACTS / "nl-exercise-section.pdf")
    body = site.page(article_path(ARTICLE, "nl")).select_one("article")
    opening = " ".join(text_blocks(body.select_one("h2#oefeningen"))
                       + text_blocks(body.select_one("div.exercises > p"))[:1])[:80]
    first_page, position = printout.page_of(opening)
    last = text_blocks(body.select_one("div.exercises"))[-1]
    assert printout.page_of(last[:40], position)[0] == first_page


# --- The built page ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_composer_lists_every_section_and_question_of_every_article(site, language):
    form = composer_form(site, language)
    slugs = [fieldset["data-article"] for fieldset in form.select("[data-article]")]
    assert slugs == ["rugpijn-na-het-lopen", "door-de-rug-gaan"]
    for slug in slugs:
        body = site.page(article_path(slug, language)).select_one("article")
        faq = body.select_one("h2#veelgestelde-vragen")
        headings = {
            # "Wanneer moet je bellen?" is not a choice: its cards are on every handout.
            "sections": [h for h in body.select("h2[id]")
                         if h.sourceline < faq.sourceline and h["id"] != "wanneer-bellen"],
            "questions": faq.find_next_siblings("h3"),
        }
        listed = choices(site, language, slug)
        for kind, found in headings.items():
            assert listed[kind] == [(h["id"], text_blocks(h)[0]) for h in found]
        assert listed["exercises"] == [(block["id"], text_blocks(block.p)[0]) for block in body.select("div.exercise")]
        assert len(listed["exercises"]) >= 4
        fieldset = form.select_one(f'[data-article="{slug}"]')
        for other in ("nl", "en"):
            target = urljoin(f"https://x/{COMPOSER[language]}", fieldset[f"data-url-{other}"])
            assert target == f"https://x/{article_path(slug, other)}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_article_and_the_home_page_link_to_the_composer(site, language):
    home = "" if language == "nl" else "en/"
    for path in [home] + [article_path(slug, language) for slug in ("rugpijn-na-het-lopen", "door-de-rug-gaan")]:
        soup = site.page(path)
        selector = "a[data-handout-composer]" if path != home else "article a"
        hrefs = [urljoin(f"https://x/{path}", a["href"]) for a in soup.select(selector)]
        assert f"https://x/{COMPOSER[language]}" in hrefs, path


def test_the_qr_encoder_is_the_pinned_npm_package_served_by_the_site(site):
    served = site.site / "assets/javascripts/vendor/qrcode.js"
    assert served.read_bytes() == tool("qrcode-generator/dist/qrcode.js").read_bytes()
    soup = site.page(COMPOSER["nl"])
    scripts = [urljoin("https://x/folder-maken/", s["src"]) for s in soup.select("script[src]")]
    assert "https://x/assets/javascripts/vendor/qrcode.js" in scripts
    assert "https://x/assets/javascripts/handout-composer.js" in scripts
    # On the composer page only.
    assert not any("composer" in s["src"] or "vendor" in s["src"] for s in site.page("door-de-rug-gaan/").select(
        "script[src]"))


def test_a_section_without_an_id_stops_the_build(fixture_project, tmp_path):
    article = fixture_project / "docs" / "door-de-rug-gaan.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "## Wat is het? { #wat-is-het }", "## Wat is het?"), encoding="utf-8")
    build = run_build(fixture_project, tmp_path / "site")
    assert build.returncode != 0
    assert 'docs/door-de-rug-gaan.md: section "Wat is het?" has no explicit id' in build.log


# --- Dutch only --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dutch_hosted(dutch_only_site):
    yield from served_with_headers(dutch_only_site)


def test_dutch_only_build_has_no_language_choice_and_prints(dutch_only_site, dutch_hosted, context):
    site = dutch_only_site
    form = composer_form(site, "nl")
    assert form.select('input[name="lang"]') == []
    assert all(not fieldset.has_attr("data-url-en") for fieldset in form.select("[data-article]"))
    sections, questions = first_two(site, "nl")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_composer(page, dutch_hosted + COMPOSER["nl"])
    pick(page, sections, questions)
    assert re.search(rf"\?{ARTICLE}=", page.url)
    printout = print_pdf(page, ARTIFACTS / "dutch-only.pdf")
    printed_on = normalise(page.inner_text(".composer-sheet [data-handout-printed]"))
    # Built like `make build` (no SITE_URL): the printout carries no address and no QR code.
    expected = (["Rug in beweging"] + expected_blocks(site, "nl", ARTICLE, sections, questions)
                + [printed_on, normalise(site.page(COMPOSER["nl"]).select_one(".handout__disclaimer").text)])
    assert_exactly(printout.text, expected, leftover="")
    assert page.locator(".composer-sheet .handout__qr").count() == 0
    assert not any("/en/" in url for url in requests)
    assert_no_violations(page)
