""""When to call": the care cards in three levels, rendered from the one source docs/_shared/urgency.yml, checked on
the built site (articles, home pages, the card to keep) and as build errors on small broken fixture sites."""

from __future__ import annotations

import re
import sys

import pytest
import textstat
import yaml
from bs4 import Tag

from conftest import ROOT, run_build

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import urgency  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

DATA = yaml.safe_load((ROOT / "docs" / "_shared" / "urgency.yml").read_text(encoding="utf-8"))
LEVELS = [level["id"] for level in DATA["levels"]]
LANGS = ("nl", "en")
ARTICLES = ("rugpijn-na-het-lopen", "door-de-rug-gaan")
PAGES = [pytest.param(slug, lang, id=f"{slug or 'home'}-{lang}") for slug in (*ARTICLES, "") for lang in LANGS]
MIN_FLESCH_DOUMA = 65


def url_path(slug: str, lang: str) -> str:
    path = f"{slug}/" if slug else ""
    return path if lang == "nl" else f"{lang}/{path}"


def content(site, slug: str, lang: str) -> Tag:
    return site.page(url_path(slug, lang)).select_one("article.md-content__inner")


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def shown(article: Tag) -> list[tuple[str, list[str]]]:
    """(level id, [item ids]) of every card on a page, in document order."""
    return [(card["data-urgency-level"], [li["data-urgency-item"] for li in card.select("li[data-urgency-item]")])
            for card in article.select(".urgency[data-urgency-level]")]


def expected(levels: list[str], language: str) -> list[tuple[str, list[str]]]:
    return [(level["id"], [item["id"] for item in level["items"]]) for level in DATA["levels"] if level["id"] in levels]


# --- The built site ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug, lang", PAGES)
def test_every_page_shows_the_three_levels_from_the_one_source_most_urgent_first(site, slug, lang):
    article = content(site, slug, lang)
    assert shown(article) == expected(LEVELS, lang)
    for card in article.select(".urgency[data-urgency-level]"):
        level = next(level for level in DATA["levels"] if level["id"] == card["data-urgency-level"])
        heading = card.select_one("h3.urgency__heading")
        assert text_of(heading) == f"{level[lang]['hidden_prefix']} {level[lang]['heading']}"
        assert text_of(heading.select_one(".visually-hidden")) == level[lang]["hidden_prefix"]
        for item in card.select("li[data-urgency-item]"):
            data_item = next(i for i in level["items"] if i["id"] == item["data-urgency-item"])
            assert text_of(item) == " ".join(data_item[lang].split())


@pytest.mark.parametrize("slug", ARTICLES)
def test_articles_show_112_and_call_now_right_after_the_summary_and_the_appointment_card_later(site, slug):
    for lang in LANGS:
        article = content(site, slug, lang)
        summary = article.select_one(".admonition.summary")
        # Only the phone's "Op deze pagina" list (starting with a link to these cards, tests/test_look.py) may sit
        # between the summary and the cards.
        heading = next(tag for tag in summary.find_next_siblings() if "page-toc" not in tag.get("class", []))
        assert heading.name == "h2" and heading["id"] == "wanneer-bellen", heading
        assert text_of(heading).rstrip("¶ ") == DATA["section"][lang]
        cards = heading.find_next_sibling()
        assert "urgency-cards" in cards["class"]
        assert [card["data-urgency-level"] for card in cards.select(".urgency")] == ["emergency", "now"]
        appointment = article.select_one(".urgency--appointment")
        assert appointment.find_previous("h2")["id"] == "fysiotherapeut-of-huisarts"


@pytest.mark.parametrize("slug, lang", PAGES)
def test_112_is_a_phone_link_and_no_hand_written_red_flag_box_remains(site, slug, lang):
    article = content(site, slug, lang)
    assert [a["href"] for a in article.select(".urgency--emergency h3 a")] == ["tel:112"]
    assert article.select(".admonition.danger") == []


@pytest.mark.parametrize("slug, lang", PAGES)
def test_card_texts_appear_nowhere_else_on_the_page(site, slug, lang):
    page = site.page(url_path(slug, lang))
    for tag in page.select(".urgency, script"):
        tag.decompose()
    rest = text_of(page)
    for level in DATA["levels"]:
        for item in level["items"]:
            text = " ".join(item[lang].split())
            sentences = [s for s in re.split(r"(?<=[.:])\s+", text) if len(s.split()) >= 5]
            for sentence in sentences:
                assert sentence not in rest, f"{item['id']} is written a second time: {sentence!r}"


@pytest.mark.parametrize("slug", ARTICLES)
def test_articles_and_home_page_link_the_card_to_keep(site, slug):
    for page_slug in (slug, ""):
        for lang in LANGS:
            links = [a["href"] for a in content(site, page_slug, lang).select(".urgency-keep a")]
            assert len(links) == 1 and links[0].rstrip("/").endswith("wanneer-bellen"), links


@pytest.mark.parametrize("lang", LANGS)
def test_card_to_keep_has_both_copies_and_room_for_the_patients_numbers(site, lang):
    page = content(site, "wanneer-bellen", lang)
    cards = page.select(".urgency-card")
    assert len(cards) == 2 and cards[1].get("aria-hidden") == "true" and "urgency-card--copy" in cards[1]["class"]
    for card in cards:
        assert shown(card) == expected(LEVELS, lang)
        labels = [text_of(dt) for dt in card.select(".urgency-card__numbers dt")]
        assert labels == [DATA["card"][lang]["your_gp"], DATA["card"][lang]["out_of_hours"]]


def test_dutch_only_build_has_the_cards_and_the_card_to_keep(dutch_only_site):
    assert shown(content(dutch_only_site, "door-de-rug-gaan", "nl")) == expected(LEVELS, "nl")
    assert (dutch_only_site.site / "wanneer-bellen" / "index.html").is_file()
    assert not (dutch_only_site.site / "en").exists()
    assert not (dutch_only_site.site / "_shared").exists()


def test_shared_sources_are_not_published(site):
    assert not (site.site / "_shared").exists()
    assert not list(site.site.rglob("urgency.yml"))


def test_dutch_cards_read_easily():
    sentences = []
    for level in DATA["levels"]:
        sentences += [level["nl"]["heading"] + ".", level["nl"]["intro"]]
        sentences += [" ".join(item["nl"].split()) for item in level["items"]]
    textstat.set_lang("nl")
    score = textstat.flesch_reading_ease(" ".join(sentences))
    print(f"Flesch-Douma of the Dutch cards: {score:.1f}")
    assert score >= MIN_FLESCH_DOUMA
    for sentence in re.split(r"(?<=[.?!:])\s+", " ".join(sentences)):
        assert len(sentence.split()) <= 20, sentence


def test_english_has_the_newcomers_line_on_the_call_now_card(site):
    note = content(site, "door-de-rug-gaan", "en").select_one(".urgency--now .urgency__note")
    assert "huisartsenpost first" in text_of(note) and "112" in text_of(note)


# --- The checks, called directly (fast) ----------------------------------------------------------------------------


def broken(edit) -> dict:
    data = yaml.safe_load((ROOT / "docs" / "_shared" / "urgency.yml").read_text(encoding="utf-8"))
    edit(data)
    return data


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["levels"][0]["items"][1].pop("en"), "item 'chest-pain' has no 'en' text"),
    (lambda d: d["levels"][1]["items"][0].update(nl="  "), "item 'bladder-bowel' has no 'nl' text"),
    (lambda d: d["levels"][2]["en"].pop("heading"), "level 'appointment' has no 'en' text 'heading'"),
    (lambda d: d["levels"][2]["items"].append(dict(d["levels"][0]["items"][0])), "item 'aorta-collapse': the id is used twice"),
    (lambda d: d["levels"][0]["items"][0].pop("source"), "item 'aorta-collapse' has no source"),
    (lambda d: d.pop("levels"), "must hold 'levels', a list of levels with items"),
], ids=["missing English", "empty Dutch", "missing level text", "duplicate id", "no source", "no levels"])
def test_incomplete_data_is_one_clear_error(edit, message):
    with pytest.raises(PluginError) as error:
        urgency.check_urgency_data(broken(edit), "docs/_shared/urgency.yml")
    assert str(error.value) == f"docs/_shared/urgency.yml: {message}"


ARTICLE_BODY = "# T\n\n!!! summary\n\n    - x\n\n{urgency: emergency now}\n\n## A { #a }\n\n{urgency: appointment}\n"


@pytest.mark.parametrize("markdown, meta, message", [
    (ARTICLE_BODY.replace("{urgency: emergency now}", '!!! danger "Bel direct"\n\n    - x'), {},
     "a hand-written red-flag box (!!! danger)"),
    (ARTICLE_BODY.replace("{urgency: emergency now}", "{urgency: now emergency}"), {},
     "no urgency cards after the summary"),
    (ARTICLE_BODY.replace("{urgency: appointment}", ""), {}, "no {urgency: appointment} card"),
    (ARTICLE_BODY.replace("{urgency: appointment}", "{urgency: later}"), {}, "names unknown levels later"),
    (ARTICLE_BODY.replace("{urgency: appointment}", "Zie {urgency: appointment}"), {}, "marker is malformed"),
])
def test_page_markers_are_checked(markdown, meta, message):
    urgency.check_markers(ARTICLE_BODY, {}, DATA, "docs/x.md")  # the valid article passes
    with pytest.raises(PluginError) as error:
        urgency.check_markers(markdown, meta, DATA, "docs/x.md")
    assert str(error.value).startswith("docs/x.md: ") and message in str(error.value)


def test_a_page_chooses_items_by_id_and_unknown_ids_are_an_error():
    assert urgency.chosen_items({"urgency": ["chest-pain", "fever"]}, DATA, "docs/x.md") == {"chest-pain", "fever"}
    assert len(urgency.chosen_items({}, DATA, "docs/x.md")) == sum(len(level["items"]) for level in DATA["levels"])
    with pytest.raises(PluginError, match="^docs/x.md: front matter field 'urgency' names unknown item ids: nope$"):
        urgency.chosen_items({"urgency": ["fever", "nope"]}, DATA, "docs/x.md")


# --- Build errors on a fixture site (one line, naming the file) ----------------------------------------------------


def edit_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, old, new, message", [
    ("rugpijn-na-het-lopen.md", "{urgency: emergency now}", '!!! danger "Bel direct de huisarts als je:"\n\n    - iets',
     "ERROR   -  docs/rugpijn-na-het-lopen.md: a hand-written red-flag box (!!! danger)"),
    ("rugpijn-na-het-lopen.en.md", "keywords:", "urgency: [chest-pain, made-up-item]\nkeywords:",
     "ERROR   -  docs/rugpijn-na-het-lopen.en.md: front matter field 'urgency' names unknown item ids: made-up-item"),
    ("door-de-rug-gaan.en.md", "keywords:", "urgency: [chest-pain]\nkeywords:",
     "ERROR   -  docs/door-de-rug-gaan.en.md: front matter field 'urgency' differs from the Dutch page's"),
    ("_shared/urgency.yml", "        en: You have pain in your chest.\n", "",
     "ERROR   -  docs/_shared/urgency.yml: item 'chest-pain' has no 'en' text"),
], ids=["hand-written box", "unknown item id", "languages choose different items", "English text missing"])
def test_bad_urgency_input_stops_the_build_with_one_line(fixture_project, tmp_path, name, old, new, message):
    edit_file(fixture_project / "docs" / name, old, new)
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert [line for line in errors if line.startswith(message)], build.log
    assert "Traceback" not in build.log
