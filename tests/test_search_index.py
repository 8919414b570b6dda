"""The built search indexes: one per language, each FAQ answer its own entry, extra search terms in place."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

ARTICLES = ["rugpijn-na-het-lopen/", "door-de-rug-gaan/"]


def index_of(build, language: str) -> dict:
    folder = build.site if language == "nl" else build.site / language
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def entry(index: dict, location: str) -> dict:
    matches = [item for item in index["docs"] if item["location"] == location]
    assert len(matches) == 1, f"{location}: {len(matches)} entries"
    return matches[0]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_language_has_its_own_index(site, language):
    index = index_of(site, language)
    assert index["config"]["lang"] == [language]
    locations = [item["location"] for item in index["docs"]]
    assert locations, "empty index"
    # Locations are relative to the language root; no entry of the other language.
    assert not any(location.startswith("en/") for location in locations)
    own_pages = {path.parent.relative_to(site.site if language == "nl" else site.site / "en").as_posix() + "/"
                 for path in (site.site if language == "nl" else site.site / "en").glob("*/index.html")}
    assert {location.split("#")[0] for location in locations if location} <= own_pages | {""}


def test_dutch_and_english_texts_stay_apart(site):
    dutch = " ".join(item["text"] for item in index_of(site, "nl")["docs"])
    english = " ".join(item["text"] for item in index_of(site, "en")["docs"])
    assert "huisartsenpost" in dutch and " the " not in f" {dutch} "
    assert " the " in f" {english} " and "Veelgestelde vragen" not in english


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("article", ARTICLES)
def test_every_faq_question_is_its_own_entry(site, language, article):
    soup = site.page(article if language == "nl" else "en/" + article)
    faq = soup.find("h2", id="veelgestelde-vragen")
    questions = []
    for heading in faq.find_all_next(["h2", "h3"]):
        if heading.name == "h2":
            break
        questions.append(heading)
    index = index_of(site, language)
    for question in questions:
        item = entry(index, f"{article}#{question['id']}")
        assert item["title"] == question.get_text().replace("¶", "").strip()
        answer = question.find_next_sibling(["p", "ul", "ol"]).get_text(" ", strip=True)
        assert answer[:40] in re.sub(r"<[^>]+>", "", item["text"]).replace("\n", " ")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_faq_overview_and_sources_are_not_indexed(site, language):
    locations = [item["location"] for item in index_of(site, language)["docs"]]
    assert not any(location.startswith("veelgestelde-vragen/") for location in locations)
    assert not any(location.endswith("#bronnen") and location.split("#")[0] in ARTICLES for location in locations)


def test_front_matter_keywords_are_searchable_on_the_page_entry(site):
    page = entry(index_of(site, "nl"), "door-de-rug-gaan/")
    for word in ("lumbago", "heksenschot", "verrekt"):
        assert word in page["keywords"].split()
    assert "put" in entry(index_of(site, "en"), "door-de-rug-gaan/")["keywords"].split()


def variants_where(index: dict, present: str, absent: str) -> list[tuple[set[str], set[str]]]:
    """(variants, own words) of every entry whose text uses the word `present` but not `absent`."""
    found = []
    for item in index["docs"]:
        words = set(re.findall(r"[^\W\d_]+", f"{item['title']} {item['text']}".lower()))
        if present in words and absent not in words:
            found.append((set(item.get("variants", "").split()), words))
    return found


def reachable(query: str, variants: set[str], words: set[str]) -> bool:
    """Material searches `query*`: the entry is found when a variant or one of its own words starts with it."""
    return any(term.startswith(query) for term in variants | words)


@pytest.mark.parametrize(
    "language, query, form",
    [
        ("nl", "lopen", "loop"),      # same stem
        ("nl", "pijn", "rugpijn"),    # compound part
        ("nl", "kussen", "warmtekussen"),  # compound part
        ("nl", "knieen", "knieën"),   # typed without accents
        ("en", "running", "run"),
    ],
)
def test_word_forms_and_compound_parts_are_indexed(site, language, query, form):
    entries = variants_where(index_of(site, language), form, query)
    assert entries, f"no entry uses {form!r} without {query!r}: pick another example"
    assert all(reachable(query, variants, words) for variants, words in entries)


def test_irregular_forms_are_joined(site):
    # "liep" (past tense of lopen) does not occur in the text, so every entry with "lopen" carries it.
    entries = variants_where(index_of(site, "nl"), "lopen", "liep")
    assert entries and all(reachable("liep", variants, words) for variants, words in entries)


def test_vocabulary_joins_forms_parts_and_accents():
    """The hook's word grouping on a small made-up corpus, for the cases the real text may not contain."""
    import sys

    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from search_terms import Vocabulary

    vocabulary = Vocabulary("nl", ["Mijn spier doet pijn.", "Sterke spieren helpen je rug.", "Pijn onder in je onderrug: rugpijn.",
                                   "Ik liep hard.", "Lopen is goed.", "Trek je knieën op."])
    assert "spieren" in vocabulary.variants("Mijn spier doet pijn")       # "spieren" finds "spier"
    assert "spier" not in vocabulary.variants("Sterke spieren")           # "spier*" already finds "spieren"
    assert {"lopen", "liep"} <= vocabulary.variants("Ik loop elke dag")   # irregular past tense
    assert "lopen" in vocabulary.variants("Ik liep hard")
    assert "pijn" in vocabulary.variants("rugpijn")                       # "rug*" already finds "rugpijn"
    assert "rug" in vocabulary.variants("onderrug")
    assert "knieen" in vocabulary.variants("knieën")
    assert "ben" not in vocabulary.variants("hebben")                     # short words are not split
