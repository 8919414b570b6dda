"""Read aloud ("Lees voor", README): the pronunciation files' checks, the build's output, and the feature in headless
Chromium with a recording stand-in for speechSynthesis (voices nl-NL and en-GB, or none; every utterance captured;
the test fires the `start`, `boundary` and `end` events a voice would fire). Pages are served with the site's
`_headers`, so any CSP violation of the feature shows up here."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, make_fixture_project, run_build, served_with_headers
from gates import tool
from test_accessibility import AXE_TAGS
from patient_info.pronunciation import PronunciationError, check, pronunciation
from static_host import serve_site

ARTICLE = "rugpijn-na-het-lopen/"
# Installed before any page script: voices per test (window.fakeVoices), every utterance kept in window.spoken.
STAND_IN = """
(() => {
  let voices = null;  // made on the first call: a page's own init script may set window.standInVoices
  const list = () => voices = voices || (window.standInVoices ?? 'nl-NL,en-GB')
    .split(',').filter(Boolean).map(lang => ({lang, name: 'Stand-in ' + lang, voiceURI: lang, default: false,
                                                localService: true}));
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  }
  const log = window.spokenLog = [];
  const synth = new EventTarget();
  Object.assign(synth, {
    speaking: false, paused: false, pending: false,
    getVoices: list,
    speak(u) { log.push(u); this.speaking = true; },
    cancel() { this.speaking = false; this.paused = false; window.cancelled = (window.cancelled || 0) + 1; },
    pause() { this.paused = true; }, resume() { this.paused = false; },
  });
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
  window.fire = (type, props = {}) => {
    const u = log[log.length - 1];
    const event = new Event(type);
    Object.assign(event, props);
    u.dispatchEvent(event);
  };
  window.spoken = () => log.map(u => ({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang, rate: u.rate}));
})();
"""


# --- The pronunciation files (plain functions) -----------------------------------------------------------------------

def test_both_pronunciation_files_are_valid_and_say_the_emergency_number():
    dutch = pronunciation(ROOT / "docs/_shared/pronunciation.nl.yml")
    english = pronunciation(ROOT / "docs/_shared/pronunciation.en.yml")
    assert dutch["words"]["112"] == "één één twee" and dutch["range"] == "tot"
    assert english["words"]["112"] == "one one two" and english["range"] == "to"
    for words in (dutch["words"], english["words"]):
        assert {"mg", "NHG"} <= set(words)


@pytest.mark.parametrize("data, problem", [
    ({"range": "tot", "words": [{"write": "mg", "say": ""}]}, "word 1 (mg) has an empty say"),
    ({"range": "tot", "words": [{"write": "", "say": "x"}]}, "word 1 (no write) has an empty write"),
    ({"range": "tot", "words": [{"write": "mg", "say": "a"}, {"write": "MG", "say": "b"}]}, "'MG' is listed twice"),
    ({"range": "", "words": [{"write": "mg", "say": "a"}]}, "`range` is empty"),
    ({"range": "tot", "words": []}, "`words` must be a list"),
    ({"range": "tot", "words": [{"write": "mg"}]}, "word 1 must have exactly `write` and `say`"),
    ({"range": "tot", "woorden": []}, "unknown field 'woorden'"),
    (["mg"], "expected `range:` and `words:`"),
])
def test_a_bad_pronunciation_list_is_one_error_naming_the_file(data, problem):
    with pytest.raises(PronunciationError) as error:
        check(data, "docs/_shared/pronunciation.nl.yml")
    message = str(error.value)
    assert message.startswith("docs/_shared/pronunciation.nl.yml: ") and problem in message and "\n" not in message


def test_a_duplicate_word_stops_the_build_with_one_line_naming_the_file(tmp_path):
    project = make_fixture_project(tmp_path / "project")
    data = project / "docs/_shared/pronunciation.nl.yml"
    data.write_text(data.read_text(encoding="utf-8") + "  - write: MG\n    say: milligram\n", encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    errors = [line for line in build.log.splitlines() if "pronunciation.nl.yml" in line]
    assert len(errors) == 1 and "'MG' is listed twice" in errors[0], build.log
    assert "Traceback" not in build.log


# --- The built site ---------------------------------------------------------------------------------------------------

def test_pages_with_the_button_and_the_lists_the_script_fetches(site):
    for path in (ARTICLE, "door-de-rug-gaan/", "wanneer-bellen/", "veelgestelde-vragen/", "en/" + ARTICLE,
                 "en/wanneer-bellen/", "en/veelgestelde-vragen/"):
        page = site.page(path)
        control = page.select_one(".handout-actions [data-read-aloud][hidden]")
        assert control is not None, path
        assert control.select_one("[data-read-aloud-play]").get_text(strip=True) in {"Lees voor", "Read aloud"}
        script = page.find("script", src=lambda src: src and src.endswith("read-aloud.js"))
        assert script is not None and script.has_attr("defer"), path
    for path in ("", "en/", "over-deze-site/", "trainingsdagboek/", "folder-maken/"):
        assert site.page(path).select_one("[data-read-aloud]") is None, path
    for language in ("nl", "en"):
        data = json.loads((site.site / f"assets/javascripts/pronunciation.{language}.json").read_text("utf-8"))
        assert data["words"]["112"] and data["range"]


def test_the_dutch_only_build_has_only_the_dutch_list(dutch_only_site):
    folder = dutch_only_site.site / "assets/javascripts"
    assert (folder / "pronunciation.nl.json").is_file() and not (folder / "pronunciation.en.json").exists()
    assert dutch_only_site.page(ARTICLE).select_one("[data-read-aloud]") is not None


# --- In the browser ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hosted(site):
    yield from served_with_headers(site)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(STAND_IN)
    context.add_init_script("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                            " e => window.cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));")
    yield context
    context.close()


def open_page(context, url: str, voices: str | None = None):
    """A page of `context`; `voices`: the stand-in's voices (comma-separated tags) instead of nl-NL and en-GB."""
    page = context.new_page()
    if voices is not None:
        page.add_init_script(f"window.standInVoices = {json.dumps(voices)};")
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def wait_until_spoken(page) -> None:
    """The first utterance (the list is fetched first). Polled with evaluate: the page's CSP forbids eval."""
    for _ in range(100):
        if page.evaluate("window.spokenLog.length > 0"):
            return
        page.wait_for_timeout(50)
    raise AssertionError("nothing was spoken")


def press_play(page) -> None:
    page.locator("[data-read-aloud-play]").click()
    wait_until_spoken(page)


def read_all(page) -> list[dict]:
    """Let the stand-in voice finish every utterance, one `end` at a time."""
    for _ in range(2000):
        if page.evaluate("document.querySelector('[data-read-aloud]').dataset.state") == "idle":
            break
        page.evaluate("fire('end')")
    return page.evaluate("spoken()")


def visible_text_of(page, selector: str) -> str:
    return page.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")


def test_the_article_is_read_in_order_in_its_language_without_hidden_or_navigation_text(context, hosted):
    page = open_page(context, hosted + ARTICLE)
    assert page.locator("[data-read-aloud-play]").is_visible()
    assert page.evaluate("window.spokenLog.length") == 0  # nothing until pressed
    press_play(page)
    spoken = read_all(page)
    texts = [u["text"] for u in spoken]
    joined = " ".join(texts)
    assert all(u["lang"] == "nl-NL" and u["voice"] == "nl-NL" and u["rate"] == pytest.approx(0.9) for u in spoken)
    assert texts[0] == "Rugpijn na het lopen"  # the title, without "¶"
    order = ["In het kort", "Heb je pijn onder in je rug na hardlopen of wandelen?", "Wanneer moet je bellen?",
             "Bel meteen één één twee als dit bij je past:", "Wat is het en hoe vaak komt het voor?",
             "Veelgestelde vragen", "Waar komt rugpijn na het hardlopen door?"]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(part)) for part in order]
    assert positions == sorted(positions), positions
    for absent in ("¶", "Afdrukken", "Folder maken", "Op deze pagina", "rugpijn hardlopen rugpijn na hardlopen",
                   "Bronnen", "Cochrane", "Laatst gecontroleerd", "Afgedrukt op", "Lees dit deel voor", "Zoeken"):
        assert absent not in joined, absent
    assert "112" not in joined  # said as words
    assert "3 tot 4 weken" in joined
    assert "Ibuprofen: hoogstens 1200 milligram per dag, bijvoorbeeld 3 keer 400 milligram." in texts
    assert not re.search(r"\bmg\b", joined)
    assert page.evaluate("window.cspViolations") == []


def test_a_page_view_loads_the_script_but_fetches_and_speaks_nothing_until_pressed(context, hosted):
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request.url))
    page.goto(hosted + ARTICLE)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/read-aloud.js") for url in requests)
    assert not [url for url in requests if "pronunciation" in url]
    assert page.evaluate("window.spokenLog.length") == 0 and not page.evaluate("window.cancelled")
    press_play(page)
    assert [url for url in requests if url.endswith("/assets/javascripts/pronunciation.nl.json")]


def test_pause_resume_and_stop_change_the_state_and_the_labels(context, hosted):
    page = open_page(context, hosted + ARTICLE)
    play = page.locator("[data-read-aloud-play]")
    stop = page.locator("[data-read-aloud-stop]")
    assert play.inner_text().strip() == "Lees voor" and stop.is_hidden()
    press_play(page)
    assert play.inner_text().strip() == "Pauze" and stop.is_visible()
    play.click()
    assert play.inner_text().strip() == "Verder" and page.evaluate("speechSynthesis.paused")
    play.click()
    assert play.inner_text().strip() == "Pauze" and not page.evaluate("speechSynthesis.paused")
    page.evaluate("fire('end')")
    count = page.evaluate("window.spokenLog.length")
    assert count == 2
    stop.focus()
    page.keyboard.press("Enter")
    assert play.inner_text().strip() == "Lees voor" and stop.is_hidden()
    assert page.evaluate("document.activeElement.matches('[data-read-aloud-play]')")  # focus not lost
    assert page.evaluate("CSS.highlights.has('read-aloud')") is False
    page.evaluate("fire('end')")  # a late event of the cancelled utterance reads nothing more
    assert page.evaluate("window.spokenLog.length") == count


def test_slower_is_remembered_on_this_device(context, hosted):
    page = open_page(context, hosted + "en/" + ARTICLE)
    press_play(page)
    slower = page.locator("[data-read-aloud-slower]")
    assert slower.get_attribute("aria-pressed") == "false"
    slower.click()
    assert slower.get_attribute("aria-pressed") == "true"
    page.evaluate("fire('end')")
    rates = [u["rate"] for u in page.evaluate("spoken()")]
    assert rates[0] == pytest.approx(1) and rates[1] == pytest.approx(0.75)
    again = open_page(context, hosted + "en/" + ARTICLE)
    assert again.locator("[data-read-aloud-slower]").get_attribute("aria-pressed") == "true"
    press_play(again)
    assert again.evaluate("spoken()")[0]["rate"] == pytest.approx(0.75)


def test_the_section_control_starts_at_that_faq_answer(context, hosted):
    page = open_page(context, hosted + ARTICLE + "#rust")  # where a search result lands
    control = page.locator("#rust .read-aloud-section")
    assert control.get_attribute("aria-label") == "Lees dit deel voor"
    control.click()
    wait_until_spoken(page)
    texts = [u["text"] for u in read_all(page)]
    assert texts[0] == "Moet ik rusten als mijn rug pijn doet na het lopen?"
    assert texts[1].startswith("Een paar dagen minder of niet hardlopen")
    assert not any(t.startswith("Rugpijn na het lopen") or t.startswith("In het kort") for t in texts)


def test_the_highlight_follows_the_boundary_and_end_events(context, hosted):
    page = open_page(context, hosted + ARTICLE)
    page.locator("#rust .read-aloud-section").click()
    wait_until_spoken(page)
    highlighted = "name => CSS.highlights.has(name) ? [...CSS.highlights.get(name)][0].toString() : null"
    assert page.evaluate(highlighted, "read-aloud") == "Moet ik rusten als mijn rug pijn doet na het lopen?"
    page.evaluate("fire('start')")
    page.evaluate("fire('boundary', {charIndex: 8, name: 'word'})")  # "Moet ik |rusten"
    assert page.evaluate(highlighted, "read-aloud-word") == "rusten"
    page.evaluate("fire('end')")
    assert page.evaluate(highlighted, "read-aloud") == "Een paar dagen minder of niet hardlopen is prima als je rug pijn doet."
    assert page.evaluate(highlighted, "read-aloud-word") is None


def test_the_word_highlight_maps_back_through_a_pronounced_number(context, hosted):
    page = open_page(context, hosted + ARTICLE)
    page.locator("#wanneer-bellen .read-aloud-section").click()
    wait_until_spoken(page)
    for _ in range(20):
        if page.evaluate("spokenLog[spokenLog.length - 1].text").startswith("Bel meteen één één twee"):
            break
        page.evaluate("fire('end')")
    text = page.evaluate("spokenLog[spokenLog.length - 1].text")
    highlighted = "name => [...CSS.highlights.get(name)][0].toString()"
    page.evaluate("i => fire('boundary', {charIndex: i})", text.index("één"))
    assert page.evaluate(highlighted, "read-aloud-word") == "112"
    page.evaluate("i => fire('boundary', {charIndex: i})", text.index("als"))
    assert page.evaluate(highlighted, "read-aloud-word") == "als"


def test_the_card_page_reads_the_urgency_card_and_the_faq_overview_its_questions(context, hosted):
    page = open_page(context, hosted + "wanneer-bellen/")
    press_play(page)
    joined = " ".join(u["text"] for u in read_all(page))
    assert "Bel meteen één één twee als dit bij je past:" in joined and "Je hebt pijn op je borst." in joined
    assert joined.count("Je hebt pijn op je borst.") == 1  # the print-only second copy is not read
    page = open_page(context, hosted + "en/veelgestelde-vragen/")
    press_play(page)
    spoken = read_all(page)
    assert all(u["lang"] == "en-GB" for u in spoken)
    assert spoken[0]["text"] and any("?" in u["text"] for u in spoken)


@pytest.mark.parametrize("voices", ["en-GB,en-US", ""])
def test_no_button_without_a_voice_for_the_page_language(context, hosted, voices):
    page = open_page(context, hosted + ARTICLE, voices=voices)
    page.wait_for_timeout(200)
    assert page.locator("[data-read-aloud]").is_hidden()
    assert page.locator(".read-aloud-section").count() == 0
    assert page.locator("[data-handout-print]").is_visible()  # the rest of the row is untouched


def test_a_voice_that_comes_later_shows_the_button_and_dutch_prefers_nl_nl(context, hosted):
    page = open_page(context, hosted + ARTICLE, voices="en-GB")
    assert page.locator("[data-read-aloud]").is_hidden()
    page.evaluate("""() => { const list = speechSynthesis.getVoices();
        list.push({lang: 'nl-BE', name: 'BE'}, {lang: 'nl_NL', name: 'NL'});
        speechSynthesis.dispatchEvent(new Event('voiceschanged')); }""")
    assert page.locator("[data-read-aloud-play]").is_visible()
    press_play(page)
    assert page.evaluate("spokenLog[0].voice.name") == "NL"


def test_without_speech_synthesis_nothing_shows(browser, hosted):
    context = browser.new_context()
    context.add_init_script("delete window.speechSynthesis; Object.defineProperty(window, 'speechSynthesis',"
                            " {value: undefined});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(hosted + ARTICLE)
    page.wait_for_load_state("load")
    assert page.locator("[data-read-aloud]").is_hidden() and errors == []
    context.close()


def test_the_dutch_only_build_reads(context, dutch_only_site):
    url, server = serve_site(dutch_only_site.site)
    try:
        page = open_page(context, url + ARTICLE)
        press_play(page)
        spoken = read_all(page)
        assert spoken[0]["text"] == "Rugpijn na het lopen" and len(spoken) > 50
        assert page.evaluate("window.cspViolations") == []
    finally:
        server.shutdown()


def test_axe_finds_nothing_with_the_controls_showing(context, hosted):
    axe = tool("axe-core/axe.min.js").read_text(encoding="utf-8")
    for width in (390, 1280):
        page = open_page(context, hosted + ARTICLE)
        page.set_viewport_size({"width": width, "height": 844})
        press_play(page)
        page.locator("[data-read-aloud-slower]").click()
        page.mouse.move(0, 0)  # Material's tooltip of the last button hovered goes away
        page.wait_for_timeout(400)
        page.evaluate(axe)
        result = page.evaluate("""async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; '))""",
                               AXE_TAGS)
        assert result == [], result
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / f"test-artifacts/read-aloud-{width}.png"))
