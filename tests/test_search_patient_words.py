"""Search, third edition (issue 26): a red flag in a patient's own words opens the "when to call" card first with its
line marked; a question about what the site does not cover says so and points elsewhere; the words are data
(docs/_shared/urgency.yml, not-covered.yml, section-words.yml), checked with one clear build error each."""

from __future__ import annotations

import json
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT, make_fixture_project, run_build
from site_search import elsewhere_topics, first_item_kind, flagged_lines, top_result

LANGUAGE_ROOT = {"nl": "", "en": "en/"}


# One open search per language and a query entered there (the fixture and helper of the other search tests).
from test_search_browser import search, search_pages  # noqa: E402,F401


RED_FLAGS = [
    ("nl", "ik kan ineens niet meer plassen", "now", "bladder-bowel"),
    ("nl", "ik had een ongelukje in mijn broek en mijn rug doet zeer", "now", "bladder-bowel"),
    ("nl", "doof gevoel bij het afvegen", "now", "saddle-numbness"),
    ("nl", "mijn been wordt slap en mijn voet sleept", "now", "leg-weakness"),
    ("nl", "rugpijn en koorts", "now", "fever"),
    ("nl", "rugpijn en pijn op de borst", "emergency", "chest-pain"),
    ("nl", "rugpijn en koords", "now", "fever"),  # a typo of a red-flag word still finds it
    ("en", "back pain and I can't hold my pee", "now", "bladder-bowel"),
    ("en", "numbness down below", "now", "saddle-numbness"),
    ("en", "back pain with a fever", "now", "fever"),
    ("en", "my back hurts and i can't wee", "now", "bladder-bowel"),
    ("en", "losing weight and back pain", "appointment", "weight-loss"),
]


@pytest.mark.parametrize("language, query, level, item", RED_FLAGS, ids=[f"{c[0]}: {c[1]}" for c in RED_FLAGS])
def test_a_red_flag_in_lay_words_opens_its_card_first_with_the_line_marked(search_pages, site_url, language, query,
                                                                          level, item):
    page = search_pages[language]
    groups = search(page, query)
    assert first_item_kind(page) == "urgency"
    cards = flagged_lines(page)
    assert cards[0][0] == level and item in cards[0][1], cards
    # The card links to the advice on an article in the reader's language, with that line to mark.
    address = urlsplit(groups[0][0])
    assert address.path.startswith(urlsplit(site_url).path + LANGUAGE_ROOT[language])
    assert item in parse_qs(address.query)["flag"]
    assert address.fragment == ""  # the page brings the marked line into view itself


@pytest.mark.parametrize("language", LANGUAGE_ROOT)
def test_the_flagged_line_is_marked_and_in_view_on_the_page_it_opens(browser, site_url, language):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + LANGUAGE_ROOT[language] + "door-de-rug-gaan/?flag=weight-loss")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    line = page.locator(".urgency-cards .urgency__item--flagged")
    assert line.count() == 1 and line.get_attribute("data-urgency-item") == "weight-loss"
    box = line.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844  # brought into view on a phone
    page.close()


NOT_COVERED = [
    ("nl", "kniepijn na het hardlopen", "knee", "https://www.thuisarts.nl/knieklachten"),
    ("nl", "nekpijn", "neck", "https://www.thuisarts.nl/nekpijn"),
    ("en", "knee pain after running", "knee", "https://www.nhs.uk/conditions/knee-pain/"),
    ("en", "headache after a long run", "headache", "https://www.nhs.uk/conditions/headaches/"),
]


@pytest.mark.parametrize("language, query, topic, link", NOT_COVERED, ids=[f"{c[0]}: {c[1]}" for c in NOT_COVERED])
def test_a_topic_the_site_does_not_cover_says_so_with_where_to_look_and_no_back_pain_results(
        search_pages, site_url, language, query, topic, link):
    page = search_pages[language]
    groups = search(page, query)
    assert first_item_kind(page) == "elsewhere"
    assert elsewhere_topics(page) == [[topic, link]]
    # No answer about the back for a question that is not about the back; the urgency advice is linked.
    assert top_result(groups, site_url + LANGUAGE_ROOT[language]) is None
    urgency = page.locator(".search-elsewhere .search-elsewhere__urgency")
    assert urlsplit(urgency.get_attribute("href")).fragment == "wanneer-bellen"


@pytest.mark.parametrize("language, query", [("nl", "rugpijn en kniepijn na het hardlopen"),
                                             ("en", "lower back and knee pain after running")])
def test_a_query_about_the_back_and_a_topic_not_covered_gets_both(search_pages, site_url, language, query):
    page = search_pages[language]
    groups = search(page, query)
    assert first_item_kind(page) == "elsewhere"
    assert [topic for topic, _ in elsewhere_topics(page)] == ["knee"]
    top = top_result(groups, site_url + LANGUAGE_ROOT[language])
    assert top is not None and top.startswith("rugpijn-na-het-lopen/"), top


@pytest.mark.parametrize("language, query, expect", [
    ("nl", "knie naar je borst oefening", "#oefeningen"),  # a body part the exercises name is no "not here"
    ("nl", "hoeveel nurofen mag ik per dag", "door-de-rug-gaan/#hoeveel-ibuprofen"),  # a brand name
    ("en", "how much advil can i take", "door-de-rug-gaan/#hoeveel-ibuprofen"),
    # A real word one letter from a red-flag word is no typo of it (search-words.yml's not_typos; test_search_typos):
    # "aangeraden" is no accident ("aangereden"), "seating" no sweating; and "beklemd" only with "borst" is chest pain.
    ("nl", "welke oefeningen worden aangeraden bij spit", "door-de-rug-gaan/#oefeningen"),
    ("nl", "zenuw beklemd in mijn rug", "door-de-rug-gaan/#ischias-of-hernia"),
    ("en", "trapped nerve in lower back", "door-de-rug-gaan/#ischias-of-hernia"),
    ("en", "best office seating for back pain", "door-de-rug-gaan/#werk"),
    # A query that names only an article opens what it is (search.js, topicOnly), also from a keyword no section
    # uses; "in" and "mijn" are no question words, "ischias" names the section on leg pain, not the article.
    ("nl", "heksenschot", "door-de-rug-gaan/#wat-is-het"),
    ("nl", "spit in mijn rug", "door-de-rug-gaan/#wat-is-het"),
    ("en", "lumbago", "door-de-rug-gaan/#wat-is-het"),
    ("nl", "ischias na het hardlopen", "#pijn-in-je-been"),
    ("en", "sciatica after running", "#pijn-in-je-been"),
    # The urgency advice answers by its heading, not by the common words of its symptoms ("properly", "krijg").
    ("en", "how to lift properly", "door-de-rug-gaan/#voorkomen"),
    ("nl", "kan ik gewoon werken met rugpijn", "door-de-rug-gaan/#werk"),
    # A word of a section's phrase is searched as typed ("grond" of "op de grond", not the page word "ondergrond").
    ("nl", "ik lig op de grond met spit", "door-de-rug-gaan/#eerste-dagen"),
])
def test_ordinary_questions_get_no_card_and_no_not_here(search_pages, site_url, language, query, expect):
    page = search_pages[language]
    groups = search(page, query)
    assert first_item_kind(page) == "result"
    assert expect in top_result(groups, site_url + LANGUAGE_ROOT[language])


@pytest.mark.parametrize("language, query", [("nl", "pijn in mijn been tot onder de knie"),
                                             ("en", "pain down my leg below the knee")])
def test_pain_down_to_below_the_knee_is_sciatica_not_knee_pain(search_pages, site_url, language, query):
    """The knee topic's `not_with` words (docs/_shared/not-covered.yml): no "not here" about the knee."""
    page = search_pages[language]
    groups = search(page, query)
    assert elsewhere_topics(page) == []
    assert "#pijn-in-je-been" in " ".join(url for group in groups for url in group)
    search(page, "kniepijn" if language == "nl" else "knee pain")  # and knee pain alone still is not covered
    assert [topic for topic, _ in elsewhere_topics(page)] == ["knee"]


@pytest.mark.parametrize("language, query, heading", [("nl", "heksenschot", "Wat is door je rug gaan?"),
                                                      ("en", "ricked", "What is putting your back out?")])
def test_a_keyword_no_section_uses_opens_the_articles_first_section_by_its_heading(search_pages, language, query,
                                                                                   heading):
    """The first section is added to the results (search.js, firstSection) under the article's title: its heading,
    and not the hidden patients' words that follow the heading in the index ("verschot", "locked back")."""
    page = search_pages[language]
    search(page, query)
    first = page.locator(".md-search-result__item").first.locator("a.md-search-result__link").nth(1)
    assert urlsplit(first.get_attribute("href")).fragment == "wat-is-het"
    assert first.inner_text().strip() == heading


def test_shoulder_blades_are_their_own_topic_and_point_to_the_urgency_advice(search_pages):
    page = search_pages["en"]
    search(page, "pain between my shoulder blades")
    assert flagged_lines(page)[0] == ["now", ["upper-back-or-band"]]
    assert [topic for topic, _ in elsewhere_topics(page)] == ["between-shoulder-blades"]
    assert page.locator(".search-elsewhere").inner_text().count("heart") == 1


def test_dutch_only_build_has_the_patients_words_in_dutch_only(dutch_only_site):
    data = json.loads((dutch_only_site.site / "search" / "words-nl.json").read_text(encoding="utf-8"))
    assert {flag["id"] for flag in data["flags"]} >= {"bladder-bowel", "saddle-numbness", "chest-pain"}
    assert data["elsewhere"]["topics"][0]["link"].startswith("https://www.thuisarts.nl")
    assert not (dutch_only_site.site / "search" / "words-en.json").exists()


def test_section_words_are_hidden_and_not_part_of_the_faq_structured_data(site):
    soup = site.page("door-de-rug-gaan/")
    words = soup.select_one("h3#in-bed-blijven + [data-section-words]")
    assert words is not None and words.has_attr("hidden") and "bedrust" in words.get_text()
    data = json.loads(soup.find("script", type="application/ld+json").string)
    faq = next(part for part in data["@graph"] if part["@type"] == "FAQPage") if "@graph" in data else data
    assert "bedrust" not in json.dumps(faq, ensure_ascii=False)


def section_phrase_words(slug: str, section: str, language: str) -> tuple[list[str], list[str]]:
    """A section's patients' words in section-words.yml: its single words, and the words of its phrases."""
    entries = yaml.safe_load((ROOT / "docs" / "_shared" / "section-words.yml").read_text(encoding="utf-8"))
    own = entries[slug][section][language]
    return ([entry for entry in own if " " not in entry],
            [word for entry in own if " " in entry for word in entry.split()])


def test_a_phrase_counts_for_its_section_only_when_the_query_holds_all_its_words(site):
    """The phrases' words are in the page as plain text (weight 1); only the single words weigh like a title."""
    soup = site.page("door-de-rug-gaan/")
    single, phrase_words = section_phrase_words("door-de-rug-gaan", "in-bed-blijven", "nl")
    hidden = soup.select("h3#in-bed-blijven ~ [data-section-words]")[:2]
    assert [(part["data-pagefind-weight"], part.get_text().split()) for part in hidden] == [
        ("7", single), ("1", phrase_words)]
    data = json.loads((site.site / "search" / "words-nl.json").read_text(encoding="utf-8"))
    assert [word for phrase in data["phrases"]["door-de-rug-gaan/#in-bed-blijven"] for word in phrase] == phrase_words


# "blijven bewegen" and "stay active" are phrases of the running article's self-care section: the query that holds
# only "blijven" of them is about carrying on running ("Hoe blijf je lopen of wandelen?"), and opens that section;
# so does "keep running".
PHRASE_QUERIES = [
    ("nl", "blijven bewegen hardlopen", "rugpijn-na-het-lopen/#zelf-doen"),
    ("nl", "blijven hardlopen", "rugpijn-na-het-lopen/#blijven-lopen"),
    ("en", "stay active running", "rugpijn-na-het-lopen/#zelf-doen"),
    ("en", "keep running", "rugpijn-na-het-lopen/#blijven-lopen"),
]


@pytest.mark.parametrize("language, query, expect", PHRASE_QUERIES, ids=[f"{c[0]}: {c[1]}" for c in PHRASE_QUERIES])
def test_a_word_of_a_phrase_alone_does_not_pull_its_section(search_pages, site_url, language, query, expect):
    page = search_pages[language]
    assert top_result(search(page, query), site_url + LANGUAGE_ROOT[language]) == expect


def asked_questions(step: int = 4) -> list[tuple[str, str, str]]:
    """The first question of every `step`-th section of section-questions.yml, per language: (language, question,
    "slug/#section")."""
    entries = yaml.safe_load((ROOT / "docs" / "_shared" / "section-questions.yml").read_text(encoding="utf-8"))
    sections = [(f"{slug}/#{section}", own) for slug, own_sections in entries.items()
                for section, own in own_sections.items()]
    return [(language, own[language][0], section) for section, own in sections[::step] for language in ("nl", "en")]


ASKED = asked_questions()


@pytest.mark.parametrize("language, query, expect", ASKED, ids=[f"{c[0]}: {c[1]}" for c in ASKED])
def test_a_patients_question_opens_the_section_it_is_written_for(search_pages, site_url, language, query, expect):
    """section-questions.yml maps a patient's question to the section that answers it best: typed as it is written,
    the question opens that section first."""
    assert top_result(search(search_pages[language], query), site_url + LANGUAGE_ROOT[language]) == expect


def edit(project, name, old, new):
    path = project / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Where the English list of real words that are no typos starts (after the English stop and question words).
ENGLISH_NOT_TYPOS = ('  stop_words: best\n  question_words: what how when why which where who can may must should do does\n'
                     '  not_typos: >-\n    ')

BAD_DATA = [
    ("red flag without words", "_shared/urgency.yml",
     '        search:\n          nl: ["kan niet plassen"', '        nowords:\n          nl: ["kan niet plassen"',
     "docs/_shared/urgency.yml: item 'bladder-bowel' has no search words (field 'search', nl and en): every now item "
     "needs the words patients use for it"),
    ("red flag word listed twice", "_shared/urgency.yml", '["kan niet plassen", ', '["kan niet plassen", "kan niet plassen", ',
     "docs/_shared/urgency.yml: item 'bladder-bowel' search words 'nl': 'kan niet plassen' is listed twice"),
    ("empty red flag word", "_shared/urgency.yml", '["kan niet plassen", ', '["", ',
     "docs/_shared/urgency.yml: item 'bladder-bowel' search words 'nl' has an empty entry"),
    ("topic without English words", "_shared/not-covered.yml",
     '      en: ["knee pain", ', '      english: ["knee pain", ',
     "docs/_shared/not-covered.yml: topic 'knee' words 'en' must be a non-empty list of words"),
    ("topic id twice", "_shared/not-covered.yml", "  - id: neck\n", "  - id: knee\n",
     "docs/_shared/not-covered.yml: topic 'knee': the id is used twice"),
    ("topic link not https", "_shared/not-covered.yml", "https://www.thuisarts.nl/nekpijn", "http://www.thuisarts.nl/nekpijn",
     "docs/_shared/not-covered.yml: topic 'neck' 'nl' link must be an https:// address"),
    ("a phrase with markup", "_shared/not-covered.yml", '"kniepijn", ', '"<b>kniepijn</b>", ',
     "docs/_shared/not-covered.yml: topic 'knee' words 'nl': '<b>kniepijn</b>' may hold only words"),
    ("section words for a section that does not exist", "_shared/section-words.yml", "  in-bed-blijven:\n",
     "  in-bed-liggen:\n", "docs/_shared/section-words.yml: 'door-de-rug-gaan' has no section or FAQ answer '#in-bed-liggen'"),
    ("section words not valid YAML", "_shared/section-words.yml", "door-de-rug-gaan:\n", "door-de-rug-gaan: [\n",
     "docs/_shared/section-words.yml: is not valid YAML"),
    ("a question under a section that does not exist", "_shared/section-questions.yml", "  hoe-lang:\n",
     "  hoe-kort:\n", "docs/_shared/section-questions.yml: 'door-de-rug-gaan' has no section or FAQ answer '#hoe-kort'"),
    ("a question under two sections", "_shared/section-questions.yml", "    nl: [", '    nl: ["hoe lang duurt spit", ',
     "docs/_shared/section-questions.yml: 'door-de-rug-gaan#hoe-lang' 'nl': 'hoe lang duurt spit' is listed twice"),
    ("a section without English questions", "_shared/section-questions.yml", "    en: [", "    english: [",
     "docs/_shared/section-questions.yml: 'rugpijn-na-het-lopen#wat-is-het' 'en' must be a non-empty list of questions"),
    ("a real word listed twice", "_shared/search-words.yml", ENGLISH_NOT_TYPOS, ENGLISH_NOT_TYPOS + "fewer ",
     "docs/_shared/search-words.yml: 'en' not_typos: 'fewer' is listed twice"),
    ("a real word with a capital", "_shared/search-words.yml", ENGLISH_NOT_TYPOS, ENGLISH_NOT_TYPOS + "Whole ",
     "docs/_shared/search-words.yml: 'en' not_typos: 'Whole' is not one word in small letters"),
    ("a question word that is no stop word", "_shared/search-words.yml", "  question_words: what ",
     "  question_words: pain what ",
     "docs/_shared/search-words.yml: 'en' question_words: 'pain' is no stop word (add it to stop_words)"),
    ("a ranking weight for a feature search.js does not measure", "_shared/search-ranking.yml", "  matches:",
     "  match:", "docs/_shared/search-ranking.yml: weights: unknown feature match; no weight for matches"),
    ("a ranking weight that is no number", "_shared/search-ranking.yml", "  asked: ", "  asked: high #",
     "docs/_shared/search-ranking.yml: weights: 'asked' must be a number"),
    ("no ranking weights", "_shared/search-ranking.yml", "weights:", "weight:",
     "docs/_shared/search-ranking.yml: must hold 'weights', one number per feature"),
]


@pytest.mark.parametrize("case, name, old, new, message", BAD_DATA, ids=[case[0] for case in BAD_DATA])
def test_bad_patient_words_stop_the_build_with_one_line(tmp_path, case, name, old, new, message):
    project = make_fixture_project(tmp_path / "project")
    # The real articles and their section words (the fixture project has small articles of its own).
    for source in [*(ROOT / "docs").glob("*-*.md"), *(ROOT / "docs" / "_shared").glob("section-*.yml")]:
        shutil.copy(source, project / "docs" / source.relative_to(ROOT / "docs"))
    edit(project, name, old, new)
    build = run_build(project, tmp_path / "out")
    assert build.returncode != 0
    assert message in build.log, build.log
    assert "Traceback" not in build.log
