"""Shared text blocks (docs/_shared/, pulled in with pymdownx.snippets): written once, shown the same on both
articles, their sentences written nowhere else in docs/, and a missing or wrong-language block stops the build with
one line (patient_info/shared_blocks.py)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, run_build
from test_articles import article_of, text_of, until_heading

SHARED = ROOT / "docs" / "_shared"
ARTICLES = ("door-de-rug-gaan", "rugpijn-na-het-lopen")
LANGS = ("nl", "en")
# section id -> the block it shows (Dutch name; the English block is name.en.md)
BLOCKS = {"pijnstillers": "pijnstillers.md", "pijn-in-je-been": "pijn-in-je-been.md", "oefeningen": "oefeningen.md"}
KEY_SENTENCE_WORDS = 6  # sentences at least this long count as the block's own wording


def block_file(name: str, lang: str):
    return SHARED / (name if lang == "nl" else name.removesuffix(".md") + ".en.md")


def tidy(text: str) -> str:
    """Whitespace collapsed, none before punctuation (the page's text is joined from its elements with spaces)."""
    return re.sub(r"\s+(?=[.,;:?!)])", "", " ".join(text.split()))


def section_text(site, slug: str, lang: str, section: str) -> str:
    heading = article_of(site, slug, lang).find("h2", id=section)
    assert heading is not None, f"{slug} ({lang}) has no section #{section}"
    shown = [tag for tag in until_heading(heading, ["h1", "h2"]) if not tag.has_attr("data-section-words")]
    text = tidy(" ".join(text_of(tag) for tag in shown))  # the search's hidden words are no part of the block
    for svg in heading.find_all_next("svg", class_="exercise-drawing"):  # a drawing's title is not the block's words
        text = text.replace(tidy(svg.title.get_text()) + " ", "")
    return text


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees: no snippet lines, links as their text, no emphasis or list markers."""
    markdown = re.sub(r"^[ \t]*-{1,}8<-{1,}.*$", " ", markdown, flags=re.MULTILINE)
    markdown = re.sub(r"^\{drawing:[^}]*\}[ \t]*$", " ", markdown, flags=re.MULTILINE)  # a drawing, not words
    markdown = re.sub(r"^/{3,}.*$", " ", markdown, flags=re.MULTILINE)  # a block's start or end (pymdownx.blocks)
    markdown = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    markdown = markdown.replace("**", "")
    markdown = re.sub(r"^[ \t]*(?:[-*](?=\s)|\d+\.(?=\s)|!!!.*|\|.*)", " ", markdown, flags=re.MULTILINE)
    return tidy(markdown)


def key_sentences(path) -> list[str]:
    sentences = re.split(r"(?<=[.!?;])\s+", plain(path.read_text(encoding="utf-8")))
    return [s for s in sentences if len(re.findall(r"\w+", s)) >= KEY_SENTENCE_WORDS]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", BLOCKS)
def test_block_shows_the_same_on_both_articles(site, section, lang):
    first, second = (section_text(site, slug, lang, section) for slug in ARTICLES)
    assert first == second
    # ... and it is the block's text, not an empty section.
    sentences = key_sentences(block_file(BLOCKS[section], lang))
    assert sentences
    for sentence in sentences:
        assert tidy(sentence) in first


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", BLOCKS)
def test_block_is_the_only_place_its_sentences_are_written(section, lang):
    own = block_file(BLOCKS[section], lang)
    others = [p for p in (ROOT / "docs").rglob("*") if p.is_file() and p.suffix in (".md", ".txt", ".yml") and p != own]
    texts = {p.relative_to(ROOT).as_posix(): plain(p.read_text(encoding="utf-8")) for p in others}
    repeated = [(sentence, name) for sentence in key_sentences(own) for name, text in texts.items() if sentence in text]
    assert repeated == []


def test_painkiller_faq_answers_are_short_and_link_to_the_block(site):
    for slug, question in (("door-de-rug-gaan", "welke-pijnstiller"), ("rugpijn-na-het-lopen", "medicijnen")):
        for lang in LANGS:
            heading = article_of(site, slug, lang).find("h3", id=question)
            answer = until_heading(heading, ["h1", "h2", "h3"])
            assert any(a.get("href") == "#pijnstillers" for tag in answer for a in tag.select("a"))
            assert len(" ".join(text_of(tag) for tag in answer).split()) <= 60


def test_shared_blocks_are_not_published(site):
    for name in [*BLOCKS.values(), "pijnstillers-maximum.md", "new-to-the-netherlands.en.txt"]:
        assert not list(site.site.rglob(name)), name
    assert "--8<--" not in (site.site / "door-de-rug-gaan" / "index.html").read_text(encoding="utf-8")


BAD_INCLUDES = [
    ("rugpijn-na-het-lopen.md", '--8<-- "bestaat-niet.md"',
     'docs/rugpijn-na-het-lopen.md: includes "bestaat-niet.md", which is not in docs/_shared/'),
    ("rugpijn-na-het-lopen.en.md", '--8<-- "pijnstillers.md"',
     'docs/rugpijn-na-het-lopen.en.md: includes "pijnstillers.md", which is not an English block'),
    ("rugpijn-na-het-lopen.md", '--8<-- "pijnstillers.en.md"',
     'docs/rugpijn-na-het-lopen.md: includes "pijnstillers.en.md", which is not a Dutch block'),
]


@pytest.mark.parametrize("name, line, message", BAD_INCLUDES)
def test_bad_include_stops_the_build_with_one_line(fixture_project, tmp_path, name, line, message):
    page = fixture_project / "docs" / name
    # Before the footer marker, which ends every article (patient_info/article_footer.py).
    page.write_text(page.read_text(encoding="utf-8").replace("{article-footer", f"{line}\n\n{{article-footer", 1),
                    encoding="utf-8")
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    assert message in build.log
    assert "Traceback" not in build.log
