""""When to call": the care cards in three levels, rendered from the one source docs/_shared/urgency.yml, checked on
the built site (articles, home pages, the card to keep), through plain Python-Markdown with no MkDocs (the extension
patient_info.urgency_cards), and as build errors on small broken fixture sites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import textstat
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import ROOT, run_build
from patient_info import urgency
from patient_info.urgency import UrgencyError
from patient_info.urgency_cards import UrgencyCardsExtension

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
    with pytest.raises(UrgencyError) as error:
        urgency.check_urgency_data(broken(edit), "docs/_shared/urgency.yml")
    assert str(error.value) == f"docs/_shared/urgency.yml: {message}"


ARTICLE_BODY = "# T\n\n!!! summary\n\n    - x\n\n{urgency: emergency now nl}\n\n## A { #a }\n\n{urgency: appointment nl}\n"


@pytest.mark.parametrize("markdown, meta, message", [
    (ARTICLE_BODY.replace("{urgency: emergency now nl}", '!!! danger "Bel direct"\n\n    - x'), {},
     "a hand-written red-flag box (!!! danger)"),
    (ARTICLE_BODY.replace("{urgency: emergency now nl}", "{urgency: now emergency nl}"), {},
     "no urgency cards after the summary"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", ""), {}, "no {urgency: appointment nl} card"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", "{urgency: later nl}"), {}, "names unknown levels later"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", "Zie {urgency: appointment nl}"), {}, "marker is malformed"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", "{urgency: appointment}"), {},
     "{urgency: appointment} does not end with its language (nl or en): write {urgency: appointment nl}"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", "{urgency: appointment en}"), {},
     "{urgency: appointment en} is marked 'en', the file is 'nl'"),
    (ARTICLE_BODY.replace("{urgency: appointment nl}", "{urgency-card emergency nl}"), {},
     "the card to keep shows every level, write {urgency-card nl}"),
    (ARTICLE_BODY, {"urgency": ["chest-pain"]}, "front matter field 'urgency' is not read: every page shows every item"),
], ids=["hand-written box", "levels out of order", "no appointment", "unknown level", "not on its own line",
        "no language", "other language", "card with levels", "item choice in front matter"])
def test_page_markers_are_checked(markdown, meta, message):
    urgency.check_page(ARTICLE_BODY, {}, DATA, "docs/x.md")  # the valid article passes
    with pytest.raises(UrgencyError) as error:
        urgency.check_page(markdown, meta, DATA, "docs/x.md")
    assert str(error.value).startswith("docs/x.md: ") and message in str(error.value)


def test_the_card_to_keep_names_the_site_as_the_configuration_does():
    urgency.check_site_name(DATA, "en", "Back in motion", "docs/_shared/urgency.yml")
    with pytest.raises(UrgencyError, match="^docs/_shared/urgency.yml: 'card' has the 'nl' text 'site' 'Rug in "
                                           "beweging', but the site is called 'Rugklachten'"):
        urgency.check_site_name(DATA, "nl", "Rugklachten", "docs/_shared/urgency.yml")


# --- The extension, in plain Python-Markdown (what any generator that runs Python-Markdown does) -------------------

DATA_PATH = str(ROOT / "docs" / "_shared" / "urgency.yml")


def convert(text: str) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", UrgencyCardsExtension(data=DATA_PATH)])
    return BeautifulSoup(md.convert(text), "html.parser")


@pytest.mark.parametrize("lang", LANGS)
def test_plain_python_markdown_renders_the_cards_with_their_heading_and_link(lang):
    html = convert(f"# T\n\nIntro.\n\n{{urgency: emergency now {lang}}}\n\n## Later {{ #later }}\n\n"
                   f"{{urgency: appointment {lang}}}\n")
    assert "{urgency" not in str(html)
    heading = html.find("h2")
    assert heading["id"] == "wanneer-bellen" and heading.get_text() == DATA["section"][lang]
    first = heading.find_next_sibling()
    assert "urgency-cards" in first["class"] and shown(first) == expected(["emergency", "now"], lang)
    assert [a["href"] for a in first.select(".urgency--emergency h3 a")] == ["tel:112"]
    link = first.find_next_sibling()
    target = "wanneer-bellen.md" if lang == "nl" else "wanneer-bellen.en.md"
    assert link["class"] == ["urgency-keep"] and link.a["href"] == target
    assert link.a.get_text() == DATA["card"][lang]["link"]
    assert shown(html.find("h2", id="later").find_next_sibling()) == expected(["appointment"], lang)
    assert len(html.select(".urgency")) == 3


def test_plain_python_markdown_renders_the_card_to_keep_twice():
    html = convert("{urgency-card en}\n")
    cards = html.select(".urgency-card")
    assert len(cards) == 2 and cards[1]["aria-hidden"] == "true" and html.find("h2", id="wanneer-bellen") is None
    assert [text_of(card.select_one(".urgency-card__site")) for card in cards] == ["Back in motion"] * 2
    assert all(shown(card) == expected(LEVELS, "en") for card in cards)


def test_the_extension_escapes_every_text_it_writes(tmp_path):
    data = broken(lambda d: d["levels"][0]["items"][0].update(nl='<script>alert("x")</script> & \'s nachts'))
    path = tmp_path / "urgency.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    html = markdown.Markdown(extensions=[UrgencyCardsExtension(data=str(path))]).convert("{urgency: emergency nl}")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;s nachts" in html


@pytest.mark.parametrize("line, message", [
    ("{urgency: emergency now}", "{urgency: emergency now} does not end with its language (nl or en)"),
    ("{urgency: emergency now de}", "does not end with its language"),
    ("{urgency: soon nl}", "{urgency: soon nl} names unknown levels soon"),
    ("Bel {urgency: emergency nl}", "marker is malformed"),
    ("{urgency-card}", "{urgency-card} does not end with its language"),
])
def test_the_extension_fails_loudly_and_never_prints_a_marker(line, message):
    with pytest.raises(UrgencyError, match=re.escape(message)):
        convert(f"# T\n\n{line}\n")


def test_the_extension_imports_nothing_of_mkdocs_or_material():
    script = ("import sys, markdown\n"
              "html = markdown.markdown('{urgency: emergency now nl}', extensions=['patient_info.urgency_cards'])\n"
              "assert 'data-urgency-level=\"emergency\"' in html, html\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'jinja2')))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_icons_are_materials():
    material = pytest.importorskip("material")
    icons = Path(material.__file__).parent / "templates" / ".icons" / "material"
    for level in LEVELS + ["other"]:
        name = urgency.ICONS.get(level, urgency.OTHER_ICON)
        assert urgency.icon(level) == (icons / f"{name}.svg").read_text(encoding="utf-8").strip()


# --- Build errors on a fixture site (one line, naming the file) ----------------------------------------------------


def edit_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, old, new, message", [
    ("rugpijn-na-het-lopen.md", "{urgency: emergency now nl}", '!!! danger "Bel direct de huisarts als je:"\n\n    - iets',
     "ERROR   -  docs/rugpijn-na-het-lopen.md: a hand-written red-flag box (!!! danger)"),
    ("rugpijn-na-het-lopen.md", "{urgency: emergency now nl}", "{urgency: emergency now}",
     "ERROR   -  docs/rugpijn-na-het-lopen.md: {urgency: emergency now} does not end with its language (nl or en): "
     "write {urgency: emergency now nl}"),
    ("door-de-rug-gaan.en.md", "{urgency: appointment en}", "{urgency: appointment nl}",
     "ERROR   -  docs/door-de-rug-gaan.en.md: {urgency: appointment nl} is marked 'nl', the file is 'en'"),
    ("_shared/pijnstillers.en.md", "", "{urgency: now nl}\n\n",
     "ERROR   -  docs/_shared/pijnstillers.en.md: {urgency: now nl} is marked 'nl', the file is 'en'"),
    ("rugpijn-na-het-lopen.en.md", "keywords:", "urgency: [chest-pain]\nkeywords:",
     "ERROR   -  docs/rugpijn-na-het-lopen.en.md: front matter field 'urgency' is not read"),
    ("_shared/urgency.yml", "        en: You have pain in your chest.\n", "",
     "ERROR   -  docs/_shared/urgency.yml: item 'chest-pain' has no 'en' text"),
    ("_shared/urgency.yml", "site: Back in motion", "site: Back on track",
     "ERROR   -  docs/_shared/urgency.yml: 'card' has the 'en' text 'site' 'Back on track', but the site is called "
     "'Back in motion'"),
], ids=["hand-written box", "marker without language", "marker in the other language",
        "shared block in the other language", "item choice in front matter", "English text missing",
        "card names another site"])
def test_bad_urgency_input_stops_the_build_with_one_line(fixture_project, tmp_path, name, old, new, message):
    edit_file(fixture_project / "docs" / name, old, new)
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert [line for line in errors if line.startswith(message)], build.log
    assert "Traceback" not in build.log
