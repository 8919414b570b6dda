"""The patient-first look (issue 15), measured in headless Chromium on a phone (390 px) and a desktop (1366 px):
reading comfort (body text size, line length and line height, "In het kort" first, at body size, with a list icon),
titles that stand out (bold, contrast at least 7:1 in both palettes), FAQ questions that look like questions, the
home page as a front door (its own search field opens the site's search and finds an answer, by keyboard and on a
phone; topics, urgency advice near the top, links, no left menu, no repeated site name), header controls a patient
understands (the language switch names the other language; tap targets of at least 44 x 44 px) and the phone's
"Op deze pagina" list. Screenshots of the home pages and the articles go to test-artifacts/look/ to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "look"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
MIN_BODY_PX = {"phone": 18, "desktop": 19}
SCHEMES = {"light": "default", "dark": "slate"}
ARTICLES = ["rugpijn-na-het-lopen", "door-de-rug-gaan"]
ROOTS = {"nl": "", "en": "en/"}
OTHER_LANGUAGE = {"nl": "English", "en": "Nederlands"}
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Contrast of an element's text with the background it is drawn on (alpha blended), WCAG's formula.
CONTRAST_JS = """element => {
  const parse = value => (value.match(/[\\d.]+/g) || []).map(Number);
  const background = node => {
    for (; node; node = node.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0) { return [r, g, b]; }
    }
    return [255, 255, 255];
  };
  const bg = background(element);
  const [r, g, b, a = 1] = parse(getComputedStyle(element).color);
  const fg = [r, g, b].map((channel, i) => channel * a + bg[i] * (1 - a));
  const luminance = rgb => {
    const [R, G, B] = rgb.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}"""

# A heading's own text, without its permalink sign.
HEADING_TEXT_JS = """h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
                          .map(n => n.textContent).join('').trim()"""

# Characters per line of a paragraph: each character's line found from its box; full lines only (not the last).
LINE_LENGTHS_JS = """paragraph => {
  const lines = new Map();
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) { continue; }
      const line = Math.round(box.top / 4);
      lines.set(line, (lines.get(line) || 0) + 1);
    }
  }
  return [...lines.entries()].sort((x, y) => x[0] - y[0]).map(entry => entry[1]).slice(0, -1);
}"""


@pytest.fixture(params=list(WIDTHS), scope="module")
def width(request):
    return request.param


@pytest.fixture
def view(browser, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    yield page
    context.close()


def load(page, url: str, scheme: str = "light") -> None:
    page.goto(url)
    # A constructed stylesheet: each page's Content-Security-Policy (style-src 'self') refuses an inline <style>.
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        NO_MOTION,
    )
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{SCHEMES[scheme]}')")


def px(value: str) -> float:
    return float(value.removesuffix("px"))


def visible(locator) -> bool:
    box = locator.bounding_box()
    return locator.is_visible() and box is not None and box["width"] >= 2 and box["height"] >= 2


# --- Reading comfort -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ROOTS)
@pytest.mark.parametrize("slug", ARTICLES)
def test_body_text_and_summary_are_large_enough_with_room_between_lines(view, site_url, width, slug, language):
    load(view, site_url + ROOTS[language] + slug + "/")
    body = view.locator("article.md-content__inner > h2 ~ p").first
    style = body.evaluate("p => { const s = getComputedStyle(p); return [s.fontSize, s.lineHeight]; }")
    size, line_height = px(style[0]), px(style[1])
    assert size >= MIN_BODY_PX[width], f"body text {size} px on the {width}"
    assert line_height / size >= 1.5, f"line height {line_height / size:.2f}"
    summary = view.locator("article .admonition.summary")
    for part in ("li", ".admonition-title", "p:not(.admonition-title)"):
        summary_size = px(summary.locator(part).first.evaluate("e => getComputedStyle(e).fontSize"))
        assert summary_size >= size, f"summary {part} {summary_size} px, body {size} px"


@pytest.mark.parametrize("language", ROOTS)
@pytest.mark.parametrize("slug", ARTICLES)
def test_desktop_lines_hold_60_to_75_characters(browser, site_url, slug, language):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    load(page, site_url + ROOTS[language] + slug + "/")
    lengths = []
    for paragraph in page.locator("article.md-content__inner > p").all():
        lengths += paragraph.evaluate(LINE_LENGTHS_JS)
    context.close()
    assert len(lengths) >= 10, lengths
    lengths.sort()
    median = lengths[len(lengths) // 2]
    print(f"{language} {slug}: median {median} characters a line over {len(lengths)} full lines")
    assert 60 <= median <= 75, f"median line length {median}: {lengths}"
    assert lengths[-1] <= 85, f"longest full line {lengths[-1]} characters"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", ROOTS)
@pytest.mark.parametrize("slug", ARTICLES)
def test_summary_comes_first_after_a_dark_bold_title_with_an_info_icon(view, site_url, slug, language, scheme):
    load(view, site_url + ROOTS[language] + slug + "/", scheme)
    title = view.locator("article h1")
    assert int(title.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    contrast = title.evaluate(CONTRAST_JS)
    assert contrast >= 7, f"title contrast {contrast:.1f}:1 ({scheme})"
    # "In het kort" is the first element after the title, and nothing visible stands between them.
    assert title.evaluate("h1 => h1.parentElement.nextElementSibling.matches('.admonition.summary')")
    # The title's row holds its print, PDF and handout buttons (beside it, or below it on a phone).
    gap = view.evaluate("""() => document.querySelector('article .admonition.summary').getBoundingClientRect().top
                                 - document.querySelector('article .article-title').getBoundingClientRect().bottom""")
    assert gap < 60, f"{gap} px between the title's row and the summary"
    # Material's own "info" icon, not its pencil ("note").
    icons = view.locator("article .summary > .admonition-title").evaluate("""e => {
        const root = getComputedStyle(document.documentElement);
        return [getComputedStyle(e, '::before').maskImage, root.getPropertyValue('--md-admonition-icon--info'),
                root.getPropertyValue('--md-admonition-icon--note')]; }""")
    shown, info, note = (re.sub(r"\s+", "", icon).replace("'", '"') for icon in icons)
    assert "svg" in info and shown == info and shown != note, shown[:120]


@pytest.mark.parametrize("language", ROOTS)
def test_faq_questions_look_like_questions(page, site_url, language):
    load(page, site_url + ROOTS[language] + "door-de-rug-gaan/")
    marks = page.evaluate(f"""() => [...document.querySelectorAll('article h3')].map(h3 => [
        h3.id, ({HEADING_TEXT_JS})(h3), getComputedStyle(h3, '::before').content,
        getComputedStyle(h3, '::before').width])""")
    faq_ids = page.evaluate("""() => { const ids = []; let node = document.getElementById('veelgestelde-vragen');
        while ((node = node.nextElementSibling) && node.tagName !== 'H2') {
          if (node.tagName === 'H3') { ids.push(node.id); }
        }
        return ids; }""")
    assert len(faq_ids) >= 5
    for heading_id, text, content, mark_width in marks:
        if heading_id in faq_ids and text.endswith("?"):
            assert content.startswith('"?"') and px(mark_width) > 10, (heading_id, content, mark_width)
        else:
            assert content == "none", (heading_id, content)
    assert any(heading_id not in faq_ids for heading_id, *_ in marks), "no other h3 to compare with"


# --- Header controls -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ROOTS)
def test_language_switch_names_the_other_language(view, site_url, language):
    load(view, site_url + ROOTS[language] + "door-de-rug-gaan/")
    button = view.locator(".md-header .md-select > button")
    label = button.locator(".language-switch__label")
    assert visible(label)
    assert label.inner_text().strip() == OTHER_LANGUAGE[language]
    assert button.inner_text().strip() == OTHER_LANGUAGE[language]
    # What is seen is what a screen reader or voice control says first (WCAG 2.5.3).
    assert button.get_attribute("aria-label").startswith(OTHER_LANGUAGE[language] + " – ")


@pytest.mark.parametrize("path", ["", "door-de-rug-gaan/", "en/rugpijn-na-het-lopen/"])
def test_header_controls_are_at_least_44_px(view, site_url, width, path):
    load(view, site_url + path)
    # Every header control a patient can see and tap: logo, menu, palette, language and search buttons, the search
    # field (where it sits in the header).
    boxes = view.evaluate("""() => [...document.querySelectorAll(
        '.md-header__inner > a, .md-header__inner > label.md-header__button,'
        + ' .md-header__option label.md-header__button, .md-header__option button, .md-search__input')]
        .filter(e => { const s = getComputedStyle(e), b = e.getBoundingClientRect();
                       return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 1 && b.height > 1
                              && b.right > 0 && b.left < innerWidth && b.bottom > 0 && b.top < innerHeight
                              && e.contains(document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)); })
        .map(e => { const b = e.getBoundingClientRect();
                    return [e.outerHTML.slice(0, 80), Math.round(b.width), Math.round(b.height)]; })""")
    names = " ".join(html for html, *_ in boxes)
    assert ("__drawer" in names) == (width == "phone"), names
    assert ("md-search__input" in names) == (width == "desktop"), names
    assert "language-switch" in view.locator(".md-select > button").inner_html() and len(boxes) >= 4, boxes
    small = [box for box in boxes if box[1] < 44 or box[2] < 44]
    assert small == [], small


# --- Home page: the front door -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ROOTS)
def test_home_page_is_a_front_door(view, site_url, width, language):
    load(view, site_url + ROOTS[language])
    headings = view.locator("article h1")
    assert headings.count() == 1
    sentence = headings.evaluate(HEADING_TEXT_JS)
    site_name = view.locator(".md-header__topic .md-ellipsis").first.inner_text().strip()
    assert sentence != site_name and site_name not in sentence and sentence.endswith(".")
    assert 8 <= len(sentence.split()) <= 20, sentence
    # The search field sits right under the sentence, with a visible label.
    assert headings.evaluate("h1 => h1.nextElementSibling.matches('form.home-search')")
    assert visible(view.locator("label[for=home-search-query]"))
    # Topic cards: an icon, a title link, one line.
    cards = view.locator(".home-topics > ul > li")
    assert cards.count() == 2
    for card in cards.all():
        assert visible(card.locator(".twemoji svg"))
        assert card.locator("a").count() == 1 and card.locator("p").count() == 2
    # Urgency advice near the top: starting within 1.25 screen heights.
    top = view.locator(".urgency-cards").evaluate("e => e.getBoundingClientRect().top + scrollY")
    assert top < 1.25 * WIDTHS[width]["height"], f"urgency cards start at {top} px"
    assert view.locator(".urgency-cards .urgency").count() == 3
    # No left menu, no table of contents.
    assert not view.locator(".md-sidebar--primary").is_visible()
    assert not view.locator(".md-sidebar--secondary").is_visible()
    links = view.locator("article a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "veelgestelde-vragen/" in links and "over-deze-site/" in links
    # The handout composer is linked once its page exists (docs/folder-maken.md, being built elsewhere).
    assert ("folder-maken/" in links) == (ROOT / "docs" / "folder-maken.md").exists()


def open_results(page, query: str, expected: str) -> None:
    """The search dialog is open with `query` in Material's own field, and a result links to `expected`."""
    page.wait_for_function("document.getElementById('__search').checked")
    field = page.locator("input.md-search__input")
    assert field.evaluate("e => e === document.activeElement")
    assert field.input_value() == query
    assert visible(field)
    result = page.locator(f".md-search-result a[href*='{expected}']").first
    result.wait_for(state="visible", timeout=10_000)


@pytest.mark.parametrize("language, query", [("nl", "spit"), ("en", "lumbago")])
def test_home_search_field_opens_search_from_the_keyboard(view, site_url, language, query):
    load(view, site_url + ROOTS[language])
    for _ in range(40):
        view.keyboard.press("Tab")
        if view.evaluate("document.activeElement.id") == "home-search-query":
            break
    else:
        pytest.fail("Tab never reaches the home page's search field")
    view.keyboard.type(query, delay=30)
    open_results(view, query, "door-de-rug-gaan/")


@pytest.mark.parametrize("language, query", [("nl", "spit"), ("en", "lumbago")])
def test_home_search_button_and_a_tap_open_search(browser, site_url, width, language, query):
    context = browser.new_context(viewport=WIDTHS[width], has_touch=width == "phone", is_mobile=width == "phone")
    page = context.new_page()
    load(page, site_url + ROOTS[language])
    if width == "phone":
        page.locator("#home-search-query").tap()
    else:
        page.locator("form.home-search button[type=submit]").focus()
        page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.type(query, delay=30)
    open_results(page, query, "door-de-rug-gaan/")
    assert page.url.rstrip("/") == (site_url + ROOTS[language]).rstrip("/"), "the page was left"
    context.close()


# --- Phone: "Op deze pagina" -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ROOTS)
@pytest.mark.parametrize("slug", ARTICLES)
def test_phone_lists_the_sections_near_the_top(view, site_url, width, slug, language):
    load(view, site_url + ROOTS[language] + slug + "/")
    toc = view.locator("article .page-toc")
    assert toc.count() == 1
    if width == "desktop":
        assert not toc.is_visible()  # Material's own table of contents is beside the article
        return
    assert visible(toc)
    title = toc.locator(".page-toc__title").inner_text().strip()
    assert title == {"nl": "Op deze pagina", "en": "On this page"}[language]
    hrefs = toc.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    # Every section heading of the article (the sources' heading sits in the printout's closing wrapper, site.js).
    sections = view.evaluate("() => [...document.querySelectorAll('article h2[id]')].map(h2 => '#' + h2.id)")
    assert hrefs == sections and hrefs[0] == "#wanneer-bellen"
    # After the title and "In het kort", before the first section.
    assert toc.evaluate("nav => nav.previousElementSibling.matches('.admonition.summary')")
    top = toc.evaluate("e => e.getBoundingClientRect().top + scrollY")
    assert top < 2 * PHONE["height"], f"'Op deze pagina' starts at {top} px"
    toc.locator("a[href='#wanneer-bellen']").click()
    view.wait_for_function("location.hash === '#wanneer-bellen'")


# --- Screenshots to look at ------------------------------------------------------------------------------------------


def test_screenshots_of_home_and_articles(browser, site_url):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for language, root in ROOTS.items():
            for slug in ["", *ARTICLES]:
                schemes = SCHEMES if not slug else ["light"]
                for scheme in schemes:
                    load(page, site_url + root + (slug + "/" if slug else ""), scheme)
                    name = f"{language}-{slug or 'home'}-{width}-{scheme}.png"
                    # The whole home page; an article's first screen (title, "In het kort", the urgency advice).
                    page.screenshot(path=ARTIFACTS / name, full_page=not slug)
                    written.append(ARTIFACTS / name)
        context.close()
    assert all(path.stat().st_size > 10_000 for path in written), written
    assert len(written) == 16
