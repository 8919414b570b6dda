"""A page view stays light: no search data until the reader searches, then only their language's; no failed
requests. (Sizes and timings are measured by scripts/benchmark_site.py, not asserted here.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import serve
from site_search import enter_query, open_search, read_results

PAGES = ["", "rugpijn-na-het-lopen/", "door-de-rug-gaan/", "veelgestelde-vragen/", "over-deze-site/"]
SEARCH_FILES = ("/pagefind/", "/search/", "assets/javascripts/search.js", "/workers/search.", "/lunr/")


def record(page):
    """Every request of the page and of any worker it starts."""
    requests, failed = [], []
    page.context.on("requestfinished", lambda request: requests.append(request))
    page.context.on("requestfailed", lambda request: failed.append(request.url))
    return requests, failed


@pytest.mark.parametrize("path", PAGES + ["en/" + path for path in PAGES])
def test_page_view_loads_no_search_data_and_nothing_fails(page, site_url, path):
    requests, failed = record(page)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    urls = [request.url for request in requests]
    assert not [url for url in urls if any(part in url for part in SEARCH_FILES)], urls
    assert not [url for url in urls if url.endswith("sitemap.xml")], urls
    assert failed == []
    assert [request.url for request in requests if request.response().status >= 400] == []


@pytest.mark.parametrize("language, root", [("nl", ""), ("en", "en/")])
def test_starting_to_search_loads_only_the_readers_language(page, site, language, root):
    url, server = serve(site.site)  # its own server: it also sees the requests of any worker
    try:
        page.goto(url + root + "door-de-rug-gaan/")
        page.wait_for_load_state("networkidle")
        assert not [path for path in server.requested if any(part in path for part in SEARCH_FILES)]
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("rug", delay=20)
        assert read_results(page), "no results for 'rug'"
    finally:
        server.shutdown()
    other = {"nl": "en", "en": "nl"}[language]
    search = [path for path in server.requested if path.startswith(("/pagefind/", "/search/"))]
    assert f"/search/words-{language}.json" in search
    assert any(path.startswith(f"/pagefind/index/{language}_") for path in search), search
    assert any(path.startswith(f"/pagefind/fragment/{language}_") for path in search), search
    assert not [path for path in search if f"{other}_" in path or f".{other}." in path or f"-{other}." in path], search


# --- Material's stylesheets without the rules no page uses (patient_info/unused_css.py) ---------------------------

# Every element's computed style, and its ::before's and ::after's, once every animation and transition has ended:
# as a short hash each (the whole text of a page's styles is tens of megabytes), or in full for the elements asked.
# Not the custom properties (--md-...): a variable no rule reads changes nothing, and one a rule reads shows there.
COMPUTED_STYLES = """(asked) => {
  document.getAnimations().forEach(animation => animation.finish());
  const style = (element, pseudo) => {
    const computed = getComputedStyle(element, pseudo);
    if (pseudo && computed.content === "none") { return "none"; }  // not drawn: only "content" can differ
    return Array.from(computed).filter(name => !name.startsWith("--"))
      .map(name => name + ":" + computed.getPropertyValue(name)).join("\\n");
  };
  const hash = text => {
    let value = 2166136261;
    for (let i = 0; i < text.length; i++) { value = Math.imul(value ^ text.charCodeAt(i), 16777619); }
    return value >>> 0;
  };
  const elements = Array.from(document.querySelectorAll("*"));
  const styled = element => [style(element, null), style(element, "::before"), style(element, "::after")];
  if (asked) {
    return asked.map(index => [elements[index].tagName + (elements[index].id ? "#" + elements[index].id : "") + " "
      + (elements[index].getAttribute("class") || ""), ...styled(elements[index])]);
  }
  return elements.map(element => styled(element).map(hash).join(" "));
}"""

# (page, viewport width, colour scheme, what is opened): the states Material's rules style differently.
STYLED_STATES = [
    ("rugpijn-na-het-lopen/", 1280, "dark", None),
    ("en/door-de-rug-gaan/", 390, "light", "drawer"),
    ("", 390, "dark", "search"),
    ("folder-maken/", 390, "light", None),
]


def material_stylesheet(name: str) -> bytes:
    """Material's whole stylesheet of that name, as the package ships it."""
    import material

    return (Path(material.__file__).parent / "templates" / "assets" / "stylesheets" / name).read_bytes()


def opened_page(browser, url: str, width: int, scheme: str, opened: str | None, whole: bool):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    if whole:  # Material's own files in place of the pruned ones, under the same names
        context.route("**/assets/stylesheets/*.min.css", lambda route: route.fulfill(
            body=material_stylesheet(route.request.url.rsplit("/", 1)[1]), content_type="text/css"))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if opened == "drawer":
        page.locator('label.md-header__button[for="__drawer"]').click()
    elif opened == "search":
        open_search(page, url)
        enter_query(page, "spit")
        assert read_results(page), "no results for 'spit'"
    return page


@pytest.mark.parametrize("path, width, scheme, opened", STYLED_STATES)
def test_pruned_stylesheets_style_every_element_as_materials_whole_ones(browser, site, site_url, path, width, scheme,
                                                                         opened):
    stylesheets = sorted((site.site / "assets/stylesheets").glob("*.min.css"))
    assert len(stylesheets) == 2
    assert all(len(file.read_bytes()) < len(material_stylesheet(file.name)) for file in stylesheets)  # both pruned
    pruned = opened_page(browser, site_url + path, width, scheme, opened, whole=False)
    whole = opened_page(browser, site_url + path, width, scheme, opened, whole=True)
    mine, materials = pruned.evaluate(COMPUTED_STYLES, None), whole.evaluate(COMPUTED_STYLES, None)
    assert len(mine) == len(materials) > 100
    asked = [index for index, (one, other) in enumerate(zip(mine, materials)) if one != other][:5]
    differing = []
    for (name, *styles), (_, *whole_styles) in zip(pruned.evaluate(COMPUTED_STYLES, asked),
                                                   whole.evaluate(COMPUTED_STYLES, asked)):
        for part, one, other in zip(("", "::before", "::after"), styles, whole_styles):
            if one != other:
                differing.append(f"{name}{part}: {sorted(set(one.splitlines()) - set(other.splitlines()))[:3]}")
    pruned.context.close()
    whole.context.close()
    assert differing == []
