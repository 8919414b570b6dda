"""Accessibility gate: axe-core finds no violation on any page, and everything works from the keyboard.

axe-core (scripts/node_modules, pinned in scripts/package-lock.json) runs in headless Chromium with the WCAG 2.0,
2.1 and 2.2 A and AA rules and the best practices, on every page of both languages, in four states of each page:
light and dark palette on a desktop window, and both palettes on a phone with the navigation drawer open (then
the header and the drawer: the rest lies under the drawer's overlay). Transitions are switched off first, so the
colours axe measures are the final ones. Two pages are checked at a time, to keep the gate quick.

The keyboard walk presses Tab through every page on a desktop, and through one page of each kind on a phone (where
only the header and the drawer differ): each tab stop must be visibly focused (on screen, not under anything,
looking different from its unfocused self) and every control a mouse can use must be reached (tests/keyboard.js).
The skip link must come first and move the focus to the content; on a phone the menu button opens the drawer with
Enter or Space and moves the focus into it, Tab walks its links, leaving or Escape closes it. The open language
menu outlines its focused item; the headings' "¶" permalinks are no tab stops (the table of contents links every
heading).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import serve
from gates import PAGES, broken_copy, insert_into_article, tool

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
CSP_META = r'<meta http-equiv="Content-Security-Policy"[^>]*>'
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}
PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


@pytest.fixture(scope="module")
def axe_source() -> str:
    return tool("axe-core/axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def keyboard_source() -> str:
    return (Path(__file__).parent / "keyboard.js").read_text(encoding="utf-8")


def load(page, url: str) -> None:
    page.goto(url)
    # A constructed stylesheet: each page's Content-Security-Policy (style-src 'self') refuses an inline <style>.
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        NO_MOTION,
    )


def set_palette(page, name: str) -> None:
    scheme = SCHEMES[name]
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        # A script click: with the drawer open its overlay lies over the header, as it does for a reader.
        page.evaluate("document.querySelector('form[data-md-component=palette] label:not([hidden])').click()")
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


def open_menu(page) -> None:
    page.set_viewport_size(PHONE)
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_function("document.getElementById('__drawer').checked")


def start_axe(page, axe_source: str, within: list[str] | None) -> None:
    """Start axe in the page without waiting for it: two pages are checked at the same time (two CPU cores)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    page.evaluate(
        """([tags, within]) => { window.axeResult = axe.run(
               within ? {include: within.map(selector => [selector])} : document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}); }""",
        [AXE_TAGS, within],
    )


def axe_violations(page, state: str) -> list[str]:
    """The violations of the axe run started in the page, one line each."""
    result = page.evaluate("window.axeResult")
    return [
        f"[{state}] {violation['id']} ({violation['impact']}): {violation['help']}: "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


# The four states of every page: (name, how to get there from the previous one, what axe checks). With the phone
# menu open the rest of the page lies under the drawer's overlay: axe checks the header and the drawer.
STATES = [
    ("light", lambda page: None, None),
    ("dark", lambda page: set_palette(page, "dark"), None),
    ("dark, phone, menu open", open_menu, [".md-header", ".md-sidebar--primary"]),
    ("light, phone, menu open", lambda page: set_palette(page, "light"), [".md-header", ".md-sidebar--primary"]),
]


def accessibility_problems(pages: list, urls: list[str], axe_source: str) -> list[list[str]]:
    """axe on each url (each in its own page, all at the same time) in the four STATES; problems per url."""
    problems: list[list[str]] = [[] for _ in urls]
    for page, url in zip(pages, urls):
        page.set_viewport_size(DESKTOP)
        load(page, url)
    for state, get_there, within in STATES:
        for page in pages:
            get_there(page)
            start_axe(page, axe_source, within)
        for number, page in enumerate(pages):
            problems[number] += axe_violations(page, state)
    return problems


@pytest.fixture(scope="module")
def axe_problems(browser, site_url, axe_source) -> dict[str, list[str]]:
    """Every page checked, two at a time (in two browser contexts: two renderer processes)."""
    contexts = [browser.new_context(), browser.new_context()]
    pages = [context.new_page() for context in contexts]
    found: dict[str, list[str]] = {}
    for start in range(0, len(PAGES), len(pages)):
        batch = PAGES[start : start + len(pages)]
        found.update(zip(batch, accessibility_problems(pages[: len(batch)], [site_url + p for p in batch], axe_source)))
    for context in contexts:
        context.close()
    return found


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(axe_problems, path):
    assert axe_problems[path] == []


def test_axe_gate_reports_a_missing_alt_text_and_low_contrast(browser, site, tmp_path, axe_source):
    snippet = (f'<p><img src="{PIXEL}" width="40" height="40"> '
               '<span style="color:#c8c8c8">Lichtgrijze tekst op wit</span></p>')
    # Without the page's CSP meta tag, which would refuse the inline style (style-src 'self').
    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/",
                         lambda h: insert_into_article(re.sub(CSP_META, "", h, count=1), snippet))
    url, server = serve(folder)
    page = browser.new_page()
    try:
        [problems] = accessibility_problems([page], [url + "door-de-rug-gaan/"], axe_source)
    finally:
        page.close()
        server.shutdown()
    assert any("image-alt" in problem for problem in problems), problems
    assert any("[light] color-contrast" in problem for problem in problems), problems


# --- Keyboard -------------------------------------------------------------------------------------------------------


def walk(page, limit: int = 250, inside: str | None = None) -> list[dict]:
    """Press Tab until the focus comes back round (or leaves `inside`); the tab stops, each with its problem."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate("keyboardWalk.stop()")
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            break
        if stop["problem"]:
            # Some controls show their focus a moment later (Material opens the search when its field has focus).
            page.wait_for_timeout(150)
            stop = page.evaluate("keyboardWalk.stop()")
        if inside == "drawer" and not stop["inDrawer"]:
            break
        stops.append(stop)
    return stops


def keyboard_problems(page, url: str, viewport: dict, keyboard_source: str) -> list[str]:
    page.set_viewport_size(viewport)
    load(page, url)
    page.evaluate(keyboard_source)
    page.evaluate("keyboardWalk.start()")
    stops = walk(page)
    problems = [f"tab stop {stop['what']} {stop['problem']}" for stop in stops if stop["problem"]]
    if page.locator("a.md-skip").count() and not (stops and stops[0]["what"].startswith("a.md-skip")):
        problems.append("the skip link is not the first tab stop")
    unreached = page.evaluate("keys => keyboardWalk.unreached(keys)", [stop["key"] for stop in stops])
    return problems + [f"control {control} is not reached with Tab" for control in unreached]


# Every page on a desktop; on a phone, where only the header and the drawer differ, one page of each kind.
WALKS = [(path, "desktop") for path in PAGES] + [
    (path, "phone") for path in ["", "door-de-rug-gaan/", "over-deze-site/", "veelgestelde-vragen/", "404.html",
                                 "en/rugpijn-na-het-lopen/"]
]


@pytest.mark.parametrize("path, device", WALKS)
def test_keyboard_reaches_every_control_with_visible_focus(page, site_url, keyboard_source, path, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    assert keyboard_problems(page, site_url + path, viewport, keyboard_source) == []


@pytest.mark.parametrize("path", ["", "door-de-rug-gaan/", "en/over-deze-site/", "en/veelgestelde-vragen/"])
def test_skip_link_comes_first_and_moves_to_the_content(page, site_url, path):
    load(page, site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const el = document.activeElement, box = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), visible: box.top >= 0 && box.bottom <= innerHeight
                && box.width > 0 && getComputedStyle(el).opacity === '1'}; }""")
    assert "md-skip" in skip["cls"] and skip["visible"], skip
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    assert page.evaluate("location.hash") == skip["href"]
    page.keyboard.press("Tab")
    # The next Tab goes on from where the skip link landed: to the first tab stop after the content's start (in the
    # content where it has a link; the headings' permalinks are no tab stops), never back into the navigation.
    skipped = page.evaluate("""(target) => {
        const start = document.getElementById(target.slice(1)), focused = document.activeElement;
        const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
          .filter((el) => el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}) && !el.disabled);
        const after = tabbable.filter((el) => start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return {follows: after.includes(focused), first: after[0] === focused,
                what: focused.outerHTML.slice(0, 80), inContent: !!focused.closest('.md-content')}; }""", skip["href"])
    assert skipped["follows"] and skipped["first"], skipped


@pytest.mark.parametrize("path", ["door-de-rug-gaan/", "en/"])
def test_phone_menu_opens_from_the_keyboard_and_its_links_are_reached(page, site_url, keyboard_source, path):
    page.set_viewport_size(PHONE)
    load(page, site_url + path)
    page.evaluate(keyboard_source)
    page.evaluate("keyboardWalk.start()")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            break
    else:
        pytest.fail("the menu button is not reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')")
    stops = [page.evaluate("keyboardWalk.stop()")] + walk(page, inside="drawer")
    problems = [f"tab stop {stop['what']} {stop['problem']}" for stop in stops if stop["problem"]]
    unreached = page.evaluate("keys => keyboardWalk.unreached(keys, '.md-sidebar--primary')", [s["key"] for s in stops])
    assert problems + unreached == []
    assert len(stops) >= 5
    # Tab past the last link closes the drawer, so the focus is not hidden under its overlay.
    assert not page.evaluate("document.getElementById('__drawer').checked")


def test_escape_closes_the_phone_menu_and_returns_to_the_menu_button(page, site_url):
    page.set_viewport_size(PHONE)
    load(page, site_url + "door-de-rug-gaan/")
    page.locator('label.md-header__button[for="__drawer"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')")


def test_keyboard_gate_reports_a_control_the_keyboard_cannot_reach(browser, site, tmp_path, keyboard_source):
    snippet = '<p><span class="fake-button" style="cursor:pointer">Klik hier</span></p>'
    # Without the page's CSP meta tag, which would refuse the inline style (style-src 'self').
    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/",
                         lambda h: insert_into_article(re.sub(CSP_META, "", h, count=1), snippet))
    url, server = serve(folder)
    page = browser.new_page()
    try:
        problems = keyboard_problems(page, url + "door-de-rug-gaan/", DESKTOP, keyboard_source)
    finally:
        page.close()
        server.shutdown()
    assert any("span.fake-button" in problem and "not reached" in problem for problem in problems), problems


OUTLINE = """(el) => { const style = getComputedStyle(el), menu = el.closest('.md-select__inner');
  return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth), menu: getComputedStyle(menu).opacity,
          visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}), text: el.innerText.trim()}; }"""


@pytest.mark.parametrize("path", ["door-de-rug-gaan/", "en/"])
def test_language_menu_items_show_an_outline_when_focused(page, site_url, path):
    page.set_viewport_size(DESKTOP)
    load(page, site_url + path)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-select__link')"):
            seen.append(page.evaluate(f"({OUTLINE})(document.activeElement)"))
        elif seen:
            break
    assert [item["text"] for item in seen] == ["Nederlands", "English"], seen
    for item in seen:
        assert item["menu"] == "1" and item["visible"], item  # the menu is open while its items have focus
        assert item["outline"] != "none" and item["width"] >= 2, item


ARTICLE_WALKS = ["door-de-rug-gaan/", "en/rugpijn-na-het-lopen/"]


@pytest.mark.parametrize("path", ARTICLE_WALKS)
def test_heading_permalinks_are_no_tab_stops_but_stay_reachable(page, site_url, keyboard_source, path):
    page.set_viewport_size(DESKTOP)
    load(page, site_url + path)
    page.evaluate(keyboard_source)
    page.evaluate("keyboardWalk.start()")
    stops = walk(page)
    assert stops and not [stop for stop in stops if "headerlink" in stop["what"]]
    headings = page.evaluate("""() => [...document.querySelectorAll('article :is(h2, h3)[id]')].map(h => ({
        id: h.id, permalink: h.querySelector('a.headerlink')?.getAttribute('href')}))""")
    assert len(headings) >= 10
    # Each heading keeps its permalink for the mouse; the keyboard reaches the same address in the table of contents,
    # whose links are tab stops.
    toc = set(page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--secondary a.md-nav__link')]
        .map(link => link.getAttribute('href'))"""))
    reached = {stop["what"] for stop in stops}
    for heading in headings:
        assert heading["permalink"] == f"#{heading['id']}"
        assert f"#{heading['id']}" in toc
    assert sum('.md-nav__link[href="#' in what for what in reached) >= len(headings)
    # The permalinks, one per heading, used to be tab stops as well: they are still links, out of the Tab order only.
    assert page.evaluate("[...document.querySelectorAll('article a.headerlink')].every(a => a.tabIndex === -1)")
