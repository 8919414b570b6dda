"""The two articles, checked on the built HTML: structure (summary, FAQ; the urgency cards: test_urgency.py), the same ids and sources in
both languages, review dates, meta description, words to avoid, own wording (seed overlap) and Dutch readability
(Flesch-Douma)."""

from __future__ import annotations

import copy
import datetime
import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest
import textstat
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from conftest import ROOT

# slug -> (FAQ count check, FAQ ids that must be there)
ARTICLES = {
    "rugpijn-na-het-lopen": (
        lambda n: n >= 12,
        {"stoppen-met-hardlopen", "weer-hardlopen", "kind-of-tiener", "sporten", "medicijnen"},
    ),
    "door-de-rug-gaan": (
        lambda n: n >= 15,
        {"in-bed-blijven", "warmte-of-kou", "welke-pijnstiller", "werken-en-sporten", "hoe-lang", "scan-nodig",
         "komt-het-terug", "wanneer-huisarts", "liggen-en-slapen", "ischias-of-hernia", "hoeveel-ibuprofen", "zwanger",
         "ziekmelden", "rug-of-nieren", "chiropractor-of-osteopaat"},
    ),
}
# slug -> the sections (h2 ids) that must be there, in both languages
SECTIONS = {
    "rugpijn-na-het-lopen": {"weer-opbouwen", "wandelen", "pijn-in-je-been", "pijnstillers", "oefeningen"},
    "door-de-rug-gaan": {"eerste-dagen", "werk", "pijn-in-je-been", "pijnstillers", "oefeningen"},
}
LANGS = ("nl", "en")
LABELS = {
    "nl": {"summary": "In het kort",
           "dates": ["Laatst gecontroleerd", "Volgende controle"]},
    "en": {"summary": "In short", "dates": ["Last reviewed", "Next review"]},
}
FEAR_WORDS = {
    "nl": ["slijtage", "letsel", "degeneratie", "aspecifiek"],
    "en": ["wear and tear", "degeneration", "non-specific"],
}
REQUIRED_SOURCES = {
    "NHG": ["richtlijnen.nhg.org"],
    "KNGF": ["kngf.nl", "kennisplatformfysiotherapie.nl"],
    "NICE": ["nice.org.uk"],
}
SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
MIN_FLESCH_DOUMA = 65
MAX_SENTENCE_LENGTH = 12  # average words per sentence: below this
MAX_WORDS_IN_SENTENCE = 20  # no Dutch sentence longer than this
MIN_ANSWER_WORDS = 20

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
TEXT_BLOCKS = {*HEADINGS, "p", "li", "th", "td"}

PAGES = [pytest.param(slug, lang, id=f"{slug}-{lang}") for slug in ARTICLES for lang in LANGS]
SLUGS = [pytest.param(slug, id=slug) for slug in ARTICLES]


# --- helpers -------------------------------------------------------------------------------------------------------


def url_path(slug: str, lang: str) -> str:
    return f"{slug}/" if lang == "nl" else f"{lang}/{slug}/"


def article_of(site, slug: str, lang: str) -> Tag:
    return site.page(url_path(slug, lang)).find("article")


def front_matter(slug: str, lang: str) -> dict:
    name = f"{slug}.md" if lang == "nl" else f"{slug}.{lang}.md"
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{name} has no front matter"
    return yaml.safe_load(match.group(1))


def text_of(tag: Tag) -> str:
    """The visible text of an element, without headerlink "¶" symbols, whitespace collapsed."""
    tag = copy.copy(tag)
    for link in tag.select("a.headerlink"):
        link.decompose()
    return " ".join(tag.get_text(" ").split())


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def until_heading(start: Tag, levels: list[str]) -> list[Tag]:
    """The sibling elements after `start` up to the next heading of one of `levels`."""
    found = []
    for sibling in start.find_next_siblings():
        if sibling.name in levels:
            break
        found.append(sibling)
    return found


def faq_questions(article: Tag) -> list[Tag]:
    faq = article.find("h2", id="veelgestelde-vragen")
    assert faq is not None, "no h2#veelgestelde-vragen"
    return [tag for tag in until_heading(faq, ["h1", "h2"]) if tag.name == "h3"]


def without_sources(article: Tag) -> Tag:
    """A copy of the article without the sources section (h2#bronnen up to the next h2) and the review dates."""
    article = copy.copy(article)
    sources = article.find("h2", id="bronnen")
    if sources is not None:
        for tag in until_heading(sources, ["h1", "h2"]):
            tag.decompose()
        sources.decompose()
    for tag in article.select(".review-dates"):
        tag.decompose()
    return article


def source_urls(article: Tag) -> list[str]:
    sources = article.find("h2", id="bronnen")
    assert sources is not None, "no h2#bronnen"
    return [a["href"] for a in sources.find_next_sibling("ul").select("a[href]")]


def sentences_text(article: Tag) -> str:
    """The article's readable text, each heading, paragraph and list item as its own sentence.

    Drops the sources section, the review dates and the headerlink symbols. A block that does not end with . ! or ?
    gets a full stop (a trailing : or ; is replaced), so that textstat counts it as one sentence."""
    article = without_sources(article)
    for link in article.select("a.headerlink"):
        link.decompose()
    blocks: dict[int, list[str]] = {}
    for string in article.find_all(string=True):
        if not isinstance(string, NavigableString) or not string.strip():
            continue
        block = next((parent for parent in string.parents if parent.name in TEXT_BLOCKS), None)
        if block is not None:
            blocks.setdefault(id(block), []).append(str(string))
    sentences = []
    for parts in blocks.values():
        sentence = " ".join("".join(parts).split())
        if not sentence.endswith((".", "!", "?")):
            sentence = sentence.rstrip(":;, ") + "."
        sentences.append(sentence)
    return " ".join(sentences)


def long_sentences(text: str, limit: int = MAX_WORDS_IN_SENTENCE) -> list[tuple[int, str]]:
    """The sentences of `text` (as sentences_text writes it) with more than `limit` words, with their word count."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = word_count(sentence)
        if words > limit:
            found.append((words, sentence))
    return found


def readability(text: str) -> tuple[float, float]:
    """Flesch-Douma reading ease and average sentence length (words per sentence, as textstat counts them)."""
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text), textstat.lexicon_count(text) / textstat.sentence_count(text)


# --- structure, per article and language ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug, lang", PAGES)
def test_one_h1_then_summary(site, slug, lang):
    soup = site.page(url_path(slug, lang))
    assert len(soup.find_all("h1")) == 1
    # The title shares a row with its print button and PDF link (overrides/main.html); "In het kort" is the first
    # thing after that row (an intro sits inside it).
    title = soup.find("article").find("h1")
    assert "article-title" in title.parent.get("class", [])
    summary = title.parent.find_next_sibling()
    assert summary.name == "div" and {"admonition", "summary"} <= set(summary.get("class", [])), summary.name
    assert text_of(summary.select_one(".admonition-title")) == LABELS[lang]["summary"]
    assert 4 <= len(summary.select("li")) <= 6


@pytest.mark.parametrize("slug, lang", PAGES)
def test_faq_questions_and_answers(site, slug, lang):
    count_ok, required_ids = ARTICLES[slug]
    questions = faq_questions(article_of(site, slug, lang))
    assert count_ok(len(questions)), f"{len(questions)} FAQ questions"
    for question in questions:
        title = text_of(question)
        assert question.get("id"), f"question without id: {title}"
        assert title.endswith("?"), title
        answer = [tag for tag in until_heading(question, HEADINGS) if tag.name in ("p", "ul", "ol")]
        words = sum(word_count(text_of(tag)) for tag in answer)
        assert words >= MIN_ANSWER_WORDS, f"{title}: answer has {words} words"
    assert required_ids <= {question["id"] for question in questions}


@pytest.mark.parametrize("slug, lang", PAGES)
def test_required_sections_are_there(site, slug, lang):
    ids = {h2.get("id") for h2 in article_of(site, slug, lang).find_all("h2")}
    assert SECTIONS[slug] <= ids, f"missing sections: {sorted(SECTIONS[slug] - ids)}"


@pytest.mark.parametrize("slug, lang", PAGES)
def test_sources_include_guidelines(site, slug, lang):
    urls = source_urls(article_of(site, slug, lang))
    assert urls, "no source links"
    for url in urls:
        assert url.startswith("https://"), url
    hosts = [urlparse(url).hostname for url in urls]
    for name, domains in REQUIRED_SOURCES.items():
        assert any(host == d or host.endswith("." + d) for host in hosts for d in domains), f"no {name} source"


@pytest.mark.parametrize("slug, lang", PAGES)
def test_review_dates(site, slug, lang):
    times = article_of(site, slug, lang).select(".review-dates time[datetime]")
    assert len(times) == 2
    labels = [text_of(time.find_previous_sibling("strong")).rstrip(":") for time in times]
    assert labels == LABELS[lang]["dates"]
    last, following = (datetime.date.fromisoformat(time["datetime"]) for time in times)
    # The build itself refuses an overdue page (its "today" is set by the tests, tests/conftest.py).
    assert last < following <= last.replace(year=last.year + 3)


@pytest.mark.parametrize("slug, lang", PAGES)
def test_meta_description_is_front_matter_description(site, slug, lang):
    meta = site.page(url_path(slug, lang)).find("meta", attrs={"name": "description"})
    assert meta is not None
    assert meta["content"] == front_matter(slug, lang)["description"]


@pytest.mark.parametrize("slug, lang", PAGES)
def test_no_fear_words(site, slug, lang):
    text = text_of(without_sources(article_of(site, slug, lang))).lower()
    found = [word for word in FEAR_WORDS[lang] if word in text]
    assert found == []


# --- the two languages together ------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_same_ids_in_both_languages(site, slug):
    dutch, english = article_of(site, slug, "nl"), article_of(site, slug, "en")
    assert [q["id"] for q in faq_questions(dutch)] == [q["id"] for q in faq_questions(english)]
    assert [h.get("id") for h in dutch.select("h2, h3")] == [h.get("id") for h in english.select("h2, h3")]


@pytest.mark.parametrize("slug", SLUGS)
def test_same_sources_in_both_languages(site, slug):
    assert sorted(source_urls(article_of(site, slug, "nl"))) == sorted(source_urls(article_of(site, slug, "en")))


@pytest.mark.parametrize("slug", SLUGS)
def test_same_review_dates_in_both_languages(site, slug):
    dates = {
        lang: [time["datetime"] for time in article_of(site, slug, lang).select(".review-dates time[datetime]")]
        for lang in LANGS
    }
    assert dates["nl"] == dates["en"]


def test_lumbago_keywords_include_patient_words():
    keywords = {keyword.lower() for keyword in front_matter("door-de-rug-gaan", "nl")["keywords"]}
    assert {"spit", "lumbago", "door je rug gaan", "rug verrekt"} <= keywords


# --- own wording ---------------------------------------------------------------------------------------------------


def test_no_text_shared_with_seed_articles():
    if not SEED_OVERLAP.is_file():
        pytest.fail(f"seed overlap tool not found at {SEED_OVERLAP} (CI checks out ../shared beside this repository)")
    result = subprocess.run(
        [sys.executable, str(SEED_OVERLAP), str(ROOT / "docs")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^0 shared runs\b", result.stdout, re.MULTILINE), result.stdout


# --- readability ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [pytest.param(slug, id=f"{slug}-nl") for slug in ARTICLES])
def test_dutch_readability(site, slug, record_property):
    score, sentence_length = readability(sentences_text(article_of(site, slug, "nl")))
    print(f"{slug}: Flesch-Douma {score:.1f}, {sentence_length:.1f} words per sentence")
    record_property("flesch_douma", score)
    record_property("words_per_sentence", round(sentence_length, 1))
    assert score >= MIN_FLESCH_DOUMA
    assert sentence_length < MAX_SENTENCE_LENGTH


@pytest.mark.parametrize("slug", [pytest.param(slug, id=f"{slug}-nl") for slug in ARTICLES])
def test_no_dutch_sentence_over_20_words(site, slug):
    assert long_sentences(sentences_text(article_of(site, slug, "nl"))) == []


def test_long_sentence_check_can_fail():
    article = BeautifulSoup(
        "<article><p>Korte zin. Dit is een heel lange zin met veel te veel woorden, want hij gaat maar door en door "
        "en door zonder ooit te stoppen.</p><table><tr><td>15 minuten</td></tr></table></article>",
        "html.parser",
    ).article
    found = long_sentences(sentences_text(article))
    assert [words for words, _ in found] == [24]
    assert found[0][1].startswith("Dit is een heel lange zin")


def test_segmentation_makes_each_block_a_sentence():
    article = BeautifulSoup(
        '<article><h1 id="t">Titel<a class="headerlink" href="#t">¶</a></h1>'
        "<p>Eerste zin. Tweede <strong>zin</strong></p><ul><li>een punt</li><li>nog een punt;</li></ul>"
        '<p>Let op:</p><h2 id="bronnen">Bronnen</h2><ul><li><a href="https://x">Bron</a></li></ul>'
        '<p class="review-dates"><strong>Laatst gecontroleerd:</strong> <time datetime="2026-01-01">x</time></p>'
        "</article>",
        "html.parser",
    ).article
    assert sentences_text(article) == "Titel. Eerste zin. Tweede zin. een punt. nog een punt. Let op."


def test_readability_check_can_fail():
    bureaucratic = (
        "Overeenkomstig de bepalingen van de toepasselijke verzekeringsvoorwaarden wordt de aanspraak op "
        "vergoeding van fysiotherapeutische behandelingen uitsluitend gehonoreerd indien de verzekeringnemer "
        "voorafgaand aan de aanvang van de behandeling een schriftelijke machtiging heeft aangevraagd. "
        "Teneinde de doelmatigheid van de zorgverlening te waarborgen, behoudt de zorgverzekeraar zich het recht "
        "voor om aanvullende medische informatie op te vragen bij de behandelende zorgaanbieder, alvorens een "
        "definitieve beslissing omtrent de tegemoetkoming in de kosten wordt genomen. "
        "Onverminderd het voorgaande geldt dat declaraties die na het verstrijken van de wettelijke "
        "indieningstermijn worden ontvangen, niet langer in behandeling worden genomen en dientengevolge "
        "buiten beschouwing blijven bij de vaststelling van het uiteindelijke vergoedingsbedrag. "
        "Bezwaarschriften dienen binnen de daartoe gestelde termijn gemotiveerd en ondertekend te worden "
        "ingediend bij de daarvoor aangewezen afdeling klachtenbehandeling en geschillenbeslechting."
    )
    article = BeautifulSoup(f"<article><p>{bureaucratic}</p></article>", "html.parser").article
    score, sentence_length = readability(sentences_text(article))
    assert score < MIN_FLESCH_DOUMA
    assert sentence_length >= MAX_SENTENCE_LENGTH
