"""The built search: a Pagefind index per language made by the post-build step (patient_info/search_index.py), articles only, keywords weighted up,
and the word list that assets/javascripts/search.js uses for typos, compounds and the help message."""

from __future__ import annotations

import json

import pytest

from patient_info import search_index
from patient_info.errors import ContentError
from patient_info.material_patches import PatchError

ARTICLES = ["rugpijn-na-het-lopen/", "door-de-rug-gaan/"]
NOT_INDEXED = ["", "veelgestelde-vragen/", "over-deze-site/"]
LANGUAGE_ROOT = {"nl": "", "en": "en/"}


def words_of(build, language: str) -> dict:
    return json.loads((build.site / "search" / f"words-{language}.json").read_text(encoding="utf-8"))


def test_the_build_writes_one_pagefind_index_per_language(site):
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {language: info["page_count"] for language, info in entry["languages"].items()} == {"nl": 2, "en": 2}
    for language in ("nl", "en"):
        assert (site.site / "pagefind" / f"wasm.{language}.pagefind").is_file()
        assert list((site.site / "pagefind" / "fragment").glob(f"{language}_*.pf_fragment"))


def test_the_dutch_only_build_indexes_dutch_only(dutch_only_site):
    entry = json.loads((dutch_only_site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert not (dutch_only_site.site / "search" / "words-en.json").exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_only_article_bodies_are_indexed(site, language):
    for path in ARTICLES:
        soup = site.page(LANGUAGE_ROOT[language] + path)
        bodies = soup.select("[data-pagefind-body]")
        assert len(bodies) == 1
        body = bodies[0]
        # The article's own text and FAQ questions, not the handout, print button, sources or review dates.
        assert body.select("h3[id]") and body.find("h1")
        extras = body.select("#bronnen, #bronnen + ul, .review-dates, .handout, .handout-actions, .handout-masthead, "
                             ".page-toc")
        assert len(extras) == 7 and all(extra.has_attr("data-pagefind-ignore") for extra in extras)
        # The article's paragraphs stay the article element's own (its layout, print and look rely on it).
        assert body.name == "article" and body.find("p", recursive=False)
        assert all(link.has_attr("data-pagefind-ignore") for link in body.select("a.headerlink"))
        # A link to another section holds that section's words, not its own section's; the FAQ's own heading has
        # no text of its own and is no answer.
        cross_references = body.select("p a[href^='#'], li a[href^='#']")
        cross_references = [link for link in cross_references if not link.find_parent(class_="page-toc")]
        assert cross_references and all(link.has_attr("data-pagefind-ignore") for link in cross_references)
        assert body.select_one("h2#veelgestelde-vragen").has_attr("data-pagefind-ignore")
    for path in NOT_INDEXED:
        assert not site.page(LANGUAGE_ROOT[language] + path).select("[data-pagefind-body]"), path


@pytest.mark.parametrize("language, keyword", [("nl", "heksenschot"), ("en", "put my back out")])
def test_front_matter_keywords_are_indexed_with_the_highest_weight(site, language, keyword):
    soup = site.page(LANGUAGE_ROOT[language] + "door-de-rug-gaan/")
    weighted = soup.select_one("[data-pagefind-body] [data-pagefind-weight='10'][hidden]")
    assert weighted is not None and keyword in weighted.get_text()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_word_list_holds_the_indexed_words_and_nothing_of_the_other_language(site, language):
    data = words_of(site, language)
    words = set(data["words"])
    if language == "nl":
        assert {"huisartsenpost", "heksenschot", "knieën", "rugpijn", "112"} <= words  # numbers are words too
        assert "the" not in words and data["forms"]["liep"] == "lopen"
    else:
        assert {"lumbago", "physiotherapy", "the"} <= words
        assert "het" not in words and data["forms"]["ran"] == "run"
    # The help message links the articles and the FAQ overview of this language.
    urls = [page["url"] for page in data["pages"]]
    assert sorted(urls) == sorted(LANGUAGE_ROOT[language] + path for path in ARTICLES + ["veelgestelde-vragen/"])
    for page in data["pages"]:
        assert (site.site / page["url"] / "index.html").is_file()


def test_material_search_plugin_is_gone_but_its_dialog_stays(site):
    assert not (site.site / "search" / "search_index.json").exists()
    soup = site.page("door-de-rug-gaan/")
    dialog = soup.select_one("div.md-search[data-site-search][role=dialog]")
    assert dialog is not None and dialog.get("aria-label") == "Zoeken"
    assert not soup.select("[data-md-component=search]")  # Material's bundle starts no lunr worker
    assert soup.select_one("label.md-header__button[for=__search]") is not None


@pytest.mark.parametrize("language, stop_words, extra", [
    ("nl", {"ik", "mijn", "het", "de"}, {"wanneer", "welke", "mag"}),
    ("en", {"i", "my", "the", "when", "which"}, set()),
])
def test_the_word_list_carries_lunr_s_stop_words_and_the_site_s_own(site, language, stop_words, extra):
    stop = set(words_of(site, language)["stop"])
    assert stop_words | extra <= stop
    assert not {"rug", "spit", "back", "pain", "hardlopen", "running"} & stop  # words that say what is asked


def test_the_stop_words_stop_the_build_when_material_no_longer_ships_them(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "material_templates", lambda: tmp_path)
    with pytest.raises(PatchError, match=r"lunr\.nl\.min\.js: no nl stop word list: update patient_info/search_index.py$"):
        search_index.stop_words("nl")


@pytest.mark.parametrize("text", ["nl: [irregular", "nl:\n  irregular: [lopen]\n", "en:\n  synonyms: {}\n"])
def test_malformed_word_lists_stop_the_build_with_one_line(tmp_path, monkeypatch, text):
    docs = tmp_path / "docs"
    (docs / "_shared").mkdir(parents=True)
    (docs / "_shared" / "search-words.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"^docs/_shared/search-words.yml: no valid word lists for 'nl' \(") as error:
        search_index.word_lists(docs, "nl")
    assert "\n" not in str(error.value)
